import { createHash, randomBytes } from 'node:crypto';
import { hashToken } from './secret-tokens.ts';
import { hash, verify } from '@node-rs/argon2';
import type { Member } from '../domain/model.ts';
import { isCommonPassword } from '../domain/passwords.ts';
import { AppError, errors } from '../errors.ts';
import { useLoginToken, insertLoginToken } from '../repositories/login-token.repository.ts';
import {
  findCredentialsByEmail,
  findMember,
  findPasswordHash,
  setPasswordHash,
} from '../repositories/member.repository.ts';
import { findOrganization } from '../repositories/organization.repository.ts';
import { findSsoConfigByDomain, listSignInSwitches } from '../repositories/sso.repository.ts';
import { emailDomain } from '../domain/sso.ts';
import {
  findSessionByHash,
  insertSession,
  revokeSessions,
  touchSession,
} from '../repositories/session.repository.ts';
import { recordAudit } from './audit.service.ts';
import type { ServiceDeps } from './deps.ts';
import { enqueueMemberNotice, type MailIdentity } from './outbox.service.ts';
import { attemptKeys, attemptSucceeded, beginSignInAttempt } from './sign-in-attempts.ts';

/** Session lifetimes. */
export interface SessionPolicy {
  /** A session unused this long ends. Default 8 hours. */
  idleMs: number;
  /** A session ends this long after sign-in, used or not. Default 7 days. */
  absoluteMs: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMs: 8 * 3_600_000, absoluteMs: 7 * 86_400_000 };

const MAGIC_LINK_MS = 10 * 60_000;
const INVITE_MS = 7 * 86_400_000;
/** Minimum password length (NIST SP 800-63B asks for at least 8; we ask for 12). */
export const MIN_PASSWORD_LENGTH = 12;

// argon2id with OWASP's baseline parameters (19 MiB, 2 iterations).
// algorithm 2 is Argon2id (the library's const enum cannot be imported under verbatimModuleSyntax).
const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
// Verified against when no account matches, so a wrong email costs the same time as a wrong password.
const DUMMY_HASH = hash('no account has this password', ARGON2);

/** A new 256-bit random token, URL-safe. */
function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The CSRF token that goes with a session: derived, so nothing more is stored. */
export function csrfTokenFor(sessionToken: string): string {
  return createHash('sha256').update(`csrf:${sessionToken}`, 'utf8').digest('base64url');
}

/** Hash a new password (argon2id). */
export async function hashPassword(password: string): Promise<string> {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > 256) {
    throw errors.validation(`A password needs ${MIN_PASSWORD_LENGTH} to 256 characters.`, {
      field: 'password',
    });
  }
  if (isCommonPassword(password)) {
    throw errors.validation('This password is on a list of commonly used passwords; choose another.', {
      field: 'password',
    });
  }
  return hash(password, ARGON2);
}

/** A signed-in member's session. */
export interface SignedIn {
  token: string;
  csrfToken: string;
  sessionId: string;
  member: Member;
  organization: { id: string; name: string };
}

/** Start a session for an active member (every way of signing in ends here): audited as `method`. */
export async function startSession(
  deps: ServiceDeps,
  member: Member,
  userAgent: string,
  method: string,
  policy: SessionPolicy,
): Promise<SignedIn> {
  const now = deps.clock.now();
  const token = newToken();
  const { session, organization } = await deps.db.tenant(member.orgId).transaction(async (tx) => {
    const session = await insertSession(tx, {
      orgId: member.orgId,
      memberId: member.id,
      tokenHash: hashToken(token),
      createdAt: now,
      expiresAt: new Date(now.getTime() + policy.absoluteMs),
      userAgent,
    });
    await recordAudit(
      tx,
      member.orgId,
      now,
      'sign_in',
      { type: 'member', id: member.id },
      { method },
      { type: 'member', id: member.id },
    );
    return { session, organization: (await findOrganization(tx, member.orgId))! };
  });
  return {
    token,
    csrfToken: csrfTokenFor(token),
    sessionId: session.id,
    member,
    organization: { id: organization.id, name: organization.name },
  };
}

/**
 * Sign in with email and password. The same email may belong to members of several
 * organizations; when the password matches more than one, the caller must choose.
 */
