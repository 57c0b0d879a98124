package com.kfgateway.database;

import java.util.function.Supplier;

/**
 * Repeats a short transaction that lost an optimistic-lock race (the conversation row is touched by the ingest, the
 * answering loop and the dispatcher at once). The loser rolled back completely, so running it again is safe.
 */
public final class ConflictRetry {

    static final int ATTEMPTS = 4;

    private ConflictRetry() {
    }

    public static <T> T run(Supplier<T> transaction) {
        for (int attempt = 1;; attempt++) {
            try {
                return transaction.get();
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !lostRace(e)) {
                    throw e;
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
            if (t.getClass().getSimpleName().equals("OptimisticLockException")) {
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

    private static void pause(int attempt) {
        try {
            Thread.sleep(20L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted between retries", e);
        }
    }
}
