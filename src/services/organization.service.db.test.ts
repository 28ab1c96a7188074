import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import { backends, openTestDb } from '../../test/support/db.ts';
import {
  authenticateApiToken,
  createApiToken,
  createOrganization,
  revokeApiToken,
} from './organization.service.ts';

/** API tokens are cached for a few seconds after a lookup (finding F5); revocation must still bite. */
describe.each(backends)('API token authentication on %s', (backend) => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb(backend);
  });
  afterAll(async () => {
    await db.close();
  });

  it('stops accepting a token revoked through this process at once, even while it is cached', async () => {
    const deps = { db, clock: new ManualClock('2026-12-01T15:00:00Z') };
    const { organization } = await createOrganization(deps, { name: 'Cache Co' });
    const { token, record } = await createApiToken(deps, organization.id, { name: 'sync', scopes: ['read'] });
    expect(await authenticateApiToken(deps, token)).toMatchObject({
      orgId: organization.id,
      tokenId: record.id,
    });
    await revokeApiToken(deps, organization.id, record.id);
    expect(await authenticateApiToken(deps, token)).toBeNull();
  });

  it('lets a revocation made elsewhere take effect within five seconds', async () => {
    const clock = new ManualClock('2026-12-01T15:00:00Z');
    const deps = { db, clock };
    const { organization } = await createOrganization(deps, { name: 'Cache Co' });
    const { token, record } = await createApiToken(deps, organization.id, { name: 'sync', scopes: ['read'] });
    expect(await authenticateApiToken(deps, token)).not.toBeNull();
    // Another serve process revokes it: this process's cache does not hear about it.
    await db.query(`UPDATE api_tokens SET revoked_at = $2 WHERE id = $1`, [record.id, clock.now()]);
    clock.advance(4_000);
    expect(await authenticateApiToken(deps, token)).not.toBeNull();
    clock.advance(1_001);
    expect(await authenticateApiToken(deps, token)).toBeNull();
    // Unknown tokens are never cached: each guess is looked up (and rate-limited by the caller).
    expect(await authenticateApiToken(deps, `${token.slice(0, -2)}xx`)).toBeNull();
  });
});
