package com.kfgateway.knowledge.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One entry cut from a knowledge document, in the document's order: what the search index is built from. */
@Entity
@Table(name = "knowledge_chunk")
@NamedQuery(name = KnowledgeChunk.OF_ACCOUNT,
        query = "select c from KnowledgeChunk c where c.openKfid = :openKfid order by c.documentId, c.position")
@NamedQuery(name = KnowledgeChunk.ACCOUNTS, query = "select distinct c.openKfid from KnowledgeChunk c")
@NamedQuery(name = KnowledgeChunk.DELETE_OF_DOCUMENT,
        query = "delete from KnowledgeChunk c where c.documentId = :documentId")
public class KnowledgeChunk {

    public static final String OF_ACCOUNT = "KnowledgeChunk.ofAccount";
    public static final String ACCOUNTS = "KnowledgeChunk.accounts";
    public static final String DELETE_OF_DOCUMENT = "KnowledgeChunk.deleteOfDocument";

    @Id
    @SequenceGenerator(name = "knowledge_chunk_seq", sequenceName = "knowledge_chunk_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "knowledge_chunk_seq")
    private Long id;

    @Column(name = "document_id", nullable = false)
    private Long documentId;

    @Column(name = "open_kfid", nullable = false)
    private String openKfid;

    @Column(nullable = false)
    private int position;

    @Column(name = "source_id", nullable = false)
    private String sourceId;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String question;

    @Column(nullable = false)
    private String answer;

    protected KnowledgeChunk() {
    }

    public KnowledgeChunk(Long documentId, String openKfid, int position, KnowledgeEntry entry) {
        this.documentId = documentId;
        this.openKfid = openKfid;
        this.position = position;
        this.sourceId = entry.sourceId();
        this.title = entry.title();
        this.question = entry.question();
        this.answer = entry.answer();
    }

    public KnowledgeEntry entry() {
        return new KnowledgeEntry(sourceId, title, question, answer);
    }

    public Long getDocumentId() {
        return documentId;
    }

    public String getOpenKfid() {
        return openKfid;
    }
}
