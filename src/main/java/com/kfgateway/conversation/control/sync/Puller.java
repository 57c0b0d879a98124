package com.kfgateway.conversation.control.sync;

import com.kfgateway.conversation.control.SingleFlight;
import com.kfgateway.conversation.entity.SyncCursor;
import com.kfgateway.database.ConflictRetry;
import com.kfgateway.delivery.boundary.SendLog;
import com.kfgateway.wecom.control.WeComClient;
import com.kfgateway.wecom.entity.CallbackLogEntry.Outcome;
import com.kfgateway.wecom.entity.SyncPage;
import com.kfgateway.wecom.entity.WeComReply;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Pulls kf/sync_msg for one scope (open_kfid, or "*" when the callback named no account), one pull per scope at a
 * time (later callbacks coalesce into one more pull with the newest token). Each page: read the cursor, ask WeCom
 * outside any transaction, store the page and advance the cursor in one transaction; repeat while has_more is 1,
 * even when a page is empty. An expired token (95007) is dropped once and the pull repeated without it.
 * <p>
 * Right after a page committed, its welcome parts go out on the pull's own thread (their code lives 20 s; no model
 * call may stand in front of them), then {@link Ingested} is announced so answering and enrichment can start.
 */
@ApplicationScoped
public class Puller {

    static final int PAGE_LIMIT = 1000;
    static final int TOKEN_EXPIRED = 95007;
    /** 不合法的参数: for sync_msg with a stored cursor, the cursor WeCom no longer knows. */
    static final int INVALID_PARAMETER = 40058;
    /** A runaway guard: 100 full pages are 100,000 items; the next callback continues from the cursor. */
    static final int MAX_PAGES_PER_PULL = 100;
    /** A failed pull is repeated a few times (3 s, 6 s, 9 s …) so messages do not wait for the next callback. */
    static final int MAX_REPULLS = 5;
    private static final Logger LOG = Logger.getLogger(Puller.class.getName());

    @Resource
    ManagedExecutorService executor;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    WeComClient client;

    @Inject
    PageStore pages;

    @Inject
    CallbackJournal journal;

    @Inject
    SendLog sendLog;

    @Inject
    Event<Ingested> ingestedPages;

    private SingleFlight<String> flights;
    private final Map<String, List<Long>> waitingCallbacks = new ConcurrentHashMap<>();
    private final Map<String, Integer> failedPulls = new ConcurrentHashMap<>();

    @PostConstruct
    void init() {
        flights = new SingleFlight<>("kf/sync_msg pull", executor);
    }

    /** Returns at once; the pull runs on the managed executor and finishes the given callbacks' log entries. */
    public void request(String openKfid, String syncToken, Collection<Long> callbackLogIds) {
        String scope = openKfid == null || openKfid.isBlank() ? SyncCursor.ALL_ACCOUNTS : openKfid;
        if (!callbackLogIds.isEmpty()) {
            List<Long> waiting = waitingCallbacks.computeIfAbsent(scope, s -> new ArrayList<>());
            synchronized (waiting) {
                waiting.addAll(callbackLogIds);
            }
        }
        flights.request(scope, () -> pull(scope, syncToken));
    }

    void pull(String scope, String syncToken) {
        List<Long> callbacks = drainCallbacks(scope);
        String token = syncToken;
        int stored = 0;
        int duplicates = 0;
        int quarantined = 0;
        int storeFailures = 0;
        boolean fromEarliest = false;
        boolean restarted = false;
        try {
            for (int page = 0; page < MAX_PAGES_PER_PULL; page++) {
                String cursor = pages.cursorOf(scope);
                String requested = fromEarliest ? null : cursor;
                fromEarliest = false;
                WeComReply<SyncPage> answer = client.syncMsg(requested, token,
                        SyncCursor.ALL_ACCOUNTS.equals(scope) ? null : scope, PAGE_LIMIT);
                if (answer.is(INVALID_PARAMETER) && requested != null && !restarted) {
                    // Replaying up to 3 days is safe (msgid de-duplication, the answer age limit); being stuck is not.
                    LOG.warning(() -> "WeCom refused the stored sync cursor of " + scope + " (40058): pulling from"
                            + " the earliest message WeCom keeps");
                    restarted = true;
                    fromEarliest = true;
                    continue;
                }
                if (answer.is(TOKEN_EXPIRED) && token != null) {
                    LOG.info(() -> "sync token for " + scope + " expired (95007): pulling without it");
                    token = null;
                    continue;
                }
                if (!answer.ok()) {
                    LOG.warning(() -> "kf/sync_msg for " + scope + ": " + answer.describe());
                    journal.finish(callbacks, Outcome.SYNC_FAILED, "kf/sync_msg " + answer.describe());
                    pullAgainLater(scope, token);
                    return;
                }
                Ingested ingested;
                try {
                    ingested = store(scope, cursor, answer.value());
                } catch (RuntimeException moved) {
                    if (!raced(moved) || ++storeFailures > 4) {
                        throw moved;
                    }
                    LOG.log(Level.INFO, "page for " + scope + " not stored (the cursor moved); re-reading", moved);
                    continue;
                }
                stored += ingested.stored();
                duplicates += ingested.duplicates();
                quarantined += ingested.quarantined();
                afterCommit(ingested);
                if (!answer.value().hasMore()) {
                    break;
                }
            }
            journal.finish(callbacks, Outcome.SYNCED, stored + " new item(s), " + duplicates + " already stored"
                    + (quarantined == 0 ? "" : ", " + quarantined + " set aside"));
            failedPulls.remove(scope);
        } catch (RuntimeException e) {
            journal.finish(callbacks, Outcome.SYNC_FAILED, e.getClass().getSimpleName() + ": " + e.getMessage());
            pullAgainLater(scope, token);
            throw e;
        }
    }

    /**
     * One page in one transaction; if it fails for a reason of its own (not a race with another pull), item by
     * item, so one item that cannot be stored is set aside instead of stopping the account's pipeline for good.
     */
    private Ingested store(String scope, String cursor, SyncPage page) {
        try {
            return pages.store(scope, cursor, page, Instant.now());
        } catch (RuntimeException failed) {
            if (raced(failed)) {
                throw failed;
            }
            LOG.log(Level.WARNING, "page of " + scope + " could not be stored as a whole; storing it item by item",
                    failed);
            return pages.storeEach(scope, cursor, page, Instant.now());
        }
    }

    private static boolean raced(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PageStore.CursorMoved) {
                return true;
            }
        }
        return ConflictRetry.lostRace(failure);
    }

    private void afterCommit(Ingested ingested) {
        for (Long welcome : ingested.eventSends()) {
            try {
                sendLog.attempt(welcome);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "welcome part " + welcome + " could not be sent now", e);
            }
        }
        ingestedPages.fire(ingested);
    }

    private void pullAgainLater(String scope, String token) {
        int failures = failedPulls.merge(scope, 1, Integer::sum);
        if (failures > MAX_REPULLS) {
            failedPulls.remove(scope);
            return;
        }
        try {
            scheduler.schedule(() -> request(scope, token, List.of()), 3L * failures, TimeUnit.SECONDS);
        } catch (RejectedExecutionException e) {
            LOG.info(() -> "no re-pull scheduled for " + scope + "; the next callback pulls");
        }
    }

    private List<Long> drainCallbacks(String scope) {
        List<Long> waiting = waitingCallbacks.get(scope);
        if (waiting == null) {
            return List.of();
        }
        synchronized (waiting) {
            List<Long> drained = List.copyOf(waiting);
            waiting.clear();
            return drained;
        }
    }
}
