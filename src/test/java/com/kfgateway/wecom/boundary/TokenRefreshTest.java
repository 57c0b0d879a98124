package com.kfgateway.wecom.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenRefreshTest {

    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    @Test
    void nextRunIsTheSoonestRefreshDue() {
        assertEquals(NOW.plusSeconds(300), TokenRefresh.nextRun(NOW, NOW.plusSeconds(300)));
    }

    @Test
    void nextRunIsAtLeastOneSecondAway() {
        assertEquals(NOW.plusSeconds(1), TokenRefresh.nextRun(NOW, NOW.minusSeconds(60)));
    }

    @Test
    void nextRunIsAtMostTenMinutesAwaySoConfigChangesArePickedUp() {
        assertEquals(NOW.plusSeconds(600), TokenRefresh.nextRun(NOW, NOW.plusSeconds(7000)));
        assertEquals(NOW.plusSeconds(600), TokenRefresh.nextRun(NOW, null));
    }
}
