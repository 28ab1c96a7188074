import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import { backends, openTestDb } from '../../test/support/db.ts';
import {
  buildCandidate,
  buildInterviewScenario,
  buildJob,
  buildMember,
} from '../../test/support/factories.ts';
import { createDevMailboxTransport } from '../mail/dev-mailbox.transport.ts';
import { upsertRating } from '../repositories/candidate-page.repository.ts';
import { createApplication } from './application.service.ts';
import { recordDecision } from './decision.service.ts';
import { closeInterview, createInterview } from './interview.service.ts';
import { changeJob } from './job.service.ts';
import { getFollowUpReport, reportToCsv } from './report.service.ts';
import type { ServiceDeps } from './deps.ts';
import { draftOutcomeMessage, sendMessage } from './message.service.ts';
import { dispatchDueMessages } from './outbox.service.ts';
import { logTouchpoint } from './touchpoint.service.ts';

const HOUR = 3_600_000;

/** The team emails the candidate the outcome, as `memberId`: the delivery the report counts. */
function deliverOutcome(deps: ServiceDeps, org: string, applicationId: string, memberId: string) {
  return logTouchpoint(
    deps,
    org,
    { applicationId, channel: 'email', kind: 'outcome', fromParty: 'team', toParty: 'candidate' },
    { memberId },
  );
}

/** A new candidate in `jobId` is interviewed and the interview closed with `statement`: their application's id. */
async function closedApplication(
  deps: ServiceDeps,
  org: string,
  jobId: string,
  statement: string,
): Promise<string> {
  const c = await buildCandidate(deps, org);
  const a = await createApplication(deps, org, { jobId, candidateId: c.id });
  const iv = await createInterview(deps, org, { applicationId: a.id, title: 'Panel' });
  await closeInterview(deps, org, iv.id, { statement });
  return a.id;
}

