/**
 * Status links, shared by every use case that writes to a candidate: minting a link, the masked
 * placeholder a stored message carries, and rows for many links at once. A lower module: it calls
 * no service, so the services that send candidate email depend on it instead of on each other.
 */
import { randomBytes } from 'node:crypto';
import type { Queryable } from '../db/db.ts';
import { STATUS_LINK_PLACEHOLDER } from '../domain/sign-in-links.ts';
import {
  insertStatusLink,
  insertStatusLinks,
  type NewStatusLink,
} from '../repositories/candidate-page.repository.ts';
import { hashToken } from './secret-tokens.ts';

/**
 * Create a status link for an application inside the caller's transaction and return its URL.
 * Every candidate email gets its own; only the hash is stored.
 */
export async function createStatusLink(
  tx: Queryable,
  publicUrl: string,
  orgId: string,
  applicationId: string,
  now: Date,
): Promise<string> {
  const { url, link } = newStatusLink(publicUrl, orgId, applicationId, now);
  await insertStatusLink(tx, link);
  return url;
}

/**
 * What a message stores where the candidate's status link goes: the link with its token masked
 * (`STATUS_LINK_PLACEHOLDER`). The dispatcher mints the real link when it hands the email to the
 * mail server, so nobody who can read messages holds a link that acts as the candidate.
 */
export function statusLinkPlaceholder(publicUrl: string): string {
  return `${publicUrl}${STATUS_LINK_PLACEHOLDER}`;
}

/** Mint a status link for an application inside the caller's transaction and return its token. */
export async function mintStatusLinkToken(
  tx: Queryable,
  orgId: string,
  applicationId: string,
  now: Date,
): Promise<string> {
  const [token] = await mintStatusLinkTokens(tx, orgId, [applicationId], now);
  return token!;
}

/**
 * Mint one status-link token per application id (repeats allowed), stored in one statement: the
 * dispatcher mints a claimed batch's links together instead of a transaction per email.
 */
export async function mintStatusLinkTokens(
  tx: Queryable,
  orgId: string,
  applicationIds: string[],
  now: Date,
): Promise<string[]> {
  const tokens = applicationIds.map(() => randomBytes(32).toString('base64url'));
  await insertStatusLinks(
    tx,
    applicationIds.map((applicationId, i) => ({
      orgId,
      applicationId,
      tokenHash: hashToken(tokens[i]!),
      createdAt: now,
    })),
  );
  return tokens;
}

/**
 * A status link's URL and the row to store for it, for callers that write many links in one
 * statement (`insertStatusLinks`) in the same transaction as the messages that carry them.
 */
export function newStatusLink(
  publicUrl: string,
  orgId: string,
  applicationId: string,
  now: Date,
): { url: string; link: NewStatusLink } {
  const token = randomBytes(32).toString('base64url');
  return {
    url: `${publicUrl}/s/${token}`,
    link: { orgId, applicationId, tokenHash: hashToken(token), createdAt: now },
  };
}
