-- Message ids come from a sequence in blocks per node, so with several nodes a message stored later can have a lower
-- id. The order in which a conversation's messages were stored is (stored_at, id): pages of one account are stored
-- one at a time, under the account's lease, and ids within a page come from one node's block. This index serves the
-- console's conversation view in that order. Plain SQL, the same on H2 and PostgreSQL.
CREATE INDEX message_conversation_stored ON message (conversation_id, stored_at, id);
