package com.kfgateway.sandbox.wecom;

import com.kfgateway.wecom.control.SecretFingerprint;
import com.kfgateway.sandbox.boundary.SandboxMode;
import com.kfgateway.sandbox.control.CorpAdmin;
import com.kfgateway.sandbox.control.SandboxWeCom;
import com.kfgateway.sandbox.control.WeComSimulator;
import com.kfgateway.sandbox.entity.ApiCall;
import com.kfgateway.sandbox.entity.CallbackResult;
import com.kfgateway.sandbox.entity.ChatLine.Speaker;
import com.kfgateway.sandbox.entity.SimulatedAccount;
import com.kfgateway.sandbox.entity.SimulatedCorp;
import com.kfgateway.sandbox.entity.SimulatedSession;
import com.kfgateway.sandbox.entity.StaffNotification;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The WeCom admin's side of the sandbox (sandbox/wecom.xhtml): accounts and receptionists, the sessions they hold,
 * the staff notifications members received, and the last API calls and callbacks (the switches that break the setup
 * are {@link SetupSwitchesBacking}'s). Row actions name their row in plain hidden
 * fields ({@code account}, {@code customer}, {@code userid}); every action redirects back.
 */
@Named
@RequestScoped
public class WeComSideBacking {

    private static final int CALLS_SHOWN = 30;
    private static final int CALLBACKS_SHOWN = 12;
    private static final int NOTIFICATIONS_SHOWN = 12;

    @Inject
    SandboxMode sandboxMode;

    private SandboxWeCom wecom;
    private Map<String, String> params;
    private String reply;

    @PostConstruct
    void init() {
        wecom = sandboxMode.wecom();
        params = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
    }

    // --- receptionists and sessions ------------------------------------------------------------------------------

    public String toggleReceptionist() {
        String account = params.get("account");
        String userid = params.get("userid");
        admin().accounts().stream().filter(a -> a.openKfid().equals(account)).findFirst()
                .ifPresent(a -> guarded(() -> admin().setServicerOnline(account, userid,
                        !Boolean.TRUE.equals(a.servicers().get(userid)))));
        return back();
    }

    public String takeSession() {
        guarded(() -> simulator().staffTakesFromPool(params.get("account"), params.get("customer"),
                params.get("userid")));
        return back();
    }

    public String replyAsReceptionist() {
        String account = params.get("account");
        String customer = params.get("customer");
        String userid = params.get("userid");
        if (reply != null && !reply.isBlank()) {
            wecom.transcript().record(account, customer, Speaker.RECEPTIONIST, userid + ": " + reply.strip());
            guarded(() -> simulator().staffSendsText(account, customer, userid, reply.strip()));
        }
        return back();
    }

    public String endSession() {
        guarded(() -> simulator().staffEndsSession(params.get("account"), params.get("customer"),
                params.get("userid")));
        return back();
    }

    public String verifyCallbackUrl() {
        boolean ok = simulator().verifyCallbackUrl();
        flash(ok ? FacesMessage.SEVERITY_INFO : FacesMessage.SEVERITY_ERROR, ok
                ? "URL check passed: the product decrypted echostr and answered its plaintext."
                : "URL check failed: the product did not answer echostr's plaintext (see the callbacks below).");
        return back();
    }

    // --- what the page shows -------------------------------------------------------------------------------------

    public SimulatedCorp getCorp() {
        return wecom.corp();
    }

    public String fingerprint(String secret) {
        return SecretFingerprint.of(secret);
    }

    public String getApiBase() {
        return wecom.apiBase().toString();
    }

    public String getCallbackUrl() {
        return wecom.callbackUrl() == null ? "(not known yet)" : wecom.callbackUrl().toString();
    }

    public List<SimulatedAccount> getAccounts() {
        return admin().accounts();
    }

    public List<Map.Entry<String, Boolean>> servicersOf(SimulatedAccount account) {
        return List.copyOf(account.servicers().entrySet());
    }

    public List<SimulatedSession> getSessions() {
        List<SimulatedSession> sessions = new ArrayList<>(admin().sessions());
        sessions.sort(Comparator.comparing(SimulatedSession::openKfid).thenComparing(SimulatedSession::externalUserid));
        return sessions;
    }

    /** The account's receptionists, the one holding the session first (a plain select preselects the first). */
    public List<String> receptionistsFor(SimulatedSession session) {
        List<String> receptionists = admin().accounts().stream()
                .filter(a -> a.openKfid().equals(session.openKfid()))
                .flatMap(a -> a.servicers().keySet().stream())
                .collect(Collectors.toCollection(ArrayList::new));
        if (session.servicer() != null && receptionists.remove(session.servicer())) {
            receptionists.add(0, session.servicer());
        }
        return receptionists;
    }

    public String stateName(SimulatedSession session) {
        String name = switch (session.state()) {
            case 0 -> "0 · new";
            case 1 -> "1 · bot";
            case 2 -> "2 · queue";
            case 3 -> "3 · with " + session.servicer();
            default -> "4 · ended";
        };
        return name;
    }

    public String nickname(String externalUserid) {
        return simulator().customers().getOrDefault(externalUserid, externalUserid);
    }

    /** Newest first. */
    public List<ApiCall> getCalls() {
        return newestFirst(simulator().calls(), CALLS_SHOWN);
    }

    public List<CallbackResult> getCallbacks() {
        return newestFirst(simulator().callbackResults(), CALLBACKS_SHOWN);
    }

    /** What the corp's members received through the app (message/send): the doctor's alerts among them. */
    public List<StaffNotification> getStaffNotifications() {
        return newestFirst(simulator().staffNotifications(), NOTIFICATIONS_SHOWN);
    }

    public String recipients(StaffNotification notification) {
        return String.join(", ", notification.recipients());
    }

    public String getReply() {
        return reply;
    }

    public void setReply(String reply) {
        this.reply = reply;
    }

    private void guarded(Runnable action) {
        try {
            action.run();
        } catch (IllegalArgumentException | IllegalStateException e) {
            flash(FacesMessage.SEVERITY_WARN, e.getMessage());
        }
    }

    private static void flash(FacesMessage.Severity severity, String message) {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.addMessage(null, new FacesMessage(severity, message, null));
        faces.getExternalContext().getFlash().setKeepMessages(true);
    }

    private WeComSimulator simulator() {
        return wecom.simulator();
    }

    private CorpAdmin admin() {
        return wecom.simulator().admin();
    }

    static String back() {
        return SandboxMode.WECOM_PANEL + "?faces-redirect=true";
    }

    private static <T> List<T> newestFirst(List<T> all, int limit) {
        List<T> latest = new ArrayList<>(all.subList(Math.max(0, all.size() - limit), all.size()));
        Collections.reverse(latest);
        return latest;
    }
}
