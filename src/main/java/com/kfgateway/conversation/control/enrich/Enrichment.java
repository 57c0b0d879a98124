package com.kfgateway.conversation.control.enrich;

import com.kfgateway.conversation.control.sync.Ingested;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * After a page was stored: images and nicknames are fetched in the background, never on the pull's thread (the
 * console can fetch on demand if this fails or is skipped).
 */
@ApplicationScoped
public class Enrichment {

    private static final Logger LOG = Logger.getLogger(Enrichment.class.getName());

    @Resource
    ManagedExecutorService executor;

    @Inject
    MediaFetcher media;

    @Inject
    Nicknames nicknames;

    void pageStored(@Observes Ingested ingested) {
        if (!ingested.images().isEmpty()) {
            List<Long> images = List.copyOf(ingested.images());
            background(() -> images.forEach(media::storeImage));
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
