package com.kfgateway.database;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Commits the short write transactions of many threads together. A backlog answers thousands of customers on a few
 * threads, each step a transaction of a few rows; the commit, not the rows, was the cost (H2 rewrites the changed
 * pages on every commit, and threads queued on its commit lock). A thread hands its work here and gets its result
 * back as if it had run alone: whoever finds the group free runs all waiting work in ONE transaction; the others wait
 * for it. If that transaction fails for any reason, each piece runs again on its own, so one piece's failure (a lost
 * optimistic race, a broken row) is its caller's alone and never another's.
 * <p>
 * The work must be database work only (no call out of the process) and use {@code REQUIRED} or {@code MANDATORY}
 * transactions, so it joins the group's; every piece is in the group's transaction, as if REQUIRES_NEW.
 */
@ApplicationScoped
public class GroupCommit {

    /** Bounds one transaction; more waiting work is the next group's. */
    static final int MAX_GROUP = 64;

    @Inject
    GroupCommit self;

    private final Queue<Piece<?>> waiting = new ConcurrentLinkedQueue<>();
    private final ReentrantLock lead = new ReentrantLock();

    /** Runs {@code work} in a transaction shared with other threads' work; its result, or its own exception. */
    public <T> T run(Supplier<T> work) {
        Piece<T> piece = new Piece<>(work);
        waiting.add(piece);
        while (!piece.done) {
            lead.lock();
            try {
                if (!piece.done) {
                    commitWaiting();
                }
            } finally {
                lead.unlock();
            }
        }
        return piece.outcome();
    }

    private void commitWaiting() {
        List<Piece<?>> group = new ArrayList<>();
        for (Piece<?> next; group.size() < MAX_GROUP && (next = waiting.poll()) != null;) {
            group.add(next);
        }
        if (group.isEmpty()) {
            return;
        }
        try {
            self.together(group);
            group.forEach(Piece::succeeded);
        } catch (Exception groupFailed) {
            // Exception, not RuntimeException: Narayana throws the commit's checked RollbackException undeclared.
            group.forEach(this::runAlone);
        } finally {
            // Never leave a waiting thread without an outcome: it would wait for a group that is gone.
            group.stream().filter(piece -> !piece.done)
                    .forEach(piece -> piece.failed(new TransactionFailed("the group's commit was abandoned", null)));
        }
    }

    private void runAlone(Piece<?> piece) {
        try {
            self.alone(piece);
            piece.succeeded();
        } catch (RuntimeException own) {
            piece.failed(own);
        } catch (Exception own) {
            piece.failed(new TransactionFailed("the transaction did not commit", own));
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void together(List<Piece<?>> group) {
        group.forEach(Piece::execute);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void alone(Piece<?> piece) {
        piece.execute();
    }

    /** One thread's work and what came of it; written and read under the group's lock. */
    public static final class Piece<T> {
        private final Supplier<T> work;
        private T result;
        private RuntimeException failure;
        private volatile boolean done;

        Piece(Supplier<T> work) {
            this.work = work;
        }

        void execute() {
            result = work.get();
        }

        void succeeded() {
            failure = null;
            done = true;
        }

        void failed(RuntimeException e) {
            result = null;
            failure = e;
            done = true;
        }

        T outcome() {
            if (failure != null) {
                throw failure;
            }
            return result;
        }
    }
}
