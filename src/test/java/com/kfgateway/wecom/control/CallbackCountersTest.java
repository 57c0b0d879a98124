package com.kfgateway.wecom.control;

import com.kfgateway.unit.Wiring;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.unit.TestDatabase;
import com.kfgateway.wecom.control.CallbackStats.Rejection;
import com.kfgateway.wecom.entity.CallbackCount;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CallbackCountersTest {

    private static final Instant EARLIER = Instant.parse("2026-12-04T01:00:00Z");
    private static final Instant LATER = Instant.parse("2026-12-04T02:00:00Z");

    private final TestDatabase database = new TestDatabase();
    private final CallbackCounters counters = new CallbackCounters();

    CallbackCountersTest() {
        counters.em = database.entityManager();
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void everyKindStartsAtZeroNeverSeen() {
        Map<String, CallbackCount> totals = database.inTransaction(counters::totals);
        for (Rejection reason : Rejection.values()) {
            assertEquals(0, totals.get(reason.name()).total(), reason.name());
            assertNull(totals.get(reason.name()).lastAt());
        }
        assertEquals(0, totals.get(CallbackCount.VALID_POST).total());
    }

    @Test
    void nodesAddTheirCountsAndTheLaterTimeIsKept() {
        add(new CallbackCount("BAD_SIGNATURE", 3, LATER), new CallbackCount(CallbackCount.VALID_POST, 5, EARLIER));
        add(new CallbackCount("BAD_SIGNATURE", 2, EARLIER), new CallbackCount(CallbackCount.VALID_POST, 1, null));
        Map<String, CallbackCount> totals = database.inTransaction(counters::totals);
        assertEquals(new CallbackCount("BAD_SIGNATURE", 5, LATER), totals.get("BAD_SIGNATURE"));
        assertEquals(new CallbackCount(CallbackCount.VALID_POST, 6, EARLIER), totals.get(CallbackCount.VALID_POST));
    }

    @Test
    void aKindWithoutItsRowGetsOne() {
        add(new CallbackCount("SOMETHING_NEW", 1, LATER));
        add(new CallbackCount("SOMETHING_NEWER", 2, null));
        Map<String, CallbackCount> totals = database.inTransaction(counters::totals);
        assertEquals(new CallbackCount("SOMETHING_NEW", 1, LATER), totals.get("SOMETHING_NEW"));
        assertEquals(2, totals.get("SOMETHING_NEWER").total());
    }

    @Test
    void theStatsHandOverOnlyWhatIsNewSinceTheyWereLastStored() {
        CallbackStats stats = Wiring.of(CallbackStats.class).get();
        stats.rejected(Rejection.BAD_SIGNATURE);
        stats.rejected(Rejection.BAD_SIGNATURE);
        stats.validPost();
        List<CallbackCount> first = stats.pending();
        assertEquals(2, first.size(), first.toString());
        stats.stored(first);
        assertTrue(stats.pending().isEmpty(), "nothing new");
        stats.rejected(Rejection.DECRYPT_FAILED);
        stats.rejected(Rejection.BAD_SIGNATURE);
        List<CallbackCount> second = stats.pending();
        assertEquals(Set.of("BAD_SIGNATURE:1", "DECRYPT_FAILED:1"), Set.copyOf(second.stream()
                .map(c -> c.kind() + ":" + c.total()).toList()));
        add(first.toArray(CallbackCount[]::new));
        add(second.toArray(CallbackCount[]::new));
        assertEquals(3, database.inTransaction(counters::totals).get("BAD_SIGNATURE").total());
    }

    private void add(CallbackCount... counts) {
        database.inTransaction(() -> {
            counters.add(List.of(counts));
            return null;
        });
    }
}
