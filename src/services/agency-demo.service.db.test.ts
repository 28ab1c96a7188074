import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import { SUBMISSION_STAGES } from '../domain/agency.ts';
import { backends, openTestDb } from '../../test/support/db.ts';
import { createAgencyDemoOrganization } from './agency-demo.service.ts';
import { getDesk, listClientsPage, listSubmissionsPage } from './agency.service.ts';
import { getAgencyReport } from './agency-report.service.ts';
import { sweepOwnedFollowUps } from './owned-sweep.service.ts';

const identity = { from: { name: 'Hearback', address: 'hb@example.test' }, domain: 'example.test' };

/**
 * `hearback demo --agency` on a real database: built through the desk's use cases on a replayed
 * clock (with the owned-follow-up sweep ticking), it leaves an agency whose desk opens with a
 * client late on feedback, and a submission in every stage.
 */
describe.each(backends)('the agency demo on %s', (backend) => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb(backend);
  });
  afterAll(async () => {
    await db.close();
  });

  it(
    'fills an agency whose desk shows overdue client feedback, with every stage present',
    { timeout: 120_000 },
    async () => {
      // A Wednesday morning in Chicago.
      const clock = new ManualClock('2026-12-09T15:30:00Z');
      const deps = { db, clock, identity };
      const summary = await createAgencyDemoOrganization(deps, {
        tick: async (orgId) => void (await sweepOwnedFollowUps(deps, { batchSize: 50, onlyOrgId: orgId })),
      });
      expect(clock.now().toISOString()).toBe('2026-12-09T15:30:00.000Z');
      expect(summary).toMatchObject({ clients: 3, jobOrders: 5, submissions: 9 });
      expect(summary.signIn.password.length).toBeGreaterThanOrEqual(12);
      const orgId = summary.organizationId;

      const submissions = await listSubmissionsPage(deps, orgId, { limit: 100 });
      expect(new Set(submissions.items.map((s) => s.stage))).toEqual(new Set(SUBMISSION_STAGES));
      const declined = submissions.items.find((s) => s.stage === 'declined')!;
      expect(declined).toMatchObject({ declinedBy: 'client' });
      expect(declined.declineReason).toBeTruthy();

      const clients = await listClientsPage(deps, orgId, { limit: 10 });
      expect(new Set(clients.items.map((c) => c.feedbackDaysAfterSubmission)).size).toBe(3);

      const [owner] = await db.query<{ id: string }>(
        `SELECT id FROM members WHERE org_id = $1 AND role = 'admin'`,
        [orgId],
      );
      const desk = await getDesk(deps, orgId, { memberId: owner!.id });
      const late = desk.waiting.filter((w) => w.pastDeadline);
      expect(late.length).toBeGreaterThanOrEqual(2);
      expect(new Set(late.map((w) => w.clientName))).toEqual(new Set(['Cobalt Freightworks']));
      expect(desk.followUps.some((f) => f.kind === 'client_feedback' && f.overdue)).toBe(true);
      // The sweep prompted the recruiter to nudge the late client.
      expect(desk.followUps.some((f) => f.kind === 'client_feedback' && f.ladderSteps > 0)).toBe(true);
      // Next contacts set at each logged contact: some due already, some ahead.
      const nextContacts = desk.followUps.filter((f) => f.kind === 'client_update');
      expect(nextContacts.some((f) => f.overdue)).toBe(true);
      expect(nextContacts.some((f) => !f.overdue)).toBe(true);
      // Contacts in several time zones.
      const zones = new Set(desk.clients.flatMap((c) => c.contacts.map((k) => k.timeZone)));
      expect(zones.size).toBeGreaterThanOrEqual(4);

      // The agency report has something to say about each client.
      const report = await getAgencyReport(deps, orgId, { group: 'client' });
      expect(report.map((l) => l.label)).toEqual([
        'Cobalt Freightworks',
        'Lumen Biotech',
        'Tidewater Credit Union',
      ]);
      expect(report.find((l) => l.label === 'Cobalt Freightworks')).toMatchObject({ nudges: 1 });
      expect(
        report.find((l) => l.label === 'Cobalt Freightworks')!.waitingPastDeadline,
      ).toBeGreaterThanOrEqual(2);
    },
  );
});
