package com.kfgateway.admin.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Response headers that tell a browser how to treat the console, the admin API and the sandbox pages: never inside
 * another site's frame (clickjacking), only our own scripts, no Referer to other sites (conversation ids are in
 * URLs), no MIME sniffing, and nothing kept in the browser's or a proxy's cache (pages show customers' words; the
 * back button after logout must not show them). Faces resources (CSS, JS) stay cacheable, and the WeCom callback and
 * the simulator's API, which no browser opens, are left as they are.
 */
@WebFilter(urlPatterns = "/*")
public class BrowserHardening extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /**
     * Why these sources. Scripts: 'self' only, no 'unsafe-inline' and no nonce. Faces writes inline script only for
     * h:commandLink (an onclick calling mojarra.jsfcljs), f:ajax and client-side behaviours; no page here uses them
     * (every action is an h:commandButton, a plain submit), and the one script, the sandbox's chat.js, is a
     * same-origin resource. Should a page ever need f:ajax, give the policy a per-response nonce rather than
     * 'unsafe-inline'. Styles: 'self' plus 'unsafe-inline', because the pages carry a few style attributes; every
     * value in them is a literal of ours and Facelets escapes what users typed, so no one else can write a style.
     * Images: 'self' only (stored customer images come from /admin/media; the stylesheets use no data: URLs).
     * form-action 'self' keeps an injected form from posting elsewhere; frame-ancestors 'none' replaces
     * X-Frame-Options, which is sent as well for older browsers.
     */
    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (covers(path)) {
            apply(response);
        }
        chain.doFilter(request, response);
    }

    /**
     * Also called by the authentication mechanism for the answers it writes itself (401, 429, the redirect to the
     * login page): those are sent before any filter runs.
     */
    static void apply(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", POLICY);
        response.setHeader("X-Frame-Options", "DENY");
        // same-origin, not no-referrer: Faces checks the Referer of a protected view against our own pages.
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
    }

    static boolean covers(String path) {
        if (path.startsWith("/jakarta.faces.resource/")) {
            return false;
        }
        return !path.startsWith("/api/") || ConsolePaths.isApi(path);
    }
}
