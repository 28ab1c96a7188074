import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import type { Member } from '../domain/model.ts';
import { setMemberPassword } from '../services/auth.service.ts';
import { closeInterview, createInterview } from '../services/interview.service.ts';
import { sweepOwnedFollowUps } from '../services/owned-sweep.service.ts';
import { sweepFollowUps } from '../services/sweep.service.ts';
import { backends, openTestDb } from '../../test/support/db.ts';
import { buildInterviewScenario, buildMember } from '../../test/support/factories.ts';
import { buildApp } from './app.ts';

const PASSWORD = 'waiting on me passphrase 1';
const identity = { from: { name: 'Acme', address: 'jobs@acme.test' }, domain: 'acme.test' };
// The chain inside the team is tracked when the policy sets its times.
const ON = { feedbackDueBusinessDays: 1, decideByBusinessDaysBefore: 1 };

interface Item {
  id: string;
  kind: string;
  ownerId: string | null;
  owner: { id: string; name: string } | null;
  applicationId: string;
  interview: { id: string; title: string; scheduledAt: string | null; endsAt: string | null } | null;
}

/**
 * Issue 17, each role its view: the filters behind "Scorecards I owe" and "Waiting on me"
 * (`ownerId` + `kind`, `hiringManagerId`, `escalatedTo`), and handing a follow-up on
 * (`POST /follow-ups/{id}/reassign`) with its refusals: another organization's follow-up or member,
 * an interviewer acting or named, a scorecard, a closed follow-up.
 */
