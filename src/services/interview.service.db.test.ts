import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import { AppError } from '../errors.ts';
import { backends, openTestDb } from '../../test/support/db.ts';
import { buildCandidate, buildInterviewScenario, buildMember } from '../../test/support/factories.ts';
import { createApplication } from './application.service.ts';
import { getFollowUp, listFollowUpsPage } from './follow-up.service.ts';
import { changeCandidate } from './candidate.service.ts';
import { closeInterview, createInterview, previewCloseInterview } from './interview.service.ts';
import { changeJob } from './job.service.ts';
import { changeMember } from './member.service.ts';

describe.each(backends)('closeInterview on %s', (backend) => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb(backend);
  });
  afterAll(async () => {
    await db.close();
  });

  // Wednesday 23 December 2026, 16:00 in London: Christmas and the Boxing Day substitute follow.
  const wednesdayBeforeChristmas = new Date('2026-12-23T16:00:00Z');

  it('resolves the statement in the organization calendar and opens the outcome follow-up', async () => {
    const clock = new ManualClock(wednesdayBeforeChristmas);
    const deps = { db, clock };
    const s = await buildInterviewScenario(deps, {
      policy: { timeZone: 'Europe/London', holidays: { country: 'GB' } },
    });
    const closed = await closeInterview(deps, s.organization.id, s.interview.id, {
      statement: "We'll get back to you within three business days.",
    });
    expect(closed.promise).toMatchObject({
      dueDate: '2026-12-30',
      resolution: 'parsed',
      rule: 'business_days',
      ownerId: s.recruiter.id,
      timeZone: 'Europe/London',
      warnings: [],
    });
    expect(closed.promise.dueAt.toISOString()).toBe('2026-12-30T17:00:00.000Z');
    expect(closed.followUp).toMatchObject({
      kind: 'outcome',
      owedBy: 'team',
      owedTo: 'candidate',
      ownerId: s.recruiter.id,
      status: 'open',
      interviewId: s.interview.id,
    });
    expect(closed.followUp.dueAt).toEqual(closed.promise.dueAt);
    expect(closed.interview.closedAt).toEqual(wednesdayBeforeChristmas);
  });

  it('falls back to the policy default with a vague warning, and honours the configured default', async () => {
    const deps = { db, clock: new ManualClock('2026-12-01T15:00:00Z') }; // a Tuesday
    const s = await buildInterviewScenario(deps, { policy: { defaultPromiseBusinessDays: 2 } });
    const closed = await closeInterview(deps, s.organization.id, s.interview.id, {
      statement: "We'll be in touch.",
    });
    expect(closed.promise).toMatchObject({
      resolution: 'policy_default',
      warnings: ['vague'],
      dueDate: '2026-12-03',
    });
  });

  it('uses the interview end time, not the close time, as the reference', async () => {
    const deps = { db, clock: new ManualClock('2026-12-07T10:00:00Z') }; // Monday
    const s = await buildInterviewScenario(deps, { interviewEndsAt: new Date('2026-12-04T16:00:00Z') }); // Friday
    const closed = await closeInterview(deps, s.organization.id, s.interview.id, {
      statement: 'You will hear from us tomorrow.',
    });
    expect(closed.promise.dueDate).toBe('2026-12-05');
  });

  it('accepts an explicit due time and an explicit owner', async () => {
    const deps = { db, clock: new ManualClock('2026-12-01T15:00:00Z') };
    const s = await buildInterviewScenario(deps);
    const due = new Date('2026-12-09T12:00:00Z');
    const closed = await closeInterview(deps, s.organization.id, s.interview.id, {
      statement: 'We will call you on the 9th at noon.',
      dueAt: due,
      ownerId: s.manager.id,
    });
    expect(closed.promise).toMatchObject({ resolution: 'explicit', ownerId: s.manager.id });
    expect(closed.followUp.dueAt).toEqual(due);
    expect(closed.followUp.ownerId).toBe(s.manager.id);
  });

  it('supersedes the open outcome promise of the application, keeping the history', async () => {
    const clock = new ManualClock('2026-12-01T15:00:00Z');
    const deps = { db, clock };
    const s = await buildInterviewScenario(deps);
    const orgId = s.organization.id;
    const first = await closeInterview(deps, orgId, s.interview.id, { statement: 'within 5 business days' });
    clock.advance(2 * 86_400_000);
    const second = await createInterview(deps, orgId, { applicationId: s.application.id, title: 'Final' });
    const closed = await closeInterview(deps, orgId, second.id, { statement: 'by Friday' });
    expect(closed.superseded.map((f) => f.id)).toEqual([first.followUp.id]);
    const old = await getFollowUp(deps, orgId, first.followUp.id);
    expect(old).toMatchObject({
      status: 'cancelled',
      cancelReason: 'superseded',
      supersededById: closed.followUp.id,
    });
    const open = await listFollowUpsPage(deps, orgId, {
      applicationId: s.application.id,
      status: 'open',
      kind: 'outcome',
      limit: 10,
    });
    expect(open.items.map((f) => f.id)).toEqual([closed.followUp.id]);
  });

  it('refuses to close twice, in the future, without an owner, or for a withdrawn candidate', async () => {
    const clock = new ManualClock('2026-12-01T15:00:00Z');
    const deps = { db, clock };
    const s = await buildInterviewScenario(deps);
    const orgId = s.organization.id;
    const codeOf = (p: Promise<unknown>) =>
      p.then(
        () => 'resolved',
        (e: unknown) => (e instanceof AppError ? e.code : String(e)),
      );
    expect(
      await codeOf(
        closeInterview(deps, orgId, s.interview.id, {
          statement: 'x',
          endedAt: new Date('2026-12-02T15:00:00Z'),
        }),
      ),
    ).toBe('validation_failed');
    expect(
      await codeOf(
        closeInterview(deps, orgId, s.interview.id, {
          statement: 'x',
          dueAt: new Date('2026-11-30T00:00:00Z'),
        }),
      ),
    ).toBe('validation_failed');
    await closeInterview(deps, orgId, s.interview.id, { statement: 'within a week' });
    expect(await codeOf(closeInterview(deps, orgId, s.interview.id, { statement: 'again' }))).toBe(
      'invalid_state',
    );

    // A job with nobody to own the promise.
    await changeJob(deps, orgId, s.job.id, { recruiterId: null, hiringManagerId: null });
    const other = await createApplication(deps, orgId, {
      jobId: s.job.id,
      candidateId: (await buildCandidate(deps, orgId)).id,
    });
    const iv = await createInterview(deps, orgId, { applicationId: other.id, title: 'Screen' });
    expect(await codeOf(closeInterview(deps, orgId, iv.id, { statement: 'soon' }))).toBe('owner_required');
    const gone = await buildMember(deps, orgId);
    await changeMember(deps, orgId, gone.id, { active: false });
    expect(await codeOf(closeInterview(deps, orgId, iv.id, { statement: 'soon', ownerId: gone.id }))).toBe(
      'invalid_state',
    );
  });

  it("never sees another organization's interview", async () => {
    const deps = { db, clock: new ManualClock('2026-12-01T15:00:00Z') };
    const a = await buildInterviewScenario(deps);
    const b = await buildInterviewScenario(deps);
    await expect(
      closeInterview(deps, b.organization.id, a.interview.id, { statement: 'x' }),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
    // and a's interview is untouched
    const list = await listFollowUpsPage(deps, a.organization.id, { limit: 10 });
    expect(list.items).toEqual([]);
  });

  it("follows the job's policy overrides: its default promise and calendar", async () => {
    const clock = new ManualClock('2026-12-01T15:00:00Z'); // Tuesday
    const deps = { db, clock };
    const s = await buildInterviewScenario(deps, { policy: { timeZone: 'UTC' } });
    await changeJob(deps, s.organization.id, s.job.id, {
      policyOverrides: { defaultPromiseBusinessDays: 2 },
    });
    const closed = await closeInterview(deps, s.organization.id, s.interview.id, { statement: '' });
    expect(closed.promise.resolution).toBe('policy_default');
    expect(closed.promise.dueDate).toBe('2026-12-03'); // two business days, not the organization's five
  });
});

