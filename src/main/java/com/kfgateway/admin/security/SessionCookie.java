package com.kfgateway.admin.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Finishes the session cookie that the container has just written at login. Payara builds that cookie from the
 * session-config's name, path, HttpOnly and Secure only: the SameSite attribute in web.xml never reaches it, so it is
 * added here (Lax: a cross-site POST does not carry the session). And Secure, per {@code admin.secure-cookie}: with
 * {@code auto}, whenever the request came over HTTPS, which includes a request that one of
 * {@code admin.trusted-proxies} says (X-Forwarded-Proto) it received over HTTPS and forwarded in plain HTTP.
 */
@ApplicationScoped
public class SessionCookie {

    private static final Pattern SECURE = Pattern.compile(";\\s*secure\\s*(;|$)", Pattern.CASE_INSENSITIVE);

    @Inject
    AdminConfig config;

    public void finish(HttpServletRequest request, HttpServletResponse response) {
        String name = request.getServletContext().getSessionCookieConfig().getName();
        String prefix = (name == null || name.isBlank() ? "JSESSIONID" : name) + "=";
        List<String> cookies = new ArrayList<>(response.getHeaders("Set-Cookie"));
        if (cookies.stream().noneMatch(c -> c.startsWith(prefix))) {
            return;
        }
        boolean secure = secure(request);
        List<String> finished = cookies.stream().map(c -> c.startsWith(prefix) ? finished(c, secure) : c).toList();
        // setHeader replaces every Set-Cookie written so far; the others are put back as they were.
        response.setHeader("Set-Cookie", finished.get(0));
        finished.stream().skip(1).forEach(cookie -> response.addHeader("Set-Cookie", cookie));
    }

    boolean secure(HttpServletRequest request) {
        return switch (config.secureCookie()) {
            case TRUE -> true;
            case FALSE -> false;
            case AUTO -> request.isSecure() || ("https".equalsIgnoreCase(trimmed(request.getHeader(
                    "X-Forwarded-Proto"))) && config.trustedProxies().contains(request.getRemoteAddr()));
        };
    }

    static String finished(String cookie, boolean secure) {
        String result = cookie;
        if (!result.toLowerCase(Locale.ROOT).contains("samesite=")) {
            result += "; SameSite=Lax";
        }
        if (secure && !SECURE.matcher(result).find()) {
            result += "; Secure";
        }
        return result;
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.split(",", 2)[0].trim();
    }
}
