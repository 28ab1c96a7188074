-- Issue #19, ten times the data: the follow-up report counts, per application of the period, the
-- updates sent and the candidate's status inquiries. Through the application indexes each count
-- read every message and touchpoint of the application (about six heap rows) to keep the few that
-- match; a year's report of the largest organization at 10M follow-ups counts them for 554,325
-- applications (BENCHMARKS.md, F11). These partial indexes hold only the rows counted, so the
-- counts are index-only. Writes of other kinds do not touch them.
CREATE INDEX messages_sent_updates_idx ON messages (org_id, application_id)
  WHERE kind = 'update' AND status = 'sent';
CREATE INDEX touchpoints_candidate_check_ins_idx ON touchpoints (org_id, application_id)
  WHERE kind = 'check_in' AND from_party = 'candidate';
