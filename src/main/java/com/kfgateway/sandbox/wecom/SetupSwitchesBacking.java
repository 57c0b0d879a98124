package com.kfgateway.sandbox.wecom;

import com.kfgateway.sandbox.boundary.SandboxMode;
import com.kfgateway.sandbox.control.CorpAdmin;
import com.kfgateway.sandbox.control.WeComSimulator;
import com.kfgateway.sandbox.entity.SimulatedAccount;
import com.kfgateway.sandbox.entity.SimulatorSwitches;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The WeCom admin's settings that break the setup on purpose (sandbox/wecom.xhtml): each switch is one
 * misconfiguration the setup doctor must name, and so is taking an account from the app's API-managed accounts.
 * Every action redirects back to the panel.
 */
@Named
@RequestScoped
public class SetupSwitchesBacking {

    @Inject
    SandboxMode sandboxMode;

    private WeComSimulator simulator;

    @PostConstruct
    void init() {
        simulator = sandboxMode.wecom().simulator();
    }

    public SimulatorSwitches getSwitches() {
        return admin().switches();
    }

    public String toggleKfSecretWithoutKfRights() {
        admin().kfSecretWithoutKfRights(!getSwitches().kfSecretWithoutKfRights());
        return WeComSideBacking.back();
    }

    public String toggleWrongCorpId() {
        admin().wrongCorpId(!getSwitches().wrongCorpId());
        return WeComSideBacking.back();
    }

    public String toggleKfSecretReset() {
        admin().kfSecretReset(!getSwitches().kfSecretReset());
        return WeComSideBacking.back();
    }

    public String toggleUntrustedIp() {
        admin().untrustedIp(!getSwitches().untrustedIp());
        return WeComSideBacking.back();
    }

    public String toggleCallbackTokenMismatch() {
        admin().callbackTokenMismatch(!getSwitches().callbackTokenMismatch());
        return WeComSideBacking.back();
    }

    public String toggleCallbackAesKeyMismatch() {
        admin().callbackAesKeyMismatch(!getSwitches().callbackAesKeyMismatch());
        return WeComSideBacking.back();
    }

    public String toggleCallbacksLost() {
        admin().callbacksLost(!getSwitches().callbacksLost());
        return WeComSideBacking.back();
    }

    public String toggleRouting() {
        admin().setRouteToOnlineServicers(!getSwitches().routeToOnlineServicers());
        return WeComSideBacking.back();
    }

    /**
     * Grants the account named by the row's {@code account} field to the app's API-managed accounts, or takes it
     * away; WeCom tells the product with kf_account_auth_change, as it would.
     */
    public String toggleApiManaged() {
        String account = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap()
                .get("account");
        admin().accounts().stream().filter(a -> a.openKfid().equals(account)).findFirst()
                .ifPresent(a -> simulator.authoriseAccount(a.openKfid(), !a.managePrivilege()));
        return WeComSideBacking.back();
    }

    /** Whether the app may manage the account, as 微信客服 → 可调用接口的应用 shows it. */
    public boolean apiManaged(SimulatedAccount account) {
        return account.managePrivilege() && !getSwitches().kfSecretWithoutKfRights();
    }

    private CorpAdmin admin() {
        return simulator.admin();
    }
}
