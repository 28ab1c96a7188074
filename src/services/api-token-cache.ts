/**
 * Verified tokens, by hash, for a few seconds (BENCHMARKS.md, finding F5): the lookup is its own
 * cross-tenant transaction, a quarter of the statements of a typical API request. Only valid
 * tokens are kept, so guessing still hits the database and the rate limit. Revoking through this
 * process drops the entry at once; another `serve` process stops accepting the token within
 * TOKEN_CACHE_MS. One cache per database, so tests with their own databases share nothing.
 *
 * A lower module: the organization service (authenticating, revoking) and the member service
 * (a member's role or status changed) both keep it true, without calling each other.
 */
import type { LiveApiToken } from '../repositories/api-token.repository.ts';
import type { ServiceDeps } from './deps.ts';

const TOKEN_CACHE_MS = 5_000;
const TOKEN_CACHE_MAX = 10_000;
type TokenCache = Map<string, { record: LiveApiToken; until: number }>;
const tokenCaches = new WeakMap<object, TokenCache>();

function tokenCache(deps: ServiceDeps): TokenCache {
  let cache = tokenCaches.get(deps.db);
  if (!cache) {
    cache = new Map() as TokenCache;
    tokenCaches.set(deps.db, cache);
  }
  return cache;
}

/** The token behind `hash` if it was verified less than TOKEN_CACHE_MS ago, else null. */
export function cachedApiToken(deps: ServiceDeps, hash: string, now: Date): LiveApiToken | null {
  const cached = tokenCache(deps).get(hash);
  return cached && cached.until > now.getTime() ? cached.record : null;
}

/** Keep what a lookup of `hash` found (a valid token) for TOKEN_CACHE_MS; nothing found drops it. */
export function rememberApiToken(
  deps: ServiceDeps,
  hash: string,
  record: LiveApiToken | null,
  now: Date,
): void {
  const cache = tokenCache(deps);
  cache.delete(hash);
  if (!record) return;
  if (cache.size >= TOKEN_CACHE_MAX) cache.delete(cache.keys().next().value!);
  cache.set(hash, { record, until: now.getTime() + TOKEN_CACHE_MS });
}

/** Drop a revoked token: it stops working in this process at once. */
export function forgetApiToken(deps: ServiceDeps, tokenId: string): void {
  const cache = tokenCache(deps);
  for (const [hash, entry] of cache) if (entry.record.id === tokenId) cache.delete(hash);
}

/**
 * Drop the cached tokens of a member whose role or status changed: in this process the change
 * applies to their tokens at once, in other `serve` processes within TOKEN_CACHE_MS.
 */
export function forgetMemberTokens(deps: ServiceDeps, memberId: string): void {
  const cache = tokenCache(deps);
  for (const [hash, entry] of cache) if (entry.record.memberId === memberId) cache.delete(hash);
}
