package com.kfgateway.admin.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.servlet.SessionCookieConfig;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionCookiePolicyTest {

    private final Map<String, Object> set = new HashMap<>();
    private final SessionCookieConfig cookie = (SessionCookieConfig) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[]{SessionCookieConfig.class}, (proxy, method, args) -> {
                if (method.getName().startsWith("set")) {
                    set.put(method.getName(), args[0]);
                }
                return null;
            });

    @Test
    void trueMarksTheSessionCookieSecureForEveryRequest() {
        SessionCookiePolicy.apply(AdminConfig.SecureCookie.TRUE, cookie);
        assertEquals(true, set.get("setSecure"));
    }

    @Test
    void autoLeavesItToTheContainerWhichMarksItSecureOnHttps() {
        SessionCookiePolicy.apply(AdminConfig.SecureCookie.AUTO, cookie);
        assertNull(set.get("setSecure"));
    }

    @Test
    void anUnknownValueMeansAutoNeverOff() {
        AdminConfig config = new AdminConfig();
        config.secureCookie = "yes please";
        assertEquals(AdminConfig.SecureCookie.AUTO, config.secureCookie());
        config.secureCookie = " TRUE ";
        assertEquals(AdminConfig.SecureCookie.TRUE, config.secureCookie());
    }
}
