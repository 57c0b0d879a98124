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
import java.time.Instant;

/** One WeChat customer talking to one KF account: (open_kfid, external_userid). */
@Entity
@Table(name = "conversation")
@NamedQuery(name = Conversation.BY_CUSTOMERS,
        query = "select c from Conversation c where c.externalUserid in :externalUserids")
@NamedQuery(name = Conversation.BY_IDS, query = "select c from Conversation c where c.id in :ids")
public class Conversation {

    public static final String BY_CUSTOMERS = "Conversation.byCustomers";
    public static final String BY_IDS = "Conversation.byIds";

    @Id
    @SequenceGenerator(name = "conversation_seq", sequenceName = "conversation_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "conversation_seq")
    private Long id;

    @Column(name = "open_kfid", nullable = false)
    private String openKfid;

    @Column(name = "external_userid", nullable = false)
    private String externalUserid;

    private String nickname;

    @Column(name = "nickname_fetched_at")
    private Instant nicknameFetchedAt;

    @Column(name = "service_state", nullable = false)
    private int serviceState;

    @Column(name = "servicer_userid")
    private String servicerUserid;

    @Column(name = "state_changed_at")
    private Instant stateChangedAt;

    @Column(name = "state_confirmed_at")
    private Instant stateConfirmedAt;

    @Column(name = "last_message_at", nullable = false)
    private Instant lastMessageAt;

    @Column(name = "last_message_preview")
    private String lastMessagePreview;

    @Column(name = "last_customer_message_at")
    private Instant lastCustomerMessageAt;

    @Column(name = "failed_sends", nullable = false)
    private int failedSends;

    @Column(nullable = false)
    private int unread;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Conversation() {
    }

    public Conversation(String openKfid, String externalUserid, Instant now) {
        this.openKfid = openKfid;
        this.externalUserid = externalUserid;
        this.serviceState = ServiceState.ENDED.code();
        this.createdAt = now;
        this.lastMessageAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getOpenKfid() {
        return openKfid;
    }

    public String getExternalUserid() {
        return externalUserid;
    }

    public String getNickname() {
        return nickname;
    }

    public void nicknameFetched(String nickname, Instant at) {
        this.nickname = nickname;
        this.nicknameFetchedAt = at;
    }

    public Instant getNicknameFetchedAt() {
        return nicknameFetchedAt;
    }

    /** The customer's name if WeCom told us, else the external user id. */
    public String getDisplayName() {
        return nickname == null || nickname.isBlank() ? externalUserid : nickname;
    }

    public ServiceState getServiceState() {
        return ServiceState.of(serviceState);
    }

    public String getServicerUserid() {
        return servicerUserid;
    }

    public Instant getStateChangedAt() {
        return stateChangedAt;
    }

    /** Sets the current state; the caller records the change in {@link ServiceStateChange}. */
    public void changeState(ServiceState state, String servicerUserid, Instant at) {
        this.serviceState = state.code();
        this.servicerUserid = servicerUserid;
        this.stateChangedAt = at;
    }

    /** When WeCom itself last told us the state (not our inference); null if never. */
    public Instant getStateConfirmedAt() {
        return stateConfirmedAt;
    }

    public void stateConfirmed(Instant at) {
        this.stateConfirmedAt = at;
    }

    public Instant getLastMessageAt() {
        return lastMessageAt;
    }

    public String getLastMessagePreview() {
        return lastMessagePreview;
    }

    public Instant getLastCustomerMessageAt() {
        return lastCustomerMessageAt;
    }

    /** Moves the inbox ordering forward; never backwards when an older message is stored late. */
    public void messageStored(Instant sentAt, String preview, boolean fromCustomer) {
        if (sentAt.isAfter(lastMessageAt) || lastMessagePreview == null) {
            lastMessageAt = sentAt.isAfter(lastMessageAt) ? sentAt : lastMessageAt;
            lastMessagePreview = preview == null || preview.length() <= 200 ? preview : preview.substring(0, 199) + "…";
        }
        if (fromCustomer) {
            unread++;
            if (lastCustomerMessageAt == null || sentAt.isAfter(lastCustomerMessageAt)) {
                lastCustomerMessageAt = sentAt;
            }
        }
    }

    public int getFailedSends() {
        return failedSends;
    }

    public void sendFailed() {
        failedSends++;
    }

    public void failedSendRecovered() {
        failedSends = Math.max(0, failedSends - 1);
    }

    public int getUnread() {
        return unread;
    }

    public void markRead() {
        unread = 0;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
