package com.kfgateway.admin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class KeysetCursorTest {

    @Test
    void roundTripsTheExactPositionIncludingNanoseconds() {
        KeysetCursor cursor = new KeysetCursor(Instant.parse("2026-11-29T08:15:30.123456789Z"), 987_654_321L);
        assertEquals(cursor, KeysetCursor.decode(cursor.encode()).orElseThrow());
    }

    @Test
    void tokenIsUrlSafe() {
        String token = new KeysetCursor(Instant.ofEpochSecond(1_800_000_000L, 999), Long.MAX_VALUE).encode();
        assertTrue(token.matches("[A-Za-z0-9_-]+"), token);
    }

    @Test
    void anythingElseMeansTheFirstPage() {
        assertTrue(KeysetCursor.decode(null).isEmpty());
        assertTrue(KeysetCursor.decode("").isEmpty());
        assertTrue(KeysetCursor.decode("not base64!").isEmpty());
        assertTrue(KeysetCursor.decode(encode("1.2")).isEmpty());
        assertTrue(KeysetCursor.decode(encode("1.x.3")).isEmpty());
        assertTrue(KeysetCursor.decode(encode("1.1000000000.3")).isEmpty(), "nanos beyond a second");
        assertTrue(KeysetCursor.decode("A".repeat(200)).isEmpty(), "oversized token");
    }

    private static String encode(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }
}
