package com.kfgateway.wecom.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WeComReplyTest {

    @Test
    void anUnreachableWeComNeverLooksLikeItsOwnSystemBusy() {
        WeComReply<Void> unreachable = WeComReply.unreachable("connect timed out", 0);
        assertFalse(unreachable.is(-1));
        assertFalse(unreachable.is(0));
        assertTrue(WeComReply.errcode(-1, "system busy").is(-1));
        assertEquals("WeCom not reached: connect timed out", unreachable.describe());
    }

    @Test
    void eachOutcomeDescribesItselfInOneLine() {
        assertEquals("ok", WeComReply.ok("x").describe());
        assertEquals("errcode 95018 not allowed", WeComReply.errcode(95018, "not allowed").describe());
        assertEquals("errcode 95018", WeComReply.errcode(95018, null).describe());
        assertEquals("no access token: paused", WeComReply.noToken(40001, "paused").describe());
        assertEquals("not configured: WECOM_KF_SECRET", WeComReply.notConfigured("WECOM_KF_SECRET").describe());
        assertEquals("WeComReply[ok]", WeComReply.ok(1).toString());
    }

    @Test
    void aFailureCarriesOverToAnotherValueTypeButASuccessDoesNot() {
        WeComReply<String> failed = WeComReply.errcode(60011, "no privilege");
        WeComReply<Integer> carried = failed.failure();
        assertSame(failed, carried);
        assertEquals(60011, carried.errcode());
        assertThrows(IllegalStateException.class, () -> WeComReply.ok("x").failure());
    }
}
