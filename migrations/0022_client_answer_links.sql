-- Issue #16, items 7 and 9: the client answers a submission through a private link, with no
-- account; and no candidate is submitted twice to a client inside the client's ownership window
-- or after declaring that another agency already submitted them there.

-- One link per submission email, stored hashed. The link's page answers only its submission; it
-- is used once, expires, and the recruiter can revoke it.
CREATE TABLE client_answer_links (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations (id),
  submission_id uuid NOT NULL,
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  -- When the client answered through it (a link answers once).
  used_at timestamptz,
  UNIQUE (org_id, id),
  FOREIGN KEY (org_id, submission_id) REFERENCES submissions (org_id, id),
  CHECK (expires_at > created_at)
);
CREATE INDEX client_answer_links_submission_idx ON client_answer_links (org_id, submission_id);

-- How long a submission to a client keeps the candidate the agency's there (calendar days): a
-- second submission inside it is refused, after it the earlier one is history.
ALTER TABLE clients ADD COLUMN ownership_days integer NOT NULL DEFAULT 180
  CHECK (ownership_days BETWEEN 1 AND 1095);
-- A candidate may now be submitted to a client again after the window: the service refuses a
-- double inside it, serialized by a lock on the client row.
DROP INDEX submissions_once_per_client_idx;
CREATE INDEX submissions_client_candidate_idx ON submissions (org_id, client_id, candidate_id, submitted_at);

-- The candidate's word that another agency already submitted them to this client.
CREATE TABLE candidate_client_declarations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations (id),
  candidate_id uuid NOT NULL,
  client_id uuid NOT NULL,
  other_agency text NOT NULL DEFAULT '' CHECK (length(other_agency) <= 200),
  submitted_on date,
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 1000),
  recorded_by uuid NOT NULL,
  created_at timestamptz NOT NULL,
  UNIQUE (org_id, id),
  UNIQUE (org_id, candidate_id, client_id),
  FOREIGN KEY (org_id, candidate_id) REFERENCES candidates (org_id, id),
  FOREIGN KEY (org_id, client_id) REFERENCES clients (org_id, id),
  FOREIGN KEY (org_id, recorded_by) REFERENCES members (org_id, id)
);

-- The submission email to the client contact.
ALTER TABLE messages DROP CONSTRAINT messages_kind_check;
ALTER TABLE messages ADD CONSTRAINT messages_kind_check CHECK (kind IN (
  'outcome', 'update', 'reminder', 'escalation', 'digest', 'job_closed', 'status_link', 'failure_alert',
  'sign_in', 'invite', 'candidate_note', 'invitation', 'reply_notice', 'pool_invite', 'written_promise',
  'client_submission'));

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['client_answer_links', 'candidate_client_declarations'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (app_is_system() OR org_id = app_org_id())
                    WITH CHECK (app_is_system() OR org_id = app_org_id())', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO hearback_app, hearback_system', t);
    EXECUTE format('CREATE POLICY interviewer_scope ON %I AS RESTRICTIVE
                    USING (app_is_system() OR app_member_role() IS DISTINCT FROM ''interviewer'')', t);
  END LOOP;
END
$$;
