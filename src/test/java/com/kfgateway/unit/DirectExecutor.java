package com.kfgateway.unit;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The container's managed executors for a focused test, on the test's own thread: {@link #executor()} runs what it is
 * given at once, {@link #scheduler()} keeps what is scheduled until the test runs it ({@link #runScheduled()}), so
 * nothing asynchronous is left to wait for and no test sleeps. Only {@code execute} and
 * {@code schedule(Runnable, long, TimeUnit)} are offered; anything else says so.
 */
public final class DirectExecutor {

    /** One task handed to the scheduler, with the delay it asked for. */
    public record Scheduled(Runnable task, Duration delay) {
    }

    private final List<Scheduled> scheduled = new ArrayList<>();
    private boolean refusing;

    /** From now on the scheduler refuses work, as a container's does while it shuts down. */
    public DirectExecutor refusing() {
        refusing = true;
        return this;
    }

    public List<Scheduled> scheduled() {
        return scheduled;
    }

    /** Runs what was scheduled so far, in order (what those tasks schedule waits for the next call). */
    public void runScheduled() {
        List<Scheduled> due = List.copyOf(scheduled);
        scheduled.clear();
        due.forEach(s -> s.task().run());
    }

    public ManagedExecutorService executor() {
        return proxy(ManagedExecutorService.class);
    }

    public ManagedScheduledExecutorService scheduler() {
        return proxy(ManagedScheduledExecutorService.class);
    }

    private <T> T proxy(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "execute" -> {
                            ((Runnable) args[0]).run();
                            return null;
                        }
                        case "schedule" -> {
                            if (args.length == 3 && args[0] instanceof Runnable task) {
                                if (refusing) {
                                    throw new RejectedExecutionException("the test's scheduler refuses work");
                                }
                                scheduled.add(new Scheduled(task, Duration.of(((Number) args[1]).longValue(),
                                        ((TimeUnit) args[2]).toChronoUnit())));
                                return null;
                            }
                            throw new UnsupportedOperationException(method.toString());
                        }
                        case "toString" -> {
                            return "DirectExecutor." + type.getSimpleName();
                        }
                        case "hashCode" -> {
                            return System.identityHashCode(proxy);
                        }
                        case "equals" -> {
                            return proxy == args[0];
                        }
                        default -> throw new UnsupportedOperationException(method + " is not offered by the test");
                    }
                }));
    }
}
