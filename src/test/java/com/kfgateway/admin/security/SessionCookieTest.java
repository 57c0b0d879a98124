package com.kfgateway.admin.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SessionCookieTest {

    @Test
    void addsSameSiteLaxWhichPayaraLeavesOutOfTheSessionCookie() {
        assertEquals("JSESSIONID=abc; Path=/; HttpOnly; SameSite=Lax",
                SessionCookie.finished("JSESSIONID=abc; Path=/; HttpOnly", false));
        assertEquals("JSESSIONID=abc; Path=/; SameSite=Strict",
                SessionCookie.finished("JSESSIONID=abc; Path=/; SameSite=Strict", false), "a stricter choice stays");
    }

    @Test
    void addsSecureOnlyWhenAskedAndOnlyOnce() {
        assertEquals("JSESSIONID=abc; Path=/; HttpOnly; SameSite=Lax; Secure",
                SessionCookie.finished("JSESSIONID=abc; Path=/; HttpOnly", true));
        assertEquals("JSESSIONID=abc; Path=/; Secure; HttpOnly; SameSite=Lax",
                SessionCookie.finished("JSESSIONID=abc; Path=/; Secure; HttpOnly", true));
    }
}
