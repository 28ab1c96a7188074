import type { Queryable } from '../db/db.ts';
import type { MemberRole } from '../domain/model.ts';
import type { SsoConfig } from '../domain/sso.ts';

interface SsoConfigRow {
  org_id: string;
  issuer: string;
  client_id: string;
  client_secret: string;
  jit_role: MemberRole | null;
  passwords_enabled: boolean;
  sign_in_links_enabled: boolean;
  connection_changed_at: Date;
  created_at: Date;
  updated_at: Date;
  domains: string[] | null;
}

const toConfig = (r: SsoConfigRow): SsoConfig => ({
  orgId: r.org_id,
  issuer: r.issuer,
  clientId: r.client_id,
  clientSecret: r.client_secret,
  emailDomains: [...(r.domains ?? [])].sort(),
  jitRole: r.jit_role,
  passwordsEnabled: r.passwords_enabled,
  signInLinksEnabled: r.sign_in_links_enabled,
  connectionChangedAt: r.connection_changed_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const SELECT = `SELECT c.*, (SELECT array_agg(d.domain) FROM sso_domains d WHERE d.org_id = c.org_id) AS domains
                  FROM sso_configs c`;

/** The organization's single sign-on settings, or null. */
export async function findSsoConfig(q: Queryable, orgId: string): Promise<SsoConfig | null> {
  const [row] = await q.query<SsoConfigRow>(`${SELECT} WHERE c.org_id = $1`, [orgId]);
  return row ? toConfig(row) : null;
}

/** The settings of the organization that claims this email domain (system role: any organization). */
export async function findSsoConfigByDomain(q: Queryable, domain: string): Promise<SsoConfig | null> {
  const [row] = await q.query<SsoConfigRow>(
    `${SELECT} WHERE c.org_id = (SELECT org_id FROM sso_domains WHERE domain = $1)`,
    [domain],
  );
  return row ? toConfig(row) : null;
}

/** The sign-in switches of these organizations (those without single sign-on are left out). */
export async function listSignInSwitches(
  q: Queryable,
  orgIds: string[],
): Promise<Map<string, { passwordsEnabled: boolean; signInLinksEnabled: boolean }>> {
  if (orgIds.length === 0) return new Map();
  const rows = await q.query<{ org_id: string; passwords_enabled: boolean; sign_in_links_enabled: boolean }>(
    `SELECT org_id, passwords_enabled, sign_in_links_enabled FROM sso_configs WHERE org_id = ANY($1::uuid[])`,
    [orgIds],
  );
  return new Map(
    rows.map((r) => [
      r.org_id,
      { passwordsEnabled: r.passwords_enabled, signInLinksEnabled: r.sign_in_links_enabled },
    ]),
  );
}

/** Insert or replace the settings, and replace the domains (a domain of another organization: unique violation). */
export async function upsertSsoConfig(q: Queryable, c: SsoConfig): Promise<void> {
  await q.query(
    `INSERT INTO sso_configs (org_id, issuer, client_id, client_secret, jit_role, passwords_enabled,
                              sign_in_links_enabled, connection_changed_at, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (org_id) DO UPDATE SET issuer = $2, client_id = $3, client_secret = $4, jit_role = $5,
       passwords_enabled = $6, sign_in_links_enabled = $7, connection_changed_at = $8, updated_at = $10`,
    [
      c.orgId,
      c.issuer,
      c.clientId,
      c.clientSecret,
      c.jitRole,
      c.passwordsEnabled,
      c.signInLinksEnabled,
      c.connectionChangedAt,
      c.createdAt,
      c.updatedAt,
    ],
  );
  await q.query(`DELETE FROM sso_domains WHERE org_id = $1`, [c.orgId]);
  for (const domain of c.emailDomains) {
    await q.query(`INSERT INTO sso_domains (domain, org_id) VALUES ($1, $2)`, [domain, c.orgId]);
  }
}

/** Remove the settings and their domains. Returns whether there were any. */
export async function deleteSsoConfig(q: Queryable, orgId: string): Promise<boolean> {
  await q.query(`DELETE FROM sso_domains WHERE org_id = $1`, [orgId]);
  await q.query(`DELETE FROM sso_logins WHERE org_id = $1`, [orgId]);
  const rows = await q.query(`DELETE FROM sso_configs WHERE org_id = $1 RETURNING org_id`, [orgId]);
  return rows.length > 0;
}

/** A sign-in in progress. */
export interface SsoLogin {
  orgId: string;
  browserHash: string;
  codeVerifier: string;
  nonce: string;
  expiresAt: Date;
}

/** Store a sign-in in progress, and forget the organization's expired ones. */
export async function insertSsoLogin(
  q: Queryable,
  l: SsoLogin & { stateHash: string; createdAt: Date },
): Promise<void> {
  await q.query(`DELETE FROM sso_logins WHERE org_id = $1 AND expires_at <= $2`, [l.orgId, l.createdAt]);
  await q.query(
    `INSERT INTO sso_logins (state_hash, org_id, browser_hash, code_verifier, nonce, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [l.stateHash, l.orgId, l.browserHash, l.codeVerifier, l.nonce, l.createdAt, l.expiresAt],
  );
}

/** Take a sign-in in progress by its state's hash: it is deleted, so a state works once (system role). */
export async function takeSsoLogin(q: Queryable, stateHash: string): Promise<SsoLogin | null> {
  const [row] = await q.query<{
    org_id: string;
    browser_hash: string;
    code_verifier: string;
    nonce: string;
    expires_at: Date;
  }>(`DELETE FROM sso_logins WHERE state_hash = $1 RETURNING *`, [stateHash]);
  return row
    ? {
        orgId: row.org_id,
        browserHash: row.browser_hash,
        codeVerifier: row.code_verifier,
        nonce: row.nonce,
        expiresAt: row.expires_at,
      }
    : null;
}

/** The member with this email in the organization, active or not (case-insensitive). */
export async function findMemberIdByEmail(
  q: Queryable,
  orgId: string,
  email: string,
): Promise<{ id: string; active: boolean } | null> {
  const [row] = await q.query<{ id: string; active: boolean }>(
    `SELECT id, active FROM members WHERE org_id = $1 AND lower(email) = lower($2)`,
    [orgId, email],
  );
  return row ?? null;
}

/** Record a sign-in through the provider. */
export async function markSsoSignIn(q: Queryable, orgId: string, memberId: string, at: Date): Promise<void> {
  await q.query(`UPDATE members SET sso_signed_in_at = $3 WHERE org_id = $1 AND id = $2`, [
    orgId,
    memberId,
    at,
  ]);
}

/** When the member last signed in through the provider. */
export async function findSsoSignedInAt(q: Queryable, orgId: string, memberId: string): Promise<Date | null> {
  const [row] = await q.query<{ sso_signed_in_at: Date | null }>(
    `SELECT sso_signed_in_at FROM members WHERE org_id = $1 AND id = $2`,
    [orgId, memberId],
  );
  return row?.sso_signed_in_at ?? null;
}
