package com.kfgateway.admin.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    @Test
    void ignoresXForwardedForUnlessThePeerIsATrustedProxy() {
        assertEquals("203.0.113.9", ClientAddress.resolve("203.0.113.9", "1.2.3.4", Set.of()));
        assertEquals("203.0.113.9", ClientAddress.resolve("203.0.113.9", "1.2.3.4", Set.of("10.0.0.1")));
    }

    @Test
    void behindATrustedProxyTakesTheRightMostAddressThatIsNotAProxy() {
        Set<String> proxies = Set.of("10.0.0.1", "10.0.0.2");
        assertEquals("198.51.100.4", ClientAddress.resolve("10.0.0.1", "6.6.6.6, 198.51.100.4, 10.0.0.2", proxies),
                "the left-most entry was written by the client itself");
        assertEquals("10.0.0.1", ClientAddress.resolve("10.0.0.1", " , 10.0.0.2", proxies));
        assertEquals("10.0.0.1", ClientAddress.resolve("10.0.0.1", null, proxies));
    }
}
