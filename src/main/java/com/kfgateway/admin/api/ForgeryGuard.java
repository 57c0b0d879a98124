package com.kfgateway.admin.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses a state-changing admin API request that a browser could have been tricked into sending. A browser that
 * once answered the Basic prompt sends those credentials with every request to this origin, even one started by a
 * form on another site. Such a form can only send a "simple" request (form-encoded, multipart or text/plain, no
 * custom headers); anything else needs a CORS preflight, which this API never grants. So every method but GET, HEAD
 * and OPTIONS must carry {@code Content-Type: application/json} or an {@code X-Requested-By} header (any value);
 * otherwise 403, before any resource runs.
 */
@WebFilter("/api/admin/*")
public class ForgeryGuard extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    static final String HEADER = "X-Requested-By";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (allows(request.getMethod(), request.getContentType(), request.getHeader(HEADER))) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        // Its body stays unread, so the listener closes the connection after this answer: say so (UnreadBodyCloses).
        response.setHeader("Connection", "close");
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(AdminJson.error("a state-changing request needs Content-Type: application/json "
                + "or an " + HEADER + " header (a page on another site cannot send either)").toString());
    }

    static boolean allows(String method, String contentType, String requestedBy) {
        if (SAFE_METHODS.contains(method.toUpperCase(Locale.ROOT))) {
            return true;
        }
        if (requestedBy != null && !requestedBy.isBlank()) {
            return true;
        }
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return mediaType.equals("application/json");
    }
}
