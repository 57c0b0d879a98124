package com.kfgateway.database;

import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * Repeats a short transaction that lost a race (the conversation row is touched by the ingest, the answering loop and
 * the dispatcher at once): an optimistic-lock conflict, or a deadlock the database broke by rolling it back. The loser rolled back completely, so running it again is safe.
 */
public final class ConflictRetry {

    static final int ATTEMPTS = 4;

    private ConflictRetry() {
    }

    public static <T> T run(Supplier<T> transaction) {
        for (int attempt = 1;; attempt++) {
            try {
                return transaction.get();
            } catch (Exception e) {
                // Exception, not RuntimeException: Narayana throws the commit's checked RollbackException undeclared.
                if (attempt >= ATTEMPTS || !lostRace(e)) {
                    throw e instanceof RuntimeException runtime ? runtime
                            : new TransactionFailed("the transaction did not commit", e);
                }
                pause(attempt);
            }
        }
    }

    public static void run(Runnable transaction) {
        run(() -> {
            transaction.run();
            return null;
        });
    }

    /**
     * Somewhere in the cause chain, or among the suppressed exceptions along it: JPA's or EclipseLink's
     * OptimisticLockException. WildFly's transaction manager reports a conflict found at commit as a rollback with
     * the conflict suppressed rather than as its cause.
     */
    public static boolean lostRace(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getClass().getSimpleName().equals("OptimisticLockException") || rolledBackByTheDatabase(t)) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (suppressed != t && lostRace(suppressed)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The database chose this transaction as the victim of a conflict and rolled it back: a serialization failure
     * (SQLSTATE 40001, also H2's deadlock) or PostgreSQL's deadlock (40P01). The other side went on; running this one
     * again is what the database asks for.
     */
    private static boolean rolledBackByTheDatabase(Throwable t) {
        return t instanceof SQLException sql && sql.getSQLState() != null
                && (sql.getSQLState().equals("40001") || sql.getSQLState().equals("40P01"));
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(20L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted between retries", e);
        }
    }
}