describe.each(backends)('scorecards I owe, waiting on me and reassigning on %s', (backend) => {
  let db: Db;
  let app: FastifyInstance;
  const clock = new ManualClock('2026-12-01T15:00:00Z'); // Tuesday, UTC business hours
  const deps = () => ({ db, clock, identity, publicUrl: 'https://hire.example.test' });

  beforeAll(async () => {
    db = await openTestDb(backend);
    app = await buildApp({ db, clock, identity, publicUrl: 'https://hire.example.test' });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  /** A signed-in member's calls (cookie and CSRF token, as the web app makes them). */
  async function as(orgId: string, member: Member) {
    await setMemberPassword(deps(), orgId, member.id, PASSWORD);
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: member.email, password: PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'hb_session')!.value;
    const csrf = res.json<{ csrfToken: string }>().csrfToken;
    return async (method: 'GET' | 'POST', url: string, body?: object) => {
      const r = await app.inject({
        method,
        url: `/api/v1${url}`,
        cookies: { hb_session: cookie },
        headers: { 'x-csrf-token': csrf },
        ...(body && { payload: body }),
      });
      return { status: r.statusCode, body: r.json<any>() };
    };
  }

  /** An organization whose interview closed on Tuesday with a promise for Friday, swept on Monday. */
  async function buildEscalated() {
    clock.set('2026-12-01T15:00:00Z');
    const s = await buildInterviewScenario(deps(), { policy: ON });
    const org = s.organization.id;
    const ivan = await buildMember(deps(), org, { role: 'interviewer', name: 'Ivan Interviewer' });
    const panel = await createInterview(deps(), org, {
      applicationId: s.application.id,
      title: 'Onsite',
      endsAt: new Date('2026-12-01T14:00:00Z'),
      interviewerIds: [s.manager.id, ivan.id],
    });
    await closeInterview(deps(), org, panel.id, {
      statement: 'by Friday',
      dueAt: new Date('2026-12-04T17:00:00Z'),
    });
    return { ...s, org, ivan, panel };
  }

  it('lists the scorecards an interviewer owes with their interview, and what waits on the hiring manager', async () => {
    const s = await buildEscalated();
    const ivan = await as(s.org, s.ivan);
    const owed = await ivan('GET', `/follow-ups?status=open&ownerId=${s.ivan.id}&kind=feedback_due`);
    expect(owed.status).toBe(200);
    expect(owed.body.items).toHaveLength(1);
    expect(owed.body.items[0]).toMatchObject({
      kind: 'feedback_due',
      owedTo: 'team',
      ownerId: s.ivan.id,
      dueAt: '2026-12-02T17:00:00.000Z',
      dueWords: 'due in 26 hours',
      interview: { id: s.panel.id, title: 'Onsite', endsAt: '2026-12-01T14:00:00.000Z' },
    });
    // The session says what the member may do, and the server's time the words are measured from.
    const session = await ivan('GET', '/auth/session');
    expect(session.body.now).toBe('2026-12-01T15:00:00.000Z');
    expect(session.body.permissions).toContain('feedback:write');
    expect(session.body.permissions).not.toContain('follow_ups:write');

    // Monday: Ivan's scorecard went to the hiring manager; the broken promise too (at once, by the
    // default ladder), and the candidate was given a new date (a new outcome row carrying the ladder).
    clock.set('2026-12-07T15:00:00Z');
    await sweepOwnedFollowUps(deps(), { batchSize: 50, onlyOrgId: s.org });
    const swept = await sweepFollowUps(
      { ...deps(), appUrl: 'https://hire.example.test' },
      { batchSize: 50, onlyOrgId: s.org },
    );
    expect(swept.escalations).toBeGreaterThan(0);

    const hana = await as(s.org, s.manager);
    const escalated = await hana('GET', `/follow-ups?status=open&escalatedTo=${s.manager.id}`);
    expect(escalated.status).toBe(200);
    const kinds = (escalated.body.items as Item[]).map((f) => `${f.kind}:${f.owner?.name}`).sort();
    // Her own scorecard too: she interviewed, and the escalation of a scorecard goes to the hiring manager.
    expect(kinds).toEqual([
      'feedback_due:Hana Manager',
      'feedback_due:Ivan Interviewer',
      'outcome:Riley Recruiter',
    ]);
    // Escalated to the hiring manager is not escalated to the recruiter.
    const riley = await as(s.org, s.recruiter);
    expect((await riley('GET', `/follow-ups?status=open&escalatedTo=${s.recruiter.id}`)).body.items).toEqual(
      [],
    );

    const decideBy = await hana('GET', `/follow-ups?status=open&ownerId=${s.manager.id}&kind=decision_due`);
    expect((decideBy.body.items as Item[]).map((f) => f.applicationId)).toEqual([s.application.id]);
    const ofMyJobs = await hana(
      'GET',
      `/follow-ups?status=open&kind=outcome&hiringManagerId=${s.manager.id}`,
    );
    expect((ofMyJobs.body.items as Item[]).map((f) => f.applicationId)).toEqual([s.application.id]);
    expect(
      (await hana('GET', `/follow-ups?status=open&hiringManagerId=${s.recruiter.id}`)).body.items,
    ).toEqual([]);
  });

  it('hands a follow-up on: the new owner has it, it leaves "escalated to me", and it is on record', async () => {
    const s = await buildEscalated();
    clock.set('2026-12-07T15:00:00Z');
    await sweepFollowUps(
      { ...deps(), appUrl: 'https://hire.example.test' },
      { batchSize: 50, onlyOrgId: s.org },
    );
    const rae = await buildMember(deps(), s.org, { role: 'recruiter', name: 'Rae Second' });
    const hana = await as(s.org, s.manager);
    const [outcome] = (await hana('GET', `/follow-ups?status=open&escalatedTo=${s.manager.id}`)).body
      .items as Item[];
    expect(outcome?.kind).toBe('outcome');

    const moved = await hana('POST', `/follow-ups/${outcome!.id}/reassign`, {
      ownerId: rae.id,
      reason: 'Rae covers this role while Riley is away',
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ id: outcome!.id, ownerId: rae.id, owner: { name: 'Rae Second' } });
    // Its reminders now go to Rae; the ladder keeps its place.
    expect(moved.body.escalationLevel).toBeGreaterThan(0);
    expect((await hana('GET', `/follow-ups?status=open&escalatedTo=${s.manager.id}`)).body.items).toEqual([]);
    expect(
      (await hana('GET', `/follow-ups?status=open&ownerId=${rae.id}`)).body.items.map((f: Item) => f.id),
    ).toEqual([outcome!.id]);

    const audit = await db.query<{ action: string; actor_id: string; data: Record<string, unknown> }>(
      `SELECT action, actor_id, data FROM audit_log WHERE org_id = $1 AND action = 'follow_up_reassigned'`,
      [s.org],
    );
    expect(audit).toEqual([
      {
        action: 'follow_up_reassigned',
        actor_id: s.manager.id,
        data: {
          fromOwnerId: s.recruiter.id,
          toOwnerId: rae.id,
          reason: 'Rae covers this role while Riley is away',
        },
      },
    ]);
    // Rae is told at once, with a link to it: a promise handed on in silence would wait on nobody.
    const notices = await db.query<{
      to_address: string;
      subject: string;
      body_text: string;
      status: string;
    }>(
      `SELECT to_address, subject, body_text, status FROM messages
        WHERE org_id = $1 AND to_member_id = $2 AND subject LIKE 'Handed to you%'`,
      [s.org, rae.id],
    );
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ to_address: rae.email, status: 'scheduled' });
    expect(notices[0]!.body_text).toContain('Hana Manager handed you the outcome owed to');
    expect(notices[0]!.body_text).toContain('Why: Rae covers this role while Riley is away');
    expect(notices[0]!.body_text).toContain(`https://hire.example.test/#/applications/${s.application.id}`);
    const events = await hana('GET', `/applications/${s.application.id}/events?limit=200`);
    expect(events.body.items.map((e: { type: string }) => e.type)).toContain('follow_up_reassigned');

    // Handing it to who already owns it changes nothing and records nothing.
    expect((await hana('POST', `/follow-ups/${outcome!.id}/reassign`, { ownerId: rae.id })).status).toBe(200);
    expect(
      await db.query(`SELECT 1 FROM audit_log WHERE org_id = $1 AND action = 'follow_up_reassigned'`, [
        s.org,
      ]),
    ).toHaveLength(1);
  });

  it('refuses another organization, an interviewer, a scorecard and a closed follow-up', async () => {
    const s = await buildEscalated();
    const other = await buildEscalated();
    const hana = await as(s.org, s.manager);
    const open = (await hana('GET', `/follow-ups?status=open&applicationId=${s.application.id}`)).body
      .items as Item[];
    const decideBy = open.find((f) => f.kind === 'decision_due')!;
    const scorecard = open.find((f) => f.kind === 'feedback_due' && f.ownerId === s.ivan.id)!;
    const theirs = (
      await (
        await as(other.org, other.manager)
      )('GET', `/follow-ups?status=open&applicationId=${other.application.id}&kind=decision_due`)
    ).body.items[0] as Item;

    // Another organization's follow-up is not found; its member is no member of ours.
    const foreign = await hana('POST', `/follow-ups/${theirs.id}/reassign`, { ownerId: s.recruiter.id });
    expect(foreign.status).toBe(404);
    const stranger = await hana('POST', `/follow-ups/${decideBy.id}/reassign`, {
      ownerId: other.recruiter.id,
    });
    expect(stranger.status).toBe(422);
    expect(stranger.body).toMatchObject({ code: 'invalid_reference' });
    // An interviewer may not hand anything on, nor own a decision.
    const ivan = await as(s.org, s.ivan);
    expect(
      (await ivan('POST', `/follow-ups/${scorecard.id}/reassign`, { ownerId: s.recruiter.id })).status,
    ).toBe(403);
    const toInterviewer = await hana('POST', `/follow-ups/${decideBy.id}/reassign`, { ownerId: s.ivan.id });
    expect(toInterviewer.status).toBe(400);
    expect(toInterviewer.body).toMatchObject({ code: 'validation_failed' });
    // A scorecard is the interviewer's own.
    const handScorecard = await hana('POST', `/follow-ups/${scorecard.id}/reassign`, {
      ownerId: s.recruiter.id,
    });
    expect(handScorecard.status).toBe(409);
    expect(handScorecard.body).toMatchObject({ code: 'invalid_state', reason: 'scorecard' });
    // A deactivated member cannot take it; a body naming the actor is a 400 like any unknown field.
    const gone = await buildMember(deps(), s.org, { role: 'recruiter', name: 'Gone Recruiter' });
    await db
      .tenant(s.org)
      .transaction((tx) =>
        tx.query(`UPDATE members SET active = false WHERE org_id = $1 AND id = $2`, [s.org, gone.id]),
      );
    expect((await hana('POST', `/follow-ups/${decideBy.id}/reassign`, { ownerId: gone.id })).status).toBe(
      409,
    );
    expect(
      (
        await hana('POST', `/follow-ups/${decideBy.id}/reassign`, {
          ownerId: s.recruiter.id,
          memberId: s.manager.id,
        })
      ).status,
    ).toBe(400);
    // Nothing above changed it; a cancelled follow-up is not handed on.
    expect((await hana('GET', `/follow-ups/${decideBy.id}`)).body.ownerId).toBe(s.manager.id);
    await hana('POST', `/follow-ups/${decideBy.id}/cancel`, { reason: 'Decided in the debrief' });
    const closed = await hana('POST', `/follow-ups/${decideBy.id}/reassign`, { ownerId: s.recruiter.id });
    expect(closed.status).toBe(409);
    expect(closed.body).toMatchObject({ code: 'invalid_state', currentStatus: 'cancelled' });
  });
});
