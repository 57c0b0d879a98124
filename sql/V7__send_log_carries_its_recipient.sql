-- The send log is delivery's own table: a row carries everything a send needs from planning time on (who receives
-- it, and the msgid of the message it answers, from which its own msgid is derived), so delivery never reads the
-- conversation's rows. Existing rows are filled from the conversation and message they belong to.
ALTER TABLE send_log ADD COLUMN open_kfid VARCHAR(64);
ALTER TABLE send_log ADD COLUMN external_userid VARCHAR(64);
ALTER TABLE send_log ADD COLUMN answers_msgid VARCHAR(128);
UPDATE send_log SET open_kfid = (SELECT c.open_kfid FROM conversation c WHERE c.id = send_log.conversation_id),
    external_userid = (SELECT c.external_userid FROM conversation c WHERE c.id = send_log.conversation_id);
UPDATE send_log SET answers_msgid = (SELECT m.msgid FROM message m WHERE m.id = send_log.answers_message_id)
    WHERE answers_message_id IS NOT NULL;
ALTER TABLE send_log ALTER COLUMN open_kfid SET NOT NULL;
ALTER TABLE send_log ALTER COLUMN external_userid SET NOT NULL;

-- The conversation's timeline row for one of our parts names the customer message it answers, so the assistant's
-- context is built from the conversation's own rows (it used to ask the send log).
ALTER TABLE message ADD COLUMN answers_message_id BIGINT;
UPDATE message SET answers_message_id = (SELECT s.answers_message_id FROM send_log s WHERE s.msgid = message.msgid)
    WHERE direction = 'OUT';
