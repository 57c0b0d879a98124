-- A handover is durable work: written in the same transaction that marks the customer's message ANSWERED, then
-- carried out step by step (move the session, plan the notice, tell staff), each step recorded when it is done, so a
-- crash in between is finished by recovery instead of leaving a customer who asked for a human with nobody.
CREATE SEQUENCE handover_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE handover (
    id                 BIGINT         NOT NULL PRIMARY KEY,
    conversation_id    BIGINT         NOT NULL REFERENCES conversation (id),
    message_id         BIGINT         NOT NULL REFERENCES message (id),
    notice_text        VARCHAR(4000),
    requested_at       TIMESTAMP      NOT NULL,
    moved_at           TIMESTAMP,
    moved_to           INT,
    servicer_userid    VARCHAR(64),
    msg_code           VARCHAR(256),
    notice_planned_at  TIMESTAMP,
    staff_notified_at  TIMESTAMP,
    done_at            TIMESTAMP,
    attempts           INT            NOT NULL DEFAULT 0,
    next_attempt_at    TIMESTAMP,
    last_error         VARCHAR(500),
    version            BIGINT         NOT NULL DEFAULT 0
);
CREATE INDEX handover_open ON handover (done_at, conversation_id, id);
