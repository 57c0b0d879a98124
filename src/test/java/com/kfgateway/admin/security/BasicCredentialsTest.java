package com.kfgateway.admin.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BasicCredentialsTest {

    @Test
    void readsUtf8UserAndAPasswordThatMayContainColons() {
        BasicCredentials credentials = BasicCredentials.parse("Basic " + b64("管理员:pa:ss")).orElseThrow();
        assertEquals("管理员", credentials.username());
        assertArrayEquals("pa:ss".toCharArray(), credentials.password());
    }

    @Test
    void schemeIsCaseInsensitive() {
        assertTrue(BasicCredentials.parse("basic " + b64("a:b")).isPresent());
    }

    @Test
    void rejectsOtherSchemesBrokenBase64AndMissingUser() {
        assertFalse(BasicCredentials.parse(null).isPresent());
        assertFalse(BasicCredentials.parse("Bearer abc").isPresent());
        assertFalse(BasicCredentials.parse("Basic !!!").isPresent());
        assertFalse(BasicCredentials.parse("Basic " + b64("no-colon")).isPresent());
        assertFalse(BasicCredentials.parse("Basic " + b64(":password")).isPresent());
    }

    @Test
    void neverPrintsThePassword() {
        assertFalse(BasicCredentials.parse("Basic " + b64("a:hunter2")).orElseThrow().toString().contains("hunter2"));
    }

    private static String b64(String plain) {
        return Base64.getEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }
}
