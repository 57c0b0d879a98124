-- Every accepted WeCom callback and what became of it. Rejected callbacks are only counted and logged:
-- a hostile sender must not be able to fill the database.
CREATE SEQUENCE callback_log_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE callback_log (
    id           BIGINT       NOT NULL PRIMARY KEY,
    received_at  TIMESTAMP    NOT NULL,
    event        VARCHAR(64)  NOT NULL,
    open_kfid    VARCHAR(64),
    outcome      VARCHAR(32)  NOT NULL,
    detail       VARCHAR(500)
);
CREATE INDEX callback_log_received ON callback_log (received_at);
