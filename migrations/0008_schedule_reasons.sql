-- Every scheduled time the API shows comes with the reason it is that time (issue #12.5): a
-- message held for the undo window, the candidate's business hours, the phone-first wait …
-- Messages scheduled before this migration keep no reason (null).
ALTER TABLE messages ADD COLUMN scheduled_because text CHECK (scheduled_because IN (
  'immediately', 'undo_window', 'send_delay', 'phone_first_wait', 'requested_time',
  'candidate_business_hours', 'team_business_hours', 'retry_backoff'));
