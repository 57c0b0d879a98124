package com.kfgateway.sandbox.control;

import com.kfgateway.sandbox.entity.StaffNotification;
import java.util.List;

/**
 * What tests read from the simulator that no sandbox page shows: counts and records behind the API (what pages
 * show, such as the call log and the deliveries to one customer, the simulator offers itself). Test code only.
 */
public final class SimulatorProbe {

    private final WeComSimulator simulator;

    public SimulatorProbe(WeComSimulator simulator) {
        this.simulator = simulator;
    }

    /** Successful gettoken calls with the "app" or the "kf" secret; a secret that is both counts for each. */
    public int gettokenCalls(String kind) {
        synchronized (simulator) {
            return (int) simulator.tokens.tokens.values().stream()
                    .filter(token -> token.kind().equals(kind) || token.kind().equals("both"))
                    .count();
        }
    }

    /** Messages kf/send_msg and kf/send_msg_on_event delivered, to any customer. */
    public int deliveredCount() {
        synchronized (simulator) {
            return simulator.state.delivered.size();
        }
    }

    /** The message/send notifications accepted, oldest first. */
    public List<StaffNotification> staffNotifications() {
        synchronized (simulator) {
            return List.copyOf(simulator.state.staffNotifications);
        }
    }

    /** sync_msg calls answered without a callback's token (WeCom rate-limits those). */
    public int syncCallsWithoutToken() {
        return (int) simulator.calls().stream()
                .filter(call -> call.path().equals("kf/sync_msg") && call.syncToken() == null && call.errcode() == 0
                        && call.httpStatus() == 200)
                .count();
    }
}
