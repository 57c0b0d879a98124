package com.kfgateway.admin.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The one authentication mechanism of the application (Jakarta Security 3 allows only one): HTTP Basic for the admin
 * API, which answers 401 and never redirects, and a form login for the console pages, which redirects to the login
 * page. Both check passwords through the {@link LoginGate}, which throttles first: the API then answers 429 with
 * Retry-After, the form shows why ({@link #NOT_CHECKED}). Every other path (the WeCom callback, the sandbox) is left
 * alone.
 */
@ApplicationScoped
public class ConsoleAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final String REALM = "Basic realm=\"KF Gateway admin API\", charset=\"UTF-8\"";
    /** Request attribute: the {@link LoginGate.Outcome} of a form login whose password was not checked. */
    public static final String NOT_CHECKED = ConsoleAuthenticationMechanism.class.getName() + ".notChecked";

    @Inject
    LoginGate gate;

    @Inject
    ClientAddress clientAddress;

    @Inject
    VerifiedBasicLogins recentlyVerified;

    @Inject
    SessionCookie sessionCookie;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (ConsolePaths.isApi(path)) {
            return basic(request, response, context);
        }
        Credential submitted = context.getAuthParameters().getCredential();
        if (submitted instanceof UsernamePasswordCredential login) {
            return formLogin(request, response, context, login);
        }
        ConsoleSession session = ConsoleSession.of(request);
        if (session != null) {
            return context.notifyContainerAboutLogin(session.username(), session.roles());
        }
        if (context.isProtected()) {
            BrowserHardening.apply(response);
            return context.redirect(loginUrl(request, path));
        }
        return context.doNothing();
    }

    private AuthenticationStatus basic(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        var credentials = BasicCredentials.parse(request.getHeader("Authorization"));
        if (credentials.isPresent()) {
            String username = credentials.get().username();
            char[] password = credentials.get().password();
            // A remembered login costs one HMAC: it is answered before the throttle, so scripts keep working.
            var known = recentlyVerified.lookup(username, password);
            if (known.isPresent()) {
                return context.notifyContainerAboutLogin(known.get().username(), known.get().roles());
            }
            var outcome = gate.attempt(LoginGate.Channel.BASIC, clientAddress.of(request), username, password);
            if (outcome.throttled()) {
                return tooManyAttempts(response, outcome.retryAfterSeconds());
            }
            if (outcome.valid()) {
                recentlyVerified.remember(username, password, outcome.result().getCallerGroups());
                return context.notifyContainerAboutLogin(outcome.result());
            }
        }
        if (credentials.isPresent() || context.isProtected()) {
            BrowserHardening.apply(response);
            response.setHeader("WWW-Authenticate", REALM);
            return context.responseUnauthorized();
        }
        return context.doNothing();
    }

    private AuthenticationStatus formLogin(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context, UsernamePasswordCredential submitted) {
        var outcome = gate.attempt(LoginGate.Channel.FORM, clientAddress.of(request), submitted.getCaller(),
                submitted.getPassword().getValue());
        if (outcome.throttled()) {
            request.setAttribute(NOT_CHECKED, outcome);
            return AuthenticationStatus.SEND_FAILURE;
        }
        if (!outcome.valid()) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        new ConsoleSession(outcome.result().getCallerPrincipal().getName(),
                Set.copyOf(outcome.result().getCallerGroups())).begin(request);
        sessionCookie.finish(request, response);
        return context.notifyContainerAboutLogin(outcome.result());
    }

    /** Answered here and committed, so nothing later turns it into a 401 that invites the client to retry at once. */
    private static AuthenticationStatus tooManyAttempts(HttpServletResponse response, long retryAfterSeconds) {
        try {
            BrowserHardening.apply(response);
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"error\":\"too many login attempts; retry after " + retryAfterSeconds
                    + " s\"}");
            response.flushBuffer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static String loginUrl(HttpServletRequest request, String path) {
        String next = request.getQueryString() == null ? path : path + "?" + request.getQueryString();
        return request.getContextPath() + ConsolePaths.LOGIN_PAGE + "?next="
                + URLEncoder.encode(next, StandardCharsets.UTF_8);
    }
}
