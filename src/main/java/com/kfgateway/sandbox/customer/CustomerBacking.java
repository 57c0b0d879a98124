package com.kfgateway.sandbox.customer;

import com.kfgateway.sandbox.boundary.SandboxMode;
import com.kfgateway.sandbox.control.ChatTranscript;
import com.kfgateway.sandbox.control.SandboxSeed;
import com.kfgateway.sandbox.control.SandboxWeCom;
import com.kfgateway.sandbox.control.WeComSimulator;
import com.kfgateway.sandbox.entity.ChatLine;
import com.kfgateway.sandbox.entity.ChatLine.Speaker;
import com.kfgateway.sandbox.entity.SimulatedAccount;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The customer's phone (sandbox/customer.xhtml): which KF account and customer the page shows come from the
 * {@code account} and {@code customer} request parameters (links and hidden fields, so the page works without
 * JavaScript and the view keeps no state); every action acts in the simulator and redirects back (post-redirect-get).
 */
@Named
@RequestScoped
public class CustomerBacking {

    static final String ASK_FOR_HUMAN = "转人工 I want to talk to a human";
    static final String PHOTO = "📷 Photo";

    @Inject
    SandboxMode sandboxMode;

    private SandboxWeCom wecom;
    private String account;
    private String customer;
    private String text;
    private String nickname;
    private String scene;

    @PostConstruct
    void init() {
        wecom = sandboxMode.wecom();
        Map<String, String> params = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        account = getAccounts().stream().map(SimulatedAccount::openKfid).filter(id -> id.equals(params.get("account")))
                .findFirst().orElse(SandboxSeed.SHOP_ACCOUNT);
        customer = simulator().customers().containsKey(params.get("customer")) ? params.get("customer")
                : SandboxSeed.CUSTOMER_WANG;
    }

    // --- actions -------------------------------------------------------------------------------------------------

    public String enterSession() {
        Instant before = Instant.now();
        String welcomeCode = act(() -> simulator().enterSession(account, customer, blankToNull(scene), ""));
        notice(before, welcomeCode != null
                ? "You opened the chat. WeCom sent enter_session with a welcome code (valid 20 s)."
                : "You opened the chat. No welcome code: you wrote or were welcomed within the last 48 h.");
        return back();
    }

    public String send() {
        if (text != null && !text.isBlank()) {
            say(text.strip());
        }
        return back();
    }

    public String askForHuman() {
        say(ASK_FOR_HUMAN);
        return back();
    }

    public String sendPhoto() {
        wecom.transcript().record(account, customer, Speaker.CUSTOMER, PHOTO);
        act(() -> simulator().customerSendsImage(account, customer));
        return back();
    }

    public String newCustomer() {
        String name = nickname == null || nickname.isBlank() ? "Guest" : nickname.strip();
        customer = "wmSandbox" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        simulator().addCustomer(customer, name.length() > 32 ? name.substring(0, 32) : name);
        return back();
    }

    // --- what the page shows -------------------------------------------------------------------------------------

    public List<ChatLine> getChat() {
        ChatTranscript transcript = wecom.transcript();
        return transcript.chat(account, customer, simulator().delivered(account, customer));
    }

    public String getSessionState() {
        int state = simulator().admin().serviceState(account, customer);
        return switch (state) {
            case 0 -> "New session · 未处理";
            case 1 -> "The bot answers · 智能助手接待";
            case 2 -> "Waiting for a receptionist · 待接入池";
            case 3 -> "With a receptionist · 人工接待 ("
                    + simulator().admin().sessions().stream()
                            .filter(s -> s.openKfid().equals(account) && s.externalUserid().equals(customer))
                            .map(s -> s.servicer()).findFirst().orElse("?")
                    + ")";
            default -> "No open session · 已结束/未开始";
        };
    }

    public List<SimulatedAccount> getAccounts() {
        return simulator().admin().accounts();
    }

    public List<Map.Entry<String, String>> getCustomers() {
        return List.copyOf(simulator().customers().entrySet());
    }

    public String getAccountName() {
        return getAccounts().stream().filter(a -> a.openKfid().equals(account)).map(SimulatedAccount::name)
                .findFirst().orElse(account);
    }

    public String getCustomerName() {
        return simulator().customers().getOrDefault(customer, customer);
    }

    /** This page for another account or customer, with the context root. */
    public String link(String openKfid, String externalUserid) {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
                + SandboxMode.CUSTOMER_PAGE + query(openKfid, externalUserid);
    }

    public String getAccount() {
        return account;
    }

    public String getCustomer() {
        return customer;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public String getNickname() {
        return nickname;
    }

    public void setNickname(String nickname) {
        this.nickname = nickname;
    }

    public String getScene() {
        return scene;
    }

    public void setScene(String scene) {
        this.scene = scene;
    }

    private void say(String message) {
        wecom.transcript().record(account, customer, Speaker.CUSTOMER, message);
        act(() -> simulator().customerSendsText(account, customer, message));
    }

    /** Dated before the action, so it shows above the welcome the action caused. */
    private void notice(Instant at, String message) {
        wecom.transcript().record(account, customer, Speaker.NOTICE, message, at);
    }

    /** A simulator refusal (e.g. a rule of WeCom's) becomes a message on the page, not an error page. */
    private <T> T act(Supplier<T> action) {
        try {
            return action.get();
        } catch (IllegalArgumentException | IllegalStateException e) {
            FacesContext faces = FacesContext.getCurrentInstance();
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, e.getMessage(), null));
            faces.getExternalContext().getFlash().setKeepMessages(true);
            return null;
        }
    }

    private WeComSimulator simulator() {
        return wecom.simulator();
    }

    private String back() {
        return SandboxMode.CUSTOMER_PAGE + "?faces-redirect=true&" + query(account, customer).substring(1);
    }

    private static String query(String openKfid, String externalUserid) {
        return "?account=" + URLEncoder.encode(openKfid, StandardCharsets.UTF_8)
                + "&customer=" + URLEncoder.encode(externalUserid, StandardCharsets.UTF_8);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
