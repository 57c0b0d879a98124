package com.kfgateway.sandbox.control;

import com.kfgateway.sandbox.entity.ApiCall;
import com.kfgateway.sandbox.entity.CallbackResult;
import com.kfgateway.sandbox.entity.DeliveredMessage;
import java.util.List;

/**
 * A backlog for the benchmarks: customers' messages queued in the simulator's sync log WITHOUT the callback WeCom
 * would post after each, then one callback on demand, and cheap reads of what was delivered since a position (a
 * poll over 10,000 customers must not copy every delivery each time). The same rules and shapes as
 * {@link WeComSimulator#customerSendsText}; only the callback is held back. Test code only.
 */
public final class SimulatorBacklog {

    private final WeComSimulator simulator;

    public SimulatorBacklog(WeComSimulator simulator) {
        this.simulator = simulator;
    }

    /** The customer writes; nothing tells the product yet. Returns the sync msgid. */
    public String queueText(String openKfid, String externalUserid, String text) {
        synchronized (simulator) {
            return simulator.actions.customerSendsText(openKfid, externalUserid, text);
        }
    }

    /** The customer enters the session (a welcome_code when one is due); nothing tells the product yet. */
    public String queueEnterSession(String openKfid, String externalUserid) {
        synchronized (simulator) {
            return simulator.actions.enterSession(openKfid, externalUserid, null, null);
        }
    }

    /** WeCom's kf_msg_or_event callback for the account, with a fresh sync token; returns how it was answered. */
    public CallbackResult ring(String openKfid) {
        CallbackDelivery.Prepared callback;
        synchronized (simulator) {
            callback = simulator.callbacks.prepare(openKfid);
        }
        int before = simulator.callbacks.results().size();
        simulator.callbacks.deliver(callback);
        List<CallbackResult> results = simulator.callbacks.results();
        return results.size() > before ? results.get(results.size() - 1) : null;
    }

    /** A sync token as a callback carries it (valid 10 minutes). */
    public String syncToken() {
        synchronized (simulator) {
            return simulator.state.issueSyncToken();
        }
    }

    /** How many messages have been delivered, to anyone. */
    public int deliveredCount() {
        synchronized (simulator) {
            return simulator.state.delivered.size();
        }
    }

    /** The deliveries from position {@code from} on (0 = the first ever), in delivery order. */
    public List<DeliveredMessage> deliveredFrom(int from) {
        synchronized (simulator) {
            List<DeliveredMessage> all = simulator.state.delivered;
            return from >= all.size() ? List.of() : List.copyOf(all.subList(from, all.size()));
        }
    }

    /** The API calls of {@code api} (e.g. kf/send_msg) the simulator answered with {@code errcode}. */
    public long answered(String api, int errcode) {
        List<ApiCall> calls;
        synchronized (simulator) {
            calls = simulator.calls();
        }
        return calls.stream().filter(call -> call.path().equals(api) && call.errcode() == errcode).count();
    }

    /** The API calls of {@code api} the simulator answered, whatever the outcome. */
    public long calls(String api) {
        List<ApiCall> calls;
        synchronized (simulator) {
            calls = simulator.calls();
        }
        return calls.stream().filter(call -> call.path().equals(api)).count();
    }
}
