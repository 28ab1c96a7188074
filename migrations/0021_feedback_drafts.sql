-- Scorecard drafts (issue 13): an interviewer saves what they have written without submitting it.
-- Drafts live in their own table, not as a status on `feedback`: every read of "feedback given"
-- (lists, the application's timeline, decisions, reports, exports, the scorecard follow-up) reads
-- `feedback` and stays exactly as it is, and no query can forget a `status = 'submitted'` filter.
-- One draft per author and interview, replaced on each save; submitting deletes it in the same
-- transaction that writes the next version.
CREATE TABLE feedback_drafts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations (id),
  interview_id uuid NOT NULL,
  interviewer_id uuid NOT NULL,
  -- Not chosen yet is allowed in a draft; submitting requires one.
  recommendation text CHECK (recommendation IN ('strong_yes', 'yes', 'no', 'strong_no')),
  ratings jsonb NOT NULL DEFAULT '{}'::jsonb,
  notes text NOT NULL DEFAULT '',
  -- The submitted version the draft was written over (0: none), so submitting it cannot overwrite
  -- a version its author has not seen.
  base_version integer NOT NULL CHECK (base_version >= 0),
  saved_at timestamptz NOT NULL,
  UNIQUE (org_id, id),
  UNIQUE (org_id, interview_id, interviewer_id),
  FOREIGN KEY (org_id, interview_id) REFERENCES interviews (org_id, id),
  FOREIGN KEY (org_id, interviewer_id) REFERENCES members (org_id, id)
);

ALTER TABLE feedback_drafts ENABLE ROW LEVEL SECURITY;
ALTER TABLE feedback_drafts FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON feedback_drafts USING (app_is_system() OR org_id = app_org_id())
  WITH CHECK (app_is_system() OR org_id = app_org_id());
-- A draft is its author's alone, whatever their role: no admin, recruiter or hiring manager reads
-- it. A transaction acting for no member (the worker, a candidate erasing their data) acts as the
-- organization and may reach it.
CREATE POLICY author_only ON feedback_drafts AS RESTRICTIVE
  USING (app_is_system() OR app_member_id() IS NULL OR interviewer_id = app_member_id())
  WITH CHECK (app_is_system() OR app_member_id() IS NULL OR interviewer_id = app_member_id());
GRANT SELECT, INSERT, UPDATE, DELETE ON feedback_drafts TO hearback_app, hearback_system;
