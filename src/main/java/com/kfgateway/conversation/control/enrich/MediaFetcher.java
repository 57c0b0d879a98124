package com.kfgateway.conversation.control.enrich;

import com.kfgateway.conversation.entity.MediaBlob;
import com.kfgateway.conversation.entity.Message;
import com.kfgateway.wecom.control.WeComClient;
import com.kfgateway.wecom.entity.MediaFile;
import com.kfgateway.wecom.entity.WeComReply;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Customer media by media_id (valid 3 days): small images are kept as {@link MediaBlob} right after ingestion so the
 * console can show them later; larger images and other media are not kept yet.
 */
@ApplicationScoped
public class MediaFetcher {

    static final int MAX_STORED_BYTES = 1024 * 1024;
    private static final Logger LOG = Logger.getLogger(MediaFetcher.class.getName());

    @PersistenceContext(unitName = "kf-gateway")
    EntityManager em;

    @Inject
    WeComClient client;

    @Inject
    MediaFetcher self;

    /** Fetches and keeps an image of at most 1 MB; larger ones stay fetchable on demand. Outside transactions. */
    public void storeImage(long messageId) {
        String mediaId = self.mediaIdToFetch(messageId);
        if (mediaId == null) {
            return;
        }
        WeComReply<MediaFile> download = client.media(mediaId);
        if (!download.ok()) {
            LOG.info(() -> "media/get for message " + messageId + ": " + download.describe());
            return;
        }
        if (download.value().bytes().length <= MAX_STORED_BYTES) {
            self.keep(messageId, download.value());
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public String mediaIdToFetch(long messageId) {
        Message message = em.find(Message.class, messageId);
        return message == null || em.find(MediaBlob.class, messageId) != null ? null : message.getMediaId();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void keep(long messageId, MediaFile download) {
        if (em.find(MediaBlob.class, messageId) == null) {
            em.persist(new MediaBlob(messageId, download.contentType() == null ? "application/octet-stream"
                    : download.contentType(), download.bytes(), Instant.now()));
        }
    }
}
