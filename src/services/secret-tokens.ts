/**
 * Secret tokens as stored: only their hash. Shared by sign-in, status links, client answers,
 * calendar and inbound mail; a lower module that calls no service.
 */
import { createHash } from 'node:crypto';

/** SHA-256 of a random token: tokens are 256-bit, so a fast hash suffices for storage. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
