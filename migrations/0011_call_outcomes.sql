-- A call closes an outcome follow-up only when it records what was said (issue #13): the decision
-- it delivered and a short summary. Like a sent message, a logged call can be undone for a short
-- while; an undone touchpoint stays in the record (undone_at) but closes nothing.
ALTER TABLE touchpoints ADD COLUMN decision_id uuid;
ALTER TABLE touchpoints ADD FOREIGN KEY (org_id, decision_id) REFERENCES decisions (org_id, id);
ALTER TABLE touchpoints ADD COLUMN undone_at timestamptz;
