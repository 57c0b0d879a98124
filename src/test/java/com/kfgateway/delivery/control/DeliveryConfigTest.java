package com.kfgateway.delivery.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.kfgateway.wecom.control.WeComConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeliveryConfigTest {

    private static DeliveryConfig withWeComTimeout(Duration timeout) {
        DeliveryConfig config = new DeliveryConfig();
        config.wecom = new WeComConfig(null, null, null, null, null, null, null) {
            @Override
            public Duration httpTimeout() {
                return timeout;
            }
        };
        return config;
    }

    @Test
    void aPartIsDeclaredAbandonedOnlyAfterFourWholeCallsCouldHaveEnded() {
        // connect (5 s) + the whole-exchange deadline (2 x 10 s), four times (gettoken and send, twice after a
        // rejected token), + 10 s
        assertEquals(Duration.ofSeconds(110), withWeComTimeout(Duration.ofSeconds(10)).sendingStaleAfter());
    }

    @Test
    void theStaleThresholdFollowsTheConfiguredTimeout() {
        assertEquals(Duration.ofSeconds(270), withWeComTimeout(Duration.ofSeconds(30)).sendingStaleAfter());
    }
}
