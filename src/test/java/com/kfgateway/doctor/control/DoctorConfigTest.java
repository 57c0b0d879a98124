package com.kfgateway.doctor.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DoctorConfigTest {

    private static DoctorConfig config(double minutes, String consoleUrl) {
        DoctorConfig config = new DoctorConfig();
        config.intervalMinutes = minutes;
        config.alertTo = Optional.of(" ");
        config.consoleUrl = Optional.ofNullable(consoleUrl);
        return config;
    }

    @Test
    void theIntervalIsJitteredByATenthEitherWay() {
        DoctorConfig config = config(10, null);
        assertEquals(Duration.ofMinutes(9), config.jittered(0));
        assertEquals(Duration.ofMinutes(10), config.jittered(0.5));
        assertEquals(Duration.ofMillis(659_988), config.jittered(0.9999));
    }

    @Test
    void fractionsOfAMinuteAreAllowedButNotLessThanASecond() {
        assertEquals(Duration.ofSeconds(3), config(0.05, null).interval());
        assertEquals(Duration.ofSeconds(1), config(0, null).interval());
    }

    @Test
    void theDoctorPageIsUnderThePublicUrlWhenSetAndBlankRecipientsTellNobody() {
        assertEquals("https://kf.example.com/admin/doctor/index.xhtml",
                config(10, "https://kf.example.com/").doctorPage());
        assertEquals("/admin/doctor/index.xhtml", config(10, null).doctorPage());
        assertEquals(Optional.empty(), config(10, null).alertTo());
    }
}
