package com.kfgateway.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.unit.Interceptors;
import com.kfgateway.unit.TestDatabase;
import com.kfgateway.unit.Wiring;
import com.kfgateway.wecom.entity.CallbackLogEntry;
import jakarta.persistence.EntityManager;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Many threads' short transactions in one commit, each caller still getting its own result or its own failure. */
class GroupCommitTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    private final TestDatabase db = new TestDatabase();
    private final CountingGroupCommit commits = Wiring.of(CountingGroupCommit.class).with(db).get();
    private final EntityManager em = db.entityManager();
    private final ExecutorService threads = Executors.newFixedThreadPool(9);

    /** Counts the shared transactions. */
    public static class CountingGroupCommit extends GroupCommit {
        final AtomicInteger groups = new AtomicInteger();

        @Override
        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public void together(List<Piece<?>> group) {
            groups.incrementAndGet();
            super.together(group);
        }
    }

    /** Commits that fail as Narayana's do: the checked RollbackException thrown through an undeclaring method. */
    public static class RollingBackGroupCommit extends GroupCommit {
        volatile boolean groupsRollBack = true;
        volatile boolean alonesRollBack;

        @Override
        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public void together(List<Piece<?>> group) {
            if (groupsRollBack) {
                Interceptors.throwUndeclared(new RollbackException("ARJUNA016053: could not commit"));
            }
            super.together(group);
        }

        @Override
        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public void alone(Piece<?> piece) {
            if (alonesRollBack) {
                Interceptors.throwUndeclared(new RollbackException("ARJUNA016053: could not commit"));
            }
            super.alone(piece);
        }
    }

    private final RollingBackGroupCommit rollingBack = Wiring.of(RollingBackGroupCommit.class).with(db).get();

    @AfterEach
    void close() {
        threads.shutdownNow();
        db.close();
    }

    private long logged(String event) {
        CallbackLogEntry entry = new CallbackLogEntry(NOW, event, "wkA");
        em.persist(entry);
        em.flush();
        return entry.id();
    }

    private long rows() {
        return db.inTransaction(() -> em.createQuery("select count(c) from CallbackLogEntry c", Long.class)
                .getSingleResult());
    }

    @Test
    void workWaitingWhileAGroupCommitsIsCommittedTogetherInOneTransaction() throws Exception {
        CountDownLatch othersQueued = new CountDownLatch(1);
        Future<Long> first = threads.submit(() -> commits.run(() -> {
            await(othersQueued);
            return logged("first");
        }));
        List<Future<Long>> others = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String event = "other " + i;
            others.add(threads.submit(() -> commits.run(() -> logged(event))));
        }
        Thread.sleep(300);
        othersQueued.countDown();

        List<Long> ids = new ArrayList<>(List.of(first.get(10, TimeUnit.SECONDS)));
        for (Future<Long> other : others) {
            ids.add(other.get(10, TimeUnit.SECONDS));
        }
        assertEquals(9, ids.stream().distinct().count(), "each caller got its own row's id");
        assertEquals(9, rows());
        assertTrue(commits.groups.get() <= 3, "9 pieces in " + commits.groups.get() + " transactions");
    }

    @Test
    void aFailingPieceFailsOnlyItsOwnCallerAndTheOthersAreCommitted() throws Exception {
        CountDownLatch othersQueued = new CountDownLatch(1);
        Future<Long> first = threads.submit(() -> commits.run(() -> {
            await(othersQueued);
            return logged("first");
        }));
        IllegalStateException broken = new IllegalStateException("a broken row");
        Future<Long> failing = threads.submit(() -> commits.run(() -> {
            logged("doomed");
            throw broken;
        }));
        Future<Long> fine = threads.submit(() -> commits.run(() -> logged("fine")));
        Thread.sleep(300);
        othersQueued.countDown();

        first.get(10, TimeUnit.SECONDS);
        fine.get(10, TimeUnit.SECONDS);
        java.util.concurrent.ExecutionException failure = assertThrows(java.util.concurrent.ExecutionException.class,
                () -> failing.get(10, TimeUnit.SECONDS));
        assertSame(broken, failure.getCause(), "the caller sees its own exception");
        assertEquals(2, rows(), "the doomed piece's row went with its failure, the others' stayed");
    }

    @Test
    void aGroupCommitFailingWithACheckedRollbackRunsEachPieceAloneAndLeavesNoCallerWaiting() throws Exception {
        CountDownLatch othersQueued = new CountDownLatch(1);
        Future<Long> first = threads.submit(() -> rollingBack.run(() -> {
            await(othersQueued);
            return logged("first");
        }));
        List<Future<Long>> others = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String event = "other " + i;
            others.add(threads.submit(() -> rollingBack.run(() -> logged(event))));
        }
        Thread.sleep(300);
        othersQueued.countDown();

        List<Long> ids = new ArrayList<>(List.of(first.get(10, TimeUnit.SECONDS)));
        for (Future<Long> other : others) {
            ids.add(other.get(10, TimeUnit.SECONDS));
        }
        assertEquals(9, ids.stream().distinct().count());
        assertEquals(9, rows());
    }

    @Test
    void aPieceWhoseOwnCommitFailsWithACheckedRollbackGetsARuntimeFailureCarryingIt() {
        rollingBack.alonesRollBack = true;
        TransactionFailed failure = assertThrows(TransactionFailed.class, () -> rollingBack.run(() -> logged("x")));
        assertTrue(failure.getCause() instanceof RollbackException, String.valueOf(failure.getCause()));
    }

    @Test
    void aPieceAloneRunsInItsOwnTransactionAndReturnsItsResult() {
        assertEquals("done", commits.run(() -> {
            logged("alone");
            return "done";
        }));
        assertNull(commits.run(() -> null));
        assertEquals(1, rows());
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
