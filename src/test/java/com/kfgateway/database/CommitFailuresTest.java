package com.kfgateway.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.interceptor.InvocationContext;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.RollbackException;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/** A commit failure leaves a transactional method as a runtime failure, whatever the transaction manager threw. */
class CommitFailuresTest {

    private final CommitFailures.AroundRequiresNew interceptor = new CommitFailures.AroundRequiresNew();

    /** Stands for an application method: one declaring no checked exception, one declaring IOException. */
    interface Store {
        void record();

        void export() throws IOException;
    }

    @Test
    void aCheckedRollbackThrownThroughAMethodThatDeclaresNoneBecomesATransactionFailureCarryingIt() throws Exception {
        RollbackException rollback = new RollbackException("ARJUNA016053: could not commit");
        rollback.addSuppressed(new OptimisticLockException("row changed"));

        TransactionFailed failure = assertThrows(TransactionFailed.class,
                () -> interceptor.around(call("record", () -> {
                    throw rollback;
                })));

        assertSame(rollback, failure.getCause());
        assertTrue(failure.getMessage().contains("Store.record"), failure.getMessage());
        assertTrue(ConflictRetry.lostRace(failure), "the lost race stays findable, so it is retried");
    }

    @Test
    void aCheckedExceptionTheMethodDeclaresAndRuntimeFailuresPassUnchanged() {
        IOException declared = new IOException("disk full");
        assertSame(declared, assertThrows(IOException.class, () -> interceptor.around(call("export", () -> {
            throw declared;
        }))));
        IllegalStateException runtime = new IllegalStateException("constraint violated");
        assertSame(runtime, assertThrows(IllegalStateException.class, () -> interceptor.around(call("record", () -> {
            throw runtime;
        }))));
    }

    @Test
    void aResultPassesUnchanged() throws Exception {
        assertEquals("done", new CommitFailures.AroundRequired().around(call("record", () -> "done")));
    }

    private static InvocationContext call(String methodName, Callable<Object> proceed) throws Exception {
        Method method = Store.class.getMethod(methodName);
        return (InvocationContext) Proxy.newProxyInstance(CommitFailuresTest.class.getClassLoader(),
                new Class<?>[]{InvocationContext.class}, (proxy, invoked, args) -> switch (invoked.getName()) {
                    case "getMethod" -> method;
                    case "proceed" -> proceed.call();
                    default -> throw new UnsupportedOperationException(invoked.getName());
                });
    }
}
