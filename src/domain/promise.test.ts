import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR, type BusinessCalendar } from './business-time.ts';
import { PROMISE_WARNING_TEXT, resolvePromise, type PromiseWarning } from './promise.ts';

const cal = (timeZone: string, holidays: BusinessCalendar['holidays']): BusinessCalendar => ({
  ...DEFAULT_CALENDAR,
  timeZone,
  holidays,
});

const CALENDARS = {
  NY: cal('America/New_York', { country: 'US' }),
  LON: cal('Europe/London', { country: 'GB' }),
  BER: cal('Europe/Berlin', { country: 'DE' }),
  BY: cal('Europe/Berlin', { country: 'DE', region: 'BY' }),
  BE: cal('Europe/Berlin', { country: 'DE', region: 'BE' }),
  TYO: cal('Asia/Tokyo', { country: 'JP' }),
  SYD: cal('Australia/Sydney', { country: 'AU', region: 'NSW' }),
  UTC: DEFAULT_CALENDAR,
} satisfies Record<string, BusinessCalendar>;
type CalKey = keyof typeof CALENDARS;

// Wednesday 4 March 2026, 14:00 in New York (EST); US DST starts Sunday 8 March.
const WED_NY = '2026-03-04T19:00:00Z';

type Row = [
  statement: string,
  cal: CalKey,
  at: string,
  dueDate: string,
  rule: string,
  warnings: PromiseWarning[],
];

