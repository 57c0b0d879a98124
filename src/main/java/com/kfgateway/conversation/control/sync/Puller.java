package com.kfgateway.conversation.control.sync;

import com.kfgateway.metrics.boundary.OperatorMetrics;
import com.kfgateway.cluster.control.ClusterConfig;
import com.kfgateway.cluster.control.Leases;
import com.kfgateway.conversation.control.SingleFlight;
import com.kfgateway.conversation.entity.SyncCursor;
import com.kfgateway.wecom.control.WeComClient;
import com.kfgateway.wecom.entity.CallbackLogEntry.Outcome;
import com.kfgateway.wecom.entity.SyncPage;
import com.kfgateway.wecom.entity.WeComReply;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
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
 * Each page is stored by {@link PageIntake}, which also sends its welcomes and announces it. Of several nodes, one
 * pulls an account at a time, under the account's lease.
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
    PageIntake intake;

    @Inject
    CallbackJournal journal;

    @Inject
    Leases leases;

    @Inject
    ClusterConfig cluster;

    @Inject
    OperatorMetrics metrics;

    private SingleFlight<String> flights;
    private final Map<String, List<Long>> waitingCallbacks = new ConcurrentHashMap<>();
    private final Map<String, Integer> failedPulls = new ConcurrentHashMap<>();
    /** Since when callbacks of an account have been waiting for its next pull: the pull lag operators watch. */
    private final Map<String, Instant> waitingSince = new ConcurrentHashMap<>();

    @PostConstruct
    void init() {
        flights = new SingleFlight<>("kf/sync_msg pull", executor);
    }

    /** Returns at once; the pull runs on the managed executor and finishes the given callbacks' log entries. */
    public void request(String openKfid, String syncToken, Collection<Long> callbackLogIds) {
        String scope = openKfid == null || openKfid.isBlank() ? SyncCursor.ALL_ACCOUNTS : openKfid;
        if (!callbackLogIds.isEmpty()) {
            waitingSince.putIfAbsent(scope, Instant.now());
            List<Long> waiting = waitingCallbacks.computeIfAbsent(scope, s -> new ArrayList<>());
            synchronized (waiting) {
                waiting.addAll(callbackLogIds);
            }
        }
        flights.request(scope, () -> pullLeased(scope, syncToken));
    }

    /**
     * One node pulls an account at a time: a node that finds the account's lease held hands its sync token to the
     * holder, which pulls once more with it, and logs its own callbacks as handed over.
     */
    void pullLeased(String scope, String syncToken) {
        String lease = lease(scope);
        if (!leases.take(lease, cluster.workLease(), syncToken)) {
            journal.finish(drainCallbacks(scope), Outcome.RECORDED, "another node was pulling this account: it"
                    + " pulled once more for this callback");
            // Should that node die before it gets to it, its lease runs out: then this node pulls.
            pullAgainAfter(scope, syncToken, cluster.workLease().plusSeconds(1));
            return;
        }
        Leases.Released released;
        try {
            pull(scope, syncToken);
        } finally {
            released = leases.release(lease);
        }
        if (released.wanted()) {
            request(scope, released.note(), List.of());
        }
    }

    private static String lease(String scope) {
        return "pull:" + scope;
    }

    void pull(String scope, String syncToken) {
        Instant announced = waitingSince.remove(scope);
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
                if (page > 0 && !leases.renew(lease(scope), cluster.workLease())) {
                    LOG.warning(() -> "the pull of " + scope + " outlived its lease; the node that took it over"
                            + " pulls on");
                    break;
                }
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
                    ingested = intake.store(scope, cursor, answer.value());
                } catch (RuntimeException moved) {
                    if (!PageIntake.raced(moved) || ++storeFailures > 4) {
                        throw moved;
                    }
                    LOG.log(Level.INFO, "page for " + scope + " not stored (the cursor moved); re-reading", moved);
                    continue;
                }
                stored += ingested.stored();
                duplicates += ingested.duplicates();
                quarantined += ingested.quarantined();
                intake.afterCommit(ingested, syncToken != null);
                if (!answer.value().hasMore()) {
                    break;
                }
            }
            journal.finish(callbacks, Outcome.SYNCED, stored + " new item(s), " + duplicates + " already stored"
                    + (quarantined == 0 ? "" : ", " + quarantined + " set aside"));
            failedPulls.remove(scope);
            if (announced != null) {
                metrics.pulled(Duration.between(announced, Instant.now()));
            }
        } catch (RuntimeException e) {
            journal.finish(callbacks, Outcome.SYNC_FAILED, e.getClass().getSimpleName() + ": " + e.getMessage());
            pullAgainLater(scope, token);
            throw e;
        }
    }

    private void pullAgainAfter(String scope, String token, Duration delay) {
        try {
            scheduler.schedule(() -> request(scope, token, List.of()), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.info(() -> "no check of the other node's pull scheduled for " + scope + "; the safety-net pull runs");
        }
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
