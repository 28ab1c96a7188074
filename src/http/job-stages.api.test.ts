import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import { backends } from '../../test/support/db.ts';
import { bearerApi, useApiApp } from '../../test/support/api-client.ts';
import { buildOrganization } from '../../test/support/factories.ts';

/** A job's stages and a candidate's source through the API: defaults, validation, the pipeline's columns. */
describe.each(backends)('job stages and candidate source on %s', (backend) => {
  const clock = new ManualClock('2026-12-01T15:00:00Z');
  const running = useApiApp(backend, { clock });

  async function newApi() {
    const { apiToken } = await buildOrganization({ db: running.db, clock });
    return bearerApi(running.app, apiToken);
  }

  it('gives a new job the default stages, takes a list, and refuses a bad one at the field', async () => {
    const api = await newApi();
    const plain = await api('POST', '/api/v1/jobs', { title: 'Plain' });
    expect(plain.status).toBe(201);
    expect(plain.body.stages).toEqual(['applied', 'screen', 'interview', 'final', 'offer']);

    const own = await api('POST', '/api/v1/jobs', { title: 'Own', stages: [' phone ', 'onsite', 'offer'] });
    expect(own.status).toBe(201);
    expect(own.body.stages).toEqual(['phone', 'onsite', 'offer']);
    // A candidate added without a stage starts in the job's first.
    const c = await api('POST', '/api/v1/candidates', { name: 'Pat' });
    const a = await api('POST', '/api/v1/applications', { jobId: own.body.id, candidateId: c.body.id });
    expect(a.body.stage).toBe('phone');

    const twice = await api('PATCH', `/api/v1/jobs/${own.body.id}`, {
      stages: ['phone', 'Onsite', 'onsite'],
    });
    expect(twice.status).toBe(400);
    expect(twice.body).toMatchObject({
      code: 'duplicate_stage',
      field: 'stages',
      errors: [{ path: 'stages.2', message: '"onsite" is already a stage' }],
    });
    for (const stages of [[], [''], ['x'.repeat(61)], Array.from({ length: 21 }, (_, i) => `s${i}`)]) {
      const bad = await api('PATCH', `/api/v1/jobs/${own.body.id}`, { stages });
      expect(bad.status, JSON.stringify(stages)).toBe(400);
      expect(bad.body.code).toBe('validation_failed');
    }
    expect((await api('GET', `/api/v1/jobs/${own.body.id}`)).body.stages).toEqual([
      'phone',
      'onsite',
      'offer',
    ]);

    const changed = await api('PATCH', `/api/v1/jobs/${own.body.id}`, {
      stages: ['screen', 'onsite', 'offer'],
    });
    expect(changed.status).toBe(200);
    expect(changed.body.stages).toEqual(['screen', 'onsite', 'offer']);
    // The application in a stage no longer on the list keeps it, in a column after the job's stages.
    const board = await api('GET', `/api/v1/jobs/${own.body.id}/pipeline`);
    expect(board.body.columns.map((col: { stage: string }) => col.stage)).toEqual([
      'screen',
      'onsite',
      'offer',
      'phone',
    ]);
    expect(board.body.columns[3].cards[0].applicationId).toBe(a.body.id);
  });

  it('keeps where a candidate came from, and refuses an over-long source', async () => {
    const api = await newApi();
    const c = await api('POST', '/api/v1/candidates', { name: 'Ana', source: ' referral ' });
    expect(c.status).toBe(201);
    expect(c.body.source).toBe('referral');
    expect((await api('POST', '/api/v1/candidates', { name: 'Bo' })).body.source).toBeNull();
    const changed = await api('PATCH', `/api/v1/candidates/${c.body.id}`, { source: 'job board' });
    expect(changed.body.source).toBe('job board');
    const cleared = await api('PATCH', `/api/v1/candidates/${c.body.id}`, { source: null });
    expect(cleared.body.source).toBeNull();
    const long = await api('PATCH', `/api/v1/candidates/${c.body.id}`, { source: 'x'.repeat(101) });
    expect(long.status).toBe(400);
    expect(long.body.code).toBe('validation_failed');
  });
});
