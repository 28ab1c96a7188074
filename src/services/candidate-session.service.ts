/**
 * Candidate sessions: a status link's token exchanged for a session cookie, and the application
 * a cookie opens. Unknown, revoked, expired and erased links all answer the same way.
 */
import { randomBytes } from 'node:crypto';
import {
  findCandidateSessionByHash,
  findStatusLinkByHash,
  insertCandidateSession,
  type CandidateAccess,
} from '../repositories/candidate-page.repository.ts';
import { hashToken } from './secret-tokens.ts';
import type { ServiceDeps } from './deps.ts';

/** A link stays valid until 30 days after the application last changed… */
export const LINK_VALID_DAYS = 30;
/** …and never longer than 90 days after it was sent, and only while it is its application's newest. */
export const LINK_LIFETIME_DAYS = 90;
/** A candidate session (the cookie a link is exchanged for) lasts at most 7 days; a newer link opens a new one. */
export const CANDIDATE_SESSION_MAX_DAYS = 7;
const DAY = 86_400_000;

function usable(access: CandidateAccess | null, now: Date): access is CandidateAccess {
  return (
    !!access &&
    !access.revokedAt &&
    !access.erasedAt &&
    access.applicationUpdatedAt.getTime() + LINK_VALID_DAYS * DAY > now.getTime()
  );
}

/** A link opens a session only while it is young enough and its application's newest link. */
function linkUsable(access: CandidateAccess | null, now: Date): access is CandidateAccess {
  return (
    usable(access, now) &&
    !access.superseded &&
    access.linkCreatedAt.getTime() + LINK_LIFETIME_DAYS * DAY > now.getTime()
  );
}

/**
 * An open session keeps working when a newer link is sent (the candidate is not thrown out of the
 * page they are reading) and after its link's lifetime, but never past its own maximum age.
 */
function sessionUsable(access: CandidateAccess | null, now: Date): access is CandidateAccess {
  return (
    usable(access, now) &&
    !!access.sessionCreatedAt &&
    access.sessionCreatedAt.getTime() + CANDIDATE_SESSION_MAX_DAYS * DAY > now.getTime()
  );
}

/**
 * Exchange a link's token for a session cookie value. Unknown, revoked, expired and erased links
 * all give null: the page answers them all the same way.
 */
export async function openStatusLink(deps: ServiceDeps, token: string): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const now = deps.clock.now();
  const access = await findStatusLinkByHash(deps.db.system(), hashToken(token));
  if (!linkUsable(access, now)) return null;
  const session = randomBytes(32).toString('base64url');
  await insertCandidateSession(deps.db.tenant(access.orgId), {
    orgId: access.orgId,
    statusLinkId: access.statusLinkId,
    tokenHash: hashToken(session),
    createdAt: now,
  });
  return session;
}

/** The application a candidate session cookie opens, or null. */
export async function candidateAccess(
  deps: ServiceDeps,
  sessionToken: string,
): Promise<CandidateAccess | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(sessionToken)) return null;
  const access = await findCandidateSessionByHash(deps.db.system(), hashToken(sessionToken));
  return sessionUsable(access, deps.clock.now()) ? access : null;
}
