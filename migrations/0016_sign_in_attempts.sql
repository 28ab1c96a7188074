-- Failed sign-ins, counted per key and shared by every process (src/domain/sign-in-backoff.ts):
-- the account from one address, one address over every account, the account from everywhere.
-- A key is a SHA-256 digest of its scope, the lower-cased email and the address, so no email or
-- address is stored here; a quiet day forgets it (the worker deletes it).
CREATE TABLE sign_in_attempts (
  key text PRIMARY KEY,
  failures integer NOT NULL CHECK (failures > 0),
  last_failure_at timestamptz NOT NULL,
  blocked_until timestamptz
);
CREATE INDEX sign_in_attempts_last_failure_idx ON sign_in_attempts (last_failure_at);

-- Deployment-wide, not a tenant's: the system role alone reads and writes it.
ALTER TABLE sign_in_attempts ENABLE ROW LEVEL SECURITY;
ALTER TABLE sign_in_attempts FORCE ROW LEVEL SECURITY;
CREATE POLICY system_only ON sign_in_attempts USING (app_is_system()) WITH CHECK (app_is_system());
GRANT SELECT, INSERT, UPDATE, DELETE ON sign_in_attempts TO hearback_system;