export async function signInWithPassword(
  deps: ServiceDeps,
  input: {
    email: string;
    password: string;
    organizationId?: string | undefined;
    userAgent: string;
    /** The client's address (behind a trusted proxy, the one it reports): failures count per address. */
    address: string;
  },
  policy: SessionPolicy = DEFAULT_SESSION_POLICY,
): Promise<SignedIn> {
  const keys = attemptKeys(input.email, input.address);
  await beginSignInAttempt(deps, keys);
  const candidates = (await findCredentialsByEmail(deps.db.system(), input.email)).filter(
    (c) => !input.organizationId || c.member.orgId === input.organizationId,
  );
  const matches: typeof candidates = [];
  for (const c of candidates) {
    if (c.passwordHash && (await verify(c.passwordHash, input.password))) matches.push(c);
  }
  if (candidates.every((c) => !c.passwordHash)) await verify(await DUMMY_HASH, input.password);
  if (matches.length === 0) throw new AppError('invalid_credentials', 'The email or the password is wrong.');
  await attemptSucceeded(deps, keys);
  // Only a right password learns that its organization signs in through its provider instead.
  const switches = await listSignInSwitches(
    deps.db.system(),
    matches.map((m) => m.member.orgId),
  );
  const allowed = matches.filter((m) => switches.get(m.member.orgId)?.passwordsEnabled !== false);
  if (allowed.length === 0) {
    throw new AppError(
      'password_sign_in_disabled',
      'Your organization signs in with its company account: choose "Sign in with your company account".',
    );
  }
  matches.splice(0, matches.length, ...allowed);
  if (matches.length > 1) {
    throw new AppError('choose_organization', 'This account exists in several organizations; choose one.', {
      organizations: matches.map((m) => ({ id: m.member.orgId, name: m.organizationName })),
    });
  }
  return startSession(deps, matches[0]!.member, input.userAgent, 'password', policy);
}

/** The signed-in member behind a session cookie, or null (unknown, revoked, expired, idle, deactivated). */
export async function authenticateSession(
  deps: ServiceDeps,
  token: string,
  policy: SessionPolicy = DEFAULT_SESSION_POLICY,
): Promise<{ member: Member; sessionId: string } | null> {
  if (token.length < 20 || token.length > 200) return null;
  const session = await findSessionByHash(deps.db.system(), hashToken(token));
  const now = deps.clock.now().getTime();
  if (!session || session.revokedAt) return null;
  if (session.expiresAt.getTime() <= now || session.lastSeenAt.getTime() + policy.idleMs <= now) return null;
  const tenant = deps.db.tenant(session.orgId);
  const member = await findMember(tenant, session.orgId, session.memberId);
  if (!member?.active) return null;
  // Writing on every request would turn reads into writes; a minute's precision is plenty.
  if (now - session.lastSeenAt.getTime() > 60_000)
    await touchSession(tenant, session.orgId, session.id, new Date(now));
  return { member, sessionId: session.id };
}

/** End a session. */
export async function signOut(deps: ServiceDeps, orgId: string, sessionId: string): Promise<void> {
  await revokeSessions(deps.db.tenant(orgId), orgId, { id: sessionId }, 'sign_out', deps.clock.now());
}

/** Change one's password: every session ends, and a fresh one is returned. */
export async function changePassword(
  deps: ServiceDeps,
  orgId: string,
  memberId: string,
  input: { currentPassword: string; newPassword: string; userAgent: string },
  policy: SessionPolicy = DEFAULT_SESSION_POLICY,
): Promise<SignedIn> {
  const tenant = deps.db.tenant(orgId);
  const current = await findPasswordHash(tenant, orgId, memberId);
  if (!current || !(await verify(current, input.currentPassword))) {
    throw new AppError('invalid_credentials', 'The current password is wrong.');
  }
  const next = await hashPassword(input.newPassword);
  const now = deps.clock.now();
  const member = await tenant.transaction(async (tx) => {
    await setPasswordHash(tx, orgId, memberId, next, now);
    await revokeSessions(tx, orgId, { memberId }, 'password_changed', now);
    await recordAudit(tx, orgId, now, 'password_changed', { type: 'member', id: memberId });
    return (await findMember(tx, orgId, memberId))!;
  });
  return startSession(deps, member, input.userAgent, 'password_change', policy);
}

function link(publicUrl: string, path: string, token: string): string {
  return `${publicUrl}${path}?token=${encodeURIComponent(token)}`;
}

