-- Issue #20: messages.findings was written '[]' by every writer and read by none. A message's
-- check findings are computed from its text when it is shown or sent (src/services/message-view.ts),
-- never stored, so the column goes.
ALTER TABLE messages DROP COLUMN findings;