describe.each(backends)('previewCloseInterview on %s', (backend) => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb(backend);
  });
  afterAll(async () => {
    await db.close();
  });

  it("shows the due time in the candidate's and the owner's zones, with the owner and the advice", async () => {
    const clock = new ManualClock('2026-12-01T15:00:00Z'); // Tuesday
    const deps = { db, clock };
    const s = await buildInterviewScenario(deps, { policy: { timeZone: 'America/New_York' } });
    const org = s.organization.id;
    await changeCandidate(deps, org, s.candidate.id, { timeZone: 'Europe/Berlin' });
    await changeMember(deps, org, s.recruiter.id, { timeZone: 'America/Los_Angeles' });

    const p = await previewCloseInterview(deps, org, s.interview.id, { statement: 'by Friday' });
    expect(p).toMatchObject({
      dueDate: '2026-12-04',
      timeZone: 'America/New_York',
      resolution: 'parsed',
      owner: { id: s.recruiter.id, name: 'Riley Recruiter' },
      warnings: [],
      candidate: { timeZone: 'Europe/Berlin', dueAt: '2026-12-04T23:00:00.000+01:00' },
      team: { timeZone: 'America/Los_Angeles', dueAt: '2026-12-04T14:00:00.000-08:00' },
    });
    expect(new Date(p.dueAt).toISOString()).toBe('2026-12-04T22:00:00.000Z');

    const vague = await previewCloseInterview(deps, org, s.interview.id, {
      statement: "If you don't hear from us, assume it's a no.",
      ownerId: s.manager.id,
    });
    expect(vague.warnings).toContain('silent_rejection');
    expect(vague.advice.join(' ')).toMatch(/either way/);
    expect(vague.owner).toEqual({ id: s.manager.id, name: 'Hana Manager' });
    expect(vague.team.timeZone).toBe('America/New_York'); // the manager has no zone of their own

    // Nothing was saved.
    const list = await listFollowUpsPage(deps, org, { limit: 10 });
    expect(list.items).toEqual([]);
  });

  it("answers not found for another organization's interview and names no candidate zone when unknown", async () => {
    const clock = new ManualClock('2026-12-01T15:00:00Z');
    const deps = { db, clock };
    const a = await buildInterviewScenario(deps);
    const b = await buildInterviewScenario(deps);
    await expect(
      previewCloseInterview(deps, a.organization.id, b.interview.id, { statement: 'by Friday' }),
    ).rejects.toMatchObject({ code: 'not_found' });
    const p = await previewCloseInterview(deps, a.organization.id, a.interview.id, { statement: '' });
    expect(p.candidate).toBeNull();
    expect(p.warnings).toContain('vague');
  });
});
