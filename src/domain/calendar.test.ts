import ical from 'node-ical';
import { describe, expect, it } from 'vitest';
import { buildFeedIcs, buildInvitationIcs, interviewUid, type InterviewInvitation } from './calendar.ts';

/** The single VEVENT of a calendar, parsed by node-ical (a real parser, not ours). */
function onlyEvent(ics: string): ical.VEvent {
  const events = Object.values(ical.sync.parseICS(ics)).filter((c): c is ical.VEvent => c?.type === 'VEVENT');
  expect(events).toHaveLength(1);
  return events[0]!;
}

const base: InterviewInvitation = {
  uid: interviewUid('7d3c1f2e-0000-4000-8000-000000000001', 'acme.test'),
  sequence: 0,
  method: 'REQUEST',
  title: 'Panel interview: Account Executive',
  description: 'With Hana Manager. Your status page: https://hearback.acme.test/s/x',
  location: 'Acme, 1 Main Street, London',
  // Monday 26 October 2026, the day after the UK leaves summer time: 10:00–11:00 in London is UTC.
  start: new Date('2026-10-26T10:00:00Z'),
  end: new Date('2026-10-26T11:00:00Z'),
  timeZone: 'Europe/London',
  organizer: { name: 'Riley Recruiter', email: 'riley@acme.test' },
  attendees: [{ name: 'Casey Candidate', email: 'casey@example.com' }],
  stamp: new Date('2026-10-20T09:00:00Z'),
};

describe('interview invitations', () => {
  it('parse in a real calendar parser with the right instant and the recipient’s zone', () => {
    const ics = buildInvitationIcs(base);
    expect(ics).toContain('METHOD:REQUEST');
    expect(ics).toContain('BEGIN:VTIMEZONE');
    expect(ics).toContain('DTSTAMP:20261020T090000Z');
    expect(ics).toContain('DTSTART;TZID=Europe/London:20261026T100000');
    const event = onlyEvent(ics);
    expect(event.uid).toBe(base.uid);
    expect(new Date(event.start).toISOString()).toBe('2026-10-26T10:00:00.000Z');
    expect(new Date(event.end!).toISOString()).toBe('2026-10-26T11:00:00.000Z');
    expect(event.start.tz).toBe('Europe/London');
    expect(event.summary).toBe(base.title);
  });

  it('keep the instant across a DST change, whichever zone the recipient is in', () => {
    // Moved from Friday 23 October (London on BST, UTC+1) to Monday 26 October (GMT): the same
    // 10:00 wall-clock time is two different UTC offsets; New York changes a week later.
    const before = {
      ...base,
      start: new Date('2026-10-23T09:00:00Z'),
      end: new Date('2026-10-23T10:00:00Z'),
    };
    const london = buildInvitationIcs(before);
    expect(london).toContain('DTSTART;TZID=Europe/London:20261023T100000');
    expect(new Date(onlyEvent(london).start).toISOString()).toBe('2026-10-23T09:00:00.000Z');
    const newYork = buildInvitationIcs({ ...base, timeZone: 'America/New_York' });
    expect(newYork).toContain('DTSTART;TZID=America/New_York:20261026T060000');
    expect(new Date(onlyEvent(newYork).start).toISOString()).toBe('2026-10-26T10:00:00.000Z');
    // Sunday 1 November 2026, 01:30 in New York happens twice; the instant decides which.
    const ambiguous = buildInvitationIcs({
      ...base,
      timeZone: 'America/New_York',
      start: new Date('2026-11-01T06:30:00Z'), // the second 01:30 (EST)
      end: new Date('2026-11-01T07:30:00Z'),
    });
    expect(new Date(onlyEvent(ambiguous).start).toISOString()).toBe('2026-11-01T06:30:00.000Z');
  });

  it('keep the UID and raise SEQUENCE on an update; cancel under the same UID', () => {
    const update = buildInvitationIcs({
      ...base,
      sequence: 1,
      start: new Date('2026-10-27T14:00:00Z'),
      end: new Date('2026-10-27T15:00:00Z'),
    });
    const cancel = buildInvitationIcs({ ...base, sequence: 2, method: 'CANCEL' });
    const u = onlyEvent(update);
    const c = onlyEvent(cancel);
    expect([u.uid, c.uid]).toEqual([base.uid, base.uid]);
    expect(update).toContain('SEQUENCE:1');
    expect(cancel).toContain('SEQUENCE:2');
    expect(cancel).toContain('METHOD:CANCEL');
    expect(c.status).toBe('CANCELLED');
    expect(update).toContain('RSVP=TRUE');
  });

  it('escape what people typed', () => {
    const ics = buildInvitationIcs({ ...base, title: 'Panel; with, commas\nand a newline' });
    const event = onlyEvent(ics);
    expect(event.summary).toBe('Panel; with, commas\nand a newline');
    expect(ics).not.toMatch(/^and a newline/m);
  });
});

describe('a member’s feed', () => {
  it('lists interviews and due follow-ups', () => {
    const ics = buildFeedIcs({
      name: 'Hearback — Riley',
      timeZone: 'Europe/Berlin',
      stamp: new Date('2026-10-20T09:00:00Z'),
      entries: [
        {
          type: 'interview',
          uid: base.uid,
          sequence: 3,
          title: 'Panel',
          start: base.start,
          end: base.end,
          location: '',
          cancelled: false,
          url: 'https://x.test/#/a/1',
        },
        {
          type: 'follow_up',
          uid: 'follow-up-1@acme.test',
          title: 'Outcome owed to Casey',
          due: new Date('2026-10-30T16:00:00Z'),
          url: 'https://x.test/#/a/1',
        },
      ],
    });
    const events = Object.values(ical.sync.parseICS(ics)).filter(
      (c): c is ical.VEvent => c?.type === 'VEVENT',
    );
    expect(events.map((e) => e.summary).sort()).toEqual(['Outcome owed to Casey', 'Panel']);
    const due = events.find((e) => e.summary === 'Outcome owed to Casey')!;
    expect(new Date(due.end!).toISOString()).toBe('2026-10-30T16:00:00.000Z');
    expect(due.end!.tz).toBe('Europe/Berlin');
  });
});
