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
 * The only door to the sandbox. With a real corp configured every sandbox URL (pages, REST, its stylesheet and
 * script) answers 404, exactly like a URL that does not exist. In sandbox mode the first request through it tells the
 * simulator where the product's callback endpoint is: this server's own port on loopback, under this context root.
 */
@WebFilter(filterName = "SandboxGate", urlPatterns = {"/sandbox/*", "/api/sandbox/*", "/resources/sandbox/*",
        "/jakarta.faces.resource/*"})
public class SandboxGate extends HttpFilter {

    private final boolean active = SandboxActivation.ofProcess().active();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!isSandboxUrl(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (!active) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        SandboxWeCom.get().learnCallbackUrl(callbackUrl(request));
        chain.doFilter(request, response);
    }

    /** Faces serves every library's resources under one path; only the sandbox library is the sandbox's. */
    static boolean isSandboxUrl(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/jakarta.faces.resource/")) {
            return true;
        }
        return "sandbox".equals(request.getParameter("ln")) || path.startsWith("/jakarta.faces.resource/sandbox/");
    }

    /** Loopback, so neither a proxy in front nor the host name the browser used can send callbacks astray. */
    static URI callbackUrl(HttpServletRequest request) {
        return URI.create(request.getScheme() + "://127.0.0.1:" + request.getLocalPort() + request.getContextPath()
                + "/api/wecom/callback");
    }
}
