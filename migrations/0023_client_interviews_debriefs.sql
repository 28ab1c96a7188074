-- The candidate side of the agency desk (issue #16): interviews at the client and the debriefs
-- that follow them. A submission is an application, so an interview at the client is a row of
-- `interviews` like any other (its promise resolved by the same engine); what differs is that its
-- interviewers are the client's people (names, not members) and that it belongs to a submission.

ALTER TABLE interviews ADD COLUMN submission_id uuid;
ALTER TABLE interviews ADD COLUMN client_interviewers text[] NOT NULL DEFAULT '{}';
ALTER TABLE interviews ADD CONSTRAINT interviews_submission_fkey
  FOREIGN KEY (org_id, submission_id) REFERENCES submissions (org_id, id);
CREATE INDEX interviews_submission_idx ON interviews (org_id, submission_id) WHERE submission_id IS NOT NULL;

-- The recruiter's conversation with the candidate right after a client interview. Like every
-- contact it sets the next contact with the candidate, or says why there is none.
CREATE TABLE debriefs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations (id),
  submission_id uuid NOT NULL,
  interview_id uuid NOT NULL,
  member_id uuid NOT NULL,
  touchpoint_id uuid NOT NULL,
  channel text NOT NULL CHECK (channel IN ('email', 'phone', 'in_person', 'sms')),
  impressions text NOT NULL,
  surprises text NOT NULL DEFAULT '',
  interest_level integer NOT NULL CHECK (interest_level BETWEEN 1 AND 5),
  next_steps text NOT NULL DEFAULT '',
  questions_for_client text NOT NULL DEFAULT '',
  -- The candidate said their other interviews and offers may be mentioned to this client.
  may_mention_other_processes boolean NOT NULL DEFAULT false,
  -- New availability the candidate gave (free text: "free Tuesdays", "notice period 4 weeks").
  availability text NOT NULL DEFAULT '',
  occurred_at timestamptz NOT NULL,
  next_contact_at timestamptz,
  no_next_contact_reason text,
  next_follow_up_id uuid,
  created_at timestamptz NOT NULL,
  UNIQUE (org_id, id),
  FOREIGN KEY (org_id, submission_id) REFERENCES submissions (org_id, id),
  FOREIGN KEY (org_id, interview_id) REFERENCES interviews (org_id, id),
  FOREIGN KEY (org_id, member_id) REFERENCES members (org_id, id),
  FOREIGN KEY (org_id, touchpoint_id) REFERENCES touchpoints (org_id, id),
  FOREIGN KEY (org_id, next_follow_up_id) REFERENCES follow_ups (org_id, id),
  CHECK ((next_contact_at IS NULL) <> (no_next_contact_reason IS NULL))
);
CREATE INDEX debriefs_submission_idx ON debriefs (org_id, submission_id, occurred_at);

ALTER TABLE debriefs ENABLE ROW LEVEL SECURITY;
ALTER TABLE debriefs FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON debriefs USING (app_is_system() OR org_id = app_org_id())
  WITH CHECK (app_is_system() OR org_id = app_org_id());
GRANT SELECT, INSERT, UPDATE, DELETE ON debriefs TO hearback_app, hearback_system;
-- Interviewers see no agency records.
CREATE POLICY interviewer_scope ON debriefs AS RESTRICTIVE
  USING (app_is_system() OR app_member_role() IS DISTINCT FROM 'interviewer');
