-- The agency desk (issue #16): clients and their contacts (hiring authorities) with the terms
-- agreed up front, job orders, submissions of candidates to client jobs, and logged contacts that
-- each set the next one. Same rules as every tenant table: org_id, composite foreign keys, and
-- forced row-level security.

CREATE TABLE clients (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations (id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  -- Terms shared with the client up front: how long they take to answer, in business days of
  -- the contact's zone, after a submission and after an interview.
  feedback_days_after_submission integer NOT NULL DEFAULT 2
    CHECK (feedback_days_after_submission BETWEEN 0 AND 60),
  feedback_days_after_interview integer NOT NULL DEFAULT 1
    CHECK (feedback_days_after_interview BETWEEN 0 AND 60),
  -- How often the client wants an update while nothing else happens (business days).
  update_cadence_days integer NOT NULL DEFAULT 5 CHECK (update_cadence_days BETWEEN 1 AND 60),
  -- The fee's guarantee period after a start (calendar days).
  guarantee_days integer NOT NULL DEFAULT 90 CHECK (guarantee_days BETWEEN 0 AND 365),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (org_id, id)
);
CREATE INDEX clients_org_created_idx ON clients (org_id, created_at, id);

CREATE TABLE client_contacts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations (id),
  client_id uuid NOT NULL,
  name text NOT NULL,
  title text NOT NULL DEFAULT '',
  email text,
  phone text,
  preferred_channel text NOT NULL DEFAULT 'email' CHECK (preferred_channel IN ('email', 'phone', 'sms')),
  -- The contact's business time; null = the organization's.
  time_zone text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (org_id, id),
  UNIQUE (org_id, client_id, id),
  FOREIGN KEY (org_id, client_id) REFERENCES clients (org_id, id)
);
CREATE INDEX client_contacts_client_idx ON client_contacts (org_id, client_id, created_at, id);

-- A job order: the job belongs to a client, with the hiring authority who gave it.
ALTER TABLE jobs ADD COLUMN client_id uuid;
ALTER TABLE jobs ADD COLUMN hiring_authority_id uuid;
ALTER TABLE jobs ADD CONSTRAINT jobs_client_fkey FOREIGN KEY (org_id, client_id) REFERENCES clients (org_id, id);
ALTER TABLE jobs ADD CONSTRAINT jobs_hiring_authority_fkey
  FOREIGN KEY (org_id, client_id, hiring_authority_id) REFERENCES client_contacts (org_id, client_id, id);
ALTER TABLE jobs ADD CONSTRAINT jobs_hiring_authority_check CHECK (hiring_authority_id IS NULL OR client_id IS NOT NULL);
CREATE INDEX jobs_client_idx ON jobs (org_id, client_id) WHERE client_id IS NOT NULL;

-- A candidate sent to a client's job through a contact. It is also the candidate's application in
-- that job, so interviews, touchpoints and follow-ups hang off it as anywhere else.
CREATE TABLE submissions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations (id),
  client_id uuid NOT NULL,
  job_id uuid NOT NULL,
  candidate_id uuid NOT NULL,
  application_id uuid NOT NULL,
  contact_id uuid NOT NULL,
  recruiter_id uuid NOT NULL,
  pitch text NOT NULL,
  -- The candidate agreed to be sent to this client: when, and how it was given.
  consent_at timestamptz NOT NULL,
  consent_note text NOT NULL DEFAULT '',
  stage text NOT NULL DEFAULT 'submitted' CHECK (stage IN ('submitted', 'client_reviewing', 'interviewing',
                                                            'offered', 'placed', 'declined', 'withdrawn')),
  declined_by text CHECK (declined_by IN ('client', 'candidate')),
  decline_reason text,
  submitted_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (org_id, id),
  UNIQUE (org_id, application_id),
  FOREIGN KEY (org_id, client_id) REFERENCES clients (org_id, id),
  FOREIGN KEY (org_id, job_id) REFERENCES jobs (org_id, id),
  FOREIGN KEY (org_id, candidate_id) REFERENCES candidates (org_id, id),
  FOREIGN KEY (org_id, application_id) REFERENCES applications (org_id, id),
  FOREIGN KEY (org_id, client_id, contact_id) REFERENCES client_contacts (org_id, client_id, id),
  FOREIGN KEY (org_id, recruiter_id) REFERENCES members (org_id, id),
  CHECK ((stage = 'declined') = (declined_by IS NOT NULL)),
  CHECK (declined_by IS DISTINCT FROM 'client' OR decline_reason IS NOT NULL)
);
-- No double submissions: a candidate goes to a client once (the service shows the earlier one).
CREATE UNIQUE INDEX submissions_once_per_client_idx ON submissions (org_id, client_id, candidate_id);
CREATE INDEX submissions_org_created_idx ON submissions (org_id, created_at, id);

