package com.kfgateway.conversation.control;

import com.kfgateway.conversation.entity.MediaBlob;
import com.kfgateway.conversation.entity.Message;
import com.kfgateway.wecom.control.MediaDownload;
import com.kfgateway.wecom.control.WeComClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Customer media by media_id (valid 3 days): small images are kept as {@link MediaBlob} right after ingestion so the
 * console can show them later; other media are fetched on demand while the media_id lives.
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
        MediaDownload download = client.mediaGet(mediaId);
        if (!download.ok()) {
            LOG.info(() -> "media/get for message " + messageId + " answered errcode " + download.errcode());
            return;
        }
        if (download.bytes().length <= MAX_STORED_BYTES) {
            self.keep(messageId, download);
        }
    }

    /** On demand (console): the media of a message, fresh from WeCom; null when the message has none. */
    public MediaDownload fetch(long messageId) {
        Message message = self.message(messageId);
        return message == null || message.getMediaId() == null ? null : client.mediaGet(message.getMediaId());
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Message message(long messageId) {
        return em.find(Message.class, messageId);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public String mediaIdToFetch(long messageId) {
        Message message = em.find(Message.class, messageId);
        return message == null || em.find(MediaBlob.class, messageId) != null ? null : message.getMediaId();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void keep(long messageId, MediaDownload download) {
        if (em.find(MediaBlob.class, messageId) == null) {
            em.persist(new MediaBlob(messageId, download.contentType() == null ? "application/octet-stream"
                    : download.contentType(), download.bytes(), Instant.now()));
        }
    }
}
