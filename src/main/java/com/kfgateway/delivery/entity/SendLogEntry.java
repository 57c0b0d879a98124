package com.kfgateway.delivery.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * One entry of the send log: an outbound part (≤ 2048 bytes), written before the first attempt, carrying our own
 * msgid that every retry and resend reuses, and everything the send needs (recipient, the msgid it answers) from
 * planning time on. Its queries (names below) are in META-INF/orm.xml.
 */
@Entity
@Table(name = "send_log")
public class SendLogEntry {

    public static final String OPEN_OF_CONVERSATION = "SendLogEntry.openOfConversation";
    public static final String COUNT_SINCE = "SendLogEntry.countSince";
    public static final String CONVERSATIONS_DUE = "SendLogEntry.conversationsDue";
    public static final String LATER_PARTS = "SendLogEntry.laterParts";
    public static final String BY_MSGID = "SendLogEntry.byMsgid";
    public static final String OF_CONVERSATION = "SendLogEntry.ofConversation";

    @Id
    @SequenceGenerator(name = "send_log_seq", sequenceName = "send_log_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "send_log_seq")
    private Long id;
    private String msgid;
    @Column(name = "conversation_id")
    private Long conversationId;
    @Column(name = "open_kfid")
    private String openKfid;
    @Column(name = "external_userid")
    private String externalUserid;
    @Column(name = "answers_message_id")
    private Long answersMessageId;
    @Column(name = "answers_msgid")
    private String answersMsgid;
    @Enumerated(EnumType.STRING)
    private SendKind kind;
    @Enumerated(EnumType.STRING)
    private SendChannel channel;
    @Column(name = "part_no")
    private int partNo;
    @Column(name = "part_count")
    private int partCount;
    private String text;
    @Column(name = "event_code")
    private String eventCode;
    @Enumerated(EnumType.STRING)
    private SendStatus status;
    private int attempts;
    @Column(name = "expires_at")
    private Instant expiresAt;
    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Embedded
    private SendError error = new SendError();
    @Column(name = "credential_fingerprint")
    private String credentialFingerprint;
    @Column(name = "requested_by")
    private String requestedBy;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Column(name = "sent_at")
    private Instant sentAt;
    @Version
    private long version;

    protected SendLogEntry() {
    }

    public SendLogEntry(String msgid, SendRequest request, SendChannel channel, int partNo, int partCount, String text,
            Instant now) {
        this.msgid = msgid;
        this.conversationId = request.recipient().conversationId();
        this.openKfid = request.recipient().openKfid();
        this.externalUserid = request.recipient().externalUserid();
        this.answersMessageId = request.answersMessageId();
        this.answersMsgid = request.answersMsgid();
        this.kind = request.kind();
        this.channel = channel;
        this.partNo = partNo;
        this.partCount = partCount;
        this.text = text;
        this.requestedBy = request.requestedBy();
        this.status = SendStatus.PENDING;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** The single-use code for send_msg_on_event and its deadline (welcome 20 s): no attempt, no retry after it. */
    public void useEventCode(String code, Instant deadline) {
        this.eventCode = code;
        this.expiresAt = deadline;
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
        error().attempt(errcode, errmsg, explanation);
        this.updatedAt = now;
    }

    public void failed(Integer errcode, String errmsg, String explanation, Instant now) {
        this.status = SendStatus.FAILED;
        this.nextAttemptAt = null;
        error().attempt(errcode, errmsg, explanation);
        this.updatedAt = now;
    }

    /** WeCom accepted the part but reported later, through msg_send_fail, that it never reached the customer. */
    public void deliveryFailed(int failType, String explanation, Instant now) {
        this.status = SendStatus.FAILED;
        error().deliveryFailed(failType, explanation);
        this.updatedAt = now;
    }

    /** A staff resend: back to PENDING with the same msgid. */
    public void requeue(String requestedBy, Instant now) {
        this.status = SendStatus.PENDING;
        this.nextAttemptAt = null;
        this.requestedBy = requestedBy;
        error().requeued();
        this.updatedAt = now;
    }

    /** EclipseLink leaves the embedded value null when all its columns are. */
    private SendError error() {
        if (error == null) {
            error = new SendError();
        }
        return error;
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

    public SendChannel getChannel() {
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

    public SendError getError() {
        return error();
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
