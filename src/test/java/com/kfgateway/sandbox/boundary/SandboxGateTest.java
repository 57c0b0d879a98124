package com.kfgateway.sandbox.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SandboxGateTest {

    /** Just the request facts the gate reads. */
    private static HttpServletRequest request(String contextPath, String uri, Map<String, String> params, int port) {
        return (HttpServletRequest) Proxy.newProxyInstance(SandboxGateTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getContextPath" -> contextPath;
                    case "getRequestURI" -> uri;
                    case "getParameter" -> params.get((String) args[0]);
                    case "getLocalPort" -> port;
                    case "getScheme" -> "http";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void everyPathItIsMappedToIsTheSandboxsExceptOtherFacesResources() {
        assertTrue(SandboxGate.isSandboxUrl(request("", "/sandbox/customer.xhtml", Map.of(), 8080)));
        assertTrue(SandboxGate.isSandboxUrl(request("", "/api/sandbox/anything", Map.of(), 8080)));
        assertTrue(SandboxGate.isSandboxUrl(request("/kf", "/kf/jakarta.faces.resource/sandbox.css.xhtml",
                Map.of("ln", "sandbox"), 8080)));
        assertTrue(SandboxGate.isSandboxUrl(request("", "/jakarta.faces.resource/sandbox/sandbox.css.xhtml",
                Map.of(), 8080)));
        assertFalse(SandboxGate.isSandboxUrl(request("", "/jakarta.faces.resource/console.css.xhtml",
                Map.of("ln", "css"), 8080)));
        assertFalse(SandboxGate.isSandboxUrl(request("", "/jakarta.faces.resource/faces.js.xhtml",
                Map.of("ln", "jakarta.faces"), 8080)));
    }

    @Test
    void callbacksGoToThisServersPortOnLoopbackUnderTheContextRoot() {
        assertEquals(URI.create("http://127.0.0.1:8080/api/wecom/callback"),
                SandboxGate.callbackUrl(request("", "/sandbox/customer.xhtml", Map.of(), 8080)));
        assertEquals(URI.create("http://127.0.0.1:8080/kf-gateway/api/wecom/callback"),
                SandboxGate.callbackUrl(request("/kf-gateway", "/kf-gateway/sandbox/customer.xhtml", Map.of(), 8080)));
    }
}
