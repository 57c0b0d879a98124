package com.kfgateway.admin.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SameOriginTest {

    @Test
    void trustsSecFetchSiteWhenTheBrowserSendsIt() {
        assertTrue(SameOrigin.allows("same-origin", "https://kf.example.com", "internal:8080"),
                "decides even when a proxy rewrote Host");
        assertTrue(SameOrigin.allows("none", null, "kf.example.com"), "typed or bookmarked");
        assertFalse(SameOrigin.allows("cross-site", "https://evil.example", "kf.example.com"));
        assertFalse(SameOrigin.allows("same-site", "https://other.example.com", "kf.example.com"),
                "a sibling subdomain is another origin");
    }

    @Test
    void otherwiseComparesOriginWithHost() {
        assertTrue(SameOrigin.allows(null, "http://127.0.0.1:8080", "127.0.0.1:8080"));
        assertFalse(SameOrigin.allows(null, "https://evil.example", "127.0.0.1:8080"));
        assertFalse(SameOrigin.allows(null, "null", "127.0.0.1:8080"), "an opaque origin is nobody's page");
    }

    @Test
    void letsARequestWithoutEitherHeaderPass() {
        assertTrue(SameOrigin.allows(null, null, "127.0.0.1:8080"), "a script, not a browser being tricked");
    }
}
