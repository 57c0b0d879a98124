package com.kfgateway.doctor.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.unit.TestDatabase;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The open alerts on the real schema: whoever changes the row tells staff, and only once. */
class AlertStoreTest {

    private static final Instant AT = Instant.parse("2026-12-04T05:00:00Z");

    private final TestDatabase database = new TestDatabase();
    private final AlertStore store = new AlertStore();

    AlertStoreTest() {
        store.em = database.entityManager();
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void anAlertIsOpenedOnceAndClosedOnce() {
        assertTrue(database.inTransaction(() -> store.open("token.kf", AT)));
        assertFalse(database.inTransaction(() -> store.open("token.kf", AT.plusSeconds(600))), "open already");
        assertTrue(database.inTransaction(() -> store.open("callback", AT)));
        assertEquals(Set.of("token.kf", "callback"), database.inTransaction(store::told));

        assertTrue(database.inTransaction(() -> store.close("token.kf")));
        assertFalse(database.inTransaction(() -> store.close("token.kf")), "closed already");
        assertEquals(Set.of("callback"), database.inTransaction(store::told));
    }
}