/**
 * Email a sign-in link (10 minutes, single use) to every active member with this address. Says
 * nothing about whether any exists: the answer to the caller is the same either way — except for
 * an address in a domain whose organization turned links off for its provider (the domain says so
 * already, to anyone who starts single sign-on with it).
 */
export async function requestMagicLink(
  deps: ServiceDeps & { identity: MailIdentity; publicUrl: string },
  email: string,
): Promise<void> {
  const now = deps.clock.now();
  const domain = emailDomain(email);
  const sso = domain ? await findSsoConfigByDomain(deps.db.system(), domain) : null;
  if (sso && !sso.signInLinksEnabled) {
    throw new AppError(
      'sign_in_link_disabled',
      'Your organization signs in with its company account: choose "Sign in with your company account".',
    );
  }
  const accounts = await findCredentialsByEmail(deps.db.system(), email);
  const switches = await listSignInSwitches(
    deps.db.system(),
    accounts.map((a) => a.member.orgId),
  );
  for (const { member, organizationName } of accounts) {
    // Members of an organization that turned links off get none (the answer stays the same).
    if (switches.get(member.orgId)?.signInLinksEnabled === false) continue;
    const token = newToken();
    await deps.db.tenant(member.orgId).transaction(async (tx) => {
      await insertLoginToken(tx, {
        orgId: member.orgId,
        memberId: member.id,
        purpose: 'magic_link',
        tokenHash: hashToken(token),
        expiresAt: new Date(now.getTime() + MAGIC_LINK_MS),
        createdAt: now,
      });
      const url = link(deps.publicUrl, '/auth/magic-link', token);
      const text = `Hi ${member.name},\n\nSign in to Hearback (${organizationName}) with this link. It works once, for 10 minutes:\n\n${url}\n\nIf you did not ask for it, ignore this email.`;
      await enqueueMemberNotice(
        tx,
        deps.identity,
        {
          orgId: member.orgId,
          applicationId: null,
          member,
          kind: 'sign_in',
          subject: `Your sign-in link for ${organizationName}`,
          text,
        },
        now,
      );
      await recordAudit(
        tx,
        member.orgId,
        now,
        'magic_link_requested',
        { type: 'member', id: member.id },
        {},
        { type: 'anonymous', id: null },
      );
    });
  }
}

/**
 * A sign-in link for an operator to hand over (the `hearback sign-in-link` command): the same
 * single-use, 10-minute link as an emailed one, returned instead of sent, for a machine without
 * SMTP. Whoever runs the command on the server already holds the database, so this grants
 * nothing new; it is audited as the system's act. `orgId` chooses when the address belongs to
 * members of several organizations.
 */
export async function issueSignInLink(
  deps: ServiceDeps & { publicUrl: string },
  email: string,
  orgId?: string,
): Promise<{ url: string; expiresAt: Date; member: Member; organization: { id: string; name: string } }> {
  const now = deps.clock.now();
  const accounts = await findCredentialsByEmail(deps.db.system(), email);
  const matching = orgId === undefined ? accounts : accounts.filter((a) => a.member.orgId === orgId);
  if (matching.length === 0) {
    throw new AppError(
      'not_found',
      `No active member has the email ${email}${orgId === undefined ? '' : ` in organization ${orgId}`}.`,
    );
  }
  if (matching.length > 1) {
    throw new AppError(
      'choose_organization',
      `${email} is a member of ${matching.length} organizations; choose one with --org: ${matching.map((a) => `${a.member.orgId} (${a.organizationName})`).join(', ')}`,
      { organizations: matching.map((a) => ({ id: a.member.orgId, name: a.organizationName })) },
    );
  }
  const { member, organizationName } = matching[0]!;
  const token = newToken();
  const expiresAt = new Date(now.getTime() + MAGIC_LINK_MS);
  await deps.db.tenant(member.orgId).transaction(async (tx) => {
    await insertLoginToken(tx, {
      orgId: member.orgId,
      memberId: member.id,
      purpose: 'magic_link',
      tokenHash: hashToken(token),
      expiresAt,
      createdAt: now,
    });
    await recordAudit(
      tx,
      member.orgId,
      now,
      'magic_link_issued',
      { type: 'member', id: member.id },
      { via: 'cli' },
      { type: 'system', id: null },
    );
  });
  return {
    url: link(deps.publicUrl, '/auth/magic-link', token),
    expiresAt,
    member,
    organization: { id: member.orgId, name: organizationName },
  };
}

