-- Hearback core schema: organizations (tenants) and everything that hangs off them.
-- Every tenant table carries org_id, and every reference between tenant rows is a composite
-- foreign key on (org_id, id): a row can never point into another organization, whatever the
-- application code does. Timestamps come from the application's injected clock, not now().

CREATE TABLE organizations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  -- Validated by PolicySchema in the application; see src/domain/policy.ts.
  policy jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL
);

CREATE TABLE api_tokens (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations (id),
  name text NOT NULL,
  -- SHA-256 of the token; the token itself is shown once and never stored.
  token_hash text NOT NULL UNIQUE,
  scopes text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL,
  last_used_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX api_tokens_org_idx ON api_tokens (org_id);

CREATE TABLE members (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations (id),
  email text NOT NULL,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'recruiter', 'hiring_manager', 'interviewer')),
  time_zone text,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (org_id, id)
);
CREATE UNIQUE INDEX members_email_idx ON members (org_id, lower(email));

CREATE TABLE jobs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations (id),
  title text NOT NULL,
  role_kind text NOT NULL CHECK (role_kind IN ('sales', 'client_facing', 'technical', 'other')),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'on_hold', 'closed', 'filled')),
  hiring_manager_id uuid,
  recruiter_id uuid,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (org_id, id),
  FOREIGN KEY (org_id, hiring_manager_id) REFERENCES members (org_id, id),
  FOREIGN KEY (org_id, recruiter_id) REFERENCES members (org_id, id)
);
CREATE INDEX jobs_org_created_idx ON jobs (org_id, created_at, id);

CREATE TABLE candidates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations (id),
  name text NOT NULL,
  email text,
  phone text,
  time_zone text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (org_id, id)
);
CREATE UNIQUE INDEX candidates_email_idx ON candidates (org_id, lower(email)) WHERE email IS NOT NULL;
CREATE INDEX candidates_org_created_idx ON candidates (org_id, created_at, id);

CREATE TABLE applications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations (id),
  job_id uuid NOT NULL,
  candidate_id uuid NOT NULL,
  stage text NOT NULL DEFAULT 'applied',
  status text NOT NULL DEFAULT 'active'
    CHECK (status IN ('active', 'on_hold', 'offered', 'hired', 'rejected', 'withdrawn')),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (org_id, id),
  UNIQUE (org_id, job_id, candidate_id),
  FOREIGN KEY (org_id, job_id) REFERENCES jobs (org_id, id),
  FOREIGN KEY (org_id, candidate_id) REFERENCES candidates (org_id, id)
);
CREATE INDEX applications_candidate_idx ON applications (org_id, candidate_id);
CREATE INDEX applications_org_created_idx ON applications (org_id, created_at, id);

CREATE TABLE interviews (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations (id),
  application_id uuid NOT NULL,
  title text NOT NULL,
  scheduled_at timestamptz,
  ends_at timestamptz,
  closed_at timestamptz,
  -- The promise captured at close: what was said, what it resolved to, who owns it, and how.
  promise_statement text,
  promise_due_at timestamptz,
  promise_owner_id uuid,
  promise_resolution text CHECK (promise_resolution IN ('explicit', 'parsed', 'policy_default')),
  promise_rule text,
  promise_warnings text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL,
  UNIQUE (org_id, id),
  FOREIGN KEY (org_id, application_id) REFERENCES applications (org_id, id),
  FOREIGN KEY (org_id, promise_owner_id) REFERENCES members (org_id, id),
  CHECK ((closed_at IS NULL) = (promise_due_at IS NULL))
);
CREATE INDEX interviews_application_idx ON interviews (org_id, application_id);

CREATE TABLE interview_interviewers (
  org_id uuid NOT NULL,
  interview_id uuid NOT NULL,
  member_id uuid NOT NULL,
  PRIMARY KEY (org_id, interview_id, member_id),
  FOREIGN KEY (org_id, interview_id) REFERENCES interviews (org_id, id),
  FOREIGN KEY (org_id, member_id) REFERENCES members (org_id, id)
);
CREATE INDEX interview_interviewers_member_idx ON interview_interviewers (org_id, member_id);

CREATE TABLE feedback (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations (id),
  interview_id uuid NOT NULL,
  interviewer_id uuid NOT NULL,
  recommendation text NOT NULL CHECK (recommendation IN ('strong_yes', 'yes', 'no', 'strong_no')),
  ratings jsonb NOT NULL DEFAULT '{}'::jsonb,
  notes text NOT NULL DEFAULT '',
  submitted_at timestamptz NOT NULL,
  UNIQUE (org_id, id),
  UNIQUE (org_id, interview_id, interviewer_id),
  FOREIGN KEY (org_id, interview_id) REFERENCES interviews (org_id, id),
  FOREIGN KEY (org_id, interviewer_id) REFERENCES members (org_id, id)
);