-- Follow-ups of the agency desk: about a submission (client feedback, telling the candidate) or
-- about a client contact alone (the next contact), which has no application.
ALTER TABLE follow_ups ALTER COLUMN application_id DROP NOT NULL;
ALTER TABLE follow_ups ADD COLUMN submission_id uuid;
ALTER TABLE follow_ups ADD COLUMN client_contact_id uuid;
-- Steps the owned-follow-up ladder has taken (src/domain/agency.ts); outcomes keep their own.
ALTER TABLE follow_ups ADD COLUMN ladder_steps integer NOT NULL DEFAULT 0;
ALTER TABLE follow_ups ADD CONSTRAINT follow_ups_submission_fkey
  FOREIGN KEY (org_id, submission_id) REFERENCES submissions (org_id, id);
ALTER TABLE follow_ups ADD CONSTRAINT follow_ups_client_contact_fkey
  FOREIGN KEY (org_id, client_contact_id) REFERENCES client_contacts (org_id, id);
ALTER TABLE follow_ups ADD CONSTRAINT follow_ups_subject_check
  CHECK (application_id IS NOT NULL OR client_contact_id IS NOT NULL);
CREATE INDEX follow_ups_submission_idx ON follow_ups (org_id, submission_id) WHERE submission_id IS NOT NULL;
-- The owned-follow-up sweep reads open non-outcome rows with an owner by their next step.
CREATE INDEX follow_ups_owned_next_action_idx ON follow_ups (next_action_at)
  WHERE status = 'open' AND kind <> 'outcome' AND owner_id IS NOT NULL;

-- A contact with a client contact, logged by a member. Every one sets the next contact or says
-- why there is none.
CREATE TABLE client_contact_logs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations (id),
  contact_id uuid NOT NULL,
  submission_id uuid,
  member_id uuid NOT NULL,
  channel text NOT NULL CHECK (channel IN ('email', 'phone', 'in_person', 'sms')),
  direction text NOT NULL CHECK (direction IN ('inbound', 'outbound')),
  summary text NOT NULL,
  occurred_at timestamptz NOT NULL,
  next_contact_at timestamptz,
  no_next_contact_reason text,
  next_follow_up_id uuid,
  created_at timestamptz NOT NULL,
  UNIQUE (org_id, id),
  FOREIGN KEY (org_id, contact_id) REFERENCES client_contacts (org_id, id),
  FOREIGN KEY (org_id, submission_id) REFERENCES submissions (org_id, id),
  FOREIGN KEY (org_id, member_id) REFERENCES members (org_id, id),
  FOREIGN KEY (org_id, next_follow_up_id) REFERENCES follow_ups (org_id, id),
  CHECK ((next_contact_at IS NULL) <> (no_next_contact_reason IS NULL))
);
CREATE INDEX client_contact_logs_contact_idx ON client_contact_logs (org_id, contact_id, occurred_at);

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['clients', 'client_contacts', 'submissions', 'client_contact_logs']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (app_is_system() OR org_id = app_org_id())
                    WITH CHECK (app_is_system() OR org_id = app_org_id())', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO hearback_app, hearback_system', t);
  END LOOP;
END
$$;
-- Interviewers see no agency records (they see only the applications they interview).
CREATE POLICY interviewer_scope ON clients AS RESTRICTIVE
  USING (app_is_system() OR app_member_role() IS DISTINCT FROM 'interviewer');
CREATE POLICY interviewer_scope ON client_contacts AS RESTRICTIVE
  USING (app_is_system() OR app_member_role() IS DISTINCT FROM 'interviewer');
CREATE POLICY interviewer_scope ON submissions AS RESTRICTIVE
  USING (app_is_system() OR app_member_role() IS DISTINCT FROM 'interviewer');
CREATE POLICY interviewer_scope ON client_contact_logs AS RESTRICTIVE
  USING (app_is_system() OR app_member_role() IS DISTINCT FROM 'interviewer');
