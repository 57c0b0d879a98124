package com.kfgateway.conversation.control;

import com.kfgateway.delivery.control.Dispatcher;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Right after a page committed: welcome parts go out at once on the pull's thread (their code lives 20 s; no model
 * call may stand in front of them), conversations with new work are queued for answering, and images and nicknames
 * are fetched in the background.
 */
@ApplicationScoped
public class AfterIngest {

    private static final Logger LOG = Logger.getLogger(AfterIngest.class.getName());

    @Resource
    ManagedExecutorService executor;

    @Inject
    Dispatcher dispatcher;

    @Inject
    Answerer answerer;

    @Inject
    MediaFetcher media;

    @Inject
    Nicknames nicknames;

    public void run(Ingested ingested) {
        for (Long welcome : ingested.eventSends()) {
            try {
                dispatcher.attempt(welcome, null);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "welcome part " + welcome + " could not be sent now", e);
            }
        }
        ingested.toAnswer().forEach(answerer::request);
        if (!ingested.images().isEmpty()) {
            background(() -> ingested.images().forEach(media::storeImage));
        }
        if (!ingested.nicknames().isEmpty()) {
            List<Long> ids = List.copyOf(ingested.nicknames());
            background(() -> nicknames.refresh(ids));
        }
    }

    private void background(Runnable work) {
        try {
            executor.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    LOG.log(Level.INFO, "background fetch failed (the console can fetch on demand)", e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.info("background fetch skipped: the executor is saturated");
        }
    }
}
