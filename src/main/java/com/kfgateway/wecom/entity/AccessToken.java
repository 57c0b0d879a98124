package com.kfgateway.wecom.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * The cached access token of one credential (corp id + secret), sealed, with its refresh bookkeeping. Survives a
 * restart so the gateway does not refetch a token that is still valid.
 */
@Entity
@Table(name = "access_token")
public class AccessToken {

    @Id
    @Column(name = "credential_key", length = 80)
    private String credentialKey;

    /** AES-GCM under a key derived from the credential's secret; useless without that secret. */
    @Column(name = "token_sealed", length = 1200)
    private String tokenSealed;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "refreshed_at")
    private Instant refreshedAt;

    @Column(name = "failure_count", nullable = false)
    private int failureCount;

    @Column(name = "last_errcode")
    private Integer lastErrcode;

    @Column(name = "last_error", length = 500)
    private String lastError;

    @Column(name = "blocked_until")
    private Instant blockedUntil;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected AccessToken() {
    }

    public AccessToken(String credentialKey) {
        this.credentialKey = credentialKey;
    }

    public String getCredentialKey() {
        return credentialKey;
    }

    public String getTokenSealed() {
        return tokenSealed;
    }

    public void setTokenSealed(String tokenSealed) {
        this.tokenSealed = tokenSealed;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(Instant expiresAt) {
        this.expiresAt = expiresAt;
    }

    public Instant getRefreshedAt() {
        return refreshedAt;
    }

    public void setRefreshedAt(Instant refreshedAt) {
        this.refreshedAt = refreshedAt;
    }

    public int getFailureCount() {
        return failureCount;
    }

    public void setFailureCount(int failureCount) {
        this.failureCount = failureCount;
    }

    public Integer getLastErrcode() {
        return lastErrcode;
    }

    public void setLastErrcode(Integer lastErrcode) {
        this.lastErrcode = lastErrcode;
    }

    public String getLastError() {
        return lastError;
    }

    public void setLastError(String lastError) {
        this.lastError = lastError;
    }

    public Instant getBlockedUntil() {
        return blockedUntil;
    }

    public void setBlockedUntil(Instant blockedUntil) {
        this.blockedUntil = blockedUntil;
    }

    public long getVersion() {
        return version;
    }
}
