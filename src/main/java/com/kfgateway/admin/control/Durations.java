package com.kfgateway.admin.control;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Figures over durations, outside the EJBs that report them (an EJB should have no static methods). */
final class Durations {

    private Durations() {
    }

    /** The middle value (the mean of the two middle ones for an even count); {@code null} when there is none. */
    static Duration median(List<Duration> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Duration> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle)
                : sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
    }
}
