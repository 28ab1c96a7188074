-- Finalists and backfill (#13 item 5). A job whose final stage drops under its finalist target
-- (policy `finalistTarget`) opens a `backfill` follow-up: owed inside the team — the job's
-- recruiter owes the hiring team a new finalist — so owed by and to the team, which the model
-- allows for this kind only (every other follow-up is owed by one party to another).
ALTER TABLE follow_ups DROP CONSTRAINT follow_ups_kind_check;
ALTER TABLE follow_ups ADD CONSTRAINT follow_ups_kind_check CHECK (kind IN (
  'outcome', 'update', 'feedback_due', 'thank_you', 'check_in', 'debrief', 'client_feedback', 'client_update',
  'reply', 'reach_another_way', 'stay_in_touch', 'backfill'));

ALTER TABLE follow_ups DROP CONSTRAINT follow_ups_check;
ALTER TABLE follow_ups ADD CONSTRAINT follow_ups_parties_check
  CHECK (owed_by <> owed_to OR (owed_by = 'team' AND kind = 'backfill'));
