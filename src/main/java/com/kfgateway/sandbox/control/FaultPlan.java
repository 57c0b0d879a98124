package com.kfgateway.sandbox.control;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;

/**
 * Faults queued per API path, each consumed by the next call of that path — or, when queued for one customer, by the
 * next call of that path about that customer, so background traffic for other customers cannot consume it. Not
 * thread-safe: the simulator's lock guards it.
 */
final class FaultPlan {

    private final Map<String, Queue<Integer>> errorsBeforeEffect = new HashMap<>();
    private final Map<String, Queue<Integer>> errorsAfterEffect = new HashMap<>();
    private final Map<String, Queue<Duration>> delays = new HashMap<>();
    private final Map<String, Queue<Integer>> httpStatuses = new HashMap<>();

    void failNext(String api, int errcode, int times) {
        Queue<Integer> queue = errorsBeforeEffect.computeIfAbsent(api, key -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) {
            queue.add(errcode);
        }
    }

    void failNextFor(String api, String customer, int errcode, int times) {
        failNext(api + "|" + customer, errcode, times);
    }

    void failAfterEffectNext(String api, int errcode) {
        errorsAfterEffect.computeIfAbsent(api, key -> new ArrayDeque<>()).add(errcode);
    }

    void delayNext(String api, Duration delay) {
        delays.computeIfAbsent(api, key -> new ArrayDeque<>()).add(delay);
    }

    void httpStatusNext(String api, int status) {
        httpStatuses.computeIfAbsent(api, key -> new ArrayDeque<>()).add(status);
    }

    Integer takeErrorBeforeEffect(String api, String customer) {
        Integer forCustomer = customer == null ? null : take(errorsBeforeEffect, api + "|" + customer);
        return forCustomer != null ? forCustomer : take(errorsBeforeEffect, api);
    }

    Integer takeErrorAfterEffect(String api) {
        return take(errorsAfterEffect, api);
    }

    Duration takeDelay(String api) {
        return take(delays, api);
    }

    Integer takeHttpStatus(String api) {
        return take(httpStatuses, api);
    }

    private static <T> T take(Map<String, Queue<T>> faults, String api) {
        Queue<T> queue = faults.get(api);
        return queue == null ? null : queue.poll();
    }
}
