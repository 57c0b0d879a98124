package com.kfgateway.conversation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;

/**
 * A customer asked for a human (or the assistant decided so): durable work with a record of each step done, so a
 * crash between steps is finished once by recovery. Moved: the session went to a servicer or the queue (or WeCom
 * refused, and why is kept); the notice planned in the send log; staff told.
 */
@Entity
@Table(name = "handover")
@NamedQuery(name = HandoverRequest.OPEN_OF_CONVERSATION,
        query = "select h from HandoverRequest h where h.conversationId = :conversationId and h.doneAt is null order by h.id")
@NamedQuery(name = HandoverRequest.CONVERSATIONS_DUE,
        query = "select distinct h.conversationId from HandoverRequest h where h.doneAt is null and (h.nextAttemptAt is null or h.nextAttemptAt <= :now)")
public class HandoverRequest {

    public static final String OPEN_OF_CONVERSATION = "HandoverRequest.openOfConversation";
    public static final String CONVERSATIONS_DUE = "HandoverRequest.conversationsDue";

    @Id
    @SequenceGenerator(name = "handover_seq", sequenceName = "handover_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "handover_seq")
    private Long id;
    @Column(name = "conversation_id")
    private Long conversationId;
    @Column(name = "message_id")
    private Long messageId;
    @Column(name = "notice_text")
    private String noticeText;
    @Column(name = "requested_at")
    private Instant requestedAt;
    @Column(name = "moved_at")
    private Instant movedAt;
    @Column(name = "moved_to")
    private Integer movedTo;
    @Column(name = "servicer_userid")
    private String servicerUserid;
    @Column(name = "msg_code")
    private String msgCode;
    @Column(name = "notice_planned_at")
    private Instant noticePlannedAt;
    @Column(name = "staff_notified_at")
    private Instant staffNotifiedAt;
    @Column(name = "done_at")
    private Instant doneAt;
    private int attempts;
    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;
    @Column(name = "last_error")
    private String lastError;
    @Version
    private long version;

    protected HandoverRequest() {
    }

    public HandoverRequest(long conversationId, long messageId, String noticeText, Instant now) {
        this.conversationId = conversationId;
        this.messageId = messageId;
        this.noticeText = noticeText == null || noticeText.length() <= 4000 ? noticeText
                : noticeText.substring(0, 3999) + "…";
        this.requestedAt = now;
    }

    /** The session's move is settled: {@code to} the state now in effect, with WeCom's notice code if it gave one. */
    public void moved(ServiceState to, String servicer, String code, String refusal, Instant now) {
        this.movedAt = now;
        this.movedTo = to == null ? null : to.code();
        this.servicerUserid = servicer;
        this.msgCode = code == null || code.length() <= 256 ? code : null;
        this.lastError = cut(refusal);
    }

    public void noticePlanned(Instant now) {
        this.noticePlannedAt = now;
    }

    /** The notice step is over without a notice, for {@code reason}. */
    public void noticeSkipped(String reason, Instant now) {
        this.noticePlannedAt = now;
        this.lastError = cut(reason);
    }

    public void staffNotified(Instant now) {
        this.staffNotifiedAt = now;
    }

    public void done(Instant now) {
        this.doneAt = now;
        this.nextAttemptAt = null;
    }

    /** About to ask WeCom to move the session: a crash from here on makes the next try ask first where it is. */
    public void moving() {
        this.attempts++;
    }

    /** A step could not be done now (WeCom unreachable): try again later, 5 s doubling up to 5 min. */
    public void retryLater(String error, Instant now) {
        long seconds = Math.min(300, 5L << Math.min(Math.max(attempts - 1, 0), 6));
        this.nextAttemptAt = now.plus(Duration.ofSeconds(seconds));
        this.lastError = cut(error);
    }

    private static String cut(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 500);
    }

    public Long getId() {
        return id;
    }

    public Long getConversationId() {
        return conversationId;
    }

    public Long getMessageId() {
        return messageId;
    }

    public String getNoticeText() {
        return noticeText;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public boolean isMoved() {
        return movedAt != null;
    }

    public ServiceState getMovedTo() {
        return movedTo == null ? null : ServiceState.of(movedTo);
    }

    public String getServicerUserid() {
        return servicerUserid;
    }

    public String getMsgCode() {
        return msgCode;
    }

    public boolean isNoticePlanned() {
        return noticePlannedAt != null;
    }

    public boolean isStaffNotified() {
        return staffNotifiedAt != null;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getLastError() {
        return lastError;
    }
}
