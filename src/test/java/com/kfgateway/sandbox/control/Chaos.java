package com.kfgateway.sandbox.control;

import com.kfgateway.sandbox.entity.SimulatorResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Faults on a share of every WeCom call, drawn from a seeded random: what a bad day on the network and at WeCom looks
 * like. Each fault kind is drawn equally often; the ones marked "after the effect" let the call happen and then lose
 * or spoil its answer, which only a product that reuses its msgids survives.
 */
public final class Chaos {

    /** What goes wrong with one call. */
    public enum Fault {
        /** -1, no effect. */
        BUSY,
        /** -1, after the effect: WeCom did it and said it was busy. */
        BUSY_AFTER_EFFECT,
        /** 45009, no effect. */
        RATE_LIMITED,
        /** HTTP 502 with an HTML page, no effect. */
        BAD_GATEWAY,
        /** The connection closes after the effect, with no answer. */
        CONNECTION_DROPPED,
        /** The answer comes after the caller's timeout; the effect happens. */
        TIMEOUT;

        SimulatorResponse strike(Supplier<SimulatorResponse> route) {
            return switch (this) {
                case BUSY -> throw new ApiError(ApiError.SYSTEM_BUSY, "system busy");
                case BUSY_AFTER_EFFECT -> {
                    route.get();
                    throw new ApiError(ApiError.SYSTEM_BUSY, "system busy");
                }
                case RATE_LIMITED -> throw new ApiError(45009, "api freq out of limit");
                case BAD_GATEWAY -> new SimulatorResponse(502, "text/html; charset=UTF-8",
                        "<html><body>502 Bad Gateway</body></html>".getBytes(StandardCharsets.UTF_8));
                case CONNECTION_DROPPED -> {
                    route.get();
                    yield SimulatorResponse.noAnswer();
                }
                case TIMEOUT -> route.get();
            };
        }
    }

    private final double rate;
    private final Random random;
    private final Duration callerTimeout;
    private final Map<Fault, Integer> struck = new EnumMap<>(Fault.class);
    private int calls;

    /** {@code rate} of all calls get a fault; a TIMEOUT answers one second after {@code callerTimeout}. */
    public Chaos(double rate, long seed, Duration callerTimeout) {
        this.rate = rate;
        this.random = new Random(seed);
        this.callerTimeout = callerTimeout;
    }

    Duration callerTimeout() {
        return callerTimeout;
    }

    synchronized Fault draw() {
        calls++;
        if (random.nextDouble() >= rate) {
            return null;
        }
        Fault fault = Fault.values()[random.nextInt(Fault.values().length)];
        struck.merge(fault, 1, Integer::sum);
        return fault;
    }

    /** Calls seen and faults struck so far, for the test's report. */
    public synchronized String summary() {
        return calls + " calls, faults " + struck;
    }
}
