package com.kfgateway.database;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Transactional;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Makes a failed commit a runtime failure on every server. On Payara it reaches the caller as one; Narayana's
 * transaction interceptor (WildFly) throws the commit's checked {@code RollbackException} as it is, through methods
 * that declare no checked exception, so a caller's {@code catch (RuntimeException)} (a retry of a
 * lost race, a single-flight slot's release) never saw it. Wraps it here in {@link TransactionFailed}, whose causes
 * still carry the optimistic-lock conflict. Runs outside the platform's transaction interceptor (a lower priority),
 * so the commit happens within it. Only the two kinds that commit: MANDATORY and SUPPORTS never do.
 */
public abstract class CommitFailures {

    Object translate(InvocationContext call) throws Exception {
        try {
            return call.proceed();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            if (declares(call.getMethod(), e)) {
                throw e;
            }
            throw new TransactionFailed(call.getMethod().getDeclaringClass().getSimpleName() + "."
                    + call.getMethod().getName() + " did not commit", e);
        }
    }

    static boolean declares(Method method, Exception thrown) {
        return method != null
                && Arrays.stream(method.getExceptionTypes()).anyMatch(type -> type.isInstance(thrown));
    }

    /** Around {@code REQUIRES_NEW} methods. */
    @Interceptor
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
    public static class AroundRequiresNew extends CommitFailures {
        @AroundInvoke
        public Object around(InvocationContext call) throws Exception {
            return translate(call);
        }
    }

    /** Around {@code REQUIRED} methods, which commit when they began the transaction. */
    @Interceptor
    @Transactional(Transactional.TxType.REQUIRED)
    @Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
    public static class AroundRequired extends CommitFailures {
        @AroundInvoke
        public Object around(InvocationContext call) throws Exception {
            return translate(call);
        }
    }
}
