package com.kfgateway.sandbox.boundary;

import com.kfgateway.sandbox.control.SandboxActivation;
import com.kfgateway.sandbox.control.SandboxWeCom;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Starts the sandbox's WeCom as the application starts (if the configuration has not already started it), so the
 * product's first token fetch finds it listening; stops it with the application so a redeploy frees the port.
 */
@WebListener
public class SandboxLifecycle implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (SandboxActivation.ofProcess().active()) {
            SandboxWeCom.get();
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        SandboxWeCom.stop();
    }
}
