package com.kfgateway.admin.security;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.logging.Formatter;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Mojarra logs the session's protected-view (CSRF) token in clear, at SEVERE, whenever a protected view is opened
 * without it — that is, on every forged request. A token in the log is a token anyone with log access can replay, so
 * that one record is dropped; everything else from the logger passes.
 */
@WebListener
public class CsrfTokenLogGuard implements ServletContextListener {

    static final String FACES_LIFECYCLE_LOGGER = "jakarta.enterprise.resource.webcontainer.faces.lifecycle";
    /** Held strongly: java.util.logging forgets the configuration of loggers nobody references. */
    private static final Logger FACES_LIFECYCLE = Logger.getLogger(FACES_LIFECYCLE_LOGGER);
    private static final Formatter MESSAGES = new SimpleFormatter();

    @Override
    public void contextInitialized(ServletContextEvent event) {
        // The record carries a bundle key and parameters; only the formatted text shows the token.
        FACES_LIFECYCLE.setFilter(record -> !leaksToken(MESSAGES.formatMessage(record)));
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        FACES_LIFECYCLE.setFilter(null);
    }

    static boolean leaksToken(String message) {
        return message != null && message.contains("SecretKeyValue");
    }
}
