package com.kfgateway.conversation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * Everything said in a conversation, in and out, including WeCom events. The raw JSON of inbound items is kept as
 * WeCom sent it, so message types we do not model yet lose nothing.
 */
@Entity
@Table(name = "message")
@NamedQuery(name = Message.BY_MSGID, query = "select m from Message m where m.msgid = :msgid")
@NamedQuery(name = Message.PENDING_OF_CONVERSATION,
        query = "select m from Message m where m.conversationId = :conversationId and m.handling = :handling order by m.sentAt, m.storedAt, m.id")
@NamedQuery(name = Message.CONVERSATIONS_WITH,
        query = "select distinct m.conversationId from Message m where m.handling = :handling and m.conversationId is not null")
@NamedQuery(name = Message.COUNT_WITH_HANDLING, query = "select count(m) from Message m where m.handling = :handling")
@NamedQuery(name = Message.KNOWN_MSGIDS, query = "select m.msgid from Message m where m.msgid in :msgids")
@NamedQuery(name = Message.LATEST_OF_CONVERSATION,
        query = "select m from Message m where m.conversationId = :conversationId order by m.sentAt desc, m.storedAt desc, m.id desc")
public class Message {

    public static final String PENDING_OF_CONVERSATION = "Message.pendingOfConversation";
    public static final String CONVERSATIONS_WITH = "Message.conversationsWith";
    public static final String KNOWN_MSGIDS = "Message.knownMsgids";
    public static final String COUNT_WITH_HANDLING = "Message.countWithHandling";
    public static final String LATEST_OF_CONVERSATION = "Message.latestOfConversation";

    public static final String BY_MSGID = "Message.byMsgid";

    public enum Direction { IN, OUT }

    /** Who spoke: the customer (origin 3), a WeCom event (origin 4), staff in the WeCom client (origin 5), us. */
    public enum Sender {
        CUSTOMER, SYSTEM, STAFF_CLIENT, BOT, STAFF_CONSOLE
    }

    /**
     * What the pipeline did with an inbound item: PENDING waits for the assistant, ANSWERED and SKIPPED are final
     * (SKIPPED says why in the note), NONE means there was nothing to answer (events, staff messages).
     */
    public enum Handling { PENDING, ANSWERED, SKIPPED, NONE }

    @Id
    @SequenceGenerator(name = "message_seq", sequenceName = "message_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "message_seq")
    private Long id;

    @Column(nullable = false)
    private String msgid;

    @Column(name = "conversation_id")
    private Long conversationId;

    @Column(name = "open_kfid")
    private String openKfid;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Direction direction;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Sender sender;

    private Integer origin;

    @Column(name = "servicer_userid")
    private String servicerUserid;

    @Column(nullable = false)
    private String msgtype;

    @Column(name = "event_type")
    private String eventType;

    private String text;

    @Column(name = "media_id")
    private String mediaId;

    @Lob
    @Column(name = "raw_json", nullable = false)
    private String rawJson;

    @Column(name = "sent_at", nullable = false)
    private Instant sentAt;

    @Column(name = "stored_at", nullable = false)
    private Instant storedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Handling handling;

    @Column(name = "handling_note")
    private String handlingNote;

    /** For our outbound parts: the customer message the part answers (its place in the assistant's context). */
    @Column(name = "answers_message_id")
    private Long answersMessageId;

    @Version
    private long version;

    protected Message() {
    }

    public Message(String msgid, Long conversationId, String openKfid, Direction direction, Sender sender,
            Integer origin, String msgtype, String rawJson, Instant sentAt, Instant storedAt, Handling handling) {
        this.msgid = msgid;
        this.conversationId = conversationId;
        this.openKfid = openKfid;
        this.direction = direction;
        this.sender = sender;
        this.origin = origin;
        this.msgtype = msgtype;
        this.rawJson = rawJson;
        this.sentAt = sentAt;
        this.storedAt = storedAt;
        this.handling = handling;
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

    public String getOpenKfid() {
        return openKfid;
    }

    public Direction getDirection() {
        return direction;
    }

    public Sender getSender() {
        return sender;
    }

    public Integer getOrigin() {
        return origin;
    }

    public String getServicerUserid() {
        return servicerUserid;
    }

    public void setServicerUserid(String servicerUserid) {
        this.servicerUserid = servicerUserid;
    }

    public String getMsgtype() {
        return msgtype;
    }

    public String getEventType() {
        return eventType;
    }

    public void setEventType(String eventType) {
        this.eventType = eventType;
    }

    public String getText() {
        return text;
    }

    /** Stores text up to the column's size; the full original stays in the raw JSON. */
    public void setText(String text) {
        this.text = text == null || text.length() <= 4000 ? text : text.substring(0, 3999) + "…";
    }

    public String getMediaId() {
        return mediaId;
    }

    public void setMediaId(String mediaId) {
        this.mediaId = mediaId;
    }

    public String getRawJson() {
        return rawJson;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public Instant getStoredAt() {
        return storedAt;
    }

    public Handling getHandling() {
        return handling;
    }

    public String getHandlingNote() {
        return handlingNote;
    }

    public Long getAnswersMessageId() {
        return answersMessageId;
    }

    public void setAnswersMessageId(Long answersMessageId) {
        this.answersMessageId = answersMessageId;
    }

    public void handled(Handling handling, String note) {
        this.handling = handling;
        this.handlingNote = note == null || note.length() <= 300 ? note : note.substring(0, 300);
    }
}
