package com.kfgateway.doctor.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How often the doctor looks by itself, how long a silent callback may be while customers write, whom it tells when
 * a check turns red, and where the console is.
 */
@ApplicationScoped
public class DoctorConfig {

    /** A tenth either way, so that nodes started together do not ask WeCom in step. */
    static final double JITTER = 0.1;

    @Inject
    @ConfigProperty(name = "doctor.interval-minutes", defaultValue = "10")
    double intervalMinutes;

    @Inject
    @ConfigProperty(name = "doctor.callback-silence-hours", defaultValue = "2")
    double callbackSilenceHours;

    @Inject
    @ConfigProperty(name = "doctor.alert-to")
    Optional<String> alertTo;

    @Inject
    @ConfigProperty(name = "console.public-url")
    Optional<String> consoleUrl;

    /** The time between two looks, before jitter; at least a second. */
    public Duration interval() {
        return Duration.ofMillis(Math.max(1000, Math.round(intervalMinutes * 60_000)));
    }

    /** How long customers may write without a single callback before the doctor calls the callback lost. */
    public Duration callbackSilence() {
        return Duration.ofMillis(Math.max(1000, Math.round(callbackSilenceHours * 3_600_000)));
    }

    /** The interval with up to a tenth added or taken away, {@code random} in [0, 1). */
    public Duration jittered(double random) {
        long base = interval().toMillis();
        return Duration.ofMillis(Math.round(base * (1 - JITTER + 2 * JITTER * random)));
    }

    /** WeCom userids to tell through the self-built app, joined by "|"; empty: nobody is told. */
    public Optional<String> alertTo() {
        return alertTo.map(String::trim).filter(to -> !to.isEmpty());
    }

    /** The doctor page as staff reach it: under CONSOLE_PUBLIC_URL when set, else the path alone. */
    public String doctorPage() {
        String base = consoleUrl.map(String::trim).orElse("");
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base + "/admin/doctor/index.xhtml";
    }
}
