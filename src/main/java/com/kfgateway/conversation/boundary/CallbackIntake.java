package com.kfgateway.conversation.boundary;

import com.kfgateway.conversation.control.sync.CallbackJournal;
import com.kfgateway.conversation.control.sync.Puller;
import com.kfgateway.wecom.entity.CallbackEvent;
import com.kfgateway.wecom.entity.CallbackLogEntry.Outcome;
import com.kfgateway.wecom.entity.KfCallbackReceived;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The doorbell: a verified WeCom callback is queued in memory and the callback answers WeCom at once, with no
 * database work and no task hand-off of its own on the request thread (a slow or stopped database never delays the
 * ack). One drain task at a time, on the managed executor, logs what has queued up in one transaction and requests
 * one pull per KF account for all of it, with the newest sync token: a burst of N callbacks costs one insert
 * batch and one pull, not N of each. Callbacks that are not KF are logged as IGNORED, account grants and
 * revocations as RECORDED. A batch whose log write fails still triggers its pulls; a callback that finds the queue
 * full is dropped, and the periodic safety-net pull fetches its messages.
 */
@ApplicationScoped
public class CallbackIntake {

    /** Far beyond a burst that a pull could not drain; a bound so a flood cannot exhaust the heap. */
    static final int CAPACITY = 20_000;
    /** Callbacks logged per transaction. */
    static final int BATCH = 500;
    private static final Logger LOG = Logger.getLogger(CallbackIntake.class.getName());

    @Resource
    ManagedExecutorService executor;

    @Inject
    CallbackJournal journal;

    @Inject
    Puller puller;

    private final Queue<KfCallbackReceived> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicLong dropped = new AtomicLong();

    void received(@Observes KfCallbackReceived received) {
        if (queued.incrementAndGet() > CAPACITY) {
            queued.decrementAndGet();
            long count = dropped.incrementAndGet();
            if (count == 1 || count % 1000 == 0) {
                LOG.warning(() -> count + " callback(s) dropped (the queue is full); the safety-net pull will fetch"
                        + " their messages");
            }
            return;
        }
        waiting.add(received);
        startDrain();
    }

    private void startDrain() {
        if (!draining.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException e) {
            draining.set(false);
            LOG.warning("callbacks not handled now (executor saturated); the next callback or the safety-net pull"
                    + " takes them");
        }
    }

    void drain() {
        try {
            for (List<KfCallbackReceived> batch = take(); !batch.isEmpty(); batch = take()) {
                handle(batch);
            }
        } finally {
            draining.set(false);
            // A callback queued between the last take and the flag's reset would otherwise wait for the next one.
            if (!waiting.isEmpty()) {
                startDrain();
            }
        }
    }

    private List<KfCallbackReceived> take() {
        List<KfCallbackReceived> batch = new ArrayList<>();
        for (KfCallbackReceived next; batch.size() < BATCH && (next = waiting.poll()) != null;) {
            batch.add(next);
        }
        queued.addAndGet(-batch.size());
        return batch;
    }

    void handle(List<KfCallbackReceived> batch) {
        List<CallbackJournal.Entry> entries = batch.stream().map(CallbackIntake::entry).toList();
        List<Long> ids = logged(entries);
        Map<String, Pull> pulls = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            CallbackEvent event = batch.get(i).event();
            if (event.isKfMsgOrEvent()) {
                String account = event.openKfId() == null ? "" : event.openKfId();
                pulls.computeIfAbsent(account, a -> new Pull()).add(event.syncToken(), ids.get(i));
            }
        }
        pulls.forEach((account, pull) -> puller.request(account, pull.token, pull.callbackIds));
    }

    private static CallbackJournal.Entry entry(KfCallbackReceived received) {
        CallbackEvent event = received.event();
        if (event.isKfMsgOrEvent()) {
            return new CallbackJournal.Entry(event, received.receivedAt(), Outcome.RECEIVED, null);
        }
        if (event.isKfAccountAuthChange()) {
            return new CallbackJournal.Entry(event, received.receivedAt(), Outcome.RECORDED, "granted "
                    + event.authAddOpenKfIds() + ", revoked " + event.authDelOpenKfIds());
        }
        return new CallbackJournal.Entry(event, received.receivedAt(), Outcome.IGNORED, "not a KF callback: "
                + event.msgType() + "/" + event.event());
    }

    /** The log ids, or nulls when the log could not be written. */
    private List<Long> logged(List<CallbackJournal.Entry> entries) {
        try {
            return journal.received(entries);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, entries.size() + " callback(s) could not be logged (is the database down?);"
                    + " pulling anyway", e);
            return Collections.nCopies(entries.size(), null);
        }
    }

    /** One account's share of a batch: the newest sync token and the callbacks the pull will finish. */
    private static final class Pull {
        String token;
        final List<Long> callbackIds = new ArrayList<>();

        void add(String syncToken, Long callbackId) {
            if (syncToken != null && !syncToken.isBlank()) {
                token = syncToken;
            }
            if (callbackId != null) {
                callbackIds.add(callbackId);
            }
        }
    }
}
