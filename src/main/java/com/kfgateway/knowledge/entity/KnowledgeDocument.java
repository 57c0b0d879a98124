package com.kfgateway.knowledge.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A file staff gave a KF account's knowledge base, kept whole so its entries can be cut again. */
@Entity
@Table(name = "knowledge_document")
@NamedQuery(name = KnowledgeDocument.BY_NAME,
        query = "select d from KnowledgeDocument d where d.openKfid = :openKfid and d.name = :name")
@NamedQuery(name = KnowledgeDocument.OF_ACCOUNT,
        query = "select d from KnowledgeDocument d where d.openKfid = :openKfid order by d.name")
public class KnowledgeDocument {

    public static final String BY_NAME = "KnowledgeDocument.byName";
    public static final String OF_ACCOUNT = "KnowledgeDocument.ofAccount";

    @Id
    @SequenceGenerator(name = "knowledge_document_seq", sequenceName = "knowledge_document_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "knowledge_document_seq")
    private Long id;

    @Column(name = "open_kfid", nullable = false)
    private String openKfid;

    @Column(nullable = false)
    private String name;

    @Column(name = "media_type", nullable = false)
    private String mediaType;

    @Column(nullable = false)
    private String content;

    @Column(name = "added_at", nullable = false)
    private Instant addedAt;

    @Column(name = "added_by", nullable = false)
    private String addedBy;

    protected KnowledgeDocument() {
    }

    public KnowledgeDocument(String openKfid, String name, String mediaType, String content, Instant addedAt,
            String addedBy) {
        this.openKfid = openKfid;
        this.name = name;
        this.mediaType = mediaType;
        this.content = content;
        this.addedAt = addedAt;
        this.addedBy = addedBy;
    }

    public Long getId() {
        return id;
    }

    public String getOpenKfid() {
        return openKfid;
    }

    public String getName() {
        return name;
    }

    public String getMediaType() {
        return mediaType;
    }

    public String getContent() {
        return content;
    }

    public Instant getAddedAt() {
        return addedAt;
    }

    public String getAddedBy() {
        return addedBy;
    }
}
