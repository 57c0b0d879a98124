-- The text search index (conversation.control.search) reads the message table in the order messages were stored,
-- from where it left off: on start-up after a stop, and every few seconds for what was stored since. This index lets
-- each of those reads start at its mark instead of scanning the table. (Order by time, not id: ids come from a
-- sequence in blocks, so a lower id can commit later.) Plain SQL, the same on H2 and PostgreSQL.
CREATE INDEX message_stored ON message (stored_at, id);
