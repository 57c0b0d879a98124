package com.kfgateway.metrics.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * What the other components report, kept in the server's application registry (Prometheus names
 * {@code kf_callbacks_total}, {@code kf_sends_total}, {@code kf_model_seconds}, {@code kf_model_fallbacks_total},
 * {@code kf_pull_lag_seconds}, {@code kf_answers_pending}). Counters are looked up once per tag value: the callback
 * endpoint reports every request, and it must stay as fast as a bare endpoint.
 */
@ApplicationScoped
public class OperatorMetrics {

    private static final Metadata CALLBACKS = Metadata.builder().withName("kf.callbacks")
            .withDescription("Requests to the WeCom callback URL, by outcome: accepted, verified (the URL check) or "
                    + "why it was refused")
            .build();
    private static final Metadata SENDS = Metadata.builder().withName("kf.sends")
            .withDescription("Send attempts to WeCom, by errcode (0 sent; transport: no answer; refused: not called)")
            .build();
    private static final Metadata MODEL = Metadata.builder().withName("kf.model")
            .withDescription("Time the chat model took per question, fallbacks included")
            .withUnit(MetricUnits.SECONDS).build();
    private static final Metadata FALLBACKS = Metadata.builder().withName("kf.model.fallbacks")
            .withDescription("Questions the rules answered because the model failed or was too slow").build();
    private static final Metadata PULL_LAG = Metadata.builder().withName("kf.pull.lag")
            .withDescription("From WeCom's callback to the pull that fetched the messages it announced")
            .withUnit(MetricUnits.SECONDS).build();
    private static final Metadata PENDING = Metadata.builder().withName("kf.answers.pending")
            .withDescription("Customer messages stored but not yet answered").build();

    private static final Logger LOG = Logger.getLogger(OperatorMetrics.class.getName());

    @Inject
    Instance<MetricRegistry> registries;

    /** Null where the server keeps no metrics. */
    private MetricRegistry registry;
    private final Map<String, Counter> callbacks = new ConcurrentHashMap<>();
    private final Map<String, Counter> sends = new ConcurrentHashMap<>();

    @PostConstruct
    void init() {
        try {
            registry = registries.isResolvable() ? registries.get() : null;
        } catch (RuntimeException switchedOff) {
            // Payara with its metrics service disabled (the default here) still offers a registry, which then
            // fails when asked for; either way nobody reads the figures.
            LOG.log(Level.FINE, "no metrics registry: the server's metrics are switched off", switchedOff);
            registry = null;
        }
        LOG.info(registry == null
                ? "operator metrics are not kept: this server's MicroProfile Metrics are switched off or absent"
                : "operator metrics are kept in the application registry (/metrics?scope=application)");
    }

    /** One request to the callback URL and what became of it. */
    public void callback(String outcome) {
        if (registry != null) {
            callbacks.computeIfAbsent(outcome, o -> registry.counter(CALLBACKS, new Tag("outcome", o))).inc();
        }
    }

    /** One send attempt: WeCom's errcode, or null when WeCom did not answer ({@code transport}) or was not asked. */
    public void send(Integer errcode, boolean called) {
        if (registry != null) {
            String code = errcode != null ? String.valueOf(errcode) : called ? "transport" : "refused";
            sends.computeIfAbsent(code, c -> registry.counter(SENDS, new Tag("errcode", c))).inc();
        }
    }

    /** One question put to the model, and whether the rules had to answer it instead. */
    public void modelAnswered(Duration took, boolean fellBack) {
        if (registry != null) {
            registry.timer(MODEL).update(took);
            if (fellBack) {
                registry.counter(FALLBACKS).inc();
            }
        }
    }

    /** How long messages WeCom announced waited for the pull that fetched them. */
    public void pulled(Duration lag) {
        if (registry != null) {
            Timer timer = registry.timer(PULL_LAG);
            timer.update(lag.isNegative() ? Duration.ZERO : lag);
        }
    }

    /** Where the number of messages waiting for an answer is read; called once by its owner. */
    public void pendingAnswersFrom(LongSupplier reading) {
        if (registry != null) {
            registry.gauge(PENDING, reading, LongSupplier::getAsLong);
        }
    }
}
