package com.kfgateway.admin.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The one authentication mechanism of the application (Jakarta Security 3 allows only one): HTTP Basic for the admin
 * API, which answers 401 and never redirects, and a form login for the console pages, which redirects to the login
 * page. Both check the same {@link StaffIdentityStore}. Every other path (the WeCom callback, the sandbox) is left
 * alone.
 */
@ApplicationScoped
public class ConsoleAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final String REALM = "Basic realm=\"KF Gateway admin API\", charset=\"UTF-8\"";

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    VerifiedBasicLogins recentlyVerified;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (ConsolePaths.isApi(path)) {
            return basic(request, response, context);
        }
        Credential submitted = context.getAuthParameters().getCredential();
        if (submitted != null) {
            return formLogin(request, context, submitted);
        }
        ConsoleSession session = ConsoleSession.of(request);
        if (session != null) {
            return context.notifyContainerAboutLogin(session.username(), session.roles());
        }
        if (context.isProtected()) {
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
            var known = recentlyVerified.lookup(username, password);
            if (known.isPresent()) {
                return context.notifyContainerAboutLogin(known.get().username(), known.get().roles());
            }
            CredentialValidationResult result = identityStores.validate(new UsernamePasswordCredential(username,
                    new jakarta.security.enterprise.credential.Password(password)));
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                recentlyVerified.remember(username, password, result.getCallerGroups());
                return context.notifyContainerAboutLogin(result);
            }
        }
        if (credentials.isPresent() || context.isProtected()) {
            response.setHeader("WWW-Authenticate", REALM);
            return context.responseUnauthorized();
        }
        return context.doNothing();
    }

    private AuthenticationStatus formLogin(HttpServletRequest request, HttpMessageContext context,
            Credential submitted) {
        CredentialValidationResult result = identityStores.validate(submitted);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        new ConsoleSession(result.getCallerPrincipal().getName(), java.util.Set.copyOf(result.getCallerGroups())).begin(request);
        return context.notifyContainerAboutLogin(result);
    }

    private static String loginUrl(HttpServletRequest request, String path) {
        String next = request.getQueryString() == null ? path : path + "?" + request.getQueryString();
        return request.getContextPath() + ConsolePaths.LOGIN_PAGE + "?next="
                + URLEncoder.encode(next, StandardCharsets.UTF_8);
    }
}
