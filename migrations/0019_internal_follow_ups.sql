-- Follow-ups owed inside the team (#13 items 2 and 5). Every follow-up was owed by one party to
-- another; three kinds are now owed by the team to the team, each with a named owner:
--   feedback_due  an interviewer's scorecard, due a policy's business days after the interview
--                 (owed to the candidate, the same kind is their request for feedback);
--   decision_due  the hiring manager's decision, due a policy's business days before the promise
--                 made to the candidate (the decide-by time);
--   backfill      a new finalist, when the final stage fell under the job's finalist target.
ALTER TABLE follow_ups DROP CONSTRAINT follow_ups_kind_check;
ALTER TABLE follow_ups ADD CONSTRAINT follow_ups_kind_check CHECK (kind IN (
  'outcome', 'update', 'feedback_due', 'thank_you', 'check_in', 'debrief', 'client_feedback', 'client_update',
  'reply', 'reach_another_way', 'stay_in_touch', 'backfill', 'decision_due'));

ALTER TABLE follow_ups DROP CONSTRAINT follow_ups_check;
ALTER TABLE follow_ups ADD CONSTRAINT follow_ups_parties_check
  CHECK (owed_by <> owed_to OR (owed_by = 'team' AND kind IN ('feedback_due', 'decision_due', 'backfill')));

-- One open scorecard per interviewer and interview, one open decide-by per application.
CREATE UNIQUE INDEX follow_ups_one_open_scorecard_idx ON follow_ups (org_id, interview_id, owner_id)
  WHERE kind = 'feedback_due' AND owed_to = 'team' AND status = 'open';
CREATE UNIQUE INDEX follow_ups_one_open_decide_by_idx ON follow_ups (org_id, application_id)
  WHERE kind = 'decision_due' AND status = 'open';
