package com.kfgateway.sandbox.control;

import java.time.Duration;

/**
 * What tests do to the simulator that no sandbox page does: inject faults into its API (through its one interceptor),
 * change WeCom's limits, force session states and raise events no page raises. Test code only, so none of it ships
 * in the WAR. One per simulator: creating it installs the simulator's interceptor. Paths may be given as
 * {@code /cgi-bin/kf/send_msg} or {@code kf/send_msg}.
 */
public final class SimulatorFaults {

    private final WeComSimulator simulator;
    private final FaultPlan plan = new FaultPlan();

    public SimulatorFaults(WeComSimulator simulator) {
        this.simulator = simulator;
        simulator.intercept(plan);
    }

    // --- the API misbehaves --------------------------------------------------------------------------------------

    /** The next {@code times} calls of {@code path} answer {@code errcode} (-1 = system busy) with no effect. */
    public void failNext(String path, int errcode, int times) {
        plan.failNext(WeComSimulator.api(path), errcode, times);
    }

    /** Like {@link #failNext} but only for calls about this customer (touser / external_userid). */
    public void failNextFor(String path, String externalUserid, int errcode, int times) {
        plan.failNextFor(WeComSimulator.api(path), externalUserid, errcode, times);
    }

    /** The next successful call of {@code path} has its effect but answers {@code errcode}: an unseen success. */
    public void failAfterEffectNext(String path, int errcode) {
        plan.failAfterEffectNext(WeComSimulator.api(path), errcode);
    }

    /**
     * The next call of {@code path} waits, unanswered, until the test releases it (at most a minute): the test knows
     * the product is inside that call, e.g. to crash it there.
     */
    public Hold holdNext(String path) {
        return holdCall(path, 1);
    }

    /** Like {@link #holdNext}, for the {@code callNo}-th next call of {@code path} (1 = the next). */
    public Hold holdCall(String path, int callNo) {
        return plan.holdCall(WeComSimulator.api(path), callNo);
    }

    /** The next call of {@code path} waits this long before it is answered, holding back no other call. */
    public void delayNext(String path, Duration delay) {
        plan.delayNext(WeComSimulator.api(path), delay);
    }

    /** From now on, faults on a share of every call (see {@link Chaos}); null ends them. */
    public void chaos(Chaos chaos) {
        plan.chaos(chaos);
    }

    /** The next call of {@code path} answers this HTTP status (e.g. 502) with an HTML body and no effect. */
    public void httpStatusNext(String path, int status) {
        plan.httpStatusNext(WeComSimulator.api(path), status);
    }

    /** The next non-empty sync page is served again by the following call (its next_cursor does not advance). */
    public void servePageTwice() {
        plan.servePageTwice();
    }

    /** The next sync_msg answers has_more=1 with an empty msg_list, as WeCom may. */
    public void emptyPageWithMoreNext() {
        plan.emptyPageWithMoreNext();
    }

    // --- WeCom's limits ------------------------------------------------------------------------------------------

    /** The expires_in of tokens issued from now on. */
    public void setTokenLifetime(Duration lifetime) {
        synchronized (simulator) {
            simulator.tokens.lifetime = lifetime;
        }
    }

    /** Makes every token issued so far answer 42001, as WeCom's early invalidation does. */
    public void expireAllTokens() {
        synchronized (simulator) {
            simulator.tokens.expireAll();
        }
    }

    public void setPageSize(int pageSize) {
        synchronized (simulator) {
            simulator.state.pageSize = pageSize;
        }
    }

    /** Delivers every callback {@code times} times, as WeCom does when it retries. */
    public void setCallbackRepeat(int times) {
        if (times < 1) {
            throw new IllegalArgumentException("a callback is delivered at least once");
        }
        simulator.callbacks.repeat = times;
    }

    // --- states and events no page causes ------------------------------------------------------------------------

    /** Puts a session in a state directly, without the events that would lead there. */
    public void setServiceState(String openKfid, String externalUserid, int serviceState, String servicer) {
        synchronized (simulator) {
            simulator.state.seededAccount(openKfid);
            simulator.state.customers.putIfAbsent(externalUserid, externalUserid);
            simulator.state.session(openKfid, externalUserid).moveTo(serviceState, servicer);
        }
    }

    /** WeCom's msg_send_fail event for a message the product sent; a callback follows. */
    public void sendFailed(String openKfid, String externalUserid, String failMsgid, int failType) {
        ConversationActions actions = simulator.actions;
        simulator.act(openKfid, () -> {
            simulator.state.seededAccount(openKfid);
            actions.appendEvent(openKfid, actions.event("msg_send_fail", openKfid, externalUserid)
                    .add("fail_msgid", failMsgid)
                    .add("fail_type", failType));
            return null;
        });
    }

    /** The customer recalls a message (user_recall_msg); a callback follows. */
    public void recallByCustomer(String openKfid, String externalUserid, String recallMsgid) {
        ConversationActions actions = simulator.actions;
        simulator.act(openKfid, () -> {
            simulator.state.seededAccount(openKfid);
            actions.appendEvent(openKfid, actions.event("user_recall_msg", openKfid, externalUserid)
                    .add("recall_msgid", recallMsgid));
            return null;
        });
    }

    /** A sync token as a callback would carry it, valid 10 minutes; for tests that call sync_msg directly. */
    public String issueSyncToken() {
        synchronized (simulator) {
            return simulator.state.issueSyncToken();
        }
    }
}
