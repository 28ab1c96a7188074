import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import { backends } from '../../test/support/db.ts';
import { bearerApi, useApiApp } from '../../test/support/api-client.ts';
import { buildOrganization } from '../../test/support/factories.ts';

/**
 * One person, one candidate: a second candidate with an email already on file is refused with
 * `candidate_exists` naming the first, and `?email=` finds them — within the organization only.
 */
describe.each(backends)('duplicate candidates on %s', (backend) => {
  const clock = new ManualClock('2026-12-01T15:00:00Z');
  const running = useApiApp(backend, { clock });

  async function newOrg() {
    const { apiToken } = await buildOrganization({ db: running.db, clock });
    return bearerApi(running.app, apiToken);
  }

  it('refuses a second candidate with the same email (any case), naming the first', async () => {
    const api = await newOrg();
    const first = await api('POST', '/api/v1/candidates', {
      name: 'Ada Lovelace',
      email: 'ada@example.test',
    });
    expect(first.status).toBe(201);
    const again = await api('POST', '/api/v1/candidates', { name: 'A. Lovelace', email: 'ADA@example.test' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      code: 'candidate_exists',
      candidateId: first.body.id,
      field: 'email',
    });
    expect(again.body.detail).toContain('Ada Lovelace');
    const all = await api('GET', '/api/v1/candidates');
    expect(all.body.items).toHaveLength(1);
    // Without an email, or with another one, people are added freely.
    expect((await api('POST', '/api/v1/candidates', { name: 'No Mail' })).status).toBe(201);
    expect((await api('POST', '/api/v1/candidates', { name: 'No Mail' })).status).toBe(201);
  });

  it('refuses changing a candidate to another candidate’s email, not to their own', async () => {
    const api = await newOrg();
    const ada = await api('POST', '/api/v1/candidates', { name: 'Ada', email: 'ada@example.test' });
    const bob = await api('POST', '/api/v1/candidates', { name: 'Bob', email: 'bob@example.test' });
    const clash = await api('PATCH', `/api/v1/candidates/${bob.body.id}`, { email: 'Ada@Example.test' });
    expect(clash.status).toBe(409);
    expect(clash.body).toMatchObject({ code: 'candidate_exists', candidateId: ada.body.id });
    const same = await api('PATCH', `/api/v1/candidates/${ada.body.id}`, {
      email: 'ADA@example.test',
      phone: '+1 555 0100',
    });
    expect(same.status).toBe(200);
    expect(same.body).toMatchObject({ email: 'ADA@example.test', phone: '+1 555 0100' });
  });

  it('finds a candidate by exact email (any case), in the own organization only', async () => {
    const ours = await newOrg();
    const theirs = await newOrg();
    const ada = await ours('POST', '/api/v1/candidates', { name: 'Ada', email: 'ada@example.test' });
    await ours('POST', '/api/v1/candidates', { name: 'Adam', email: 'ada@example.test.org' });
    const found = await ours('GET', '/api/v1/candidates?email=ADA%40example.test');
    expect(found.body.items.map((c: { id: string }) => c.id)).toEqual([ada.body.id]);
    expect((await theirs('GET', '/api/v1/candidates?email=ada%40example.test')).body.items).toEqual([]);
    // Another organization may have the same person as its own candidate.
    expect(
      (await theirs('POST', '/api/v1/candidates', { name: 'Ada', email: 'ada@example.test' })).status,
    ).toBe(201);
  });
});
