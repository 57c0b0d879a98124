-- Customer messages that a pull found without a callback asking for it (the safety pull), counted beside the
-- callbacks (how many, and when last): found while no callback has come for hours, they mean WeCom no longer
-- reaches the callback URL, and messages arrive only through the safety pull, minutes late.
INSERT INTO callback_counter (kind, total) VALUES ('UNANNOUNCED_MESSAGES', 0);
