package com.kfgateway.admin;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Applies the header's language switch ({@code ?lang=zh|en}) on any console page, before Faces renders it. A plain
 * link, so it works without JavaScript and needs no form; changing a display language is not worth a CSRF token.
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
                if (pair.startsWith("lang=")) {
                    locale.choose(pair.substring(5));
                }
            }
        }
        chain.doFilter(request, response);
    }
}
