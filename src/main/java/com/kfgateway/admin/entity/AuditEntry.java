package com.kfgateway.admin.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One staff action: who did what to which target, when, and how it ended. Written, never changed. */
@Entity
@Table(name = "audit_log")
@NamedQuery(name = AuditEntry.OF_TARGET, query = "select a from AuditEntry a where a.targetType = :targetType "
        + "and a.targetId = :targetId order by a.id desc")
@NamedQuery(name = AuditEntry.LATEST, query = "select a from AuditEntry a order by a.at desc, a.id desc")
public class AuditEntry {

    public static final String OF_TARGET = "AuditEntry.ofTarget";
    public static final String LATEST = "AuditEntry.latest";

    public enum Action { LOGIN, RESEND, REPLY, TAKE_OVER, QUEUE, END_SESSION, RUN_CHECKS, KNOWLEDGE_PUT }

    /** ACCEPTED: the action went through; REFUSED: the product declined it and said why. */
    public enum Outcome {
        ACCEPTED, REFUSED
    }

    @Id
    @SequenceGenerator(name = "audit_log_seq", sequenceName = "audit_log_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_log_seq")
    private Long id;

    @Column(nullable = false)
    private Instant at;

    @Column(nullable = false)
    private String username;

    @Column(nullable = false)
    private String action;

    @Column(name = "target_type", nullable = false)
    private String targetType;

    @Column(name = "target_id")
    private String targetId;

    @Column(nullable = false)
    private String outcome;

    private String detail;

    protected AuditEntry() {
    }

    public AuditEntry(Instant at, String username, Action action, String targetType, String targetId,
            Outcome outcome, String detail) {
        this.at = at;
        this.username = username;
        this.action = action.name();
        this.targetType = targetType;
        this.targetId = targetId;
        this.outcome = outcome.name();
        this.detail = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 999) + "…";
    }

    public Long getId() {
        return id;
    }

    public Instant getAt() {
        return at;
    }

    public String getUsername() {
        return username;
    }

    public String getAction() {
        return action;
    }

    public String getTargetType() {
        return targetType;
    }

    public String getTargetId() {
        return targetId;
    }

    public String getOutcome() {
        return outcome;
    }

    public String getDetail() {
        return detail;
    }
}
