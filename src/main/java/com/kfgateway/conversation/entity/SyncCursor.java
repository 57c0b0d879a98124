package com.kfgateway.conversation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * Where the last kf/sync_msg page ended, per KF account ({@code *} for a pull of all accounts). Advanced in the same
 * transaction that stores the page, so a crash replays a page instead of losing one.
 */
@Entity
@Table(name = "sync_cursor")
public class SyncCursor {

    public static final String ALL_ACCOUNTS = "*";

    @Id
    private String scope;

    @Column(name = "next_cursor")
    private String nextCursor;

    @Column(name = "last_sync_at")
    private Instant lastSyncAt;

    @Version
    private long version;

    protected SyncCursor() {
    }

    public SyncCursor(String scope) {
        this.scope = scope;
    }

    public String getScope() {
        return scope;
    }

    public String getNextCursor() {
        return nextCursor;
    }

    public Instant getLastSyncAt() {
        return lastSyncAt;
    }

    public void advance(String nextCursor, Instant at) {
        this.nextCursor = nextCursor;
        this.lastSyncAt = at;
    }
}
