-- Foundation: access tokens cached per credential, and the callback log.
CREATE TABLE access_token (
    credential_key   VARCHAR(80)  NOT NULL PRIMARY KEY,
    token_sealed     VARCHAR(1200),
    expires_at       TIMESTAMP,
    refreshed_at     TIMESTAMP,
    failure_count    INT          NOT NULL DEFAULT 0,
    last_errcode     INT,
    last_error       VARCHAR(500),
    version          BIGINT       NOT NULL DEFAULT 0
);
