-- Scorecards are edited, never silently overwritten (issue 13): `feedback` keeps each author's
-- latest scorecard (what reads, reports and decisions use) with its version number; every saved
-- version, the first included, is kept in `feedback_versions`.
ALTER TABLE feedback ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1);

CREATE TABLE feedback_versions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations (id),
  feedback_id uuid NOT NULL,
  interview_id uuid NOT NULL,
  interviewer_id uuid NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  recommendation text NOT NULL CHECK (recommendation IN ('strong_yes', 'yes', 'no', 'strong_no')),
  ratings jsonb NOT NULL DEFAULT '{}'::jsonb,
  notes text NOT NULL DEFAULT '',
  submitted_at timestamptz NOT NULL,
  UNIQUE (org_id, id),
  UNIQUE (org_id, feedback_id, version),
  FOREIGN KEY (org_id, feedback_id) REFERENCES feedback (org_id, id),
  FOREIGN KEY (org_id, interview_id) REFERENCES interviews (org_id, id),
  FOREIGN KEY (org_id, interviewer_id) REFERENCES members (org_id, id)
);

-- Scorecards saved before versions existed are their author's version 1.
INSERT INTO feedback_versions (org_id, feedback_id, interview_id, interviewer_id, version, recommendation,
                               ratings, notes, submitted_at)
SELECT org_id, id, interview_id, interviewer_id, 1, recommendation, ratings, notes, submitted_at FROM feedback;

ALTER TABLE feedback_versions ENABLE ROW LEVEL SECURITY;
ALTER TABLE feedback_versions FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON feedback_versions USING (app_is_system() OR org_id = app_org_id())
  WITH CHECK (app_is_system() OR org_id = app_org_id());
-- Like the scorecards themselves: an interviewer sees only their own versions.
CREATE POLICY interviewer_scope ON feedback_versions AS RESTRICTIVE
  USING (app_is_system() OR app_member_role() IS DISTINCT FROM 'interviewer' OR interviewer_id = app_member_id())
  WITH CHECK (app_is_system() OR app_member_role() IS DISTINCT FROM 'interviewer' OR interviewer_id = app_member_id());
GRANT SELECT, INSERT, UPDATE, DELETE ON feedback_versions TO hearback_app, hearback_system;
