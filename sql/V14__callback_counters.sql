-- What the callback endpoint has seen, by kind (a verified GET, a valid POST, or why a request was turned away):
-- how many, and when last, summed over every node and kept across restarts, so that the setup doctor does not
-- forget a broken callback when the server restarts. A fixed set of rows: a hostile sender can move the counts,
-- never add rows; nodes add what they counted every few seconds, not per request.
CREATE TABLE callback_counter (
    kind     VARCHAR(32)  NOT NULL PRIMARY KEY,
    total    BIGINT       NOT NULL,
    last_at  TIMESTAMP
);
INSERT INTO callback_counter (kind, total) VALUES
    ('VERIFIED_GET', 0),
    ('VALID_POST', 0),
    ('NOT_CONFIGURED', 0),
    ('MISSING_PARAMETERS', 0),
    ('STALE_TIMESTAMP', 0),
    ('BODY_TOO_LARGE', 0),
    ('MALFORMED_XML', 0),
    ('BAD_SIGNATURE', 0),
    ('BAD_BASE64', 0),
    ('DECRYPT_FAILED', 0),
    ('BAD_BUFFER', 0),
    ('WRONG_RECEIVE_ID', 0),
    ('REPLAYED', 0);
