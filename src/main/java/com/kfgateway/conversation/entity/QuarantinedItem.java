package com.kfgateway.conversation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A kf/sync_msg item set aside because it could not be stored, with WeCom's JSON whole and why. The pull goes on
 * past it; the console lists these so nothing is skipped silently.
 */
@Entity
@Table(name = "quarantined_item")
@NamedQuery(name = QuarantinedItem.LATEST,
        query = "select q from QuarantinedItem q order by q.quarantinedAt desc, q.id desc")
@NamedQuery(name = QuarantinedItem.BY_MSGID, query = "select q from QuarantinedItem q where q.msgid = :msgid")
@NamedQuery(name = QuarantinedItem.KNOWN_MSGIDS,
        query = "select q.msgid from QuarantinedItem q where q.msgid in :msgids")
public class QuarantinedItem {

    public static final String LATEST = "QuarantinedItem.latest";
    public static final String BY_MSGID = "QuarantinedItem.byMsgid";
    public static final String KNOWN_MSGIDS = "QuarantinedItem.knownMsgids";

    @Id
    @SequenceGenerator(name = "quarantined_item_seq", sequenceName = "quarantined_item_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "quarantined_item_seq")
    private Long id;

    private String scope;
    private String msgid;
    @Column(name = "raw_json")
    private String rawJson;
    private String reason;
    @Column(name = "quarantined_at")
    private Instant quarantinedAt;

    protected QuarantinedItem() {
    }

    public QuarantinedItem(String scope, String msgid, String rawJson, String reason, Instant at) {
        this.scope = scope;
        this.msgid = msgid;
        this.rawJson = rawJson;
        this.reason = reason.length() <= 1000 ? reason : reason.substring(0, 1000);
        this.quarantinedAt = at;
    }

    public Long getId() {
        return id;
    }

    public String getScope() {
        return scope;
    }

    public String getMsgid() {
        return msgid;
    }

    public String getRawJson() {
        return rawJson;
    }

    public String getReason() {
        return reason;
    }

    public Instant getQuarantinedAt() {
        return quarantinedAt;
    }
}
