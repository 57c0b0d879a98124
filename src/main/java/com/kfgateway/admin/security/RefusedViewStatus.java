package com.kfgateway.admin.security;

import jakarta.faces.application.ProtectedViewException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Answers a console request Faces refused for its token with a 4xx instead of the container's 500: 403 for a
 * protected view opened without its token (a forged or bookmarked link), 400 for a form whose view state is unknown
 * or expired. Either is the client's doing, not a fault of the server; the problem page still explains it.
 */
@WebFilter(urlPatterns = "*.xhtml")
public class RefusedViewStatus extends HttpFilter {

    private static final long serialVersionUID = 1L;
    /** Tells the problem page why, since an error sent by status carries no exception. */
    public static final String STALE = "kfgateway.staleView";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException e) {
            int status = statusFor(e);
            if (status == 0 || response.isCommitted()) {
                throw e;
            }
            request.setAttribute(STALE, Boolean.TRUE);
            response.sendError(status);
        }
    }

    static int statusFor(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProtectedViewException) {
                return HttpServletResponse.SC_FORBIDDEN;
            }
            if (cause instanceof ViewExpiredException) {
                return HttpServletResponse.SC_BAD_REQUEST;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return 0;
    }
}
