package com.kfgateway.sandbox.control;

import com.kfgateway.sandbox.entity.ApiCall;
import com.kfgateway.sandbox.entity.CallbackResult;
import com.kfgateway.sandbox.entity.DeliveredMessage;
import com.kfgateway.sandbox.entity.SimulatedCorp;
import com.kfgateway.sandbox.entity.SimulatedAccount;
import com.kfgateway.sandbox.entity.SimulatedSession;
import com.kfgateway.sandbox.entity.SimulatorResponse;
import com.kfgateway.sandbox.entity.SimulatorSwitches;
import com.kfgateway.sandbox.entity.StaffNotification;
import com.kfgateway.wecom.control.CallbackCrypto;
import com.kfgateway.wecom.control.CallbackCryptoException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * An in-memory, protocol-faithful WeCom for one corp, following /work/shared/wecom-kf-api.md: gettoken, kf/*,
 * message/send and media/get through {@link #handle}, and WeCom's encrypted kf_msg_or_event callbacks after every
 * customer or servicer action. Thread-safe: every state change happens under this object's lock; injected delays and
 * callback HTTP calls happen outside it, so a product that pulls sync_msg while answering a callback cannot deadlock.
 *
 * <h2>Choices where the protocol is UNCONFIRMED</h2>
 * <ul>
 * <li>A token belongs to the app whose secret fetched it: "app", "kf", or "both" when kfSecret equals appSecret. A
 *     fetch with a "both" secret counts in {@code gettokenCalls("app")} and {@code gettokenCalls("kf")}. An app-only
 *     token on kf/* answers 48002; a KF-only token on message/send answers 301002 (it is another app).</li>
 * <li>The IP check (60020) runs after the token check, since the trusted-IP list belongs to the token's app.</li>
 * <li>open_kfid: missing or not shaped like {@code wk…} answers 95000, well-formed but unknown 95004.</li>
 * <li>send_msg: a msgid already used in the account answers errcode 0 with that msgid and delivers nothing again.
 *     Rules are checked in this order: account, rights, customer (40096), msgid format (40058), msgid reuse,
 *     state 0/1 (95018), 48 h since the customer's last message (95002), 5 sends (95001), body (40008, 44004, 45002,
 *     95008, 95009). A customer message resets the quota to 5 (rather than adding 5). Sessions do not end by
 *     themselves after 48 h; the window check gives 95002.</li>
 * <li>send_msg_on_event: an unknown, used, expired or stale code answers 40058. welcome_code lives 20 s; msg_code of
 *     a move to 2 or 3 (trans or session_status_change 1) lives 48 h and only while the session stays in that state;
 *     a closing msg_code (to 4) lives 20 s, per the doc's table. These sends do not count against the 5-send quota.</li>
 * <li>An app without KF rights ({@link #kfSecretWithoutKfRights}) or an account seeded without manage_privilege:
 *     send_msg, send_msg_on_event and service_state/trans answer 95018; sync_msg never serves an unmanaged account.</li>
 * <li>State moves allowed by trans: 0→1/2/3, 1→2/3, 2→3, 3→3, and 0/1/2/3→4; any move out of 4 answers 95013.</li>
 * <li>sync_msg: unknown cursor or limit above 1000 → 40058; no rate limit on calls without token (only counted).</li>
 * <li>A wrong corp id is modelled by the product being configured with another corp id: gettoken answers 40013.
 *     {@link #wrongCorpId} models the same for a product whose configuration cannot change (the sandbox).</li>
 * <li>Unknown paths answer HTTP 404; wrong HTTP methods 43001/43002; unparseable JSON 47001.</li>
 * </ul>
 */
public class WeComSimulator {

    private final CorpState state;
    private final TokenDesk tokens;
    private final FaultPlan faults = new FaultPlan();
    private final SyncEndpoint sync;
    private final ApiRouter router;
    private final ConversationActions actions;
    private final CallbackDelivery callbacks;

    public WeComSimulator(SimulatedCorp corp, Clock clock) {
        try {
            new CallbackCrypto(corp.callbackToken(), corp.callbackAesKey(), corp.corpId());
        } catch (CallbackCryptoException e) {
            throw new IllegalArgumentException("the simulated corp needs a valid 43-character EncodingAESKey", e);
        }
        this.state = new CorpState(corp, clock);
        this.tokens = new TokenDesk(corp, clock);
        this.sync = new SyncEndpoint(state);
        this.router = new ApiRouter(state, tokens, faults, sync);
        this.actions = new ConversationActions(state);
        this.callbacks = new CallbackDelivery(state);
    }

    public SimulatedCorp corp() {
        return state.corp;
    }

    /** Answers one HTTP call; {@code path} is the request path (e.g. {@code /cgi-bin/kf/send_msg}), query decoded. */
    public SimulatorResponse handle(String method, String path, Map<String, String> query, String body) {
        String api = api(path);
        Duration delay;
        synchronized (this) {
            delay = faults.takeDelay(api);
        }
        if (delay != null) {
            sleep(delay);
        }
        synchronized (this) {
            return router.handle(method, api, query == null ? Map.of() : query, body);
        }
    }

