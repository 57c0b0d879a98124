package com.kfgateway.delivery.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Delivery settings: how often a part is tried before it is given up. */
@ApplicationScoped
public class DeliveryConfig {

    /** A part still SENDING after this long was claimed by a node that crashed mid-call: try it again. */
    static final Duration SENDING_STALE_AFTER = Duration.ofSeconds(60);

    @Inject
    @ConfigProperty(name = "delivery.max-attempts", defaultValue = "5")
    int maxAttempts;

    public int maxAttempts() {
        return Math.max(1, maxAttempts);
    }

    public Duration sendingStaleAfter() {
        return SENDING_STALE_AFTER;
    }
}
