package com.kfgateway.unit;

/**
 * What an interceptor may do that Java code cannot: throw a checked exception through a method that declares none.
 * Narayana's {@code @Transactional} interceptor throws {@code jakarta.transaction.RollbackException} that way when
 * the commit fails.
 */
public final class Interceptors {

    private Interceptors() {
    }

    /** Throws {@code checked} undeclared, as an interceptor would; returns nothing, typed for use in a lambda. */
    public static <T> T throwUndeclared(Exception checked) {
        return Interceptors.<T, RuntimeException>sneak(checked);
    }

    @SuppressWarnings("unchecked")
    private static <T, E extends Exception> T sneak(Exception checked) throws E {
        throw (E) checked;
    }
}
