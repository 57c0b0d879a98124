package com.kfgateway.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class FormatsTest {

    private final Formats fmt = new Formats() {
        @Override
        public ZoneId zone() {
            return ZoneId.of("Asia/Shanghai");
        }
    };

    @Test
    void durationsReadAsAPersonWouldSayThem() {
        assertEquals("—", Formats.duration(null));
        assertEquals("850 ms", Formats.duration(Duration.ofMillis(850)));
        assertEquals("12 s", Formats.duration(Duration.ofMillis(12_400)));
        assertEquals("3 min 5 s", Formats.duration(Duration.ofSeconds(185)));
        assertEquals("2 h 4 min", fmt.span(Duration.ofMinutes(124).plusSeconds(30)));
    }

    @Test
    void timesAreWrittenInTheServersZoneAndTodayOnlyByTheClock() {
        assertEquals("2026-12-03 16:00:00", fmt.when(Instant.parse("2026-12-03T08:00:00Z")));
        assertEquals("—", fmt.when(null));
        assertEquals("—", fmt.brief(null));
        assertEquals("01-02 08:30", fmt.brief(Instant.parse("2020-01-02T00:30:00Z")));
        Instant earlierToday = ZonedDateTime.now(fmt.zone()).withHour(0).withMinute(0).withSecond(1).toInstant();
        assertEquals("00:00:01", fmt.brief(earlierToday));
        assertTrue(!fmt.startOfToday().isAfter(Instant.now()));
        assertEquals(fmt.startOfToday(), earlierToday.minusSeconds(1).atZone(fmt.zone()).toInstant()
                .minusNanos(earlierToday.getNano()));
    }
}
