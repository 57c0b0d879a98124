-- When WeCom last confirmed the conversation's service state (service_state/get, trans, an event, a staff message).
-- The pipeline asks service_state/get before answering when this is missing or stale, instead of trusting a guess.
ALTER TABLE conversation ADD COLUMN state_confirmed_at TIMESTAMP;

-- Until when a send_msg_on_event code works (welcome 20 s, queue notice 48 h): no attempt after it, no retry.
ALTER TABLE send_log ADD COLUMN expires_at TIMESTAMP;
