package com.kfgateway.conversation.entity;

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
import java.time.Instant;

/** One step in a conversation's service-state history, with where we learned it. */
@Entity
@Table(name = "service_state_change")
@NamedQuery(name = ServiceStateChange.OF_CONVERSATION,
        query = "select s from ServiceStateChange s where s.conversationId = :conversationId order by s.id")
public class ServiceStateChange {

    public static final String OF_CONVERSATION = "ServiceStateChange.ofConversation";

    /** SERVICE_STATE_GET and TRANS are our API calls, EVENT a session_status_change, STAFF_MESSAGE an origin-5 item. */
    public enum Source {
        SERVICE_STATE_GET, TRANS, EVENT, STAFF_MESSAGE, CUSTOMER_MESSAGE, SEND_REFUSED, CONSOLE
    }

    @Id
    @SequenceGenerator(name = "service_state_change_seq", sequenceName = "service_state_change_seq",
            allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "service_state_change_seq")
    private Long id;

    @Column(name = "conversation_id", nullable = false)
    private Long conversationId;

    @Column(name = "from_state")
    private Integer fromState;

    @Column(name = "to_state", nullable = false)
    private int toState;

    @Column(name = "servicer_userid")
    private String servicerUserid;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Source source;

    private String note;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    protected ServiceStateChange() {
    }

    public ServiceStateChange(Long conversationId, ServiceState from, ServiceState to, String servicerUserid,
            Source source, String note, Instant changedAt) {
        this.conversationId = conversationId;
        this.fromState = from == null ? null : from.code();
        this.toState = to.code();
        this.servicerUserid = servicerUserid;
        this.source = source;
        this.note = note == null || note.length() <= 300 ? note : note.substring(0, 300);
        this.changedAt = changedAt;
    }

    public Long getId() {
        return id;
    }

    public Long getConversationId() {
        return conversationId;
    }

    public ServiceState getFromState() {
        return fromState == null ? null : ServiceState.of(fromState);
    }

    public ServiceState getToState() {
        return ServiceState.of(toState);
    }

    public String getServicerUserid() {
        return servicerUserid;
    }

    public Source getSource() {
        return source;
    }

    public String getNote() {
        return note;
    }

    public Instant getChangedAt() {
        return changedAt;
    }
}
