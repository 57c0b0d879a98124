package com.kfgateway.admin.security;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;
import java.util.logging.Logger;

/**
 * Whether the console's session cookie carries Secure ({@code admin.secure-cookie}). {@code auto} (the default):
 * Secure whenever the request reached the server over HTTPS, which the servlet container does by itself for a
 * request it sees as secure. {@code true}: always, set on the container's session cookie configuration at start-up;
 * needed behind a proxy that terminates TLS and forwards plain HTTP. {@code false}: not forced (plain-HTTP trials).
 * HttpOnly and SameSite=Lax come from web.xml either way.
 */
@WebListener
public class SessionCookiePolicy implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(SessionCookiePolicy.class.getName());

    @Inject
    AdminConfig config;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        apply(config.secureCookie(), event.getServletContext().getSessionCookieConfig());
    }

    static void apply(AdminConfig.SecureCookie policy, SessionCookieConfig cookie) {
        if (policy == AdminConfig.SecureCookie.TRUE) {
            cookie.setSecure(true);
            LOG.info("The console's session cookie is always Secure (ADMIN_SECURE_COOKIE=true)");
        } else if (policy == AdminConfig.SecureCookie.FALSE) {
            cookie.setSecure(false);
        }
    }
}
