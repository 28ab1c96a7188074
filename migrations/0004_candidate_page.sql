-- The candidate's private status page: links, sessions, ratings, erasure.

-- One link per message (each email carries its own), stored hashed; revoking the application's
-- links ends every session opened with them.
CREATE TABLE status_links (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations (id),
  application_id uuid NOT NULL,
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL,
  revoked_at timestamptz,
  UNIQUE (org_id, id),
  FOREIGN KEY (org_id, application_id) REFERENCES applications (org_id, id)
);
CREATE INDEX status_links_application_idx ON status_links (org_id, application_id);

-- The cookie a link is exchanged for, so the token leaves the address bar at once.
CREATE TABLE candidate_sessions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations (id),
  status_link_id uuid NOT NULL,
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL,
  FOREIGN KEY (org_id, status_link_id) REFERENCES status_links (org_id, id)
);

CREATE TABLE candidate_ratings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations (id),
  application_id uuid NOT NULL,
  rating integer NOT NULL CHECK (rating BETWEEN 1 AND 5),
  comment text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL,
  UNIQUE (org_id, application_id),
  FOREIGN KEY (org_id, application_id) REFERENCES applications (org_id, id)
);

ALTER TABLE applications ADD COLUMN interest_confirmed_at timestamptz;
-- Erasure: done at once, or scheduled when a legal hold applies.
ALTER TABLE candidates ADD COLUMN erased_at timestamptz;
ALTER TABLE candidates ADD COLUMN erase_after timestamptz;

ALTER TABLE messages DROP CONSTRAINT messages_kind_check;
ALTER TABLE messages ADD CONSTRAINT messages_kind_check CHECK (kind IN (
  'outcome', 'update', 'reminder', 'escalation', 'digest', 'job_closed', 'status_link', 'failure_alert',
  'sign_in', 'invite', 'candidate_note'));

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['status_links', 'candidate_sessions', 'candidate_ratings'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (app_is_system() OR org_id = app_org_id())
                    WITH CHECK (app_is_system() OR org_id = app_org_id())', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO hearback_app, hearback_system', t);
  END LOOP;
END
$$;
