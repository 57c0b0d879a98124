package com.kfgateway.conversation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;

/** The bytes of a small customer image, kept because WeCom's media_id dies after 3 days. */
@Entity
@Table(name = "media_blob")
public class MediaBlob {

    @Id
    @Column(name = "message_id")
    private Long messageId;

    @Column(name = "content_type", nullable = false)
    private String contentType;

    @Lob
    @Column(nullable = false)
    private byte[] bytes;

    @Column(name = "fetched_at", nullable = false)
    private Instant fetchedAt;

    protected MediaBlob() {
    }

    public MediaBlob(Long messageId, String contentType, byte[] bytes, Instant fetchedAt) {
        this.messageId = messageId;
        this.contentType = contentType;
        this.bytes = bytes;
        this.fetchedAt = fetchedAt;
    }

    public Long getMessageId() {
        return messageId;
    }

    public String getContentType() {
        return contentType;
    }

    public byte[] getBytes() {
        return bytes;
    }

    public Instant getFetchedAt() {
        return fetchedAt;
    }
}
