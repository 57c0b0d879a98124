-- The staff console: its users, the audit log of staff actions, and the indexes its lists and dashboard need.

-- Console users. password_hash is a PBKDF2 hash in Jakarta Security's Pbkdf2PasswordHash format
-- (algorithm:iterations:salt:hash); roles is a comma-separated list of 'admin' and 'agent'.
CREATE TABLE staff_user (
    username       VARCHAR(64)   NOT NULL PRIMARY KEY,
    password_hash  VARCHAR(400)  NOT NULL,
    roles          VARCHAR(100)  NOT NULL,
    created_at     TIMESTAMP     NOT NULL,
    last_login_at  TIMESTAMP,
    version        BIGINT        NOT NULL DEFAULT 0
);

-- Every staff action (resend, reply, take over, queue, return to bot, run checks): who, when, what, on what.
-- EclipseLink reads NEXT VALUE as the last id of a block of 50, so the first value must be at least 49.
CREATE SEQUENCE audit_log_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE audit_log (
    id           BIGINT        NOT NULL PRIMARY KEY,
    at           TIMESTAMP     NOT NULL,
    username     VARCHAR(64)   NOT NULL,
    action       VARCHAR(32)   NOT NULL,
    target_type  VARCHAR(32)   NOT NULL,
    target_id    VARCHAR(64),
    outcome      VARCHAR(16)   NOT NULL,
    detail       VARCHAR(1000)
);
CREATE INDEX audit_log_at ON audit_log (at, id);
CREATE INDEX audit_log_target ON audit_log (target_type, target_id, id);

-- Inbox filters that stay indexed at 100k conversations: per KF account, and "has failed sends", both in inbox order.
CREATE INDEX conversation_account_recent ON conversation (open_kfid, last_message_at, id);
CREATE INDEX conversation_failed_recent ON conversation (failed_sends, last_message_at, id);

-- Dashboard counts for "today" and the send log's status filter in id order, without scanning everything.
CREATE INDEX message_sent_at ON message (sent_at, direction);
CREATE INDEX send_log_status_id ON send_log (status, id);
CREATE INDEX send_log_answers ON send_log (answers_message_id, part_no);
CREATE INDEX send_log_created ON send_log (created_at);
CREATE INDEX service_state_change_at ON service_state_change (changed_at, to_state);