const ROWS: Row[] = [
  // business days, number words, ranges
  ['You will hear from us within 3 business days.', 'NY', WED_NY, '2026-03-09', 'business_days', []],
  ['within three business days', 'NY', WED_NY, '2026-03-09', 'business_days', []],
  ['We need ten working days to decide', 'NY', WED_NY, '2026-03-18', 'business_days', []],
  ['eleven working days', 'NY', WED_NY, '2026-03-19', 'business_days', []],
  ['in twenty business days', 'NY', WED_NY, '2026-04-01', 'business_days', []],
  ['within a couple of business days', 'NY', WED_NY, '2026-03-06', 'business_days', []],
  ['give us several business days', 'NY', WED_NY, '2026-03-11', 'business_days', []],
  ['3–5 business days', 'NY', WED_NY, '2026-03-11', 'business_days', []],
  ['expect 3 - 5 working-days', 'NY', WED_NY, '2026-03-11', 'business_days', []],
  ['within 2 business weeks', 'NY', WED_NY, '2026-03-18', 'business_days', []],
  ['by the next business day', 'NY', WED_NY, '2026-03-05', 'business_days', []],
  // calendar days and weeks
  ['in 5 days', 'NY', WED_NY, '2026-03-09', 'calendar_days', []],
  ['3 to 5 days', 'NY', WED_NY, '2026-03-09', 'calendar_days', []],
  ['We will get back to you in a week.', 'NY', WED_NY, '2026-03-11', 'calendar_days', []],
  ['in a couple of weeks', 'NY', WED_NY, '2026-03-18', 'calendar_days', []],
  ['a couple weeks, tops', 'NY', WED_NY, '2026-03-18', 'calendar_days', []],
  ['in a week or two', 'NY', WED_NY, '2026-03-18', 'calendar_days', []],
  ['one or two weeks', 'NY', WED_NY, '2026-03-18', 'calendar_days', []],
  ['1-2 weeks', 'NY', WED_NY, '2026-03-18', 'calendar_days', []],
  ['two to three weeks', 'NY', WED_NY, '2026-03-25', 'calendar_days', []],
  ['in two weeks’ time', 'NY', WED_NY, '2026-03-18', 'calendar_days', []],
  ['within a fortnight', 'NY', WED_NY, '2026-03-18', 'calendar_days', []],
  ['over the next few days', 'NY', WED_NY, '2026-03-07', 'calendar_days', []],
  ['in a few days', 'NY', WED_NY, '2026-03-07', 'calendar_days', []],
  ['in a day or two', 'NY', WED_NY, '2026-03-06', 'calendar_days', []],
  ['within the next week', 'NY', WED_NY, '2026-03-11', 'calendar_days', []],
  ['a week from now', 'NY', WED_NY, '2026-03-11', 'calendar_days', []],
  // hours
  ['within 24 hours', 'NY', WED_NY, '2026-03-05', 'hours', []],
  ['48h', 'NY', WED_NY, '2026-03-06', 'hours', []],
  ['within 72 hrs', 'NY', WED_NY, '2026-03-07', 'hours', []],
  ['within an hour', 'NY', WED_NY, '2026-03-04', 'hours', []],
  // today / tomorrow
  ['tomorrow', 'NY', WED_NY, '2026-03-05', 'tomorrow', []],
  ['We will call you by EOD.', 'NY', WED_NY, '2026-03-04', 'today', []],
  ['by end of day', 'NY', WED_NY, '2026-03-04', 'today', []],
  // weeks and months
  ['this week', 'NY', WED_NY, '2026-03-06', 'this_week', []],
  ['by the end of this week', 'NY', WED_NY, '2026-03-06', 'this_week', []],
  ['by Friday this week', 'NY', WED_NY, '2026-03-06', 'this_week', []],
  ['end of the week', 'NY', WED_NY, '2026-03-06', 'this_week', []],
  ['next week', 'NY', WED_NY, '2026-03-13', 'next_week', []],
  ['by the end of next week', 'NY', WED_NY, '2026-03-13', 'next_week', []],
  ['early next week', 'NY', WED_NY, '2026-03-13', 'next_week', []],
  ['Friday next week', 'NY', WED_NY, '2026-03-13', 'weekday', []],
  ['end of the month', 'NY', WED_NY, '2026-03-31', 'end_of_month', []],
  ['by month end', 'NY', WED_NY, '2026-03-31', 'end_of_month', []],
  ['next month', 'NY', WED_NY, '2026-04-30', 'next_month', []],
  // weekdays
  ['by Friday', 'NY', WED_NY, '2026-03-06', 'weekday', []],
  ['on Tuesday', 'NY', WED_NY, '2026-03-10', 'weekday', []],
  ['Monday', 'NY', WED_NY, '2026-03-09', 'weekday', []],
  ['next Tuesday', 'NY', WED_NY, '2026-03-10', 'weekday', []],
  ['by Wednesday', 'NY', WED_NY, '2026-03-11', 'weekday', []], // said on a Wednesday: the next one
  ['by Fri.', 'NY', WED_NY, '2026-03-06', 'weekday', []],
  // explicit dates
  ['Jan 9', 'NY', WED_NY, '2027-01-09', 'date', ['far_future']],
  ['by January 9th', 'NY', WED_NY, '2027-01-09', 'date', ['far_future']],
  ['on 9 April', 'NY', WED_NY, '2026-04-09', 'date', []],
  ['by March 20th', 'NY', WED_NY, '2026-03-20', 'date', []],
  ['on 2026-03-12', 'NY', WED_NY, '2026-03-12', 'date', []],
  ['by the 9th', 'NY', WED_NY, '2026-03-09', 'date', []],
  ['by the 2nd', 'NY', WED_NY, '2026-04-02', 'date', []],
  ['by 2026-03-01', 'NY', WED_NY, '2026-03-01', 'date', ['past_date']],
  ['by the end of September', 'NY', WED_NY, '2026-09-30', 'end_of_month', ['far_future']],
  ['in 6 months', 'NY', WED_NY, '2026-09-04', 'months', ['far_future']],
  // offsets from an anchor
  ['the day after tomorrow', 'NY', WED_NY, '2026-03-06', 'day_after', []],
  ['two days after Friday', 'NY', WED_NY, '2026-03-08', 'day_after', []],
  ['a week from Friday', 'NY', WED_NY, '2026-03-13', 'day_after', []],
  // several expressions: the one tied to contacting the candidate wins
  ['We decide Tuesday and will call you the day after', 'NY', WED_NY, '2026-03-11', 'day_after', []],
  [
    'The panel meets on Monday, and you’ll hear from us by Thursday',
    'NY',
    WED_NY,
    '2026-03-05',
    'weekday',
    [],
  ],
  [
    "We'll email you on Monday; the final panel is on Thursday the 12th",
    'NY',
    WED_NY,
    '2026-03-09',
    'weekday',
    [],
  ],
  [
    'Our committee meets next Tuesday. Expect an email from us two days after that.',
    'NY',
    WED_NY,
    '2026-03-12',
    'day_after',
    [],
  ],
  [
    'Interviews wrap up next week, and we will be in touch by the 20th',
    'NY',
    WED_NY,
    '2026-03-20',
    'date',
    [],
  ],
  ['References by Friday, decision on Monday', 'NY', WED_NY, '2026-03-09', 'weekday', []],
  // hedges do not move the date
  ['We should get back to you in about a week', 'NY', WED_NY, '2026-03-11', 'calendar_days', []],
  ['Hopefully by Friday', 'NY', WED_NY, '2026-03-06', 'weekday', []],
  ['roughly 3-5 business days', 'NY', WED_NY, '2026-03-11', 'business_days', []],
  ['We aim to respond within approximately 10 working days', 'NY', WED_NY, '2026-03-18', 'business_days', []],
  ['Probably around Tuesday', 'NY', WED_NY, '2026-03-10', 'weekday', []],
  // vague → policy default (5 business days)
  ["We'll be in touch", 'NY', WED_NY, '2026-03-11', 'policy_default', ['vague']],
  ['We will let you know soon!', 'NY', WED_NY, '2026-03-11', 'policy_default', ['vague']],
  ['We will get back to you shortly', 'NY', WED_NY, '2026-03-11', 'policy_default', ['vague']],
  ['ASAP', 'NY', WED_NY, '2026-03-11', 'policy_default', ['vague']],
  ['', 'NY', WED_NY, '2026-03-11', 'policy_default', ['vague']],
  ['   \n\t ', 'NY', WED_NY, '2026-03-11', 'policy_default', ['vague']],
  [
    'It was a day of interviews; after the 2nd round we will call',
    'NY',
    WED_NY,
    '2026-03-11',
    'policy_default',
    ['vague'],
  ],
  // silent rejection
  [
    "If you don't hear from us within two weeks, assume you were not successful",
    'NY',
    WED_NY,
    '2026-03-18',
    'calendar_days',
    ['silent_rejection'],
  ],
  [
    "If you haven’t heard back by Friday, you can assume we've gone with another candidate",
    'NY',
    WED_NY,
    '2026-03-06',
    'weekday',
    ['silent_rejection'],
  ],
  [
    'If you don’t hear from us, it means you weren’t selected.',
    'NY',
    WED_NY,
    '2026-03-11',
    'policy_default',
    ['vague', 'silent_rejection'],
  ],
  ['No news is bad news', 'NY', WED_NY, '2026-03-11', 'policy_default', ['vague', 'silent_rejection']],
  [
    'Only shortlisted candidates will be contacted.',
    'NY',
    WED_NY,
    '2026-03-11',
    'policy_default',
    ['vague', 'silent_rejection'],
  ],
  [
    'We only contact successful candidates',
    'NY',
    WED_NY,
    '2026-03-11',
    'policy_default',
    ['vague', 'silent_rejection'],
  ],
  // holidays
  ['within 3 business days', 'LON', '2026-12-23T10:00:00Z', '2026-12-30', 'business_days', []], // Christmas, Boxing Day observed 28th
  ['by the end of the week', 'LON', '2026-12-23T10:00:00Z', '2026-12-24', 'this_week', []],
  ['within 2 business days', 'NY', '2026-11-25T15:00:00Z', '2026-11-30', 'business_days', []], // Thanksgiving
  ['within 2 business days', 'NY', '2026-07-01T15:00:00Z', '2026-07-06', 'business_days', []], // July 4th observed Friday 3rd
  ['within 1 business day', 'BY', '2026-01-05T09:00:00Z', '2026-01-07', 'business_days', []], // Epiphany in Bavaria
  ['within 1 business day', 'BE', '2026-01-05T09:00:00Z', '2026-01-06', 'business_days', []],
  ['within 2 business days', 'BER', '2026-03-27T10:00:00Z', '2026-03-31', 'business_days', []], // over DST start
  ['next week', 'BER', '2026-03-27T10:00:00Z', '2026-04-02', 'next_week', []], // Good Friday
  ['within 5 business days', 'TYO', '2026-03-16T03:00:00Z', '2026-03-24', 'business_days', []], // Vernal Equinox Day
  ['this week', 'SYD', '2026-03-29T23:00:00Z', '2026-04-02', 'this_week', []], // Good Friday in NSW
  // local date, not UTC date
  ['tomorrow', 'NY', '2026-03-05T04:30:00Z', '2026-03-05', 'tomorrow', []], // 23:30 on Wednesday in New York
  ['within 3 business days', 'NY', '2026-03-05T04:30:00Z', '2026-03-09', 'business_days', []],
  ['within 24 hours', 'NY', '2026-03-05T04:30:00Z', '2026-03-05', 'hours', []],
  ['by Friday', 'TYO', '2026-03-04T16:00:00Z', '2026-03-06', 'weekday', []], // already Thursday in Tokyo
  ['in 24 hours', 'SYD', '2026-03-04T22:00:00Z', '2026-03-06', 'hours', []],
  ['by Friday', 'SYD', '2026-03-04T22:00:00Z', '2026-03-06', 'weekday', []],
  ['next week', 'SYD', '2026-03-04T22:00:00Z', '2026-03-13', 'next_week', []],
  ['We will call you today', 'NY', '2026-03-04T23:00:00Z', '2026-03-04', 'today', ['past_date']], // 18:00, after closing
];

