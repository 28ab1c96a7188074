-- A decision pulls the promise forward (issue 13): once the team has decided, the outcome is owed
-- as soon as possible, so the open outcome follow-up's `due_at` moves to the candidate's next
-- business slot. What the candidate was promised does not change: `promised_due_at` keeps it
-- (null when the two are the same), and everything the candidate sees or is measured against
-- (their page, check-in etiquette, automatic updates, promises kept) reads it first.
ALTER TABLE follow_ups ADD COLUMN promised_due_at timestamptz;
