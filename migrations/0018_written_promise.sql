-- Issue 13, item 1: the written promise. Closing an interview queues a short note to the
-- candidate (thanks, what happens next, who contacts them, how and by when, the status link).
ALTER TABLE messages DROP CONSTRAINT messages_kind_check;
ALTER TABLE messages ADD CONSTRAINT messages_kind_check CHECK (kind IN (
  'outcome', 'update', 'reminder', 'escalation', 'digest', 'job_closed', 'status_link', 'failure_alert',
  'sign_in', 'invite', 'candidate_note', 'invitation', 'reply_notice', 'pool_invite', 'written_promise'));
