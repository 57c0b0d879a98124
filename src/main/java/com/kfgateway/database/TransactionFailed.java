package com.kfgateway.database;

/**
 * A transaction that did not commit, carrying the checked exception a transaction manager threw undeclared (a JTA
 * {@code RollbackException}, with the lost optimistic race among its causes or suppressed exceptions), so callers
 * that handle runtime failures see it.
 */
public class TransactionFailed extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TransactionFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
