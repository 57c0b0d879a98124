package com.kfgateway.sandbox.boundary;

import com.kfgateway.sandbox.control.SandboxActivation;
import com.kfgateway.sandbox.control.SandboxWeCom;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;

/**
 * The only door to the sandbox, and mapped to the sandbox's URLs only: its pages, stylesheet and script all live
 * under {@code /sandbox/} (plain files, not a Faces resource library, so no other request passes through here).
 * With sandbox mode off every one answers 404, exactly like a URL that does not exist. In sandbox mode the first
 * request through it tells the simulator where the product's callback endpoint is: this server's own port on
 * loopback, under this context root.
 */
@WebFilter(filterName = "SandboxGate", urlPatterns = "/sandbox/*")
public class SandboxGate extends HttpFilter {

    private final boolean active = SandboxActivation.ofProcess().active();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!active) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        SandboxWeCom.get().learnCallbackUrl(callbackUrl(request));
        chain.doFilter(request, response);
    }

    /** Loopback, so neither a proxy in front nor the host name the browser used can send callbacks astray. */
    static URI callbackUrl(HttpServletRequest request) {
        return URI.create(request.getScheme() + "://127.0.0.1:" + request.getLocalPort() + request.getContextPath()
                + "/api/wecom/callback");
    }
}
