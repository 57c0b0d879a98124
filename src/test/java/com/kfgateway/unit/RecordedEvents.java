package com.kfgateway.unit;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * An {@link Event} that keeps what was fired, in order, and hands each to an optional observer synchronously (as
 * CDI calls an in-transaction observer). Qualifiers are not supported: none of our events uses one.
 */
public final class RecordedEvents<T> implements Event<T> {

    private final List<T> fired = new CopyOnWriteArrayList<>();
    private final Consumer<T> observer;

    public RecordedEvents() {
        this(event -> {
        });
    }

    public RecordedEvents(Consumer<T> observer) {
        this.observer = observer;
    }

    public List<T> fired() {
        return fired;
    }

    @Override
    public void fire(T event) {
        fired.add(event);
        observer.accept(event);
    }

    @Override
    public <U extends T> CompletionStage<U> fireAsync(U event) {
        fire(event);
        return CompletableFuture.completedFuture(event);
    }

    @Override
    public <U extends T> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
        return fireAsync(event);
    }

    @Override
    public Event<T> select(Annotation... qualifiers) {
        throw new UnsupportedOperationException("no qualified events here");
    }

    @Override
    public <U extends T> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
        throw new UnsupportedOperationException("no qualified events here");
    }

    @Override
    public <U extends T> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
        throw new UnsupportedOperationException("no qualified events here");
    }
}
