import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import { backends } from '../../test/support/db.ts';
import { newAgencyApi, submitOverApi, useApiApp } from '../../test/support/api-client.ts';

/**
 * Placements, the client view and the desk's coverage over HTTP: validation of the fee and the
 * dates, the stage route sending a placement to its own route, and another organization's
 * placements and clients answering 404.
 */
describe.each(backends)('the placement API on %s', (backend) => {
  const clock = new ManualClock('2026-12-01T15:00:00Z'); // Tuesday, 10:00 in New York
  const running = useApiApp(backend, { clock });

  async function newAgency() {
    const { api } = await newAgencyApi(running.app, { db: running.db, clock });
    const { client, submissionId } = await submitOverApi(api, {
      client: { guaranteeDays: 60 },
      pitch: 'Closed the two largest accounts in her region.',
    });
    return { api, client, submissionId };
  }

  it('places a submission with the client guarantee by default, lists it, and records a fall-through', async () => {
    clock.set('2026-12-01T15:00:00Z');
    const { api, client, submissionId } = await newAgency();
    // The stage route does not place: a placement has its own facts.
    const staged = await api('POST', `/api/v1/submissions/${submissionId}/stage`, { stage: 'placed' });
    expect(staged).toMatchObject({ status: 400, body: { code: 'validation_failed' } });

    for (const bad of [
      { startDate: '2026-12-07', fee: { kind: 'percent', percent: 0 } },
      { startDate: '2026-12-07', fee: { kind: 'percent', percent: 120 } },
      { startDate: '2026-12-07', fee: { kind: 'fixed', amount: 1000, currency: 'euro' } },
      { startDate: '2026-12-07', fee: { kind: 'bonus', amount: 1 } },
      { startDate: '2026-02-30', fee: { kind: 'percent', percent: 20 } },
      { startDate: '2026-12-07', fee: { kind: 'percent', percent: 20 }, guaranteeDays: 400 },
      { fee: { kind: 'percent', percent: 20 } },
    ]) {
      const res = await api('POST', `/api/v1/submissions/${submissionId}/placement`, bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
    }
    const placed = await api('POST', `/api/v1/submissions/${submissionId}/placement`, {
      startDate: '2026-12-07',
      fee: { kind: 'fixed', amount: 15000, currency: 'EUR' },
      feeNote: 'Half on start, half after the guarantee.',
    });
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    expect(placed.body).toMatchObject({
      guaranteeDays: 60,
      guaranteeEndsOn: '2027-02-05',
      fee: { kind: 'fixed', amount: 15000, currency: 'EUR' },
    });
    expect(placed.body.checkIns.map((c: { owedTo: string }) => c.owedTo)).toEqual([
      'candidate',
      'candidate',
      'candidate',
      'client',
    ]);
    const again = await api('POST', `/api/v1/submissions/${submissionId}/placement`, {
      startDate: '2026-12-07',
      fee: { kind: 'percent', percent: 20 },
    });
    expect(again.status).toBe(409);

    const list = await api('GET', `/api/v1/placements?clientId=${client.id}`);
    expect(list.body.items.map((p: { id: string }) => p.id)).toEqual([placed.body.id]);
    const desk = await api('GET', '/api/v1/desk/coverage');
    expect(desk.status).toBe(200);
    expect(desk.body.placements[0]).toMatchObject({
      candidateName: 'Jo Rivera',
      guaranteeEndsOn: '2027-02-05',
    });
    expect(desk.body.jobOrders[0]).toMatchObject({ title: 'Account Executive', target: 2 });

    const future = await api('POST', `/api/v1/placements/${placed.body.id}/fall-through`, {
      on: '2026-12-02',
      reason: 'Counter-offer',
    });
    expect(future).toMatchObject({ status: 400, body: { code: 'validation_failed' } });
    const fell = await api('POST', `/api/v1/placements/${placed.body.id}/fall-through`, {
      on: '2026-12-01',
      reason: 'Took a counter-offer before starting',
    });
    expect(fell.status).toBe(200);
    expect(fell.body.placement).toMatchObject({ fellWithinGuarantee: true });
    expect(fell.body.replacement).toMatchObject({ earlier: [], pool: [] });

    const record = await api('GET', `/api/v1/clients/${client.id}/record`);
    expect(record.status).toBe(200);
    expect(record.body.feedback).toEqual({
      answered: 0,
      overdue: 0,
      medianDaysToFeedback: null,
      shareWithinDeadline: null,
    });
  });

  it("another organization's placements and clients are 404", async () => {
    clock.set('2026-12-01T15:00:00Z');
    const mine = await newAgency();
    const placed = await mine.api('POST', `/api/v1/submissions/${mine.submissionId}/placement`, {
      startDate: '2026-12-07',
      fee: { kind: 'percent', percent: 20 },
    });
    expect(placed.status).toBe(201);
    const other = await newAgency();
    expect((await other.api('GET', `/api/v1/placements/${placed.body.id}`)).status).toBe(404);
    expect(
      (
        await other.api('POST', `/api/v1/placements/${placed.body.id}/fall-through`, {
          on: '2026-12-01',
          reason: 'x',
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await other.api('POST', `/api/v1/submissions/${mine.submissionId}/placement`, {
          startDate: '2026-12-07',
          fee: { kind: 'percent', percent: 20 },
        })
      ).status,
    ).toBe(404);
    expect((await other.api('GET', `/api/v1/clients/${mine.client.id}/record`)).status).toBe(404);
    expect((await other.api('GET', '/api/v1/placements')).body.items).toEqual([]);
    expect((await other.api('GET', '/api/v1/desk/coverage')).body.placements).toEqual([]);
  });
});
