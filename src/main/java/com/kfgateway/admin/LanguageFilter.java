package com.kfgateway.admin;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;

/**
 * Applies the header's language switch ({@code ?lang=zh|en}) on any console page, before Faces renders it. A plain
 * link, so it works without JavaScript and needs no form; changing a display language is not worth a CSRF token.
 * The choice is kept in a cookie (see {@link ConsoleLocale}), never in a session.
 */
@WebFilter(urlPatterns = {"/admin/*", "/login.xhtml", "/problem.xhtml"})
public class LanguageFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    ConsoleLocale locale;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // The query string only: reading a parameter here would parse a POST body before Faces sets UTF-8.
        String query = request.getQueryString();
        if (query != null && "GET".equals(request.getMethod())) {
            for (String pair : query.split("&")) {
                if (pair.startsWith("lang=") && locale.choose(pair.substring(5))) {
                    remember(request, response, pair.substring(5));
                }
            }
        }
        chain.doFilter(request, response);
    }

    /** Only a language tag: nothing worth protecting, so no Secure flag is needed; HttpOnly all the same. */
    private static void remember(HttpServletRequest request, HttpServletResponse response, String language) {
        Cookie cookie = new Cookie(ConsoleLocale.COOKIE, language);
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setMaxAge((int) Duration.ofDays(365).toSeconds());
        cookie.setHttpOnly(true);
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }
}
