package com.kfgateway.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.persistence.OptimisticLockException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConflictRetryTest {

    @Test
    void repeatsATransactionThatLostAnOptimisticLockRace() {
        AtomicInteger calls = new AtomicInteger();
        String result = ConflictRetry.run(() -> {
            if (calls.incrementAndGet() < 3) {
                throw new IllegalStateException("commit failed", new OptimisticLockException("row changed"));
            }
            return "done";
        });
        assertEquals("done", result);
        assertEquals(3, calls.get());
    }

    @Test
    void aConflictSuppressedInARollbackIsALostRaceToo() {
        // As WildFly's transaction manager reports a conflict found at commit.
        IllegalStateException rollback = new IllegalStateException("ARJUNA016053: could not commit");
        rollback.addSuppressed(new IllegalStateException("before completion failed",
                new OptimisticLockException("row changed")));
        assertEquals(true, ConflictRetry.lostRace(new RuntimeException("EJB exception", rollback)));
        assertEquals(false, ConflictRetry.lostRace(new RuntimeException("EJB exception",
                new IllegalStateException("constraint violated"))));
    }

    @Test
    void otherFailuresAreNotRepeated() {
        AtomicInteger calls = new AtomicInteger();
        assertThrows(IllegalStateException.class, () -> ConflictRetry.run(() -> {
            calls.incrementAndGet();
            throw new IllegalStateException("constraint violated");
        }));
        assertEquals(1, calls.get());
    }

    @Test
    void givesUpAfterFourLostRaces() {
        AtomicInteger calls = new AtomicInteger();
        assertThrows(RuntimeException.class, () -> ConflictRetry.run(() -> {
            calls.incrementAndGet();
            throw new OptimisticLockException("row changed");
        }));
        assertEquals(4, calls.get());
    }
}
