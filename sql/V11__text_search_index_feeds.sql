-- The text search index (conversation.control.search) reads the message table in the order messages were stored,
-- from where it left off: on start-up after a stop, and every few seconds for what was stored since. This index lets
-- each of those reads start at its mark instead of scanning the table. (Order by time, not id: ids come from a
-- sequence in blocks, so a lower id can commit later.) Plain SQL, the same on H2 and PostgreSQL.
CREATE INDEX message_stored ON message (stored_at, id);
-- Nicknames go into the same index, read the same way by the time they were fetched (the only time one changes).
CREATE INDEX conversation_nickname_fetched ON conversation (nickname_fetched_at, id);
-- The search's third rule, the customer's exact user id, was answered by a scan: no index began with the column.
CREATE INDEX conversation_external_userid ON conversation (external_userid);
