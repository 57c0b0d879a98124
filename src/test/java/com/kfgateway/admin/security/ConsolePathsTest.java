package com.kfgateway.admin.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConsolePathsTest {

    @Test
    void onlyTheAdminApiIsApi() {
        assertTrue(ConsolePaths.isApi("/api/admin"));
        assertTrue(ConsolePaths.isApi("/api/admin/send-log/5/resend"));
        assertFalse(ConsolePaths.isApi("/api/wecom/callback"));
        assertFalse(ConsolePaths.isApi("/api/administrator"));
    }

    @Test
    void loginReturnsOnlyToConsolePagesOfThisApplication() {
        assertEquals("/admin/conversations/list.xhtml?q=a",
                ConsolePaths.safeNext("/admin/conversations/list.xhtml?q=a"));
        assertEquals(ConsolePaths.HOME, ConsolePaths.safeNext("https://evil.example/admin/"));
        assertEquals(ConsolePaths.HOME, ConsolePaths.safeNext("//evil.example/admin/"));
        assertEquals(ConsolePaths.HOME, ConsolePaths.safeNext("/admin//evil.example"));
        assertEquals(ConsolePaths.HOME, ConsolePaths.safeNext("/admin/../api/x"));
        assertEquals(ConsolePaths.HOME, ConsolePaths.safeNext("/admin/\\evil"));
        assertEquals(ConsolePaths.HOME, ConsolePaths.safeNext("/admin/x\r\nSet-Cookie: a=b"));
        assertEquals(ConsolePaths.HOME, ConsolePaths.safeNext(null));
    }
}
