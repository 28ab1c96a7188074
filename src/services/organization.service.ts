import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { TokenScope } from '../domain/permissions.ts';
import {
  DEFAULT_POLICY,
  PolicyPatchSchema,
  PolicyReplaceSchema,
  PolicySchema,
  type Policy,
} from '../domain/policy.ts';
import type { Member, MemberRole, Organization } from '../domain/model.ts';
import { errors } from '../errors.ts';
import {
  findApiTokenByHash,
  insertApiToken,
  listApiTokens as selectApiTokens,
  revokeApiToken as markApiTokenRevoked,
  touchApiToken,
  type ApiTokenRecord,
} from '../repositories/api-token.repository.ts';
import { insertMember } from '../repositories/member.repository.ts';
import { replanFollowUps } from '../repositories/follow-up.repository.ts';
import {
  findOrganization,
  insertOrganization,
  updateOrganizationPolicy,
} from '../repositories/organization.repository.ts';
import { recordAudit } from './audit.service.ts';
import type { Actor, ServiceDeps } from './deps.ts';
import { cachedApiToken, forgetApiToken, rememberApiToken } from './api-token-cache.ts';
import { fetchPage, type Page } from './pagination.ts';

/** Who is calling with a valid token: the member it acts as, and what the token's scopes allow. */
export interface ApiPrincipal {
  orgId: string;
  tokenId: string;
  scopes: string[];
  memberId: string;
  role: MemberRole;
}

const TOKEN_PREFIX = 'hb_';

/** SHA-256 of a token: tokens are 256-bit random, so a fast hash is enough (no dictionary to guess from). */
export function hashApiToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The first admin of a new organization. */
export interface FirstAdmin {
  email: string;
  /** Default: the part of the email before the @. */
  name?: string | undefined;
  timeZone?: string | null | undefined;
}

/**
 * Create an organization with its first admin and a first API token (shown once) that acts as
 * that admin: every token acts as a member, so an organization never starts without one.
 */
export async function createOrganization(
  deps: ServiceDeps,
  input: { name: string; policy?: Partial<Policy> | undefined; admin: FirstAdmin },
): Promise<{ organization: Organization; admin: Member; apiToken: string }> {
  const now = deps.clock.now();
  const policy = PolicySchema.parse(input.policy ?? DEFAULT_POLICY);
  // The id is chosen here so the new organization's own tenant scope can create it.
  const id = randomUUID();
  return deps.db.tenant(id).transaction(async (tx) => {
    const organization = await insertOrganization(tx, { id, name: input.name, policy, createdAt: now });
    const admin = await insertMember(tx, {
      orgId: id,
      email: input.admin.email,
      name: input.admin.name?.trim() || input.admin.email.split('@')[0]!,
      role: 'admin',
      timeZone: input.admin.timeZone ?? null,
      createdAt: now,
    });
    const apiToken = newApiToken();
    await insertApiToken(tx, {
      orgId: organization.id,
      memberId: admin.id,
      name: 'default',
      tokenHash: hashApiToken(apiToken),
      scopes: ['*'],
      createdAt: now,
    });
    return { organization, admin, apiToken };
  });
}

