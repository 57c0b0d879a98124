-- The inbox lists newest first. H2 (the default database) cannot read an ascending index backwards, so with only
-- the ascending indexes of V3/V4 it read and sorted every matching conversation for each page (EXPLAIN showed a
-- table scan for the unfiltered first page). Descending twins let it read just the page; the ascending ones stay for
-- "oldest first" and the previous-page button. PostgreSQL scans either direction, so there these only cost space.
CREATE INDEX conversation_newest ON conversation (last_message_at DESC, id DESC);

-- A filter on KF account or service state orders by that column first (a no-op under equality) so the index's
-- order is the page's order: H2 only skips the sort when the ORDER BY matches the index from its first column.
CREATE INDEX conversation_account_newest ON conversation (open_kfid DESC, last_message_at DESC, id DESC);
CREATE INDEX conversation_state_newest ON conversation (service_state DESC, last_message_at DESC, id DESC);
-- V3's (service_state, last_message_at) lacked the id tie-breaker, so it could not give the inbox order either.
CREATE INDEX conversation_state_recent ON conversation (service_state, last_message_at, id);
DROP INDEX conversation_state;
