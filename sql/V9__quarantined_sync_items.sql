-- A kf/sync_msg item that could not be stored (a field longer than its column that cannot be cut, or any other
-- failure of its own) is set aside here with WeCom's JSON whole, so one bad item never stops an account's pipeline
-- and staff can see what was skipped.
CREATE SEQUENCE quarantined_item_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE quarantined_item (
    id              BIGINT         NOT NULL PRIMARY KEY,
    scope           VARCHAR(64)    NOT NULL,
    msgid           VARCHAR(128)   NOT NULL,
    raw_json        TEXT           NOT NULL,
    reason          VARCHAR(1000)  NOT NULL,
    quarantined_at  TIMESTAMP      NOT NULL,
    CONSTRAINT quarantined_item_msgid UNIQUE (msgid)
);
CREATE INDEX quarantined_item_at ON quarantined_item (quarantined_at DESC, id DESC);
