package com.kfgateway.delivery.control;

import com.kfgateway.wecom.control.WeComConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Delivery settings: how often a part is tried, and when a part left SENDING must have lost its dispatcher. */
@ApplicationScoped
public class DeliveryConfig {

    /**
     * One attempt can take up to four WeCom calls before it has an outcome (gettoken, the send, and both again
     * after a rejected token), each as long as the configured timeouts allow; a margin covers recording the result.
     */
    static final int CALLS_PER_ATTEMPT = 4;
    static final Duration MARGIN = Duration.ofSeconds(10);

    @Inject
    @ConfigProperty(name = "delivery.max-attempts", defaultValue = "5")
    int maxAttempts;

    @Inject
    WeComConfig wecom;

    public int maxAttempts() {
        return Math.max(1, maxAttempts);
    }

    /** A part still SENDING after this long was claimed by a dispatcher that died mid-call (a crash, a kill). */
    public Duration sendingStaleAfter() {
        return wecom.longestCall().multipliedBy(CALLS_PER_ATTEMPT).plus(MARGIN);
    }
}
