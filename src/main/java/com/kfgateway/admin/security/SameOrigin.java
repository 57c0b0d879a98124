package com.kfgateway.admin.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;

/**
 * Whether a form post came from one of our own pages. The login page is a stateless view (no session, so no
 * session-bound view state to forge against), so another site could post its own credentials to it and sign a
 * victim's browser in as the attacker. Browsers say where a request came from: Sec-Fetch-Site (all current ones),
 * else Origin, compared with the Host the request was sent to. A request with neither (a script, an old client) is
 * not a browser being tricked and passes.
 */
public final class SameOrigin {

    private SameOrigin() {
    }

    public static boolean allows(HttpServletRequest request) {
        return allows(request.getHeader("Sec-Fetch-Site"), request.getHeader("Origin"), request.getHeader("Host"));
    }

    static boolean allows(String fetchSite, String origin, String host) {
        if (fetchSite != null && !fetchSite.isBlank()) {
            String site = fetchSite.trim().toLowerCase(Locale.ROOT);
            return site.equals("same-origin") || site.equals("none");
        }
        if (origin == null || origin.isBlank()) {
            return true;
        }
        try {
            URI from = URI.create(origin.trim());
            String authority = from.getRawAuthority();
            return authority != null && host != null && authority.equalsIgnoreCase(host.trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
