package com.kfgateway.wecom.control;

import com.kfgateway.wecom.entity.AccessToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * Reads and writes {@link AccessToken} rows, each in its own short transaction, so {@link AccessTokens} can read,
 * call gettoken outside any transaction, and save afterwards. Unit tests replace it with an in-memory subclass.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class TokenStore {

    /** last_error's column width. */
    static final int MAX_ERROR_LENGTH = 500;

    @PersistenceContext(unitName = "kf-gateway")
    EntityManager em;

    public Optional<StoredToken> find(String credentialKey) {
        AccessToken row = em.find(AccessToken.class, credentialKey);
        return Optional.ofNullable(row).map(TokenStore::toRecord);
    }

    public void save(StoredToken token) {
        AccessToken row = em.find(AccessToken.class, token.credentialKey());
        if (row == null) {
            row = new AccessToken(token.credentialKey());
            em.persist(row);
        }
        row.setTokenSealed(token.tokenSealed());
        row.setExpiresAt(token.expiresAt());
        row.setRefreshedAt(token.refreshedAt());
        row.setFailureCount(token.failureCount());
        row.setLastErrcode(token.lastErrcode());
        String error = token.lastError();
        row.setLastError(error == null || error.length() <= MAX_ERROR_LENGTH ? error
                : error.substring(0, MAX_ERROR_LENGTH));
        row.setBlockedUntil(token.blockedUntil());
    }

    private static StoredToken toRecord(AccessToken row) {
        return new StoredToken(row.getCredentialKey(), row.getTokenSealed(), row.getExpiresAt(), row.getRefreshedAt(),
                row.getFailureCount(), row.getLastErrcode(), row.getLastError(), row.getBlockedUntil());
    }
}