/** Exchange a magic link for a session. */
export async function signInWithMagicLink(
  deps: ServiceDeps,
  token: string,
  userAgent: string,
  policy: SessionPolicy = DEFAULT_SESSION_POLICY,
): Promise<SignedIn> {
  const used = await useLoginToken(deps.db.system(), hashToken(token), 'magic_link', deps.clock.now());
  const member = used ? await findMember(deps.db.tenant(used.orgId), used.orgId, used.memberId) : null;
  if (!member?.active)
    throw new AppError('invalid_token', 'This link is not valid any more: ask for a new one.');
  return startSession(deps, member, userAgent, 'magic_link', policy);
}

/** Invite a member: a single-use link (7 days) to set a password, by email. Returns the link (for the CLI). */
export async function inviteMember(
  deps: ServiceDeps & { identity: MailIdentity; publicUrl: string },
  orgId: string,
  memberId: string,
): Promise<{ url: string }> {
  const now = deps.clock.now();
  const token = newToken();
  await deps.db.tenant(orgId).transaction(async (tx) => {
    const member = await findMember(tx, orgId, memberId);
    if (!member) throw errors.notFound('Member', memberId);
    if (!member.active) throw errors.invalidState('The member is deactivated.');
    const org = (await findOrganization(tx, orgId))!;
    await insertLoginToken(tx, {
      orgId,
      memberId,
      purpose: 'invite',
      tokenHash: hashToken(token),
      expiresAt: new Date(now.getTime() + INVITE_MS),
      createdAt: now,
    });
    const url = link(deps.publicUrl, '/auth/invite', token);
    const text = `Hi ${member.name},\n\nYou have been invited to ${org.name} on Hearback, where the team makes sure every candidate hears back. Choose a password to join (the link works once, for 7 days):\n\n${url}`;
    await enqueueMemberNotice(
      tx,
      deps.identity,
      {
        orgId,
        applicationId: null,
        member,
        kind: 'invite',
        subject: `You're invited to ${org.name} on Hearback`,
        text,
      },
      now,
    );
    await recordAudit(tx, orgId, now, 'member_invited', { type: 'member', id: memberId });
  });
  return { url: link(deps.publicUrl, '/auth/invite', token) };
}

/** Accept an invitation: set the password and sign in. */
export async function acceptInvite(
  deps: ServiceDeps,
  input: { token: string; password: string; userAgent: string },
  policy: SessionPolicy = DEFAULT_SESSION_POLICY,
): Promise<SignedIn> {
  const passwordHash = await hashPassword(input.password);
  const now = deps.clock.now();
  const used = await useLoginToken(deps.db.system(), hashToken(input.token), 'invite', now);
  if (!used) throw new AppError('invalid_token', 'This invitation is not valid any more: ask for a new one.');
  const switches = await listSignInSwitches(deps.db.system(), [used.orgId]);
  if (switches.get(used.orgId)?.passwordsEnabled === false) {
    throw new AppError(
      'password_sign_in_disabled',
      'Your organization signs in with its company account: choose "Sign in with your company account" instead of a password.',
    );
  }
  const member = await deps.db.tenant(used.orgId).transaction(async (tx) => {
    const member = await findMember(tx, used.orgId, used.memberId);
    if (!member?.active) throw new AppError('invalid_token', 'This invitation is not valid any more.');
    await setPasswordHash(tx, used.orgId, used.memberId, passwordHash, now);
    await recordAudit(
      tx,
      used.orgId,
      now,
      'invite_accepted',
      { type: 'member', id: member.id },
      {},
      { type: 'member', id: member.id },
    );
    return member;
  });
  return startSession(deps, member, input.userAgent, 'invite', policy);
}

/** Set a member's password directly (the CLI's first admin, the demo). */
export async function setMemberPassword(
  deps: ServiceDeps,
  orgId: string,
  memberId: string,
  password: string,
): Promise<void> {
  const passwordHash = await hashPassword(password);
  const now = deps.clock.now();
  await deps.db.tenant(orgId).transaction(async (tx) => {
    await setPasswordHash(tx, orgId, memberId, passwordHash, now);
    await revokeSessions(tx, orgId, { memberId }, 'password_changed', now);
  });
}
