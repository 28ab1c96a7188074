import { describe, expect, it } from 'vitest';
import { checkMessage, hasBlockingFindings } from './message-check/index.ts';
import { DEFAULT_TEMPLATES } from './template-copy.ts';
import { renderTemplate, validateTemplate } from './template-engine.ts';
import {
  contactHow,
  describeWrittenPromiseSend,
  describeWrittenPromiseSkipped,
  promiseDueWords,
  writtenPromiseContext,
} from './written-promise.ts';

// Wednesday 9 December 2026, 17:00 in London.
const DUE = new Date('2026-12-09T17:00:00Z');

const facts = (overrides: Partial<Parameters<typeof writtenPromiseContext>[0]> = {}) =>
  writtenPromiseContext({
    organizationName: 'Northwind',
    candidateName: 'Alex Morgan',
    jobTitle: 'Product Designer',
    interviewTitle: 'Portfolio review',
    ownerName: 'Sam Lee',
    ownerEmail: 'sam.lee@northwind.example',
    statement: 'You will hear from us within 3 business days.',
    dueAt: DUE,
    timeZone: 'America/New_York',
    contactWords: 'by email',
    statusLink: 'https://hire.example/s/link-hidden',
    ...overrides,
  });

describe('the promised time in the candidate’s zone', () => {
  it.each([
    ['Europe/London', 'Wednesday 9 December, 17:00'],
    ['America/New_York', 'Wednesday 9 December, 12:00'],
    ['Asia/Tokyo', 'Thursday 10 December, 02:00'], // past midnight: the candidate's day, not ours
    ['Australia/Adelaide', 'Thursday 10 December, 03:30'], // a half-hour zone in its summer time
    ['Pacific/Kiritimati', 'Thursday 10 December, 07:00'],
  ])('in %s it reads %s', (zone, words) => {
    expect(promiseDueWords(DUE, zone)).toBe(words);
  });

  it('follows daylight saving: the same London 17:00 is 12:00 or 13:00 in New York', () => {
    expect(promiseDueWords(new Date('2026-03-20T17:00:00Z'), 'America/New_York')).toBe(
      'Friday 20 March, 13:00',
    );
    expect(promiseDueWords(new Date('2026-03-27T17:00:00Z'), 'America/New_York')).toBe(
      'Friday 27 March, 13:00',
    );
    expect(promiseDueWords(new Date('2026-04-03T16:00:00Z'), 'America/New_York')).toBe(
      'Friday 3 April, 12:00',
    );
  });
});

describe('the default written-promise template', () => {
  const { subject, text, html } = renderTemplate(DEFAULT_TEMPLATES.written_promise, facts());

  it('thanks, says what happens next, who will contact them, how and by when in their zone, and links the status page', () => {
    expect(subject).toBe('Thank you for your time: when you will hear from us about Product Designer');
    expect(text).toContain('Hi Alex,');
    expect(text).toContain('Thank you for interviewing for the Product Designer role at Northwind.');
    expect(text).toContain('What happens next:');
    expect(text).toContain(
      'Sam Lee will contact you by email by Wednesday 9 December, 12:00 (America/New_York time)',
    );
    expect(text).toContain('https://hire.example/s/link-hidden');
  });

  it('passes the message check as an advance: next steps, who and the timeline, nothing blocking', () => {
    const check = checkMessage('advance', text);
    expect(check.elements).toEqual({ next_steps: true, who: true, timeline: true });
    expect(hasBlockingFindings(check)).toBe(false);
    expect(check.findings).toEqual([]);
  });

  it('escapes what people typed in the HTML version', () => {
    const hostile = renderTemplate(
      DEFAULT_TEMPLATES.written_promise,
      facts({ ownerName: '<img src=x onerror=alert(1)>', jobTitle: 'R&D "lead"' }),
    ).html;
    expect(hostile).not.toContain('<img');
    expect(hostile).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(hostile).toContain('R&amp;D &quot;lead&quot;');
    expect(html).toContain('<a href="https://hire.example/s/link-hidden"');
  });

  it('an organization’s version must keep the due time and the status link', () => {
    const withoutDue = {
      subject: 'Thanks',
      body: 'Hi {{ candidate.first_name }}, thanks! {{ status_link }}',
    };
    expect(validateTemplate('written_promise', withoutDue)).toEqual({
      ok: false,
      errors: ['Body: it must use {{ due }}; this email is not complete without it.'],
    });
    const withoutLink = { subject: 'Thanks', body: 'You will hear from {{ owner.name }} by {{ due }}.' };
    expect(validateTemplate('written_promise', withoutLink)).toEqual({
      ok: false,
      errors: ['Body: it must use {{ status_link }}; this email is not complete without it.'],
    });
    const own = {
      subject: 'Thanks from {{ organization.name }}',
      body: '{{ owner.name }} will be in touch {{ contact_how }} by {{ due }}.\n\n{% if status_link %}{{ status_link }}{% endif %}',
    };
    expect(validateTemplate('written_promise', own)).toEqual({ ok: true });
  });
});

describe('how the candidate will be contacted', () => {
  it.each([
    [{ finalStage: true, phoneFirstBusinessDays: 1, hasPhone: true }, 'by phone, with an email to follow'],
    [{ finalStage: true, phoneFirstBusinessDays: 0, hasPhone: true }, 'by email'],
    [{ finalStage: true, phoneFirstBusinessDays: 1, hasPhone: false }, 'by email'],
    [{ finalStage: false, phoneFirstBusinessDays: 1, hasPhone: true }, 'by email'],
  ])('%o → %s', (input, words) => {
    expect(contactHow(input).words).toBe(words);
  });
});

describe('what the person closing is told', () => {
  it('gives the send time in the candidate’s zone and in their own', () => {
    expect(
      describeWrittenPromiseSend({
        candidateName: 'Alex Morgan',
        sendAt: new Date('2026-12-07T14:00:00Z'),
        candidateTimeZone: 'America/New_York',
        yourTimeZone: 'Europe/Berlin',
      }),
    ).toBe(
      'A written note with this promise goes to Alex Morgan at Monday 7 December, 09:00 their time (America/New_York) — Monday 7 December, 15:00 your time (Europe/Berlin).',
    );
    expect(
      describeWrittenPromiseSend({
        candidateName: 'Alex Morgan',
        sendAt: new Date('2026-12-07T09:00:00Z'),
        candidateTimeZone: 'Europe/London',
        yourTimeZone: 'Europe/London',
      }),
    ).toBe(
      'A written note with this promise goes to Alex Morgan at Monday 7 December, 09:00 their time (Europe/London) — your time too.',
    );
  });

  it('says why none goes', () => {
    expect(describeWrittenPromiseSkipped({ kind: 'off', reason: 'The agency tells its candidates.' })).toBe(
      'No written note goes: this job does not send one (“The agency tells its candidates.”).',
    );
  });
});
