-- The actor is always a member (issue #12.5): an API token acts as the member who created it, with
-- the permissions of its scopes AND that member's role, and stops working when the member is
-- deactivated. The audit log names the member and, separately, the token used.

ALTER TABLE api_tokens ADD COLUMN member_id uuid;
ALTER TABLE api_tokens ADD CONSTRAINT api_tokens_member_fkey
  FOREIGN KEY (org_id, member_id) REFERENCES members (org_id, id);
ALTER TABLE audit_log ADD COLUMN api_token_id uuid;

-- Existing tokens: the member who created one, when the audit log names a member; otherwise (the
-- token `hearback org create` printed, or one made with another token) the organization's first
-- active admin. An organization with such tokens and no active admin gets an admin that cannot
-- sign in (no password, an address under the reserved .invalid domain), so its tokens keep
-- working with the power they had; deactivate it once a real admin exists. (Times are cut to
-- milliseconds, as the application writes them, so keyset cursors over created_at stay exact.)
-- A token whose creator has since been deactivated stops working on upgrade, and one whose creator
-- was demoted gets that member's role: the token acts as its member (docs/API.md, API tokens).
-- Row-level security is forced on these tables; the migrating user owns them, so it lifts the
-- force for the backfill and puts it back (all in the migration's one transaction).
ALTER TABLE api_tokens NO FORCE ROW LEVEL SECURITY;
ALTER TABLE audit_log NO FORCE ROW LEVEL SECURITY;
ALTER TABLE members NO FORCE ROW LEVEL SECURITY;
ALTER TABLE organizations NO FORCE ROW LEVEL SECURITY;

UPDATE api_tokens t SET member_id = a.actor_id
  FROM audit_log a
 WHERE a.org_id = t.org_id AND a.action = 'api_token_created' AND a.target_id = t.id
   AND a.actor_type = 'member'
   AND EXISTS (SELECT 1 FROM members m WHERE m.org_id = t.org_id AND m.id = a.actor_id);

INSERT INTO members (org_id, email, name, role, active, created_at, updated_at)
SELECT o.id, 'api-tokens+' || o.id || '@hearback.invalid', 'API tokens (migrated)', 'admin', true,
       date_trunc('milliseconds', now()), date_trunc('milliseconds', now())
  FROM organizations o
 WHERE EXISTS (SELECT 1 FROM api_tokens t WHERE t.org_id = o.id AND t.member_id IS NULL)
   AND NOT EXISTS (SELECT 1 FROM members m WHERE m.org_id = o.id AND m.role = 'admin' AND m.active);

UPDATE api_tokens t SET member_id = (
    SELECT m.id FROM members m
     WHERE m.org_id = t.org_id AND m.role = 'admin' AND m.active
     ORDER BY m.created_at, m.id LIMIT 1)
 WHERE t.member_id IS NULL;

ALTER TABLE api_tokens FORCE ROW LEVEL SECURITY;
ALTER TABLE audit_log FORCE ROW LEVEL SECURITY;
ALTER TABLE members FORCE ROW LEVEL SECURITY;
ALTER TABLE organizations FORCE ROW LEVEL SECURITY;

ALTER TABLE api_tokens ALTER COLUMN member_id SET NOT NULL;
CREATE INDEX api_tokens_member_idx ON api_tokens (org_id, member_id);
