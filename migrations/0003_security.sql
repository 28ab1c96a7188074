-- Accounts and tenant isolation in the database itself.
--
-- Two roles, both NOLOGIN and granted to the user that runs migrations:
--   hearback_app     every request and every tenant-scoped piece of work runs as this role, with
--                    the tenant in the transaction-local setting app.org_id. It owns no table and
--                    cannot bypass row-level security; with app.org_id unset it sees nothing.
--   hearback_system  the few cross-tenant operations (claiming due work across organizations,
--                    looking up a token or session by its hash) run as this role; the policies
--                    name it explicitly, so each such query is a deliberate act in the code.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'hearback_app') THEN
    CREATE ROLE hearback_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'hearback_system') THEN
    CREATE ROLE hearback_system NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL; -- another database of the same cluster created them at the same moment
END
$$;
GRANT hearback_app TO CURRENT_USER;
GRANT hearback_system TO CURRENT_USER;

-- Sign-in ----------------------------------------------------------------------------------
ALTER TABLE members ADD COLUMN password_hash text;
ALTER TABLE members ADD COLUMN password_changed_at timestamptz;

CREATE TABLE sessions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations (id),
  member_id uuid NOT NULL,
  -- SHA-256 of the cookie value; the value itself is never stored.
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  revoke_reason text,
  user_agent text NOT NULL DEFAULT '',
  FOREIGN KEY (org_id, member_id) REFERENCES members (org_id, id)
);
CREATE INDEX sessions_member_idx ON sessions (org_id, member_id) WHERE revoked_at IS NULL;

-- Single-use links: magic sign-in links and invitations.
CREATE TABLE login_tokens (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations (id),
  member_id uuid NOT NULL,
  purpose text NOT NULL CHECK (purpose IN ('magic_link', 'invite')),
  token_hash text NOT NULL UNIQUE,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  created_at timestamptz NOT NULL,
  FOREIGN KEY (org_id, member_id) REFERENCES members (org_id, id)
);

-- Append-only record of security-relevant acts. The application role may insert and read, never
-- change or remove.
CREATE TABLE audit_log (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations (id),
  at timestamptz NOT NULL,
  actor_type text NOT NULL CHECK (actor_type IN ('member', 'api_token', 'system', 'anonymous')),
  actor_id uuid,
  action text NOT NULL,
  target_type text,
  target_id uuid,
  data jsonb NOT NULL DEFAULT '{}'::jsonb,
  ip text
);
CREATE INDEX audit_log_org_at_idx ON audit_log (org_id, at);

ALTER TABLE messages DROP CONSTRAINT messages_kind_check;
ALTER TABLE messages ADD CONSTRAINT messages_kind_check CHECK (kind IN (
  'outcome', 'update', 'reminder', 'escalation', 'digest', 'job_closed', 'status_link', 'failure_alert',
  'sign_in', 'invite'));

-- Who is asking: set per transaction by the application (see src/db/db.ts).
CREATE FUNCTION app_org_id() RETURNS uuid LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.org_id', true), '')::uuid $$;
CREATE FUNCTION app_member_id() RETURNS uuid LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.member_id', true), '')::uuid $$;
CREATE FUNCTION app_member_role() RETURNS text LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.member_role', true), '') $$;
CREATE FUNCTION app_is_system() RETURNS boolean LANGUAGE sql STABLE
  AS $$ SELECT current_user = 'hearback_system' $$;

-- Does the signed-in interviewer interview this application / candidate? Security definer (as
-- hearback_system) so the lookup itself is not filtered by the policies that call it.
CREATE FUNCTION app_interviews_application(application uuid) RETURNS boolean LANGUAGE sql STABLE
  SECURITY DEFINER SET search_path = public
  AS $$
    SELECT EXISTS (
      SELECT 1 FROM interviews i
        JOIN interview_interviewers ii ON ii.org_id = i.org_id AND ii.interview_id = i.id
       WHERE i.org_id = app_org_id() AND i.application_id = application AND ii.member_id = app_member_id())
  $$;
