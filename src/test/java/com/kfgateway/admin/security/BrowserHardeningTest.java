package com.kfgateway.admin.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class BrowserHardeningTest {

    /** What the policy's script-src 'self' would block: Faces' inline-script components and handwritten ones. */
    static final List<Pattern> NEEDS_INLINE_SCRIPT = List.of(Pattern.compile("<h:commandLink\\b"),
            Pattern.compile("<f:ajax\\b"), Pattern.compile("<h:commandScript\\b"),
            Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>"), Pattern.compile("\\son[a-z]+\\s*=\\s*\""),
            Pattern.compile("javascript:"));

    @Test
    void coversTheConsoleTheApiTheLoginAndTheSandboxButNotTheCallbackOrStaticResources() {
        for (String path : List.of("/admin/index.xhtml", "/api/admin/conversations", "/login.xhtml", "/",
                "/sandbox/customer.xhtml", "/problem.xhtml", "/logout", "/admin/media/1")) {
            assertTrue(BrowserHardening.covers(path), path);
        }
        for (String path : List.of("/api/wecom/callback", "/api/sandbox/cgi-bin/gettoken",
                "/jakarta.faces.resource/css/console.css.xhtml")) {
            assertFalse(BrowserHardening.covers(path), path);
        }
    }

    @Test
    void noPageUsesAnythingThatNeedsInlineScript() throws IOException {
        try (Stream<Path> pages = Files.walk(Path.of("webapp"))) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".xhtml")).toList()) {
                String source = Files.readString(page);
                for (Pattern needsInline : NEEDS_INLINE_SCRIPT) {
                    assertFalse(needsInline.matcher(source).find(), page + " uses " + needsInline
                            + ": the Content-Security-Policy would block it (see BrowserHardening.POLICY)");
                }
            }
        }
    }

    @Test
    void thePolicyAllowsNoInlineOrForeignScriptAndNoFraming() {
        assertTrue(BrowserHardening.POLICY.contains("script-src 'self';"));
        assertTrue(BrowserHardening.POLICY.contains("frame-ancestors 'none'"));
        assertFalse(BrowserHardening.POLICY.contains("unsafe-eval"));
    }
}