describe('resolvePromise: phrasings', () => {
  it.each(ROWS)('%j (%s at %s) → %s by %s', (statement, key, at, dueDate, rule, warnings) => {
    const r = resolvePromise({ statement, at: new Date(at), calendar: CALENDARS[key] });
    expect(r.dueDate).toBe(dueDate);
    expect(r.rule).toBe(rule);
    expect([...r.warnings].sort()).toEqual([...warnings].sort());
    expect(r.resolution).toBe(rule === 'policy_default' ? 'policy_default' : 'parsed');
    expect(r.matchedText === null).toBe(rule === 'policy_default');
  });

  it('has at least 60 phrasings', () => expect(ROWS.length).toBeGreaterThanOrEqual(60));
});

describe('resolvePromise: due times', () => {
  it.each([
    ['within 3 business days', 'NY', WED_NY, '2026-03-09T21:00:00.000Z'], // 17:00 EDT after the switch
    ['by Friday', 'NY', WED_NY, '2026-03-06T22:00:00.000Z'], // 17:00 EST
    ['within 24 hours', 'NY', WED_NY, '2026-03-05T19:00:00.000Z'], // exact
    ['within 3 business days', 'LON', '2026-12-23T10:00:00Z', '2026-12-30T17:00:00.000Z'],
    ['within 2 business days', 'BER', '2026-03-27T10:00:00Z', '2026-03-31T15:00:00.000Z'], // CEST
    ['by Friday', 'TYO', '2026-03-04T16:00:00Z', '2026-03-06T08:00:00.000Z'],
    ['by Friday', 'SYD', '2026-03-04T22:00:00Z', '2026-03-06T06:00:00.000Z'],
  ] as [string, CalKey, string, string][])('%j (%s) due at %s', (statement, key, at, dueAt) => {
    expect(
      resolvePromise({ statement, at: new Date(at), calendar: CALENDARS[key] }).dueAt.toISOString(),
    ).toBe(dueAt);
  });

  it('keeps the phrase the date came from', () => {
    const r = resolvePromise({
      statement: 'You will hear from us within 3–5 business days.',
      at: new Date(WED_NY),
      calendar: CALENDARS.NY,
    });
    expect(r.matchedText).toBe('3–5 business days');
  });

  it('uses the policy default it is given', () => {
    const r = resolvePromise({
      statement: 'soon',
      at: new Date(WED_NY),
      calendar: CALENDARS.NY,
      defaultBusinessDays: 3,
    });
    expect(r.dueDate).toBe('2026-03-09');
    expect(r.dueAt.toISOString()).toBe('2026-03-09T21:00:00.000Z');
  });

  it('explains every warning with a better wording', () => {
    for (const text of Object.values(PROMISE_WARNING_TEXT)) expect(text).toMatch(/"[^"]+"/);
  });
});