    // --- seeding -------------------------------------------------------------------------------------------------

    public synchronized void addAccount(String openKfid, String name, boolean managePrivilege) {
        state.accounts.put(openKfid, new Account(openKfid, name, managePrivilege));
    }

    public synchronized void addServicer(String openKfid, String userid, boolean online) {
        state.seededAccount(openKfid).servicers.put(userid, online);
    }

    public synchronized void setServicerOnline(String openKfid, String userid, boolean online) {
        Account account = state.seededAccount(openKfid);
        if (!account.hasServicer(userid)) {
            throw new IllegalArgumentException(userid + " is not a servicer of " + openKfid);
        }
        account.servicers.put(userid, online);
    }

    public synchronized void addCustomer(String externalUserid, String nickname) {
        state.customers.put(externalUserid, nickname);
    }

    /** A member in the app's visible range who is no servicer, e.g. an admin who receives alerts. */
    public synchronized void addMember(String userid) {
        state.members.add(userid);
    }

    public synchronized void setServiceState(String openKfid, String externalUserid, int serviceState,
                                             String servicer) {
        state.seededAccount(openKfid);
        state.customers.putIfAbsent(externalUserid, externalUserid);
        state.session(openKfid, externalUserid).moveTo(serviceState, servicer);
    }

    public synchronized int serviceState(String openKfid, String externalUserid) {
        return state.session(openKfid, externalUserid).state;
    }

    // --- behaviour switches --------------------------------------------------------------------------------------

    public synchronized void setTokenLifetime(Duration lifetime) {
        tokens.setLifetime(lifetime);
    }

    /** Makes every token issued so far answer 42001, as WeCom's early invalidation does. */
    public synchronized void expireAllTokens() {
        tokens.expireAll();
    }

    public synchronized void setPageSize(int pageSize) {
        state.pageSize = pageSize;
    }

    public synchronized void setRouteToOnlineServicers(boolean route) {
        state.routeToOnlineServicers = route;
    }

    /** The classic misconfiguration: the KF secret's app lacks KF rights (see the class javadoc). */
    public synchronized void kfSecretWithoutKfRights(boolean on) {
        state.kfSecretWithoutKfRights = on;
    }

    /**
     * Acts as if the product were configured with another corp's id: gettoken answers 40013. Turning it on also
     * invalidates the tokens issued so far (as 42001), since such a product never held a valid token; its next call
     * must fetch one and meet the 40013.
     */
    public synchronized void wrongCorpId(boolean on) {
        tokens.setCorpIdRejected(on);
        if (on) {
            tokens.expireAll();
        }
    }

    /** The product's IP is not in the app's trusted IPs: every API but gettoken answers 60020. */
    public synchronized void untrustedIp(boolean on) {
        state.untrustedIp = on;
    }

    /** Callbacks are signed with a token the product does not know, so it must reject them. */
    public synchronized void callbackTokenMismatch(boolean on) {
        state.callbackTokenMismatch = on;
    }

    public synchronized SimulatorSwitches switches() {
        return new SimulatorSwitches(state.kfSecretWithoutKfRights, tokens.corpIdRejected(), state.untrustedIp,
                state.callbackTokenMismatch, state.routeToOnlineServicers);
    }

    // --- fault injection -----------------------------------------------------------------------------------------

    /** The next {@code times} calls of {@code path} answer {@code errcode} (-1 = system busy) with no effect. */
    public synchronized void failNext(String path, int errcode, int times) {
        faults.failNext(api(path), errcode, times);
    }

    /** Like {@link #failNext} but only for calls about this customer (touser / external_userid). */
    public synchronized void failNextFor(String path, String externalUserid, int errcode, int times) {
        faults.failNextFor(api(path), externalUserid, errcode, times);
    }

    /** The next successful call of {@code path} has its effect but answers {@code errcode}: an unseen success. */
    public synchronized void failAfterEffectNext(String path, int errcode) {
        faults.failAfterEffectNext(api(path), errcode);
    }

    public synchronized void delayNext(String path, Duration delay) {
        faults.delayNext(api(path), delay);
    }

    /** The next call of {@code path} answers this HTTP status (e.g. 502) with an HTML body and no effect. */
    public synchronized void httpStatusNext(String path, int status) {
        faults.httpStatusNext(api(path), status);
    }

    /** The next non-empty sync page is served again by the following call (its next_cursor does not advance). */
    public synchronized void servePageTwice() {
        sync.servePageTwice();
    }

    /** The next sync_msg answers has_more=1 with an empty msg_list, as WeCom may. */
    public synchronized void emptyPageWithMoreNext() {
        sync.emptyPageWithMoreNext();
    }

    // --- customers and servicers act; each action ends with a callback ------------------------------------------

    /** Returns the welcome_code, or null when none was due. */
    public String enterSession(String openKfid, String externalUserid, String scene, String sceneParam) {
        return act(openKfid, () -> actions.enterSession(openKfid, externalUserid, scene, sceneParam));
    }

