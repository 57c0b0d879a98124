package com.kfgateway.sandbox.control;

import com.kfgateway.sandbox.entity.StaffNotification;
import com.kfgateway.sandbox.entity.ApiCall;
import com.kfgateway.sandbox.entity.CallbackResult;
import com.kfgateway.sandbox.entity.DeliveredMessage;
import com.kfgateway.sandbox.entity.SimulatedCorp;
import com.kfgateway.sandbox.entity.SimulatorResponse;
import com.kfgateway.wecom.control.CallbackCrypto;
import com.kfgateway.wecom.control.CallbackCryptoException;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * An in-memory, protocol-faithful WeCom for one corp, following /work/shared/wecom-kf-api.md: gettoken, kf/*,
 * message/send and media/get through {@link #handle}, and WeCom's encrypted kf_msg_or_event callbacks after every
 * customer or servicer action. What the corp's admin sets up lives in {@link #admin()}. Thread-safe: every state
 * change happens under this object's lock; callback HTTP calls (and a test's injected delays) happen outside it, so a
 * product that pulls sync_msg while answering a callback cannot deadlock.
 *
 * <h2>Choices where the protocol is UNCONFIRMED</h2>
 * <ul>
 * <li>A token belongs to the app whose secret fetched it: "app", "kf", or "both" when kfSecret equals appSecret. An
 *     app-only token on kf/* answers 48002; a KF-only token on message/send answers 301002 (it is another app).</li>
 * <li>The IP check (60020) runs after the token check, since the trusted-IP list belongs to the token's app.</li>
 * <li>open_kfid: missing or not shaped like {@code wk…} answers 95000, well-formed but unknown 95004.</li>
 * <li>send_msg: a msgid already used in the account answers 40058 and delivers nothing again.
 *     Rules are checked in this order: account, rights, customer (40096), msgid format (40058), msgid reuse,
 *     state 0/1 (95018), 48 h since the customer's last message (95002), 5 sends (95001), body (40008, 44004, 45002,
 *     95008, 95009). A customer message resets the quota to 5 (rather than adding 5). Sessions do not end by
 *     themselves after 48 h; the window check gives 95002.</li>
 * <li>send_msg_on_event: an unknown, used, expired or stale code answers 40058. welcome_code lives 20 s; msg_code of
 *     a move to 2 or 3 (trans or session_status_change 1) lives 48 h and only while the session stays in that state;
 *     a closing msg_code (to 4) lives 20 s, per the doc's table. These sends do not count against the 5-send quota.</li>
 * <li>An app without KF rights ({@link CorpAdmin#kfSecretWithoutKfRights}) or an account seeded without
 *     manage_privilege: send_msg, send_msg_on_event and service_state/trans answer 95018; sync_msg never serves an
 *     unmanaged account.</li>
 * <li>State moves allowed by trans: 0→1/2/3, 1→2/3, 2→3, 3→3, and 0/1/2/3→4; any move out of 4 answers 95013.</li>
 * <li>sync_msg: unknown cursor or limit above 1000 → 40058; no rate limit on calls without token.</li>
 * <li>A wrong corp id is modelled by the product being configured with another corp id: gettoken answers 40013.
 *     {@link CorpAdmin#wrongCorpId} models the same for a product whose configuration cannot change (the sandbox).</li>
 * <li>Unknown paths answer HTTP 404; wrong HTTP methods 43001/43002; unparseable JSON 47001.</li>
 * </ul>
 */
public class WeComSimulator {

    private static final String LOOPBACK = "127.0.0.1";

    final CorpState state;
    final TokenDesk tokens;
    final ConversationActions actions;
    final CallbackDelivery callbacks;
    private final ApiRouter router;
    private final CorpAdmin admin;
    private volatile CallInterceptor interceptor = CallInterceptor.NONE;

