-- Single sign-on with OpenID Connect (#14 item 11), per organization.
--
-- sso_configs      the organization's identity provider (issuer, client id, client secret), the role
--                  a first sign-in joins at, and whether passwords and emailed sign-in links still
--                  work. The client secret is a credential: no API answer and no export carries it.
-- sso_domains      the email domains that sign in through the organization's provider. A domain
--                  belongs to one organization at most, so an address finds its provider.
-- sso_logins       sign-ins in progress: the hash of the state sent to the provider, the PKCE verifier,
--                  the nonce, and the hash of a cookie binding it to the browser that started it. Used
--                  once, gone after ten minutes.
-- members.sso_signed_in_at  the last time a member signed in through the provider: an admin may
--                  turn passwords or links off only after proving the provider lets them in.
CREATE TABLE sso_configs (
  org_id uuid PRIMARY KEY REFERENCES organizations (id),
  issuer text NOT NULL,
  client_id text NOT NULL,
  client_secret text NOT NULL,
  jit_role text CHECK (jit_role IN ('admin', 'recruiter', 'hiring_manager', 'interviewer')),
  passwords_enabled boolean NOT NULL DEFAULT true,
  sign_in_links_enabled boolean NOT NULL DEFAULT true,
  connection_changed_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

CREATE TABLE sso_domains (
  domain text PRIMARY KEY CHECK (domain = lower(domain)),
  org_id uuid NOT NULL REFERENCES sso_configs (org_id) ON DELETE CASCADE
);
CREATE INDEX sso_domains_org_idx ON sso_domains (org_id);

CREATE TABLE sso_logins (
  state_hash text PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES organizations (id),
  browser_hash text NOT NULL,
  code_verifier text NOT NULL,
  nonce text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX sso_logins_expires_idx ON sso_logins (expires_at);

ALTER TABLE members ADD COLUMN sso_signed_in_at timestamptz;

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['sso_configs', 'sso_domains', 'sso_logins'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (app_is_system() OR org_id = app_org_id())
                    WITH CHECK (app_is_system() OR org_id = app_org_id())', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO hearback_app, hearback_system', t);
  END LOOP;
END
$$;
