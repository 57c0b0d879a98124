package com.kfgateway.conversation.control;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs work for one key at a time, on the given executor, and coalesces: a request arriving while the key's work
 * runs is remembered (only the newest) and runs once right after. Different keys run in parallel.
 * <p>
 * Pulls use it per cursor scope (a second callback during a pull must not pull the same page concurrently, but its
 * newer sync token must be used), and answering uses it per conversation (one customer's messages strictly in order,
 * other customers never wait).
 */
public final class SingleFlight<K> {

    private static final Logger LOG = Logger.getLogger(SingleFlight.class.getName());

    private final String name;
    private final Executor executor;
    private final Map<K, Slot> slots = new HashMap<>();

    public SingleFlight(String name, Executor executor) {
        this.name = name;
        this.executor = executor;
    }

    /** Runs {@code work} for {@code key} now, or once after the running work for it ends. Never blocks. */
    public void request(K key, Runnable work) {
        synchronized (slots) {
            Slot slot = slots.get(key);
            if (slot != null) {
                slot.next = work;
                return;
            }
            slots.put(key, new Slot());
        }
        submit(key, work);
    }

    /**
     * Runs {@code work} only when nothing for {@code key} is running or waiting: for a safety net, whose request
     * the running work covers anyway (it reads what is due when it starts, and a later net catches what it missed).
     */
    public void requestIfIdle(K key, Runnable work) {
        synchronized (slots) {
            if (slots.containsKey(key)) {
                return;
            }
            slots.put(key, new Slot());
        }
        submit(key, work);
    }

    /** Whether work for {@code key} is running or waiting. */
    public boolean busy(K key) {
        synchronized (slots) {
            return slots.containsKey(key);
        }
    }

    private void submit(K key, Runnable work) {
        try {
            executor.execute(() -> runThenNext(key, work));
        } catch (RejectedExecutionException e) {
            release(key);
            LOG.log(Level.WARNING, () -> name + ": executor refused work for " + key + "; the timer will retry");
        }
    }

    private void runThenNext(K key, Runnable work) {
        Runnable current = work;
        while (current != null) {
            try {
                current.run();
            } catch (Exception e) {
                // Exception, not RuntimeException: a JTA commit may throw the checked RollbackException through
                // an interceptor (Narayana does); escaping here would leave the key busy for good.
                LOG.log(Level.WARNING, name + " failed for " + key + " (the next request or the timer retries)", e);
            } catch (Error e) {
                release(key);
                throw e;
            }
            current = nextOrRelease(key);
        }
    }

    private Runnable nextOrRelease(K key) {
        synchronized (slots) {
            Slot slot = slots.get(key);
            Runnable next = slot.next;
            slot.next = null;
            if (next == null) {
                slots.remove(key);
            }
            return next;
        }
    }

    private void release(K key) {
        synchronized (slots) {
            slots.remove(key);
        }
    }

    private static final class Slot {
        Runnable next;
    }
}
