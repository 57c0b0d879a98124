package com.kfgateway.admin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DashboardTest {

    @Test
    void medianOfAnOddCountIsTheMiddleValue() {
        assertEquals(Duration.ofSeconds(3), Durations.median(List.of(Duration.ofSeconds(9), Duration.ofSeconds(1),
                Duration.ofSeconds(3))));
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues() {
        assertEquals(Duration.ofMillis(2500), Durations.median(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(3), Duration.ofSeconds(100))));
    }

    @Test
    void noRepliesMeansNoMedian() {
        assertNull(Durations.median(List.of()));
    }
}