    /** @param clock WeCom's time: token expiry, the 20 s, 10 min, 48 h and 3-day windows, send_time */
    public WeComSimulator(SimulatedCorp corp, Clock clock) {
        try {
            new CallbackCrypto(corp.callbackToken(), corp.callbackAesKey(), corp.corpId());
        } catch (CallbackCryptoException e) {
            throw new IllegalArgumentException("the simulated corp needs a valid 43-character EncodingAESKey", e);
        }
        this.state = new CorpState(corp, clock);
        this.tokens = new TokenDesk(corp, clock);
        this.router = new ApiRouter(state, tokens);
        this.actions = new ConversationActions(state);
        this.callbacks = new CallbackDelivery(state);
        this.admin = new CorpAdmin(this, state, tokens);
    }

    /** Answers one HTTP call; {@code path} is the request path (e.g. {@code /cgi-bin/kf/send_msg}), query decoded. */
    public SimulatorResponse handle(String method, String path, Map<String, String> query, String body) {
        return handle(method, path, query, body, LOOPBACK);
    }

    /** The same, from {@code callerIp}: the address WeCom names when it refuses an untrusted one (60020). */
    public SimulatorResponse handle(String method, String path, Map<String, String> query, String body,
            String callerIp) {
        String api = api(path);
        CallInterceptor current = interceptor;
        current.arriving(api);
        synchronized (this) {
            return router.handle(method, api, query == null ? Map.of() : query, body, callerIp, current);
        }
    }

    /** The corp's WeCom admin: accounts, receptionists, routing and the misconfiguration switches. */
    public CorpAdmin admin() {
        return admin;
    }

    /** Installs the one interceptor this simulator consults; only tests do (see {@link CallInterceptor}). */
    void intercept(CallInterceptor interceptor) {
        if (this.interceptor != CallInterceptor.NONE) {
            throw new IllegalStateException("this simulator already has an interceptor");
        }
        this.interceptor = interceptor;
    }

    // --- customers and servicers act; each action ends with a callback ------------------------------------------

    public synchronized void addCustomer(String externalUserid, String nickname) {
        state.customers.put(externalUserid, nickname);
    }

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

    /** external_userid → nickname, in the order the customers became known. */
    public synchronized Map<String, String> customers() {
        return new LinkedHashMap<>(state.customers);
    }

    /** What reached this customer's phone from the account, in delivery order. */
    public synchronized List<DeliveredMessage> delivered(String openKfid, String externalUserid) {
        return state.delivered.stream()
                .filter(m -> m.openKfid().equals(openKfid) && m.externalUserid().equals(externalUserid))
                .toList();
    }

    // --- callbacks and the call log ------------------------------------------------------------------------------

    public void setCallbackUrl(URI url) {
        callbacks.setUrl(url);
    }

    /** WeCom's URL check (GET with echostr); true when the product answers exactly the plaintext. */
    public boolean verifyCallbackUrl() {
        return callbacks.verifyUrl();
    }

    public List<CallbackResult> callbackResults() {
        return callbacks.results();
    }

    public synchronized List<ApiCall> calls() {
        return router.calls();
    }

    /** The message/send notifications the corp's members received, oldest first. */
    public synchronized List<StaffNotification> staffNotifications() {
        return List.copyOf(state.staffNotifications);
    }

    /**
     * The corp's admin grants an account to the product's app or takes it away (通过API管理微信客服账号): its
     * manage_privilege changes, and WeCom sends kf_account_auth_change.
     */
    public void authoriseAccount(String openKfid, boolean granted) {
        CallbackDelivery.Prepared callback;
        synchronized (this) {
            state.seededAccount(openKfid).managePrivilege = granted;
            callback = callbacks.prepareAuthChange(openKfid, granted);
        }
        callbacks.deliver(callback);
    }

    /** Runs a change under the lock, then delivers the callback WeCom sends after it (outside the lock). */
    <T> T act(String openKfid, Supplier<T> action) {
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
    static String api(String path) {
        String api = path.split("\\?", 2)[0];
        if (api.startsWith("/")) {
            api = api.substring(1);
        }
        return api.startsWith("cgi-bin/") ? api.substring("cgi-bin/".length()) : api;
    }
}
