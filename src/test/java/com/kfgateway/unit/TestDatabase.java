package com.kfgateway.unit;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.persistence.TransactionRequiredException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/**
 * A fresh database with the product's schema: the migrations in {@code sql/} applied by Flyway, as at start-up, to
 * an in-memory H2, and the product's persistence unit on it, resource-local. {@link #entityManager()} behaves like
 * the container's transaction-scoped one: it talks to the innermost transaction {@link #inTransaction} opened on
 * this thread, and refuses outside one. A nested {@code inTransaction} is a new transaction, as REQUIRES_NEW.
 */
public final class TestDatabase implements AutoCloseable {

    /** Far below the sequences' first values, so hand-written rows never meet EclipseLink's. */
    private static final java.util.concurrent.atomic.AtomicLong NEXT_ID = new java.util.concurrent.atomic.AtomicLong();
    private final JdbcDataSource dataSource = new JdbcDataSource();
    private final EntityManagerFactory factory;
    private final ThreadLocal<Deque<EntityManager>> open = ThreadLocal.withInitial(ArrayDeque::new);
    private final EntityManager current;

    public TestDatabase() {
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        factory = Persistence.createEntityManagerFactory("kf-gateway", Map.of(
                "jakarta.persistence.transactionType", "RESOURCE_LOCAL", "jakarta.persistence.jtaDataSource", "",
                "jakarta.persistence.nonJtaDataSource", dataSource));
        current = (EntityManager) Proxy.newProxyInstance(EntityManager.class.getClassLoader(),
                new Class<?>[]{EntityManager.class}, (proxy, method, args) -> {
                    EntityManager em = open.get().peek();
                    if (em == null) {
                        throw new TransactionRequiredException(method.getName() + " outside a transaction");
                    }
                    try {
                        return method.invoke(em, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** The entity manager to inject: always the innermost open transaction's. */
    public EntityManager entityManager() {
        return current;
    }

    /** Runs {@code work} in a new transaction, committed when it returns and rolled back when it throws. */
    public <T> T inTransaction(Supplier<T> work) {
        try {
            return callInTransaction(work::get);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * As {@link #inTransaction(Supplier)}; a checked exception commits, as JTA's {@code @Transactional} does unless
     * told otherwise.
     */
    public <T> T callInTransaction(Callable<T> work) throws Exception {
        EntityManager em = factory.createEntityManager();
        open.get().push(em);
        try {
            em.getTransaction().begin();
            T result;
            try {
                result = work.call();
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Exception checked) {
                em.getTransaction().commit();
                throw checked;
            }
            em.getTransaction().commit();
            return result;
        } catch (RuntimeException | Error e) {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            throw e;
        } finally {
            open.get().pop();
            em.close();
        }
    }

    /** True on a thread inside {@link #inTransaction}. */
    public boolean inTransactionNow() {
        return !open.get().isEmpty();
    }

    public void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    /** Runs a native statement (rows a test needs from another component) in its own transaction. */
    public int sql(String statement, Object... parameters) {
        return inTransaction(() -> {
            var query = current.createNativeQuery(statement);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return query.executeUpdate();
        });
    }

    /** A conversation row for the customer, as the sync loop writes one; its id. */
    public long conversation(String openKfid, String externalUserid) {
        long id = NEXT_ID.incrementAndGet();
        sql("INSERT INTO conversation (id, open_kfid, external_userid, service_state, last_message_at, created_at)"
                + " VALUES (?, ?, ?, 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)", id, openKfid, externalUserid);
        return id;
    }

    /** Shorthand for a read in its own transaction. */
    public <T> T find(Class<T> type, Object id) {
        return inTransaction(() -> current.find(type, id));
    }

    @Override
    public void close() {
        factory.close();
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
