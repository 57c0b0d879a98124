package com.kfgateway.unit;

import com.kfgateway.metrics.boundary.OperatorMetrics;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.implementation.MethodDelegation;
import net.bytebuddy.implementation.bind.annotation.Origin;
import net.bytebuddy.implementation.bind.annotation.RuntimeType;
import net.bytebuddy.implementation.bind.annotation.SuperCall;
import net.bytebuddy.matcher.ElementMatchers;

/**
 * Hand wiring for a focused test. {@link #get()} makes the bean and gives each {@code @Inject} or
 * {@code @PersistenceContext} field the collaborator assignable to its type (the bean itself last, for a
 * self-reference). An {@code Event<X>} field gets the {@link RecordedEvents} registered for X, or a fresh one that only
 * records. An {@link OperatorMetrics} field gets one that keeps nothing (no registry outside a server), unless the
 * test gives its own. Any other field nothing fits stays null, so a test names every collaborator it uses.
 *
 * <p>Given a {@link TestDatabase}, a bean whose class or public methods say {@code @Transactional} is made as a
 * subclass whose public methods run as the container would run them: REQUIRES_NEW in a new transaction, REQUIRED in
 * one when none is open, MANDATORY refused outside one.
 */
public final class Wiring<T> {

    private final Class<T> type;
    private final List<Object> beans = new ArrayList<>();
    private final Map<Class<?>, RecordedEvents<?>> events = new HashMap<>();
    private TestDatabase database;

    private Wiring(Class<T> type) {
        this.type = type;
    }

    public static <T> Wiring<T> of(Class<T> type) {
        return new Wiring<>(type);
    }

    /** Collaborators; a {@link TestDatabase} also gives its entity manager and runs the bean's transactions. */
    public Wiring<T> with(Object... collaborators) {
        for (Object collaborator : collaborators) {
            if (collaborator instanceof TestDatabase db) {
                database = db;
                beans.add(db.entityManager());
            } else {
                beans.add(collaborator);
            }
        }
        return this;
    }

    public <E> Wiring<T> event(Class<E> eventType, RecordedEvents<E> recorded) {
        events.put(eventType, recorded);
        return this;
    }

    public T get() {
        T bean = instantiate();
        beans.add(bean);
        for (Class<?> c = type; c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.isAnnotationPresent(Inject.class) || field.isAnnotationPresent(PersistenceContext.class)) {
                    Object value = valueFor(field);
                    if (value != null) {
                        set(bean, field, value);
                    }
                }
            }
        }
        return bean;
    }

    private T instantiate() {
        try {
            Class<? extends T> made = database != null && transactional() ? new ByteBuddy().subclass(type)
                    .method(ElementMatchers.isPublic().and(ElementMatchers.not(ElementMatchers.isDeclaredBy(
                            Object.class))))
                    .intercept(MethodDelegation.to(new Transactions(database, type))).make()
                    .load(type.getClassLoader(), ClassLoadingStrategy.UsingLookup.of(MethodHandles.privateLookupIn(
                            type, MethodHandles.lookup())))
                    .getLoaded() : type;
            var constructor = made.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type + " cannot be made", e);
        }
    }

    private boolean transactional() {
        if (type.isAnnotationPresent(Transactional.class)) {
            return true;
        }
        for (Method method : type.getDeclaredMethods()) {
            if (Modifier.isPublic(method.getModifiers()) && method.isAnnotationPresent(Transactional.class)) {
                return true;
            }
        }
        return false;
    }

    private Object valueFor(Field field) {
        if (field.getType() == Event.class) {
            Class<?> eventType = (Class<?>) ((ParameterizedType) field.getGenericType()).getActualTypeArguments()[0];
            return events.computeIfAbsent(eventType, t -> new RecordedEvents<>());
        }
        Object given = beans.stream().filter(field.getType()::isInstance).findFirst().orElse(null);
        return given == null && field.getType() == OperatorMetrics.class ? new OperatorMetrics() : given;
    }

    private static void set(Object bean, Field field, Object value) {
        field.setAccessible(true);
        try {
            field.set(bean, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(field + " cannot be set", e);
        }
    }

    /** The interceptor: what {@code @Transactional} on the method, else on the class, asks for. */
    public static final class Transactions {

        private final TestDatabase database;
        private final Class<?> type;

        Transactions(TestDatabase database, Class<?> type) {
            this.database = database;
            this.type = type;
        }

        @RuntimeType
        public Object intercept(@SuperCall Callable<?> call, @Origin Method method) throws Exception {
            Transactional declared = method.isAnnotationPresent(Transactional.class)
                    ? method.getAnnotation(Transactional.class) : type.getAnnotation(Transactional.class);
            if (declared == null) {
                return call.call();
            }
            return switch (declared.value()) {
                case REQUIRES_NEW -> database.callInTransaction(call);
                case REQUIRED -> database.inTransactionNow() ? call.call() : database.callInTransaction(call);
                case MANDATORY -> {
                    if (!database.inTransactionNow()) {
                        throw new jakarta.transaction.TransactionalException(method + " needs a transaction",
                                new jakarta.persistence.TransactionRequiredException());
                    }
                    yield call.call();
                }
                case SUPPORTS, NOT_SUPPORTED, NEVER -> call.call();
            };
        }
    }
}
