package com.kfgateway.wecom.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One accepted callback: when it came, what it announced and what the sync did with it. */
@Entity
@Table(name = "callback_log")
@NamedQuery(name = CallbackLogEntry.LATEST, query = "select c from CallbackLogEntry c order by c.receivedAt desc")
@NamedQuery(name = CallbackLogEntry.LATEST_OF_EVENT,
        query = "select c from CallbackLogEntry c where c.event = :event order by c.receivedAt desc")
@NamedQuery(name = CallbackLogEntry.FINISH,
        query = "update CallbackLogEntry c set c.outcome = :outcome, c.detail = :detail where c.id in :ids")
public class CallbackLogEntry {

    public static final String LATEST = "CallbackLogEntry.latest";
    public static final String FINISH = "CallbackLogEntry.finish";
    static final int DETAIL_MAX = 500;
    public static final String LATEST_OF_EVENT = "CallbackLogEntry.latestOfEvent";

    public enum Outcome { RECEIVED, SYNCED, SYNC_FAILED, IGNORED, RECORDED }

    @Id
    @SequenceGenerator(name = "callback_log_seq", sequenceName = "callback_log_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "callback_log_seq")
    Long id;

    @Column(name = "received_at", nullable = false)
    Instant receivedAt;

    @Column(nullable = false)
    String event;

    @Column(name = "open_kfid")
    String openKfid;

    @Column(nullable = false)
    String outcome;

    String detail;

    protected CallbackLogEntry() {
    }

    public CallbackLogEntry(Instant receivedAt, String event, String openKfid) {
        this.receivedAt = receivedAt;
        this.event = event;
        this.openKfid = openKfid;
        this.outcome = Outcome.RECEIVED.name();
    }

    public void finish(Outcome outcome, String detail) {
        this.outcome = outcome.name();
        this.detail = detailOf(detail);
    }

    /** The detail as the column keeps it. */
    public static String detailOf(String detail) {
        return detail == null || detail.length() <= DETAIL_MAX ? detail : detail.substring(0, DETAIL_MAX);
    }

    public Long id() {
        return id;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public String event() {
        return event;
    }

    public String openKfid() {
        return openKfid;
    }

    public String outcome() {
        return outcome;
    }

    public String detail() {
        return detail;
    }
}
