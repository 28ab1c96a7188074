import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import { backends, openTestDb } from '../../test/support/db.ts';
import { buildMember, buildOrganization } from '../../test/support/factories.ts';
import { changeMember } from './member.service.ts';
import { authenticateApiToken, createApiToken, revokeApiToken } from './organization.service.ts';

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
    const { organization, admin } = await buildOrganization(deps);
    const { token, record } = await createApiToken(
      deps,
      organization.id,
      { name: 'sync', scopes: ['read'] },
      { memberId: admin.id },
    );
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
    const { organization, admin } = await buildOrganization(deps);
    const { token, record } = await createApiToken(
      deps,
      organization.id,
      { name: 'sync', scopes: ['read'] },
      { memberId: admin.id },
    );
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

  it('acts as the member who created it, with their role, and stops with their deactivation at once', async () => {
    const deps = { db, clock: new ManualClock('2026-12-01T15:00:00Z') };
    const { organization, admin, apiToken } = await buildOrganization(deps);
    // The organization's first token acts as its first admin.
    expect(await authenticateApiToken(deps, apiToken)).toMatchObject({ memberId: admin.id, role: 'admin' });
    const recruiter = await buildMember(deps, organization.id, { role: 'recruiter' });
    const { token } = await createApiToken(
      deps,
      organization.id,
      { name: 'mine', scopes: ['*'] },
      { memberId: recruiter.id },
    );
    expect(await authenticateApiToken(deps, token)).toMatchObject({
      memberId: recruiter.id,
      role: 'recruiter',
      scopes: ['*'],
    });
    // Cached, yet a role change shows at once in this process …
    await changeMember(deps, organization.id, recruiter.id, { role: 'interviewer' });
    expect(await authenticateApiToken(deps, token)).toMatchObject({ role: 'interviewer' });
    // … and a deactivation ends the token.
    await changeMember(deps, organization.id, recruiter.id, { active: false });
    expect(await authenticateApiToken(deps, token)).toBeNull();
    expect(await authenticateApiToken(deps, apiToken)).not.toBeNull();
  });
});
