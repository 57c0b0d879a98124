package com.kfgateway.conversation.control.sync;

import com.kfgateway.database.ConflictRetry;
import com.kfgateway.delivery.boundary.SendLog;
import com.kfgateway.wecom.control.CallbackStats;
import com.kfgateway.wecom.entity.SyncPage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A pulled page's way in: stored in one transaction (or item by item, see {@link #store}), then, right after the
 * commit, its welcome parts go out on the pull's own thread (their code lives 20 s; no model call may stand in front
 * of them), and {@link Ingested} is announced so answering and enrichment can start.
 */
@ApplicationScoped
public class PageIntake {

    private static final Logger LOG = Logger.getLogger(PageIntake.class.getName());

    @Inject
    PageStore pages;

    @Inject
    SendLog sendLog;

    @Inject
    Event<Ingested> ingestedPages;

    @Inject
    CallbackStats callbackStats;

    /**
     * One page in one transaction; if it fails for a reason of its own (not a race with another pull), item by
     * item, so one item that cannot be stored is set aside instead of stopping the account's pipeline for good.
     */
    public Ingested store(String scope, String cursor, SyncPage page) {
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

    static boolean raced(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PageStore.CursorMoved) {
                return true;
            }
        }
        return ConflictRetry.lostRace(failure);
    }

    /** @param announced whether a callback asked for this pull (the safety pull has no sync token) */
    public void afterCommit(Ingested ingested, boolean announced) {
        for (Long welcome : ingested.eventSends()) {
            try {
                sendLog.attempt(welcome);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "welcome part " + welcome + " could not be sent now", e);
            }
        }
        if (!announced && ingested.fromCustomers() > 0) {
            // Beside the callback counts: customers' messages that no callback announced mean WeCom lost the URL.
            callbackStats.unannouncedMessages(ingested.fromCustomers());
        }
        ingestedPages.fire(ingested);
    }
}
