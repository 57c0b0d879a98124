package com.kfgateway.wecom.control;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link TokenStore} without a database, for unit tests; shared between instances to simulate a restart. */
final class InMemoryTokenStore extends TokenStore {

    final Map<String, StoredToken> rows = new ConcurrentHashMap<>();

    @Override
    public Optional<StoredToken> find(String credentialKey) {
        return Optional.ofNullable(rows.get(credentialKey));
    }

    @Override
    public void save(StoredToken token) {
        rows.put(token.credentialKey(), token);
    }
}
