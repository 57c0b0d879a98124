package com.kfgateway.sandbox.control;

import com.kfgateway.sandbox.entity.SimulatorResponse;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.function.Supplier;

/**
 * Faults queued per API, each consumed by the next call of that API — or, when queued for one customer, by the next
 * call of that API about that customer, so background traffic for other customers cannot consume it. The
 * simulator's interceptor: delays outside its lock, everything else around the routed call. Thread-safe (its own
 * lock), since tests queue faults while the product calls.
 */
final class FaultPlan implements CallInterceptor {

    private final Map<String, Queue<Integer>> errorsBeforeEffect = new HashMap<>();
    private final Map<String, Queue<Integer>> errorsAfterEffect = new HashMap<>();
    private final Map<String, Queue<Duration>> delays = new HashMap<>();
    private final Map<String, Queue<Hold>> holds = new HashMap<>();
    private final Map<String, Queue<Integer>> httpStatuses = new HashMap<>();
    private boolean servePageTwice;
    private boolean emptyPageWithMore;
    private Chaos chaos;
    /** The chaos fault chosen for the call this thread serves, from arriving to around. */
    private final ThreadLocal<Chaos.Fault> drawn = new ThreadLocal<>();

    synchronized void chaos(Chaos chaos) {
        this.chaos = chaos;
    }

    synchronized void failNext(String api, int errcode, int times) {
        Queue<Integer> queue = errorsBeforeEffect.computeIfAbsent(api, key -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) {
            queue.add(errcode);
        }
    }

    synchronized void failNextFor(String api, String customer, int errcode, int times) {
        failNext(api + "|" + customer, errcode, times);
    }

    synchronized void failAfterEffectNext(String api, int errcode) {
        errorsAfterEffect.computeIfAbsent(api, key -> new ArrayDeque<>()).add(errcode);
    }

    synchronized Hold holdCall(String api, int callNo) {
        Hold hold = new Hold(callNo - 1);
        holds.computeIfAbsent(api, key -> new ArrayDeque<>()).add(hold);
        return hold;
    }

    synchronized void delayNext(String api, Duration delay) {
        delays.computeIfAbsent(api, key -> new ArrayDeque<>()).add(delay);
    }

    synchronized void httpStatusNext(String api, int status) {
        httpStatuses.computeIfAbsent(api, key -> new ArrayDeque<>()).add(status);
    }

    synchronized void servePageTwice() {
        servePageTwice = true;
    }

    synchronized void emptyPageWithMoreNext() {
        emptyPageWithMore = true;
    }

    @Override
    public void arriving(String api) {
        Duration delay;
        Hold hold;
        Chaos.Fault fault;
        synchronized (this) {
            delay = take(delays, api);
            hold = holds.containsKey(api) && holds.get(api).peek() != null && holds.get(api).peek().letOneThrough()
                    ? null : take(holds, api);
            fault = chaos == null ? null : chaos.draw();
        }
        drawn.set(fault);
        if (fault == Chaos.Fault.TIMEOUT) {
            delay = chaos.callerTimeout().plusSeconds(1);
        }
        if (hold != null) {
            hold.arriveAndWait();
        }
        if (delay != null) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public synchronized SimulatorResponse around(ApiRequest call, Supplier<SimulatorResponse> route) {
        String api = call.api();
        Chaos.Fault fault = drawn.get();
        drawn.remove();
        if (fault != null && fault != Chaos.Fault.TIMEOUT) {
            return fault.strike(route);
        }
        Integer status = take(httpStatuses, api);
        if (status != null) {
            return new SimulatorResponse(status, "text/html; charset=UTF-8",
                    ("<html><body>" + status + "</body></html>").getBytes(StandardCharsets.UTF_8));
        }
        String customer = customerOf(call.body());
        Integer before = customer == null ? null : take(errorsBeforeEffect, api + "|" + customer);
        if (before == null) {
            before = take(errorsBeforeEffect, api);
        }
        if (before != null) {
            throw new ApiError(before, before == ApiError.SYSTEM_BUSY ? "system busy" : "injected fault");
        }
        SimulatorResponse response = route.get();
        Integer after = take(errorsAfterEffect, api);
        if (after != null) {
            throw new ApiError(after, "injected fault after the effect");
        }
        return api.equals("kf/sync_msg") ? syncPage(call, response) : response;
    }

    /** The page again (its cursor not advanced), or an empty page with has_more=1, as WeCom may answer. */
    private SimulatorResponse syncPage(ApiRequest call, SimulatorResponse response) {
        if (!emptyPageWithMore && !servePageTwice) {
            return response;
        }
        JsonObject page;
        try (JsonReader reader = Json
                .createReader(new StringReader(new String(response.body(), StandardCharsets.UTF_8)))) {
            page = reader.readObject();
        }
        String sameCursor = SyncEndpoint.cursorAt(SyncEndpoint.position(call.text("cursor")));
        if (emptyPageWithMore) {
            emptyPageWithMore = false;
            return SimulatorResponse.json(Json.createObjectBuilder(page).add("next_cursor", sameCursor)
                    .add("has_more", 1).add("msg_list", Json.createArrayBuilder()).build().toString());
        }
        if (page.getJsonArray("msg_list").isEmpty()) {
            return response;
        }
        servePageTwice = false;
        return SimulatorResponse.json(Json.createObjectBuilder(page).add("next_cursor", sameCursor)
                .add("has_more", 1).build().toString());
    }

    /** The customer a call is about (send_msg's touser, service_state's external_userid), if any. */
    private static String customerOf(JsonObject body) {
        String touser = body.getString("touser", null);
        return touser != null ? touser : body.getString("external_userid", null);
    }

    private static <T> T take(Map<String, Queue<T>> faults, String key) {
        Queue<T> queue = faults.get(key);
        return queue == null ? null : queue.poll();
    }
}