    /** Returns the sync msgid of the customer's message. */
    public String customerSendsText(String openKfid, String externalUserid, String text) {
        return act(openKfid, () -> actions.customerSendsText(openKfid, externalUserid, text));
    }

    /** Returns the sync msgid; the image's media_id is one media/get serves. */
    public String customerSendsImage(String openKfid, String externalUserid) {
        return act(openKfid, () -> actions.customerSendsImage(openKfid, externalUserid));
    }

    public String staffSendsText(String openKfid, String externalUserid, String servicerUserid, String text) {
        return act(openKfid, () -> actions.staffSendsText(openKfid, externalUserid, servicerUserid, text));
    }

    /** Returns the closing msg_code. */
    public String staffEndsSession(String openKfid, String externalUserid, String servicerUserid) {
        return act(openKfid, () -> actions.staffEndsSession(openKfid, externalUserid, servicerUserid));
    }

    /** Returns the reply msg_code. */
    public String staffTakesFromPool(String openKfid, String externalUserid, String servicerUserid) {
        return act(openKfid, () -> actions.staffTakesFromPool(openKfid, externalUserid, servicerUserid));
    }

    public void sendFailed(String openKfid, String externalUserid, String failMsgid, int failType) {
        act(openKfid, () -> {
            actions.sendFailed(openKfid, externalUserid, failMsgid, failType);
            return null;
        });
    }

    public void recallByCustomer(String openKfid, String externalUserid, String recallMsgid) {
        act(openKfid, () -> {
            actions.recallByCustomer(openKfid, externalUserid, recallMsgid);
            return null;
        });
    }

    // --- callbacks -----------------------------------------------------------------------------------------------

    public void setCallbackUrl(URI url) {
        callbacks.setUrl(url);
    }

    /** Delivers every callback {@code times} times, as WeCom does when it retries. */
    public void setCallbackRepeat(int times) {
        callbacks.setRepeat(times);
    }

    /** WeCom's URL check (GET with echostr); true when the product answers exactly the plaintext. */
    public boolean verifyCallbackUrl() {
        return callbacks.verifyUrl();
    }

    public List<CallbackResult> callbackResults() {
        return callbacks.results();
    }

    /** A sync token as a callback would carry it, valid 10 minutes; for tests that call sync_msg directly. */
    public synchronized String issueSyncToken() {
        return state.issueSyncToken();
    }

    // --- observations --------------------------------------------------------------------------------------------

    public synchronized List<ApiCall> calls() {
        return router.calls();
    }

    /** Successful gettoken calls with the "app" or the "kf" secret. */
    public synchronized int gettokenCalls(String kind) {
        return tokens.fetches(kind);
    }

    public synchronized List<DeliveredMessage> delivered(String openKfid, String externalUserid) {
        return state.delivered.stream()
                .filter(m -> m.openKfid().equals(openKfid) && m.externalUserid().equals(externalUserid))
                .toList();
    }

    public synchronized List<SimulatedAccount> accounts() {
        return state.accounts.values().stream()
                .map(a -> new SimulatedAccount(a.openKfid, a.name, a.managePrivilege, new LinkedHashMap<>(a.servicers)))
                .toList();
    }

    /** external_userid → nickname, in the order the customers became known. */
    public synchronized Map<String, String> customers() {
        return new LinkedHashMap<>(state.customers);
    }

    /** Every session that has started at least once (state 4 included), in no particular order. */
    public synchronized List<SimulatedSession> sessions() {
        return state.sessions.entrySet().stream()
                .filter(entry -> entry.getValue().lastCustomerMessageAt != null || entry.getValue().enteredAt != null
                        || entry.getValue().state != Session.ENDED)
                .map(entry -> {
                    String[] key = entry.getKey().split("\n", 2);
                    return new SimulatedSession(key[0], key[1], entry.getValue().state, entry.getValue().servicer);
                })
                .toList();
    }

    public synchronized int deliveredCount() {
        return state.delivered.size();
    }

    public synchronized List<StaffNotification> staffNotifications() {
        return List.copyOf(state.staffNotifications);
    }

    public synchronized int syncCallsWithoutToken() {
        return state.syncCallsWithoutToken;
    }

    private <T> T act(String openKfid, Supplier<T> action) {
        T result;
        CallbackDelivery.Prepared callback;
        synchronized (this) {
            result = action.get();
            callback = callbacks.prepare(openKfid);
        }
        callbacks.deliver(callback);
        return result;
    }

    /** {@code /cgi-bin/kf/send_msg}, {@code kf/send_msg} and {@code /cgi-bin/kf/send_msg?x=y} all name kf/send_msg. */
    private static String api(String path) {
        String api = path.split("\\?", 2)[0];
        if (api.startsWith("/")) {
            api = api.substring(1);
        }
        return api.startsWith("cgi-bin/") ? api.substring("cgi-bin/".length()) : api;
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
