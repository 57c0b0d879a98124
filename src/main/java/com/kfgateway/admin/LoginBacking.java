package com.kfgateway.admin;

import com.kfgateway.admin.security.ConsoleAuthenticationMechanism;
import com.kfgateway.admin.security.ConsolePaths;
import com.kfgateway.admin.security.LoginGate;
import com.kfgateway.admin.security.SameOrigin;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Backs {@code login.xhtml}: hands the typed credentials to the authentication mechanism, which throttles, checks
 * and audits them. The page is a stateless view, so a post from another site is turned away here ({@link SameOrigin}).
 */
@Named
@RequestScoped
public class LoginBacking {

    @Inject
    SecurityContext security;

    @Inject
    FacesContext faces;

    @Inject
    Texts texts;

    private String username;
    private String password;
    private String next;

    public void login() throws IOException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        if (!SameOrigin.allows(request)) {
            password = null;
            error(texts.get("login.foreign"));
            return;
        }
        AuthenticationStatus status = security.authenticate(request, (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams().credential(new UsernamePasswordCredential(username,
                        new Password(password))).newAuthentication(true));
        password = null;
        Object notChecked = request.getAttribute(ConsoleAuthenticationMechanism.NOT_CHECKED);
        if (status == AuthenticationStatus.SUCCESS) {
            external.redirect(external.getRequestContextPath() + ConsolePaths.safeNext(next));
            faces.responseComplete();
        } else if (notChecked instanceof LoginGate.Outcome outcome && outcome.busy()) {
            error(texts.get("login.busy"));
        } else if (notChecked instanceof LoginGate.Outcome outcome) {
            error(texts.get("login.throttled", (outcome.retryAfterSeconds() + 59) / 60));
        } else if (status != AuthenticationStatus.SEND_CONTINUE) {
            error(texts.get("login.failed"));
        }
    }

    private void error(String text) {
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }
}
