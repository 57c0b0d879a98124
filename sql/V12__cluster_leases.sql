-- Work that one node of a cluster does at a time (a KF account's pull, a conversation's turn, a timer's run) is
-- leased: the node that inserted the row holds it until it deletes it or its time runs out (cluster.control.Leases).
-- A node that finds the work held marks it wanted (with a note, such as the newest sync token), and the holder runs
-- it once more before it lets go. Rows live only while work runs. Plain SQL, the same on H2 and PostgreSQL.
CREATE TABLE cluster_lease (
    name       VARCHAR(200) PRIMARY KEY,
    holder     VARCHAR(120) NOT NULL,
    expires_at TIMESTAMP    NOT NULL,
    wanted     BOOLEAN      NOT NULL DEFAULT FALSE,
    note       VARCHAR(500)
);
