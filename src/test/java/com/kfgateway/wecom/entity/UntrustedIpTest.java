package com.kfgateway.wecom.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class UntrustedIpTest {

    @Test
    void readsTheAddressWeComSawFromItsErrmsg() {
        assertEquals(Optional.of("203.0.113.7"), UntrustedIp.of(60020, "not allow to access from your ip, hint: "
                + "[1733280000_89_3f9c], from ip: 203.0.113.7, more info at "
                + "https://open.work.weixin.qq.com/devtool/query?e=60020"));
    }

    @Test
    void readsAnIpv6AddressAtTheEnd() {
        assertEquals(Optional.of("2001:db8::17"), UntrustedIp.of(60020, "not allow to access from your ip, "
                + "from ip: 2001:db8::17"));
    }

    @Test
    void saysNothingForAnotherErrcodeOrAnErrmsgWithoutTheAddress() {
        assertTrue(UntrustedIp.of(95018, "from ip: 203.0.113.7").isEmpty());
        assertTrue(UntrustedIp.of(60020, "not allow to access from your ip").isEmpty());
        assertTrue(UntrustedIp.of(60020, null).isEmpty());
    }
}
