import { describe, expect, it } from 'vitest';
import { buildMessage, inBusinessHours, memberRecipient } from './message-builder.ts';

const base = {
  orgId: 'org',
  applicationId: 'app',
  kind: 'reminder' as const,
  replyTo: null,
  automatic: true,
  createdBy: null,
};

describe('buildMessage', () => {
  it('builds a member notice with its HTML from the escaped text, scheduled', () => {
    const at = new Date('2026-03-02T09:00:00Z');
    const m = buildMessage({
      ...base,
      to: memberRecipient({ id: 'm1', name: 'Jo', email: 'jo@example.test' }),
      content: { subject: 'Due <soon>', text: 'a & b' },
      send: { at, because: 'team_business_hours' },
    });
    expect(m).toMatchObject({
      audience: 'member',
      toMemberId: 'm1',
      toAddress: 'jo@example.test',
      toName: 'Jo',
      status: 'scheduled',
      sendAt: at,
      scheduledBecause: 'team_business_hours',
      followUpId: null,
      decisionId: null,
      checkKind: null,
    });
    expect(m.bodyHtml).toContain('a &amp; b');
    expect(m).not.toHaveProperty('calendar');
  });

  it('builds a candidate draft that waits for review, keeping rendered HTML', () => {
    const m = buildMessage({
      ...base,
      kind: 'outcome',
      to: { audience: 'candidate', name: 'Alex Doe', email: 'alex@example.test' },
      content: { subject: 'S', text: 'T', html: '<p>T</p>' },
      send: 'draft',
      checkKind: 'rejection',
      followUpId: 'f1',
    });
    expect(m).toMatchObject({
      audience: 'candidate',
      toMemberId: null,
      status: 'draft',
      sendAt: null,
      scheduledBecause: null,
      bodyHtml: '<p>T</p>',
      checkKind: 'rejection',
      followUpId: 'f1',
    });
  });
});

describe('inBusinessHours', () => {
  const cal = {
    timeZone: 'Europe/London',
    workingDays: [1, 2, 3, 4, 5],
    hours: { start: '09:00', end: '17:00' },
    holidays: null,
  };
  it('is now, immediately, inside business hours', () => {
    const now = new Date('2026-03-02T10:00:00Z'); // a Monday
    expect(inBusinessHours(now, cal, 'team_business_hours')).toEqual({ at: now, because: 'immediately' });
  });
  it('waits for the next opening outside them, saying why', () => {
    const now = new Date('2026-03-07T10:00:00Z'); // a Saturday
    expect(inBusinessHours(now, cal, 'team_business_hours')).toEqual({
      at: new Date('2026-03-09T09:00:00Z'),
      because: 'team_business_hours',
    });
  });
});
