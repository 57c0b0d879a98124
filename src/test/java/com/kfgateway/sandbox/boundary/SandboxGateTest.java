package com.kfgateway.sandbox.boundary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SandboxGateTest {

    private static final Path PAGES = Path.of("webapp/sandbox");

    /** Just the request facts the gate reads. */
    private static HttpServletRequest request(String contextPath, int port) {
        return (HttpServletRequest) Proxy.newProxyInstance(SandboxGateTest.class.getClassLoader(),
                new Class<?>[]{HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getContextPath" -> contextPath;
                    case "getLocalPort" -> port;
                    case "getScheme" -> "http";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void filtersTheSandboxsOwnUrlsAndNoOtherRequest() {
        assertArrayEquals(new String[]{"/sandbox/*"}, SandboxGate.class.getAnnotation(WebFilter.class).urlPatterns());
        assertArrayEquals(new String[0], SandboxGate.class.getAnnotation(WebFilter.class).value());
    }

    @Test
    void everyStylesheetAndScriptOfTheSandboxPagesLivesBehindTheGate() throws IOException {
        Pattern asset = Pattern.compile("<(?:link|script)\\b[^>]*\\b(?:href|src)=\"([^\"]*)\"");
        List<Path> pages;
        try (var files = Files.list(PAGES)) {
            pages = files.filter(p -> p.toString().endsWith(".xhtml")).toList();
        }
        assertEquals(2, pages.size(), pages.toString());
        for (Path page : pages) {
            String xhtml = Files.readString(page, StandardCharsets.UTF_8);
            assertFalse(xhtml.contains("h:outputStylesheet") || xhtml.contains("h:outputScript"),
                    page + " must not load a Faces resource library: the gate would have to filter every one");
            Matcher links = asset.matcher(xhtml);
            int found = 0;
            while (links.find()) {
                found++;
                assertTrue(links.group(1).startsWith("#{request.contextPath}/sandbox/"), page + ": " + links.group(1));
                assertTrue(Files.exists(PAGES.resolve(links.group(1).substring(
                        "#{request.contextPath}/sandbox/".length()))), page + ": " + links.group(1));
            }
            assertTrue(found > 0, page + " loads the sandbox stylesheet");
        }
    }

    @Test
    void callbacksGoToThisServersPortOnLoopbackUnderTheContextRoot() {
        assertEquals(URI.create("http://127.0.0.1:8080/api/wecom/callback"),
                SandboxGate.callbackUrl(request("", 8080)));
        assertEquals(URI.create("http://127.0.0.1:8080/kf-gateway/api/wecom/callback"),
                SandboxGate.callbackUrl(request("/kf-gateway", 8080)));
    }
}
