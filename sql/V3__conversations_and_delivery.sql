-- Conversations, every message in and out, service states, the sync cursor, and the send log.
-- Sequences start at 50: EclipseLink reads NEXT VALUE as the last id of a block of 50 (allocationSize) and
-- rejects a first value below 49 (EclipseLink-7027).
-- TEXT and BYTEA: the large-value types H2 and PostgreSQL both understand (H2 reads them as CLOB and VARBINARY).

CREATE SEQUENCE conversation_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE conversation (
    id                       BIGINT       NOT NULL PRIMARY KEY,
    open_kfid                VARCHAR(64)  NOT NULL,
    external_userid          VARCHAR(64)  NOT NULL,
    nickname                 VARCHAR(128),
    nickname_fetched_at      TIMESTAMP,
    service_state            INT          NOT NULL,
    servicer_userid          VARCHAR(64),
    state_changed_at         TIMESTAMP,
    last_message_at          TIMESTAMP    NOT NULL,
    last_message_preview     VARCHAR(200),
    last_customer_message_at TIMESTAMP,
    failed_sends             INT          NOT NULL DEFAULT 0,
    unread                   INT          NOT NULL DEFAULT 0,
    created_at               TIMESTAMP    NOT NULL,
    version                  BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT conversation_customer UNIQUE (open_kfid, external_userid)
);
-- The inbox lists newest first with keyset paging on (last_message_at, id).
CREATE INDEX conversation_recent ON conversation (last_message_at, id);
CREATE INDEX conversation_state ON conversation (service_state, last_message_at);
CREATE INDEX conversation_nickname ON conversation (nickname);

CREATE SEQUENCE message_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE message (
    id               BIGINT        NOT NULL PRIMARY KEY,
    -- WeCom's msgid for what sync_msg returned, ours for what we sent; unique so a page served twice stores once.
    msgid            VARCHAR(128)  NOT NULL,
    conversation_id  BIGINT        REFERENCES conversation (id),
    open_kfid        VARCHAR(64),
    direction        VARCHAR(8)    NOT NULL,
    sender           VARCHAR(16)   NOT NULL,
    origin           INT,
    servicer_userid  VARCHAR(64),
    msgtype          VARCHAR(40)   NOT NULL,
    event_type       VARCHAR(64),
    text             VARCHAR(4000),
    media_id         VARCHAR(256),
    raw_json         TEXT          NOT NULL,
    sent_at          TIMESTAMP     NOT NULL,
    stored_at        TIMESTAMP     NOT NULL,
    handling         VARCHAR(16)   NOT NULL,
    handling_note    VARCHAR(300),
    version          BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT message_msgid UNIQUE (msgid)
);
CREATE INDEX message_conversation ON message (conversation_id, id);
CREATE INDEX message_handling ON message (handling, id);

CREATE TABLE media_blob (
    message_id    BIGINT        NOT NULL PRIMARY KEY REFERENCES message (id),
    content_type  VARCHAR(100)  NOT NULL,
    bytes         BYTEA         NOT NULL,
    fetched_at    TIMESTAMP     NOT NULL
);

-- One row per KF account (open_kfid, or '*' for an unscoped pull); locked for the whole pull of a page.
CREATE TABLE sync_cursor (
    scope         VARCHAR(64)   NOT NULL PRIMARY KEY,
    next_cursor   VARCHAR(128),
    last_sync_at  TIMESTAMP,
    version       BIGINT        NOT NULL DEFAULT 0
);

CREATE SEQUENCE service_state_change_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE service_state_change (
    id               BIGINT        NOT NULL PRIMARY KEY,
    conversation_id  BIGINT        NOT NULL REFERENCES conversation (id),
    from_state       INT,
    to_state         INT           NOT NULL,
    servicer_userid  VARCHAR(64),
    source           VARCHAR(32)   NOT NULL,
    note             VARCHAR(300),
    changed_at       TIMESTAMP     NOT NULL
);
CREATE INDEX service_state_change_conversation ON service_state_change (conversation_id, id);

CREATE SEQUENCE send_log_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE send_log (
    id                      BIGINT         NOT NULL PRIMARY KEY,
    -- Our own msgid (<= 32 bytes of [0-9a-zA-Z_-]), reused by every retry and resend so WeCom de-duplicates.
    msgid                   VARCHAR(32)    NOT NULL,
    conversation_id         BIGINT         NOT NULL REFERENCES conversation (id),
    answers_message_id      BIGINT         REFERENCES message (id),
    kind                    VARCHAR(16)    NOT NULL,
    channel                 VARCHAR(24)    NOT NULL,
    part_no                 INT            NOT NULL,
    part_count              INT            NOT NULL,
    text                    VARCHAR(4000)  NOT NULL,
    -- The single-use code for kf/send_msg_on_event (welcome 20 s, queue notice 48 h); useless once used or expired.
    event_code              VARCHAR(256),
    status                  VARCHAR(16)    NOT NULL,
    attempts                INT            NOT NULL DEFAULT 0,
    next_attempt_at         TIMESTAMP,
    last_errcode            INT,
    last_errmsg             VARCHAR(500),
    explanation             VARCHAR(1000),
    fail_type               INT,
    credential_fingerprint  VARCHAR(32),
    requested_by            VARCHAR(64),
    created_at              TIMESTAMP      NOT NULL,
    updated_at              TIMESTAMP      NOT NULL,
    sent_at                 TIMESTAMP,
    version                 BIGINT         NOT NULL DEFAULT 0,
    CONSTRAINT send_log_msgid UNIQUE (msgid)
);
CREATE INDEX send_log_due ON send_log (status, next_attempt_at);
CREATE INDEX send_log_conversation ON send_log (conversation_id, id);
CREATE INDEX send_log_errcode ON send_log (last_errcode, id);

CREATE SEQUENCE send_attempt_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE send_attempt (
    id                      BIGINT        NOT NULL PRIMARY KEY,
    send_log_id             BIGINT        NOT NULL REFERENCES send_log (id),
    attempt_no              INT           NOT NULL,
    attempted_at            TIMESTAMP     NOT NULL,
    outcome                 VARCHAR(16)   NOT NULL,
    errcode                 INT,
    errmsg                  VARCHAR(500),
    duration_ms             INT,
    credential_fingerprint  VARCHAR(32),
    requested_by            VARCHAR(64)
);
CREATE INDEX send_attempt_log ON send_attempt (send_log_id, attempt_no);
