-- The console's "Return to bot" set state 4 (ended), so it is called what it does: "End session".
UPDATE audit_log SET action = 'END_SESSION' WHERE action = 'RETURN_TO_BOT';