describe.each(backends)('the follow-up report on %s', (backend) => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb(backend);
  });
  afterAll(async () => {
    await db.close();
  });

  it('measures closure, time to outcome and promises kept', async () => {
    const clock = new ManualClock('2026-12-01T15:00:00Z'); // Tuesday
    const deps = { db, clock };
    const s = await buildInterviewScenario(deps);
    const org = s.organization.id;
    const apps = [s.application.id];
    for (let i = 0; i < 2; i++) {
      const c = await buildCandidate(deps, org);
      apps.push((await createApplication(deps, org, { jobId: s.job.id, candidateId: c.id })).id);
    }
    const ivs = [s.interview.id];
    for (const a of apps.slice(1))
      ivs.push((await createInterview(deps, org, { applicationId: a, title: 'Panel' })).id);
    for (const iv of ivs) await closeInterview(deps, org, iv, { statement: 'within 2 business days' }); // due Thu 17:00 UTC
    const deliver = (applicationId: string) => deliverOutcome(deps, org, applicationId, s.recruiter.id);
    clock.advance(24 * HOUR);
    await deliver(apps[0]!); // kept, 24 h
    clock.set('2026-12-04T15:00:00Z');
    await deliver(apps[1]!); // late, 72 h
    clock.set('2026-12-07T15:00:00Z'); // the third is still open and overdue

    const [total] = await getFollowUpReport(deps, org, {
      from: new Date('2026-11-01T00:00:00Z'),
      to: new Date('2026-12-31T00:00:00Z'),
      group: 'none',
    });
    expect(total).toMatchObject({
      key: null,
      interviewed: 3,
      outcomeDelivered: 2,
      closureRate: 0.667,
      medianHoursToOutcome: 48,
      promisesKept: 1,
      promisesBroken: 2,
      promisesKeptRate: 0.333,
      overdueNow: 1,
    });
    expect(total!.p90HoursToOutcome).toBeCloseTo(67.2, 1);

    await changeJob(deps, org, s.job.id, { title: '=HYPERLINK("http://evil")' });
    const byJob = await getFollowUpReport(deps, org, {
      from: new Date('2026-11-01T00:00:00Z'),
      to: new Date('2026-12-31T00:00:00Z'),
      group: 'job',
    });
    expect(byJob).toHaveLength(1);
    expect(byJob[0]).toMatchObject({ key: s.job.id, interviewed: 3 });
    const csv = reportToCsv(byJob);
    expect(csv.split('\r\n')[0]).toMatch(/^key,label,interviewed,outcomeDelivered,closureRate/);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`); // neutralised and quoted

    const empty = await getFollowUpReport(deps, org, {
      from: new Date('2025-01-01T00:00:00Z'),
      to: new Date('2025-02-01T00:00:00Z'),
      group: 'none',
    });
    expect(empty).toEqual([]);
  });

  it('keeps each group to its own figures when grouped by job, owner and week', async () => {
    const clock = new ManualClock('2026-12-01T15:00:00Z');
    const deps = { db, clock };
    const s = await buildInterviewScenario(deps);
    const org = s.organization.id;
    const other = await buildMember(deps, org, { role: 'recruiter', name: 'Olive Other' });
    const job2 = await buildJob(deps, org, { title: 'Support Lead', recruiterId: other.id });
    // Job 1: one interview (owner: its recruiter), delivered. Job 2: two interviews (owner: Olive), none delivered.
    await closeInterview(deps, org, s.interview.id, { statement: 'by Friday' });
    const second: string[] = [];
    for (let i = 0; i < 2; i++) second.push(await closedApplication(deps, org, job2.id, 'by Friday'));
    clock.advance(HOUR);
    await deliverOutcome(deps, org, s.application.id, s.recruiter.id);
    const period = { from: new Date('2026-11-01T00:00:00Z'), to: new Date('2026-12-31T00:00:00Z') };
    const pick = (rows: { key: string | null }[], key: string) => rows.find((r) => r.key === key);

    const byJob = await getFollowUpReport(deps, org, { ...period, group: 'job' });
    expect(byJob).toHaveLength(2);
    expect(pick(byJob, s.job.id)).toMatchObject({ interviewed: 1, outcomeDelivered: 1, promisesKept: 1 });
    expect(pick(byJob, job2.id)).toMatchObject({
      label: 'Support Lead',
      interviewed: 2,
      outcomeDelivered: 0,
      promisesKept: 0,
    });

    const byOwner = await getFollowUpReport(deps, org, { ...period, group: 'owner' });
    expect(pick(byOwner, s.recruiter.id)).toMatchObject({ interviewed: 1, promisesKept: 1 });
    expect(pick(byOwner, other.id)).toMatchObject({ label: 'Olive Other', interviewed: 2, promisesKept: 0 });

    const byWeek = await getFollowUpReport(deps, org, { ...period, group: 'week' });
    expect(byWeek).toHaveLength(1);
    expect(byWeek[0]).toMatchObject({
      key: '2026-11-30',
      interviewed: 3,
      outcomeDelivered: 1,
      promisesKept: 1,
    });
  });

  it('buckets by month for the charts, and follows one job or person over time', async () => {
    const clock = new ManualClock('2026-11-24T15:00:00Z'); // Tuesday
    const deps = { db, clock };
    const s = await buildInterviewScenario(deps);
    const org = s.organization.id;
    const other = await buildMember(deps, org, { role: 'recruiter', name: 'Mona Month' });
    const job2 = await buildJob(deps, org, { title: 'Account Executive', recruiterId: other.id });
    // November: the scenario's interview, delivered within its promise (kept).
    await closeInterview(deps, org, s.interview.id, { statement: 'within 2 business days' });
    clock.advance(HOUR);
    await deliverOutcome(deps, org, s.application.id, s.recruiter.id);
    // December: two interviews on job 2, none delivered; one candidate asks for news.
    clock.set('2026-12-08T15:00:00Z');
    const decApps: string[] = [];
    for (let i = 0; i < 2; i++)
      decApps.push(await closedApplication(deps, org, job2.id, 'within 2 business days'));
    await logTouchpoint(
      deps,
      org,
      {
        applicationId: decApps[0]!,
        channel: 'email',
        kind: 'check_in',
        fromParty: 'candidate',
        toParty: 'team',
      },
      { memberId: other.id },
    );
    clock.set('2026-12-20T15:00:00Z');
    const period = { from: new Date('2026-11-01T00:00:00Z'), to: new Date('2026-12-31T00:00:00Z') };

    const byMonth = await getFollowUpReport(deps, org, { ...period, group: 'month' });
    expect(byMonth.map((r) => r.key)).toEqual(['2026-11', '2026-12']);
    expect(byMonth[0]).toMatchObject({
      interviewed: 1,
      outcomeDelivered: 1,
      closureRate: 1,
      promisesKept: 1,
    });
    expect(byMonth[1]).toMatchObject({
      interviewed: 2,
      outcomeDelivered: 0,
      closureRate: 0,
      promisesBroken: 2,
      overdueNow: 2,
      statusInquiries: 1,
    });

    const personOverTime = await getFollowUpReport(deps, org, {
      ...period,
      group: 'month',
      ownerId: other.id,
    });
    expect(personOverTime.map((r) => [r.key, r.interviewed])).toEqual([['2026-12', 2]]);
    const jobOverTime = await getFollowUpReport(deps, org, { ...period, group: 'week', jobId: s.job.id });
    expect(jobOverTime.map((r) => [r.key, r.interviewed, r.promisesKept])).toEqual([['2026-11-23', 1, 1]]);
  });
  it('counts the updates sent, the status inquiries and the mean rating of each group’s applications', async () => {
    const clock = new ManualClock('2026-12-01T15:00:00Z'); // Tuesday
    const identity = { from: { name: 'Hearback', address: 'hb@localhost' }, domain: 'localhost' };
    const deps = { db, clock, identity };
    const s = await buildInterviewScenario(deps);
    const org = s.organization.id;
    const job2 = await buildJob(deps, org, { title: 'Account Executive', recruiterId: s.recruiter.id });
    await closeInterview(deps, org, s.interview.id, { statement: 'within 2 business days' });
    const second = await closedApplication(deps, org, s.job.id, 'within 2 business days');
    const third = await closedApplication(deps, org, job2.id, 'within 2 business days');
    // The first candidate is told the decision is on hold: an update, drafted, sent and delivered.
    await recordDecision(deps, org, s.application.id, { outcome: 'hold' }, { memberId: s.manager.id });
    const update = await draftOutcomeMessage(
      deps,
      org,
      { applicationId: s.application.id },
      { memberId: s.recruiter.id },
    );
    expect(update.kind).toBe('update');
    await sendMessage(deps, org, update.id, {}, { memberId: s.recruiter.id });
    clock.advance(11 * 60_000);
    const transport = createDevMailboxTransport(db.system(), clock);
    await dispatchDueMessages(
      { db, clock, transport, identity },
      { batchSize: 10, leaseMs: 60_000, maxAttempts: 3 },
    );
    // The second candidate asks for news; the first two rate their experience 5 and 2, the third 1.
    await logTouchpoint(
      deps,
      org,
      { applicationId: second, channel: 'email', kind: 'check_in', fromParty: 'candidate', toParty: 'team' },
      { memberId: s.recruiter.id },
    );
    const rate = (applicationId: string, rating: number) =>
      upsertRating(db.tenant(org), {
        orgId: org,
        applicationId,
        rating,
        comment: '',
        createdAt: clock.now(),
      });
    await rate(s.application.id, 5);
    await rate(second, 2);
    await rate(third, 1);
    const period = { from: new Date('2026-11-01T00:00:00Z'), to: new Date('2026-12-31T00:00:00Z') };

    const [total] = await getFollowUpReport(deps, org, { ...period, group: 'none' });
    expect(total).toMatchObject({ interviewed: 3, updatesSent: 1, statusInquiries: 1, averageRating: 2.7 });
    const byJob = await getFollowUpReport(deps, org, { ...period, group: 'job' });
    const row = (jobId: string) => byJob.find((r) => r.key === jobId);
    expect(row(s.job.id)).toMatchObject({
      interviewed: 2,
      updatesSent: 1,
      statusInquiries: 1,
      averageRating: 3.5,
    });
    expect(row(job2.id)).toMatchObject({
      interviewed: 1,
      updatesSent: 0,
      statusInquiries: 0,
      averageRating: 1,
    });
    // Filtered to one job, the other job's rating and inquiries do not count.
    const [oneJob] = await getFollowUpReport(deps, org, { ...period, group: 'none', jobId: job2.id });
    expect(oneJob).toMatchObject({ interviewed: 1, updatesSent: 0, statusInquiries: 0, averageRating: 1 });
  });
});
