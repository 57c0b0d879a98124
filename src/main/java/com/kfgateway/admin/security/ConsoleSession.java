package com.kfgateway.admin.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.Set;

/**
 * Who is logged in to the console pages, kept in the HTTP session. Only pages read it: the admin API always wants
 * HTTP Basic, so a browser's session cookie can never be used to call the API from another site.
 */
public record ConsoleSession(String username, Set<String> roles) implements Serializable {

    static final String ATTRIBUTE = ConsoleSession.class.getName();

    static ConsoleSession of(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : (ConsoleSession) session.getAttribute(ATTRIBUTE);
    }

    /**
     * Starts a fresh session id at login so a session id planted before login is worth nothing; the cookie the
     * container writes for it is then finished by {@link SessionCookie}.
     */
    void begin(HttpServletRequest request) {
        request.getSession(true);
        request.changeSessionId();
        request.getSession().setAttribute(ATTRIBUTE, this);
    }
}
