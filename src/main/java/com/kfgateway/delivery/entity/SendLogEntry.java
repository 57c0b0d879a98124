package com.kfgateway.delivery.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * One entry of the send log: an outbound part (≤ 2048 bytes), written before the first attempt, carrying our own
 * msgid that every retry and resend reuses, and everything the send needs (recipient, the msgid it answers) from
 * planning time on.
 */
@Entity
@Table(name = "send_log")
@NamedQuery(name = SendLogEntry.BY_MSGID, query = "select s from SendLogEntry s where s.msgid = :msgid")
@NamedQuery(name = SendLogEntry.OF_CONVERSATION,
        query = "select s from SendLogEntry s where s.conversationId = :conversationId order by s.id")
@NamedQuery(name = SendLogEntry.OPEN_OF_CONVERSATION,
        query = "select s from SendLogEntry s where s.conversationId = :conversationId and s.status in :statuses order by s.id")
@NamedQuery(name = SendLogEntry.COUNT_SINCE,
        query = "select count(s) from SendLogEntry s where s.conversationId = :conversationId and s.channel = :channel and s.status in :statuses and s.createdAt >= :since")
@NamedQuery(name = SendLogEntry.CONVERSATIONS_DUE,
        query = "select distinct s.conversationId from SendLogEntry s where (s.status in :waiting and (s.nextAttemptAt is null or s.nextAttemptAt <= :now)) or (s.status = :sending and s.updatedAt < :staleBefore)")
@NamedQuery(name = SendLogEntry.LATER_PARTS,
        query = "select s from SendLogEntry s where s.conversationId = :conversationId and s.kind = :kind and s.createdAt = :createdAt and s.partNo > :partNo and s.status in :statuses")
public class SendLogEntry {

    public static final String OPEN_OF_CONVERSATION = "SendLogEntry.openOfConversation";
    /** Sends that use the customer's quota: kf/send_msg parts sent or still open since a given time. */
    public static final String COUNT_SINCE = "SendLogEntry.countSince";
    public static final String CONVERSATIONS_DUE = "SendLogEntry.conversationsDue";
    /** The remaining parts of the same answer (planned together, so they share created_at). */
    public static final String LATER_PARTS = "SendLogEntry.laterParts";
    public static final String BY_MSGID = "SendLogEntry.byMsgid";
    public static final String OF_CONVERSATION = "SendLogEntry.ofConversation";

    /** kf/send_msg or kf/send_msg_on_event. */
    public enum Channel { SEND_MSG, SEND_MSG_ON_EVENT }

    @Id
    @SequenceGenerator(name = "send_log_seq", sequenceName = "send_log_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "send_log_seq")
    private Long id;

    @Column(nullable = false)
    private String msgid;

    @Column(name = "conversation_id", nullable = false)
    private Long conversationId;

    @Column(name = "open_kfid", nullable = false)
    private String openKfid;

    @Column(name = "external_userid", nullable = false)
    private String externalUserid;

    @Column(name = "answers_message_id")
    private Long answersMessageId;

    @Column(name = "answers_msgid")
    private String answersMsgid;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SendKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Channel channel;

    @Column(name = "part_no", nullable = false)
    private int partNo;

    @Column(name = "part_count", nullable = false)
    private int partCount;

    @Column(nullable = false)
    private String text;

    @Column(name = "event_code")
    private String eventCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SendStatus status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "last_errcode")
    private Integer lastErrcode;

    @Column(name = "last_errmsg")
    private String lastErrmsg;

    private String explanation;

    @Column(name = "fail_type")
    private Integer failType;

    @Column(name = "credential_fingerprint")
    private String credentialFingerprint;

    @Column(name = "requested_by")
    private String requestedBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Version
    private long version;

    protected SendLogEntry() {
    }

    public SendLogEntry(String msgid, Recipient recipient, Long answersMessageId, String answersMsgid, SendKind kind,
            Channel channel, int partNo, int partCount, String text, String requestedBy, Instant now) {
        this.msgid = msgid;
        this.conversationId = recipient.conversationId();
        this.openKfid = recipient.openKfid();
        this.externalUserid = recipient.externalUserid();
        this.answersMessageId = answersMessageId;
        this.answersMsgid = answersMsgid;
        this.kind = kind;
        this.channel = channel;
        this.partNo = partNo;
        this.partCount = partCount;
        this.text = text;
        this.requestedBy = requestedBy;
        this.status = SendStatus.PENDING;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void setEventCode(String eventCode) {
        this.eventCode = eventCode;
    }

    /** The event code's deadline (welcome 20 s): no attempt, and no retry, after it. */
    public void setExpiresAt(Instant expiresAt) {
        this.expiresAt = expiresAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    /** Claims the part for one attempt; the attempt count goes up before the call so a crash still counts it. */
    public void claim(String credentialFingerprint, Instant now) {
        this.status = SendStatus.SENDING;
        this.attempts++;
        this.credentialFingerprint = credentialFingerprint;
        this.updatedAt = now;
    }

    public void sent(Instant now) {
        this.status = SendStatus.SENT;
        this.sentAt = now;
        this.nextAttemptAt = null;
        this.updatedAt = now;
    }

    public void retryAt(Instant when, Integer errcode, String errmsg, String explanation, Instant now) {
        this.status = SendStatus.RETRY_WAIT;
        this.nextAttemptAt = when;
        recordError(errcode, errmsg, explanation);
        this.updatedAt = now;
    }

    public void failed(Integer errcode, String errmsg, String explanation, Instant now) {
        this.status = SendStatus.FAILED;
        this.nextAttemptAt = null;
        recordError(errcode, errmsg, explanation);
        this.updatedAt = now;
    }

    /** WeCom accepted the part but reported later, through msg_send_fail, that it never reached the customer. */
    public void deliveryFailed(int failType, String explanation, Instant now) {
        this.status = SendStatus.FAILED;
        this.failType = failType;
        this.explanation = explanation;
        this.updatedAt = now;
    }

    /** A staff resend: back to PENDING with the same msgid. */
    public void requeue(String requestedBy, Instant now) {
        this.status = SendStatus.PENDING;
        this.nextAttemptAt = null;
        this.requestedBy = requestedBy;
        this.failType = null;
        this.updatedAt = now;
    }

    private void recordError(Integer errcode, String errmsg, String explanation) {
        this.lastErrcode = errcode;
        this.lastErrmsg = errmsg == null || errmsg.length() <= 500 ? errmsg : errmsg.substring(0, 500);
        this.explanation = explanation == null || explanation.length() <= 1000 ? explanation
                : explanation.substring(0, 1000);
    }

    public Long getId() {
        return id;
    }

    public String getMsgid() {
        return msgid;
    }

    public Long getConversationId() {
        return conversationId;
    }

    public Recipient getRecipient() {
        return new Recipient(conversationId, openKfid, externalUserid);
    }

    public String getAnswersMsgid() {
        return answersMsgid;
    }

    public Long getAnswersMessageId() {
        return answersMessageId;
    }

    public SendKind getKind() {
        return kind;
    }

    public Channel getChannel() {
        return channel;
    }

    public int getPartNo() {
        return partNo;
    }

    public int getPartCount() {
        return partCount;
    }

    public String getText() {
        return text;
    }

    public String getEventCode() {
        return eventCode;
    }

    public SendStatus getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public Integer getLastErrcode() {
        return lastErrcode;
    }

    public String getLastErrmsg() {
        return lastErrmsg;
    }

    public String getExplanation() {
        return explanation;
    }

    public Integer getFailType() {
        return failType;
    }

    public String getCredentialFingerprint() {
        return credentialFingerprint;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }
}
