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
        String lang = request.getParameter("lang");
        if (lang != null && "GET".equals(request.getMethod())) {
            locale.choose(lang);
        }
        chain.doFilter(request, response);
    }
}