function newApiToken(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/**
 * Issue an API token that acts as `actor`: what it may do is its scopes and the actor's role
 * together, and it stops working if the actor is deactivated.
 */
export async function createApiToken(
  deps: ServiceDeps,
  orgId: string,
  input: { name: string; scopes: TokenScope[] },
  actor: Actor,
): Promise<{ token: string; record: ApiTokenRecord }> {
  const token = newApiToken();
  const now = deps.clock.now();
  const record = await deps.db.tenant(orgId).transaction(async (tx) => {
    const record = await insertApiToken(tx, {
      orgId,
      memberId: actor.memberId,
      name: input.name,
      tokenHash: hashApiToken(token),
      scopes: input.scopes,
      createdAt: now,
    });
    await recordAudit(
      tx,
      orgId,
      now,
      'api_token_created',
      { type: 'api_token', id: record.id },
      { scopes: input.scopes },
    );
    return record;
  });
  return { token, record };
}

/** An organization's API tokens, newest first, a page at a time (never the token or its hash). */
export async function listApiTokensPage(
  deps: ServiceDeps,
  orgId: string,
  query: { cursor?: string | undefined; limit: number },
): Promise<Page<ApiTokenRecord>> {
  return fetchPage(
    query,
    (page) => deps.db.tenant(orgId).transaction((tx) => selectApiTokens(tx, orgId, page)),
    (t) => t.createdAt,
  );
}

/**
 * Revoke an API token: it stops working at once in this process, and within a few seconds in
 * other `serve` processes (see api-token-cache.ts). Revoking a revoked token changes nothing.
 */
export async function revokeApiToken(deps: ServiceDeps, orgId: string, id: string): Promise<ApiTokenRecord> {
  const now = deps.clock.now();
  const revoked = await deps.db.tenant(orgId).transaction(async (tx) => {
    const record = await markApiTokenRevoked(tx, orgId, id, now);
    if (!record) throw errors.notFound('API token', id);
    if (record.revokedAt?.getTime() === now.getTime()) {
      await recordAudit(
        tx,
        orgId,
        now,
        'api_token_revoked',
        { type: 'api_token', id: record.id },
        {
          name: record.name,
        },
      );
    }
    return record;
  });
  // After the commit: a request racing the revocation cannot put the token back in the cache.
  forgetApiToken(deps, revoked.id);
  return revoked;
}

// Writing last_used_at on every request would turn every read into a write; once a minute is plenty.
const TOUCH_INTERVAL_MS = 60_000;

/** The principal behind a bearer token, or null when the token is unknown or revoked or its member inactive. */
export async function authenticateApiToken(deps: ServiceDeps, token: string): Promise<ApiPrincipal | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const hash = hashApiToken(token);
  const now = deps.clock.now();
  let record = cachedApiToken(deps, hash, now);
  if (!record) {
    // The lookup that establishes the tenant is necessarily cross-tenant.
    record = await findApiTokenByHash(deps.db.system(), hash);
    rememberApiToken(deps, hash, record, now);
    if (!record) return null;
  }
  if (!record.lastUsedAt || now.getTime() - record.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
    await touchApiToken(deps.db.tenant(record.orgId), record.orgId, record.id, now);
    record.lastUsedAt = now;
  }
  return {
    orgId: record.orgId,
    tokenId: record.id,
    scopes: record.scopes,
    memberId: record.memberId,
    role: record.memberRole,
  };
}

/** The caller's organization. */
export async function getOrganization(deps: ServiceDeps, orgId: string): Promise<Organization> {
  const organization = await findOrganization(deps.db.tenant(orgId), orgId);
  if (!organization) throw errors.notFound('Organization', orgId);
  return organization;
}

/** Replace the organization's policy: every field is given (a missing one is refused, never defaulted). */
export async function replacePolicy(deps: ServiceDeps, orgId: string, input: unknown): Promise<Organization> {
  const parsed = PolicyReplaceSchema.safeParse(input);
  if (!parsed.success) throw invalidPolicy(parsed.error);
  return savePolicy(deps, orgId, () => parsed.data);
}

/** Change some policy fields; the others keep their values. Each given field replaces its value whole. */
export async function updatePolicy(deps: ServiceDeps, orgId: string, input: unknown): Promise<Organization> {
  const parsed = PolicyPatchSchema.safeParse(input);
  if (!parsed.success) throw invalidPolicy(parsed.error);
  return savePolicy(deps, orgId, (current) => ({ ...current, ...parsed.data }));
}

function invalidPolicy(error: { issues: { path: PropertyKey[]; message: string }[] }) {
  return errors.validation('The policy is invalid.', {
    errors: error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
  });
}

async function savePolicy(
  deps: ServiceDeps,
  orgId: string,
  next: (current: Policy) => unknown,
): Promise<Organization> {
  return deps.db.tenant(orgId).transaction(async (tx) => {
    const current = await findOrganization(tx, orgId);
    if (!current) throw errors.notFound('Organization', orgId);
    // The whole policy is checked again: cross-field rules hold for the result, not just the change.
    const parsed = PolicySchema.safeParse(next(current.policy));
    if (!parsed.success) throw invalidPolicy(parsed.error);
    // Every candidate hears what was promised; only a job, with its reason, may be the exception.
    if (!parsed.data.writtenPromise.send) {
      throw errors.validation(
        'The written promise is turned off per job only, with a reason (the job’s policyOverrides.writtenPromise).',
        { errors: [{ path: 'writtenPromise.send', message: 'must be true for the organization' }] },
      );
    }
    const organization = (await updateOrganizationPolicy(tx, orgId, parsed.data))!;
    // Reminder and escalation times depend on the policy: let the sweep plan them again.
    await replanFollowUps(tx, orgId, deps.clock.now());
    return organization;
  });
}
