-- Foundation: access tokens cached per credential, and the callback log.
-- credential_key is the hex SHA-256 of corp id + "\n" + secret, so apps sharing a secret share one row.
-- token_sealed is AES-GCM under a key derived from that secret: this table alone never yields a usable token.
-- blocked_until stops gettoken after a bad-secret error (WeCom bans the IP after repeated ones).
CREATE TABLE access_token (
    credential_key   VARCHAR(80)  NOT NULL PRIMARY KEY,
    token_sealed     VARCHAR(1200),
    expires_at       TIMESTAMP,
    refreshed_at     TIMESTAMP,
    failure_count    INT          NOT NULL DEFAULT 0,
    last_errcode     INT,
    last_error       VARCHAR(500),
    blocked_until    TIMESTAMP,
    version          BIGINT       NOT NULL DEFAULT 0
);