describe('resolvePromise: properties', () => {
  const calendars = Object.values(CALENDARS);
  const arbAt = fc
    .integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 11, 31) })
    .map((ms) => new Date(ms));
  const weekday = fc.constantFrom(
    'Monday',
    'Tuesday',
    'Wednesday',
    'Thursday',
    'Friday',
    'Saturday',
    'Sunday',
  );
  const hedge = fc.constantFrom(
    '',
    'about ',
    'roughly ',
    'hopefully ',
    'we aim to get back to you ',
    "you'll hear from us ",
  );
  const template = fc.oneof(
    fc.integer({ min: 1, max: 30 }).map((n) => `within ${n} business days`),
    fc.integer({ min: 1, max: 30 }).map((n) => `in ${n} working days`),
    fc.integer({ min: 1, max: 60 }).map((n) => `in ${n} days`),
    fc.integer({ min: 1, max: 8 }).map((n) => `in ${n} weeks`),
    fc.integer({ min: 1, max: 96 }).map((n) => `within ${n} hours`),
    fc
      .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 6, max: 10 }))
      .map(([a, b]) => `${a}–${b} business days`),
    weekday.map((d) => `by ${d}`),
    weekday.map((d) => `next ${d}`),
    weekday.map((d) => `the day after ${d}`),
    fc.constantFrom(
      'tomorrow',
      'next week',
      'next month',
      'the day after tomorrow',
      "we'll be in touch",
      'a week or two',
      '',
    ),
  );

  it('forward-looking promises are never due before the interview ended', () => {
    fc.assert(
      fc.property(hedge, template, arbAt, fc.constantFrom(...calendars), (h, t, at, c) => {
        const r = resolvePromise({ statement: `${h}${t}.`, at, calendar: c });
        expect(r.dueAt.getTime()).toBeGreaterThanOrEqual(at.getTime());
        expect(r.warnings).not.toContain('past_date');
        expect(r.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on arbitrary text', () => {
    const words = fc.constantFrom(
      'within',
      'the',
      'day',
      'after',
      'next',
      'week',
      '3',
      'a',
      'or',
      'two',
      '–',
      'Friday',
      'Jan',
      '9th',
      'hours',
      'business',
      ',',
      'and',
      'call',
    );
    const text = fc.oneof(
      fc.string(),
      fc.string({ unit: 'grapheme' }),
      fc.array(words, { maxLength: 12 }).map((w) => w.join(' ')),
    );
    fc.assert(
      fc.property(text, arbAt, fc.constantFrom(...calendars), (statement, at, c) => {
        const r = resolvePromise({ statement, at, calendar: c });
        expect(Number.isNaN(r.dueAt.getTime())).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});
