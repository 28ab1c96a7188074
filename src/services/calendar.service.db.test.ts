import ical from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import { buildApp } from '../http/app.ts';
import type { Db } from '../db/db.ts';
import { listMessages } from '../repositories/message.repository.ts';
import { backends, openTestDb } from '../../test/support/db.ts';
import { buildInterviewScenario, buildMember } from '../../test/support/factories.ts';
import {
  cancelInterview,
  createCalendarFeed,
  renderCalendarFeed,
  rescheduleInterview,
  revokeCalendarFeed,
} from './calendar.service.ts';
import { changeCandidate } from './candidate.service.ts';
import { createInterview } from './interview.service.ts';
import { closeInterview } from './interview.service.ts';
import { saveTemplate } from './template.service.ts';

const identity = { from: { name: 'Acme Hiring', address: 'jobs@acme.test' }, domain: 'acme.test' };

function eventOf(ics: string): ical.VEvent {
  const events = Object.values(ical.sync.parseICS(ics)).filter((c): c is ical.VEvent => c?.type === 'VEVENT');
  expect(events).toHaveLength(1);
  return events[0]!;
}

describe.each(backends)('calendar invitations on %s', (backend) => {
  let db: Db;
  const clock = new ManualClock('2026-10-19T09:00:00Z');
  beforeAll(async () => {
    db = await openTestDb(backend);
  });
  afterAll(async () => {
    await db.close();
  });

  it('invites, updates across a DST change under one UID, tells a removed interviewer, and cancels', async () => {
    const deps = { db, clock, identity, publicUrl: 'https://hb.acme.test' };
    const s = await buildInterviewScenario(deps, { policy: { timeZone: 'Europe/London' } });
    const org = s.organization.id;
    await changeCandidate(deps, org, s.candidate.id, { timeZone: 'America/New_York' });
    const extra = await buildMember(deps, org, {
      role: 'interviewer',
      name: 'Ivo Interviewer',
      timeZone: 'Asia/Tokyo',
    });
    // Friday 23 October 2026, 10:00–11:00 in London (BST, UTC+1).
    const interview = await createInterview(deps, org, {
      applicationId: s.application.id,
      title: 'Panel interview',
      scheduledAt: new Date('2026-10-23T09:00:00Z'),
      endsAt: new Date('2026-10-23T10:00:00Z'),
      location: 'Acme, 1 Main Street',
      interviewerIds: [s.manager.id, extra.id],
    });
    expect(interview.invitationsSent).toBe(true);
    const first = (
      await listMessages(db.tenant(org), org, { applicationId: s.application.id }, { after: null, limit: 50 })
    ).filter((m) => m.kind === 'invitation');
    expect(first.map((m) => m.toAddress).sort()).toEqual(
      [s.candidate.email, s.manager.email, extra.email].sort(),
    );
    const toCandidate = first.find((m) => m.toAddress === s.candidate.email)!;
    expect(toCandidate.calendar!.ics).toContain('DTSTART;TZID=America/New_York:20261023T050000');
    const toTokyo = first.find((m) => m.toAddress === extra.email)!;
    expect(toTokyo.calendar!.ics).toContain('DTSTART;TZID=Asia/Tokyo:20261023T180000');
    const original = eventOf(toCandidate.calendar!.ics);
    expect(new Date(original.start).toISOString()).toBe('2026-10-23T09:00:00.000Z');
    expect(toCandidate.bodyText).toContain('Friday 23 October 2026, 05:00–06:00 (America/New_York)');

    // Moved to Monday 26 October, 10:00 London (now GMT, UTC+0), without Ivo.
    clock.advance(60_000);
    await rescheduleInterview(deps, org, interview.id, {
      scheduledAt: new Date('2026-10-26T10:00:00Z'),
      endsAt: new Date('2026-10-26T11:00:00Z'),
      interviewerIds: [s.manager.id],
    });
    const all = (
      await listMessages(db.tenant(org), org, { applicationId: s.application.id }, { after: null, limit: 50 })
    ).filter((m) => m.kind === 'invitation');
    const update = all.filter((m) => m.createdAt.getTime() === clock.now().getTime());
    const updated = eventOf(update.find((m) => m.toAddress === s.manager.email)!.calendar!.ics);
    expect(updated.uid).toBe(original.uid);
    expect(update.find((m) => m.toAddress === s.manager.email)!.calendar!.ics).toContain('SEQUENCE:1');
    expect(new Date(updated.start).toISOString()).toBe('2026-10-26T10:00:00.000Z');
    expect(update.find((m) => m.toAddress === s.manager.email)!.calendar!.ics).toContain(
      'DTSTART;TZID=Europe/London:20261026T100000',
    );
    expect(update.find((m) => m.toAddress === extra.email)!.calendar!.method).toBe('CANCEL');

    // Its end time is when the promise clock starts.
    clock.set('2026-10-26T11:30:00Z');
    const closed = await closeInterview(deps, org, interview.id, { statement: 'within two business days' });
    expect(closed.promise.dueAt.toISOString()).toBe('2026-10-28T17:00:00.000Z');
  });

  it('cancels with the same UID and a higher SEQUENCE', async () => {
    clock.set('2026-10-19T09:00:00Z');
    const deps = { db, clock, identity, publicUrl: 'https://hb.acme.test' };
    const s = await buildInterviewScenario(deps);
    const org = s.organization.id;
    const interview = await createInterview(deps, org, {
      applicationId: s.application.id,
      title: 'Call',
      scheduledAt: new Date('2026-10-21T14:00:00Z'),
      endsAt: new Date('2026-10-21T14:30:00Z'),
      interviewerIds: [s.manager.id],
    });
    clock.advance(60_000);
    await cancelInterview(deps, org, interview.id);
    const cancels = (
      await listMessages(db.tenant(org), org, { applicationId: s.application.id }, { after: null, limit: 50 })
    ).filter((m) => m.calendar?.method === 'CANCEL');
    expect(cancels).toHaveLength(2);
    const event = eventOf(cancels[0]!.calendar!.ics);
    expect(event.status).toBe('CANCELLED');
    expect(cancels[0]!.calendar!.ics).toContain('SEQUENCE:1');
    await expect(cancelInterview(deps, org, interview.id)).rejects.toMatchObject({ code: 'invalid_state' });
  });

  it('the candidate gets the team’s own invitation, update and cancellation templates; interviewers the fixed notice', async () => {
    clock.set('2026-10-19T09:00:00Z');
    const deps = { db, clock, identity, publicUrl: 'https://hb.acme.test' };
    const s = await buildInterviewScenario(deps, { policy: { timeZone: 'Europe/London' } });
    const org = s.organization.id;
    for (const [key, word] of [
      ['calendar_invitation', 'Booked'],
      ['calendar_update', 'Moved'],
      ['calendar_cancel', 'Off'],
    ] as const) {
      await saveTemplate(deps, org, key, {
        subject: `${word}: {{ interview.title }} with {{ organization.name }}`,
        body: `${word}, {{ candidate.first_name }}: {{ interview.title }}, {{ when }}{% if location != blank %} at {{ location }}{% endif %}. {{ owner.name }}`,
      });
    }
    const interview = await createInterview(deps, org, {
      applicationId: s.application.id,
      title: 'Coffee chat',
      scheduledAt: new Date('2026-10-21T14:00:00Z'),
      endsAt: new Date('2026-10-21T14:30:00Z'),
      location: 'Acme café',
      interviewerIds: [s.manager.id],
    });
    clock.advance(60_000);
    await rescheduleInterview(deps, org, interview.id, {
      scheduledAt: new Date('2026-10-22T14:00:00Z'),
      endsAt: new Date('2026-10-22T14:30:00Z'),
    });
    clock.advance(60_000);
    await cancelInterview(deps, org, interview.id);
    const sent = (
      await listMessages(db.tenant(org), org, { applicationId: s.application.id }, { after: null, limit: 50 })
    ).filter((m) => m.kind === 'invitation');
    const toCandidate = sent
      .filter((m) => m.toAddress === s.candidate.email)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    const first = s.candidate.name.split(' ')[0];
    expect(toCandidate.map((m) => m.subject)).toEqual([
      `Booked: Coffee chat with ${s.organization.name}`,
      `Moved: Coffee chat with ${s.organization.name}`,
      `Off: Coffee chat with ${s.organization.name}`,
    ]);
    expect(toCandidate[1]!.bodyText).toBe(
      `Moved, ${first}: Coffee chat, Thursday 22 October 2026, 15:00–15:30 (Europe/London) at Acme café. ${s.recruiter.name}`,
    );
    // The calendar event carries the same words.
    expect(eventOf(toCandidate[1]!.calendar!.ics).description).toBe(toCandidate[1]!.bodyText);
    // Interviewers keep the fixed notice.
    const toManager = sent.filter((m) => m.toAddress === s.manager.email);
    expect(toManager.every((m) => !/^(Booked|Moved|Off)/.test(m.subject))).toBe(true);
  });

  it('a member’s private feed lists their interviews and due follow-ups until it is revoked', async () => {
    clock.set('2026-10-19T09:00:00Z');
    const deps = { db, clock, identity, publicUrl: 'https://hb.acme.test' };
    const s = await buildInterviewScenario(deps);
    const org = s.organization.id;
    await createInterview(deps, org, {
      applicationId: s.application.id,
      title: 'Second round',
      scheduledAt: new Date('2026-10-22T13:00:00Z'),
      endsAt: new Date('2026-10-22T14:00:00Z'),
      interviewerIds: [s.recruiter.id],
    });
    await closeInterview(deps, org, s.interview.id, { statement: 'by Friday' });
    const { url } = await createCalendarFeed(deps, org, s.recruiter.id);
    expect(url).toMatch(/^https:\/\/hb\.acme\.test\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const token = /calendar\/(.+)\.ics$/.exec(url)![1]!;
    const ics = (await renderCalendarFeed(deps, token))!;
    // The same through the public route, which calendar apps subscribe to.
    const app = await buildApp({ ...deps });
    try {
      const res = await app.inject({ method: 'GET', url: `/calendar/${token}.ics` });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/calendar');
      expect(res.body).toContain('BEGIN:VCALENDAR');
      expect((await app.inject({ method: 'GET', url: `/calendar/${'A'.repeat(43)}.ics` })).statusCode).toBe(
        404,
      );
    } finally {
      await app.close();
    }
    const events = Object.values(ical.sync.parseICS(ics)).filter(
      (c): c is ical.VEvent => c?.type === 'VEVENT',
    );
    expect(events.map((e) => e.summary).sort()).toEqual([
      'Due: outcome for Casey Candidate (Account Executive)',
      'Second round: Casey Candidate (Account Executive)',
    ]);
    await revokeCalendarFeed(deps, org, s.recruiter.id);
    expect(await renderCalendarFeed(deps, token)).toBeNull();
    expect(await renderCalendarFeed(deps, 'x'.repeat(43))).toBeNull();
  });
});
