-- The setup doctor's checks staff were told are red, one row per check while it stays red: staff are told once when
-- a check turns red and once when it recovers, however many times and on however many nodes the doctor looks in
-- between, and a restart does not tell them again. The key is the claim: the node whose insert (or delete) wins
-- sends the message.
CREATE TABLE doctor_alert (
    check_id   VARCHAR(200) NOT NULL PRIMARY KEY,
    red_since  TIMESTAMP    NOT NULL
);
