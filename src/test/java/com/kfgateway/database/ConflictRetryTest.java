package com.kfgateway.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.kfgateway.unit.Interceptors;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.RollbackException;
import java.sql.SQLException;
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
    void aCheckedRollbackThrownUndeclaredIsRepeatedWhenItWasALostRaceAndWrappedWhenNot() {
        AtomicInteger calls = new AtomicInteger();
        String result = ConflictRetry.run(() -> {
            if (calls.incrementAndGet() < 2) {
                RollbackException rollback = new RollbackException("ARJUNA016053: could not commit");
                rollback.addSuppressed(new OptimisticLockException("row changed"));
                return Interceptors.throwUndeclared(rollback);
            }
            return "done";
        });
        assertEquals("done", result);
        assertEquals(2, calls.get());

        RollbackException other = new RollbackException("marked rollback only");
        TransactionFailed failure = assertThrows(TransactionFailed.class,
                () -> ConflictRetry.run(() -> Interceptors.throwUndeclared(other)));
        assertSame(other, failure.getCause());
    }

    @Test
    void aTransactionTheDatabaseRolledBackToBreakADeadlockLostARaceToo() {
        // As EclipseLink wraps H2's and PostgreSQL's answers.
        assertEquals(true, ConflictRetry.lostRace(new IllegalStateException("commit failed",
                new SQLException("Deadlock detected. The current transaction was rolled back.", "40001", 40001))));
        assertEquals(true, ConflictRetry.lostRace(new IllegalStateException("commit failed",
                new SQLException("deadlock detected", "40P01"))));
        assertEquals(false, ConflictRetry.lostRace(new IllegalStateException("commit failed",
                new SQLException("duplicate key value violates unique constraint", "23505"))));
        assertEquals(false, ConflictRetry.lostRace(new IllegalStateException("commit failed", new SQLException())));
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