CREATE TABLE decisions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations (id),
  application_id uuid NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('advance', 'reject', 'hold', 'offer')),
  reasons jsonb NOT NULL DEFAULT '[]'::jsonb,
  notes text NOT NULL DEFAULT '',
  decided_by uuid NOT NULL,
  decided_at timestamptz NOT NULL,
  UNIQUE (org_id, id),
  FOREIGN KEY (org_id, application_id) REFERENCES applications (org_id, id),
  FOREIGN KEY (org_id, decided_by) REFERENCES members (org_id, id)
);
CREATE INDEX decisions_application_idx ON decisions (org_id, application_id, decided_at);

CREATE TABLE touchpoints (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations (id),
  application_id uuid NOT NULL,
  direction text NOT NULL CHECK (direction IN ('inbound', 'outbound')),
  channel text NOT NULL CHECK (channel IN ('email', 'phone', 'in_person', 'letter', 'sms', 'portal')),
  kind text NOT NULL,
  from_party text NOT NULL CHECK (from_party IN ('team', 'candidate', 'recruiter', 'client')),
  to_party text NOT NULL CHECK (to_party IN ('team', 'candidate', 'recruiter', 'client')),
  -- For calls: did it reach the person? A voicemail is a touchpoint that closes nothing.
  connected boolean NOT NULL,
  member_id uuid,
  occurred_at timestamptz NOT NULL,
  summary text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL,
  UNIQUE (org_id, id),
  FOREIGN KEY (org_id, application_id) REFERENCES applications (org_id, id),
  FOREIGN KEY (org_id, member_id) REFERENCES members (org_id, id),
  CHECK (from_party <> to_party)
);
CREATE INDEX touchpoints_application_idx ON touchpoints (org_id, application_id, occurred_at);

CREATE TABLE follow_ups (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations (id),
  application_id uuid NOT NULL,
  interview_id uuid,
  kind text NOT NULL CHECK (kind IN ('outcome', 'update', 'feedback_due', 'thank_you', 'check_in',
                                     'debrief', 'client_feedback', 'client_update')),
  owed_by text NOT NULL CHECK (owed_by IN ('team', 'candidate', 'recruiter', 'client')),
  owed_to text NOT NULL CHECK (owed_to IN ('team', 'candidate', 'recruiter', 'client')),
  owner_id uuid,
  due_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
  done_at timestamptz,
  done_by_touchpoint_id uuid,
  cancel_reason text,
  superseded_by_id uuid,
  escalation_level integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (org_id, id),
  FOREIGN KEY (org_id, application_id) REFERENCES applications (org_id, id),
  FOREIGN KEY (org_id, interview_id) REFERENCES interviews (org_id, id),
  FOREIGN KEY (org_id, owner_id) REFERENCES members (org_id, id),
  FOREIGN KEY (org_id, done_by_touchpoint_id) REFERENCES touchpoints (org_id, id),
  FOREIGN KEY (org_id, superseded_by_id) REFERENCES follow_ups (org_id, id),
  CHECK (owed_by <> owed_to),
  -- Whatever the team owes has a named owner (principle 2).
  CHECK (owed_by <> 'team' OR owner_id IS NOT NULL),
  CHECK ((status = 'done') = (done_at IS NOT NULL))
);
-- Principle: one open outcome promise per application; a new promise supersedes the old one.
CREATE UNIQUE INDEX follow_ups_one_open_outcome_idx
  ON follow_ups (org_id, application_id) WHERE kind = 'outcome' AND status = 'open';
-- The worker's sweep and the home view both read open rows by due time.
CREATE INDEX follow_ups_open_due_idx ON follow_ups (due_at) WHERE status = 'open';
CREATE INDEX follow_ups_owner_due_idx ON follow_ups (org_id, owner_id, due_at) WHERE status = 'open';
CREATE INDEX follow_ups_org_due_idx ON follow_ups (org_id, due_at, id);
CREATE INDEX follow_ups_application_idx ON follow_ups (org_id, application_id);

-- Idempotency-Key on creates: the first request's response is replayed for retries.
CREATE TABLE idempotency_keys (
  org_id uuid NOT NULL REFERENCES organizations (id),
  key text NOT NULL,
  request_hash text NOT NULL,
  status_code integer,
  response jsonb,
  -- While a request runs, the key is locked until this time; a crashed request's lock expires.
  locked_until timestamptz,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, key)
);
