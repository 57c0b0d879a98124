package com.kfgateway.delivery.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One try of one send-log part, with WeCom's answer. */
@Entity
@Table(name = "send_attempt")
@NamedQuery(name = SendAttempt.OF_RECORD,
        query = "select a from SendAttempt a where a.sendLogId = :sendLogId order by a.attemptNo")
@NamedQuery(name = SendAttempt.UNANSWERED_OF_RECORD,
        query = "select count(a) from SendAttempt a where a.sendLogId = :sendLogId and (a.outcome = 'TRANSPORT' or a.errcode = -1)")
public class SendAttempt {

    public static final String OF_RECORD = "SendAttempt.ofRecord";
    public static final String UNANSWERED_OF_RECORD = "SendAttempt.unansweredOfRecord";

    /** OK, ERROR (WeCom answered an errcode), TRANSPORT (timeout, HTTP error), REFUSED (we did not call WeCom). */
    public enum Outcome {
        OK, ERROR, TRANSPORT, REFUSED
    }

    @Id
    @SequenceGenerator(name = "send_attempt_seq", sequenceName = "send_attempt_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "send_attempt_seq")
    private Long id;

    @Column(name = "send_log_id", nullable = false)
    private Long sendLogId;

    @Column(name = "attempt_no", nullable = false)
    private int attemptNo;

    @Column(name = "attempted_at", nullable = false)
    private Instant attemptedAt;

    @Column(nullable = false)
    private String outcome;

    private Integer errcode;

    private String errmsg;

    @Column(name = "duration_ms")
    private Integer durationMs;

    @Column(name = "credential_fingerprint")
    private String credentialFingerprint;

    @Column(name = "requested_by")
    private String requestedBy;

    protected SendAttempt() {
    }

    public SendAttempt(Long sendLogId, int attemptNo, Instant attemptedAt, Outcome outcome, Integer errcode,
            String errmsg, Integer durationMs, String credentialFingerprint, String requestedBy) {
        this.sendLogId = sendLogId;
        this.attemptNo = attemptNo;
        this.attemptedAt = attemptedAt;
        this.outcome = outcome.name();
        this.errcode = errcode;
        this.errmsg = errmsg == null || errmsg.length() <= 500 ? errmsg : errmsg.substring(0, 500);
        this.durationMs = durationMs;
        this.credentialFingerprint = credentialFingerprint;
        this.requestedBy = requestedBy;
    }

    public Long getId() {
        return id;
    }

    public Long getSendLogId() {
        return sendLogId;
    }

    public int getAttemptNo() {
        return attemptNo;
    }

    public Instant getAttemptedAt() {
        return attemptedAt;
    }

    public Outcome getOutcome() {
        return Outcome.valueOf(outcome);
    }

    public Integer getErrcode() {
        return errcode;
    }

    public String getErrmsg() {
        return errmsg;
    }

    public Integer getDurationMs() {
        return durationMs;
    }

    public String getCredentialFingerprint() {
        return credentialFingerprint;
    }

    public String getRequestedBy() {
        return requestedBy;
    }
}
