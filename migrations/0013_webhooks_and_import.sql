-- Connected (issue 18), part 2: webhooks and chat notifications out, CSV import in.

-- An endpoint an admin registered: a signed webhook, or a Slack / Microsoft Teams incoming
-- webhook for one member (member_id) or the whole team (NULL).
CREATE TABLE webhook_endpoints (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations (id),
  kind text NOT NULL CHECK (kind IN ('webhook', 'slack', 'teams')),
  url text NOT NULL,
  description text NOT NULL DEFAULT '',
  events text[] NOT NULL,
  -- HMAC-SHA256 key of a webhook (shown once at creation; needed to sign, so kept as is).
  secret text,
  member_id uuid,
  active boolean NOT NULL DEFAULT true,
  disabled_at timestamptz,
  disabled_reason text,
  consecutive_failures integer NOT NULL DEFAULT 0,
  created_by uuid,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (org_id, id),
  FOREIGN KEY (org_id, member_id) REFERENCES members (org_id, id),
  FOREIGN KEY (org_id, created_by) REFERENCES members (org_id, id),
  CHECK ((kind = 'webhook') = (secret IS NOT NULL))
);

-- The durable outbox of deliveries: written in the same transaction as the event, claimed with
-- FOR UPDATE SKIP LOCKED and a lease, retried with backoff.
CREATE TABLE webhook_deliveries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations (id),
  endpoint_id uuid NOT NULL,
  -- One event fans out to many endpoints; receivers de-duplicate on it.
  event_id uuid NOT NULL,
  event_type text NOT NULL,
  payload jsonb NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'delivering', 'delivered', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  lease_until timestamptz,
  last_status_code integer,
  last_error text,
  delivered_at timestamptz,
  replay_of uuid,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (org_id, id),
  FOREIGN KEY (org_id, endpoint_id) REFERENCES webhook_endpoints (org_id, id)
);
CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_lease_idx ON webhook_deliveries (lease_until) WHERE status = 'delivering';
CREATE INDEX webhook_deliveries_endpoint_idx ON webhook_deliveries (org_id, endpoint_id, created_at, id);

-- The delivery log: every attempt with its response code.
CREATE TABLE webhook_attempts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations (id),
  delivery_id uuid NOT NULL,
  attempt integer NOT NULL,
  status_code integer,
  error text,
  duration_ms integer NOT NULL,
  at timestamptz NOT NULL,
  FOREIGN KEY (org_id, delivery_id) REFERENCES webhook_deliveries (org_id, id)
);
CREATE INDEX webhook_attempts_delivery_idx ON webhook_attempts (org_id, delivery_id, at);

-- Import: the id a record has in the system it came from, so a re-run updates, never duplicates.
ALTER TABLE jobs ADD COLUMN external_id text;
ALTER TABLE candidates ADD COLUMN external_id text;
ALTER TABLE applications ADD COLUMN external_id text;
ALTER TABLE interviews ADD COLUMN external_id text;
CREATE UNIQUE INDEX jobs_external_idx ON jobs (org_id, external_id) WHERE external_id IS NOT NULL;
CREATE UNIQUE INDEX candidates_external_idx ON candidates (org_id, external_id) WHERE external_id IS NOT NULL;
CREATE UNIQUE INDEX applications_external_idx ON applications (org_id, external_id) WHERE external_id IS NOT NULL;
CREATE UNIQUE INDEX interviews_external_idx ON interviews (org_id, external_id) WHERE external_id IS NOT NULL;

-- One import of one file: its mapping, progress, and the rows it refused (with line numbers).
CREATE TABLE import_runs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations (id),
  file_name text NOT NULL,
  mapping jsonb NOT NULL,
  status text NOT NULL CHECK (status IN ('running', 'done', 'failed')),
  rows_total integer NOT NULL DEFAULT 0,
  rows_done integer NOT NULL DEFAULT 0,
  rows_imported integer NOT NULL DEFAULT 0,
  rows_rejected integer NOT NULL DEFAULT 0,
  created jsonb NOT NULL DEFAULT '{}'::jsonb,
  errors jsonb NOT NULL DEFAULT '[]'::jsonb,
  rejected_csv text NOT NULL DEFAULT '',
  error text,
  created_by uuid,
  created_at timestamptz NOT NULL,
  finished_at timestamptz,
  UNIQUE (org_id, id),
  FOREIGN KEY (org_id, created_by) REFERENCES members (org_id, id)
);
CREATE INDEX import_runs_org_idx ON import_runs (org_id, created_at, id);

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['webhook_endpoints', 'webhook_deliveries', 'webhook_attempts', 'import_runs'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (app_is_system() OR org_id = app_org_id())
                    WITH CHECK (app_is_system() OR org_id = app_org_id())', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO hearback_app, hearback_system', t);
  END LOOP;
END
$$;