CREATE FUNCTION app_interviews_candidate(candidate uuid) RETURNS boolean LANGUAGE sql STABLE
  SECURITY DEFINER SET search_path = public
  AS $$
    SELECT EXISTS (
      SELECT 1 FROM applications a
       WHERE a.org_id = app_org_id() AND a.candidate_id = candidate AND app_interviews_application(a.id))
  $$;
ALTER FUNCTION app_interviews_application(uuid) OWNER TO hearback_system;
ALTER FUNCTION app_interviews_candidate(uuid) OWNER TO hearback_system;

-- Row-level security on every tenant table: enabled, forced (applies to the owner too), and
-- failing closed: with no tenant set, app_org_id() is null and no row matches.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['api_tokens', 'members', 'jobs', 'candidates', 'applications', 'interviews',
    'interview_interviewers', 'feedback', 'decisions', 'touchpoints', 'follow_ups', 'idempotency_keys',
    'templates', 'messages', 'events', 'digests', 'dev_mailbox', 'sessions', 'login_tokens', 'audit_log']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (app_is_system() OR org_id = app_org_id())
                    WITH CHECK (app_is_system() OR org_id = app_org_id())', t);
  END LOOP;
END
$$;
ALTER TABLE organizations ENABLE ROW LEVEL SECURITY;
ALTER TABLE organizations FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON organizations USING (app_is_system() OR id = app_org_id())
  WITH CHECK (app_is_system() OR id = app_org_id());

-- Interviewers see only the applications they interview (and those candidates, interviews,
-- follow-ups and touchpoints), only their own feedback, and no decisions, messages or events.
CREATE POLICY interviewer_scope ON applications AS RESTRICTIVE
  USING (app_is_system() OR app_member_role() IS DISTINCT FROM 'interviewer' OR app_interviews_application(id));
CREATE POLICY interviewer_scope ON candidates AS RESTRICTIVE
  USING (app_is_system() OR app_member_role() IS DISTINCT FROM 'interviewer' OR app_interviews_candidate(id));
CREATE POLICY interviewer_scope ON interviews AS RESTRICTIVE
  USING (app_is_system() OR app_member_role() IS DISTINCT FROM 'interviewer'
         OR app_interviews_application(application_id));
CREATE POLICY interviewer_scope ON follow_ups AS RESTRICTIVE
  USING (app_is_system() OR app_member_role() IS DISTINCT FROM 'interviewer'
         OR app_interviews_application(application_id));
CREATE POLICY interviewer_scope ON touchpoints AS RESTRICTIVE
  USING (app_is_system() OR app_member_role() IS DISTINCT FROM 'interviewer'
         OR app_interviews_application(application_id));
CREATE POLICY interviewer_scope ON feedback AS RESTRICTIVE
  USING (app_is_system() OR app_member_role() IS DISTINCT FROM 'interviewer' OR interviewer_id = app_member_id())
  WITH CHECK (app_is_system() OR app_member_role() IS DISTINCT FROM 'interviewer' OR interviewer_id = app_member_id());
CREATE POLICY interviewer_scope ON decisions AS RESTRICTIVE
  USING (app_is_system() OR app_member_role() IS DISTINCT FROM 'interviewer');
CREATE POLICY interviewer_scope ON messages AS RESTRICTIVE
  USING (app_is_system() OR app_member_role() IS DISTINCT FROM 'interviewer');
CREATE POLICY interviewer_scope ON events AS RESTRICTIVE
  USING (app_is_system() OR app_member_role() IS DISTINCT FROM 'interviewer');

-- Privileges: both roles use the tables; neither owns one. The audit log is append-only.
GRANT USAGE ON SCHEMA public TO hearback_app, hearback_system;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO hearback_app, hearback_system;
REVOKE ALL ON schema_migrations FROM hearback_app, hearback_system;
REVOKE UPDATE, DELETE ON audit_log FROM hearback_app, hearback_system;
GRANT EXECUTE ON FUNCTION app_org_id(), app_member_id(), app_member_role(), app_is_system(),
  app_interviews_application(uuid), app_interviews_candidate(uuid) TO hearback_app, hearback_system;
