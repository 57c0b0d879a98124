package com.kfgateway.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How the console writes times and durations, in the server's time zone. Used from pages as {@code #{fmt…}}. */
@Named("fmt")
@ApplicationScoped
public class Formats {

    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    public ZoneId zone() {
        return ZoneId.systemDefault();
    }

    public String when(Instant instant) {
        return instant == null ? "—" : FULL.format(instant.atZone(zone()));
    }

    public String brief(Instant instant) {
        if (instant == null) {
            return "—";
        }
        var local = instant.atZone(zone());
        return local.toLocalDate().equals(LocalDate.now(zone())) ? local.toLocalTime().withNano(0).toString()
                : SHORT.format(local);
    }

    public Instant startOfToday() {
        return LocalDate.now(zone()).atStartOfDay(zone()).toInstant();
    }

    /** "850 ms", "12 s", "3 min 5 s", "2 h 4 min". */
    public static String duration(Duration duration) {
        if (duration == null) {
            return "—";
        }
        long ms = duration.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        long s = duration.toSeconds();
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min " + s % 60 + " s";
        }
        return s / 3600 + " h " + (s % 3600) / 60 + " min";
    }

    public String span(Duration duration) {
        return duration(duration);
    }
}
