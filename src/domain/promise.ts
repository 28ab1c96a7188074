/**
 * Promise parsing: the closing statement said at the end of an interview ("you'll hear from us
 * within 3 business days") becomes a due time in the organization's calendar.
 *
 * How it works: every time expression in the statement becomes a candidate (own rules for
 * relative phrases, chrono-node for explicit calendar dates); overlapping candidates keep the
 * longest; "the day after <x>" modifiers attach to the expression they refer to; then the
 * candidate attached to a contact verb ("hear", "call", …) wins, else the latest one.
 *
 * Only chrono's *certain* month/day/year components are used, never its Date output, because
 * chrono computes Dates in the host's zone; this keeps the result independent of the machine.
 * Pure: the interview time comes in as `at`, nothing reads the clock.
 */
import * as chrono from 'chrono-node';
import { DateTime } from 'luxon';
import {
  addBusinessDays,
  addCalendarDays,
  endOfBusinessDay,
  lastBusinessDayOfMonth,
  lastBusinessDayOfWeek,
  localDateOf,
  type BusinessCalendar,
} from './business-time.ts';

/** Something about the statement worth telling the interviewer. */
export type PromiseWarning = 'vague' | 'silent_rejection' | 'past_date' | 'far_future';
/** Whether the due time came from the statement or from the policy default. */
export type PromiseResolution = 'parsed' | 'policy_default';

/** What was said, when, and in which calendar. */
export interface ResolvePromiseInput {
  statement: string;
  /** When the interview ended. */
  at: Date;
  /** The organization's calendar; the due time is in its zone. */
  calendar: BusinessCalendar;
  /** Policy default in business days, used when the statement names no time; default 5. */
  defaultBusinessDays?: number;
}

/** The due time a statement resolves to, and how it was reached. */
export interface ResolvedPromise {
  dueAt: Date;
  /** YYYY-MM-DD, local in calendar.timeZone. */
  dueDate: string;
  resolution: PromiseResolution;
  warnings: PromiseWarning[];
  /** The phrase the date came from; null for the policy default. */
  matchedText: string | null;
  /** Stable id of the rule applied. */
  rule: string;
}

/** Human explanation of each warning, with a better wording to use next time. */
export const PROMISE_WARNING_TEXT: Record<PromiseWarning, string> = {
  vague:
    'No timeline was given, so the policy default applies and the candidate is told that date. ' +
    'Next time name one: "You will hear from us by Thursday 17:00, whatever the outcome."',
  silent_rejection:
    'The statement lets silence stand for a rejection. Every candidate is owed an outcome. ' +
    'Say instead: "We will let you know by Friday either way."',
  past_date:
    'The date resolves to a time before the interview ended, so it was probably misheard or mistyped. ' +
    'Check it, and give a date that is still ahead: "by Tuesday 14 May".',
  far_future:
    'The date is more than 90 days away; candidates rarely wait that long. ' +
    'Give a nearer date for an update, even if the decision takes longer: "We will update you by the 30th."',
};

const DEFAULT_POLICY_BUSINESS_DAYS = 5;
const FAR_FUTURE_MS = 90 * 86_400_000;

// ---------------------------------------------------------------------------------------------
// Vocabulary

const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  // Vague quantities take their upper-bound reading: a promise is kept by the latest date meant.
  'a couple of': 2,
  'a couple': 2,
  'couple of': 2,
  couple: 2,
  'a few': 3,
  few: 3,
  several: 5,
};

// Longest alternatives first so "a couple of" is not read as "a".
const NUM =
  '(?:\\d{1,3}|a\\s+couple(?:\\s+of)?|couple(?:\\s+of)?|a\\s+few|few|several|' +
  'seventeen|thirteen|fourteen|fifteen|sixteen|eighteen|nineteen|eleven|twelve|twenty|' +
  'three|seven|eight|four|five|nine|one|two|six|ten|an|a)';

const WEEKDAYS: Record<string, number> = {
  monday: 1,
  tuesday: 2,
  tues: 2,
  tue: 2,
  wednesday: 3,
  weds: 3,
  thursday: 4,
  thurs: 4,
  thur: 4,
  thu: 4,
  friday: 5,
  fri: 5,
  saturday: 6,
  sunday: 7,
};
// Short forms that double as English words (mon, wed, sat, sun) are left out on purpose.
const WD = '(monday|tuesday|tues|tue|wednesday|weds|thursday|thurs|thur|thu|friday|fri|saturday|sunday)';

const MONTHS: Record<string, number> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sept: 9,
  sep: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};
const MONTH =
  '(january|february|march|april|may|june|july|august|september|october|november|december|' +
  'jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)';

// "the 2nd round" is an ordinal, not a day of the month.
const ORDINAL_NOUNS =
  '(?:rounds?|interviews?|stages?|steps?|times?|place|candidates?|panels?|calls?|meetings?|person|one|choice|weeks?|days?|options?|floor)\\b';

const CONTACT_RE = new RegExp(
  '\\b(?:hear|heard|hearing|call|calls|calling|ring|phone|contact|contacted|e-?mail|emailed|' +
    'reach\\s+out|reach\\s+you|get\\s+back|come\\s+back\\s+to\\s+you|let\\s+you\\s+know|update|updates|' +
    'be\\s+in\\s+touch|get\\s+in\\s+touch|touch\\s+base|send|sent|respond|reply|notify|inform|' +
    "follow\\s+up|text\\s+you|write\\s+to\\s+you|you'll\\s+know|you\\s+will\\s+know|" +
    'have\\s+an\\s+answer|give\\s+you)\\b',
);

const SILENT_RES: RegExp[] = [
  /\bif\s+(?:you\s+)?(?:don'?t|do\s+not|haven'?t|have\s+not|didn'?t|did\s+not|never|still\s+haven'?t)\s+(?:hear|heard|get|got|receive|received)\b/,
  /\bif\s+we\s+(?:don'?t|do\s+not|haven'?t|have\s+not|didn'?t|did\s+not)\s+(?:contact|call|get\s+back|reach\s+out|e-?mail|get\s+in\s+touch|respond|reply)\b/,
  /\bno\s+news\s+is\s+(?:bad\s+|good\s+)?news\b/,
  /\bonly\s+(?:be\s+)?(?:contact|call|notify|reach\s+out\s+to|get\s+back\s+to|respond\s+to|reply\s+to)\w*\s+(?:the\s+)?(?:successful|shortlisted|selected)\b/,
  /\b(?:successful|shortlisted|selected)\s+(?:candidates|applicants)\s+will\s+be\s+(?:contacted|called|notified)\b/,
  /\bassume\b[^.]*?\b(?:not|unsuccessful|no|didn'?t|wasn'?t|weren'?t|moved\s+on|another\s+candidate|other\s+candidates)\b/,
];

// ---------------------------------------------------------------------------------------------
// Candidates

type Due = { kind: 'date'; date: string } | { kind: 'instant'; instant: Date };
type Offset = { n: number; unit: 'day' | 'bday' };

interface Candidate {
  start: number;
  end: number;
  rule: string;
  /** Null for a dangling "the day after": resolved against the expression before it. */
  due: Due | null;
  offset?: Offset;
}

interface Ctx {
  at: Date;
  today: string;
  cal: BusinessCalendar;
}

function parseNum(raw: string): number {
  const key = raw.trim().replace(/\s+/g, ' ');
  if (/^\d+$/.test(key)) return Number(key);
  return NUMBER_WORDS[key] ?? 1;
}

/** ISO weekday of a plain date. */
function weekdayOf(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** The next date with that ISO weekday strictly after `date` (or on it, when `orSame`). */
function nextWeekday(date: string, weekday: number, orSame: boolean): string {
  let diff = (weekday - weekdayOf(date) + 7) % 7;
  if (diff === 0 && !orSame) diff = 7;
  return addCalendarDays(date, diff);
}

/** The date with that ISO weekday in the Monday–Sunday week holding `date`. */
function weekdayInWeekOf(date: string, weekday: number): string {
  return addCalendarDays(date, weekday - weekdayOf(date));
}

function firstOfNextMonth(date: string): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

function isoDate(y: number, m: number, d: number): string | null {
  const ms = Date.UTC(y, m - 1, d);
  const back = new Date(ms);
  if (y < 1000 || y > 9999 || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  return back.toISOString().slice(0, 10);
}

/** Next occurrence of month/day on or after `today` (skipping years where it does not exist, e.g. 29 Feb). */
function nextMonthDay(today: string, month: number, day: number): string | null {
  const year = Number(today.slice(0, 4));
  for (let y = year; y <= year + 8; y++) {
    const date = isoDate(y, month, day);
    if (date && date >= today) return date;
  }
  return null;
}

/** Next date whose day of month is `day`, strictly after `today`. */
function nextDayOfMonth(today: string, day: number): string | null {
  let y = Number(today.slice(0, 4));
  let m = Number(today.slice(5, 7));
  for (let i = 0; i < 24; i++) {
    const date = isoDate(y, m, day);
    if (date && date > today) return date;
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return null;
}

function dateDue(date: string | null): Due | null {
  return date ? { kind: 'date', date } : null;
}

/** A rule: a pattern and what its match means. */
interface Rule {
  re: RegExp;
  rule: string;
  due: (m: RegExpExecArray, ctx: Ctx, text: string) => Due | null;
}

const DURATION_UNITS =
  '((?:business|working|work)[\\s-]+days?|workdays?|(?:business|working)[\\s-]+weeks?|' +
  'hours?|hrs?|h|days?|weeks?|wks?|fortnights?|months?)';

// Bare "a"/"an" durations ("a day") only count after a word that makes them a time span,
// otherwise "it was a day of interviews" would become a promise.
const SPAN_LEAD_RE =
  /\b(?:in|within|over|inside|about|around|roughly|approximately|approx\.?|under|than|next|takes?|take|need|needs|allow|give\s+us|wait|for|up\s+to|max(?:imum)?|of)\s+$/;

function durationDue(n: number, unit: string, ctx: Ctx): { due: Due; rule: string } {
  if (/^(?:business|working|work)[\s-]+weeks?$/.test(unit)) {
    return { due: { kind: 'date', date: addBusinessDays(ctx.today, n * 5, ctx.cal) }, rule: 'business_days' };
  }
  if (/^(?:business|working|work)|^workdays?$/.test(unit)) {
    return { due: { kind: 'date', date: addBusinessDays(ctx.today, n, ctx.cal) }, rule: 'business_days' };
  }
  if (/^(?:hours?|hrs?|h)$/.test(unit)) {
    return { due: { kind: 'instant', instant: new Date(ctx.at.getTime() + n * 3_600_000) }, rule: 'hours' };
  }
  if (/^months?$/.test(unit)) {
    const date = DateTime.fromISO(ctx.today, { zone: 'UTC' }).plus({ months: n }).toISODate() as string;
    return { due: { kind: 'date', date }, rule: 'months' };
  }
  const days = /^fortnights?$/.test(unit) ? 14 * n : /^(?:weeks?|wks?)$/.test(unit) ? 7 * n : n;
  return { due: { kind: 'date', date: addCalendarDays(ctx.today, days) }, rule: 'calendar_days' };
}

const DURATION_RE = new RegExp(
  `\\b(?:(?:the\\s+)?next\\s+)?(${NUM})(?:\\s*(?:-|to|or)\\s*(${NUM}))?[\\s-]*${DURATION_UNITS}\\b` +
    `(?:\\s+or\\s+(${NUM}|so)\\b)?`,
  'g',
);

function durationCandidates(text: string, ctx: Ctx): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(DURATION_RE)) {
    const [whole, n1, n2, unit, n3] = m;
    const start = m.index;
    const lead = whole.match(/^(?:(?:the\s+)?next\s+)/)?.[0] ?? '';
    if (
      /^an?$/.test((n1 ?? '').trim()) &&
      !lead &&
      !SPAN_LEAD_RE.test(text.slice(Math.max(0, start - 30), start))
    ) {
      continue;
    }
    // "48h" is fine, but a lone "h" after a word number ("two h") is not an hour.
    if (unit === 'h' && !/\d\s*h$/.test(whole.replace(/\s+or\s+.*$/, ''))) continue;
    // Ranges promise their upper bound: "3–5 business days" is kept by day 5.
    const n = Math.max(parseNum(n1 ?? ''), n2 ? parseNum(n2) : 0, n3 && n3 !== 'so' ? parseNum(n3) : 0);
    const { due, rule } = durationDue(n, unit ?? 'days', ctx);
    out.push({ start, end: start + whole.length, rule, due });
  }
  return out;
}

const RULES: Rule[] = [
  {
    // "within the next week" is a span of one unit, not the calendar week called "next week".
    re: /\b(?:within|in|over|during)\s+the\s+(?:next|coming)\s+(day|week|fortnight|month)\b/g,
    rule: 'calendar_days',
    due: (m, ctx) => durationDue(1, m[1] ?? 'day', ctx).due,
  },
  {
    re: /\bnext\s+(?:business|working)\s+day\b/g,
    rule: 'business_days',
    due: (_m, ctx) => dateDue(addBusinessDays(ctx.today, 1, ctx.cal)),
  },
  {
    re: /\b(?:tomorrow|tmrw|tmw)\b/g,
    rule: 'tomorrow',
    due: (_m, ctx) => dateDue(addCalendarDays(ctx.today, 1)),
  },
  {
    re: /\b(?:today|tonight|later\s+today|this\s+(?:afternoon|evening)|(?:the\s+)?end\s+of\s+(?:the\s+)?(?:business\s+|working\s+)?day|eod|cob|close\s+of\s+(?:business|play)|end\s+of\s+business)\b/g,
    rule: 'today',
    due: (_m, ctx) => dateDue(ctx.today),
  },
  {
    re: /\b(?:(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?(?:work(?:ing)?\s+)?week|(?:later\s+)?this\s+week|(?:before|by)\s+the\s+weekend|week'?s\s+end)\b/g,
    rule: 'this_week',
    due: (_m, ctx) => dateDue(lastBusinessDayOfWeek(ctx.today, ctx.cal)),
  },
  {
    re: new RegExp(`\\b${WD}\\s+(?:of\\s+)?this\\s+week\\b|\\bthis\\s+week\\s+(?:on\\s+)?${WD}\\b`, 'g'),
    rule: 'this_week',
    due: (m, ctx) => dateDue(weekdayInWeekOf(ctx.today, WEEKDAYS[m[1] ?? m[2] ?? ''] ?? 5)),
  },
  {
    re: /\b(?:(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+next\s+week|(?:early|late|mid)[\s-]+next\s+week|next\s+week)\b/g,
    rule: 'next_week',
    due: (_m, ctx) => dateDue(lastBusinessDayOfWeek(addCalendarDays(ctx.today, 7), ctx.cal)),
  },
  {
    re: new RegExp(`\\b${WD}\\s+(?:of\\s+)?next\\s+week\\b|\\bnext\\s+week\\s+(?:on\\s+)?${WD}\\b`, 'g'),
    rule: 'weekday',
    due: (m, ctx) =>
      dateDue(weekdayInWeekOf(addCalendarDays(ctx.today, 7), WEEKDAYS[m[1] ?? m[2] ?? ''] ?? 5)),
  },
  {
    re: /\b(?:(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?month|(?:this\s+)?month[\s-]+end|(?:later\s+)?this\s+month)\b/g,
    rule: 'end_of_month',
    due: (_m, ctx) => dateDue(lastBusinessDayOfMonth(ctx.today, ctx.cal)),
  },
  {
    re: /\b(?:(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+next\s+month|(?:early|late|mid)[\s-]+next\s+month|next\s+month)\b/g,
    rule: 'next_month',
    due: (_m, ctx) => dateDue(lastBusinessDayOfMonth(firstOfNextMonth(ctx.today), ctx.cal)),
  },
  {
    re: new RegExp(`\\b(?:the\\s+)?end\\s+of\\s+${MONTH}\\b`, 'g'),
    rule: 'end_of_month',
    due: (m, ctx) => {
      const first = nextMonthDay(ctx.today.slice(0, 8) + '01', MONTHS[m[1] ?? ''] ?? 1, 1);
      return dateDue(first ? lastBusinessDayOfMonth(first, ctx.cal) : null);
    },
  },
  {
    re: new RegExp(`\\b(?:(next|this|coming|the\\s+coming)\\s+)?${WD}\\b`, 'g'),
    rule: 'weekday',
    // "this Friday" said on a Friday means today; every other form means the next one after today.
    due: (m, ctx) => dateDue(nextWeekday(ctx.today, WEEKDAYS[m[2] ?? ''] ?? 5, m[1] === 'this')),
  },
  {
    re: new RegExp(
      `\\b(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)\\b(?!\\s+(?:of\\s+)?${MONTH}\\b)(?!\\s+${ORDINAL_NOUNS})`,
      'g',
    ),
    rule: 'date',
    due: (m, ctx) => dateDue(nextDayOfMonth(ctx.today, Number(m[1]))),
  },
];

function ruleCandidates(text: string, ctx: Ctx): Candidate[] {
  const out: Candidate[] = [];
  for (const r of RULES) {
    for (const m of text.matchAll(r.re)) {
      const due = r.due(m, ctx, text);
      if (due) out.push({ start: m.index, end: m.index + m[0].length, rule: r.rule, due });
    }
  }
  return out;
}

const MONTH_NAME_RE = new RegExp(`\\b${MONTH}\\b`);

/** Explicit calendar dates ("January 9th", "9 Jan 2027", "2027-01-09") via chrono's certain components. */
function chronoCandidates(text: string, ctx: Ctx): Candidate[] {
  const out: Candidate[] = [];
  let results: chrono.ParsedResult[];
  try {
    results = chrono.strict.parse(text, ctx.at);
  } catch {
    return out;
  }
  for (const r of results) {
    // Numeric forms like 9/1 are ambiguous between day- and month-first; only names and ISO count.
    if (!MONTH_NAME_RE.test(r.text) && !/\d{4}-\d{2}-\d{2}/.test(r.text)) continue;
    const c = r.start;
    if (!c.isCertain('month') || !c.isCertain('day')) continue;
    const month = c.get('month');
    const day = c.get('day');
    if (month == null || day == null) continue;
    const year = c.isCertain('year') ? c.get('year') : null;
    const date = year != null ? isoDate(year, month, day) : nextMonthDay(ctx.today, month, day);
    if (date)
      out.push({ start: r.index, end: r.index + r.text.length, rule: 'date', due: { kind: 'date', date } });
  }
  return out;
}

const MODIFIER_RE = new RegExp(
  `\\b(?:the\\s+(day)|(${NUM})\\s+((?:business|working)\\s+days?|days?|weeks?))\\s+(?:after|from)\\b`,
  'g',
);

/** "the day after X", "two days after Friday", "a week from today", and dangling "the day after". */
function modifierCandidates(text: string, base: Candidate[], ctx: Ctx): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(MODIFIER_RE)) {
    const [whole, theDay, num, unit] = m;
    const n = theDay ? 1 : parseNum(num ?? '1');
    const offset: Offset = /^(?:business|working)/.test(unit ?? '')
      ? { n, unit: 'bday' }
      : { n: /^weeks?$/.test(unit ?? '') ? 7 * n : n, unit: 'day' };
    const start = m.index;
    const end = start + whole.length;
    const rest = text.slice(end);
    const lead = /^\s*(?:on\s+|the\s+)?/.exec(rest)?.[0].length ?? 0;
    const anchor = base
      .filter(
        (c) => c.start === end + lead || (c.start >= end && /^\s*(?:on\s+)?$/.test(text.slice(end, c.start))),
      )
      .sort((a, b) => b.end - a.end)[0];
    if (anchor?.due) {
      out.push({ start, end: anchor.end, rule: 'day_after', due: applyOffset(anchor.due, offset, ctx) });
      continue;
    }
    const now = /^\s*(?:now|today)\b/.exec(rest);
    if (now) {
      // "a week from now" is a plain span from the interview date.
      const rule = offset.unit === 'bday' ? 'business_days' : 'calendar_days';
      out.push({
        start,
        end: end + now[0].length,
        rule,
        due: applyOffset({ kind: 'date', date: ctx.today }, offset, ctx),
      });
      continue;
    }
    // Dangling ("we decide Tuesday and call you the day after"): the anchor is found later.
    if (/^\s*(?:that|this|it|then)?\s*(?:[.,;:!?)]|$|and\b|but\b|so\b)/.test(rest)) {
      out.push({ start, end, rule: 'day_after', due: null, offset });
    }
  }
  return out;
}

function dueDateOf(due: Due, ctx: Ctx): string {
  return due.kind === 'date' ? due.date : localDateOf(due.instant, ctx.cal.timeZone);
}

function applyOffset(anchor: Due, offset: Offset, ctx: Ctx): Due {
  const base = dueDateOf(anchor, ctx);
  const date =
    offset.unit === 'bday' ? addBusinessDays(base, offset.n, ctx.cal) : addCalendarDays(base, offset.n);
  return { kind: 'date', date };
}

function dueInstant(due: Due, ctx: Ctx): Date {
  return due.kind === 'date' ? endOfBusinessDay(due.date, ctx.cal) : due.instant;
}

/** Keep non-overlapping candidates, longest first: "end of next week" beats "next week". */
function selectNonOverlapping(all: Candidate[]): Candidate[] {
  const sorted = [...all].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Candidate[] = [];
  for (const c of sorted) {
    if (kept.every((k) => c.end <= k.start || c.start >= k.end)) kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** Clause boundaries, so a time can be tied to the verb near it. */
function clauseIndex(text: string): (pos: number) => number {
  const cuts: number[] = [];
  for (const m of text.matchAll(/[.;!?]+(?=\s|$)|,|\b(?:and|but|then|so|while|whereas)\b/g))
    cuts.push(m.index);
  return (pos) => cuts.filter((c) => c <= pos).length;
}

function clauseTexts(text: string): string[] {
  return text.split(/[.;!?]+(?=\s|$)|,|\b(?:and|but|then|so|while|whereas)\b/);
}

/** Replace typographic characters one-for-one so indices still point into the original. */
function normalize(statement: string): string {
  return statement
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/[\u2010-\u2015\u2212]/g, '-');
}

/** Resolve the closing statement of an interview into a due time in the organization's calendar. */
export function resolvePromise(input: ResolvePromiseInput): ResolvedPromise {
  const { at, calendar } = input;
  const defaultDays = input.defaultBusinessDays ?? DEFAULT_POLICY_BUSINESS_DAYS;
  const ctx: Ctx = { at, cal: calendar, today: localDateOf(at, calendar.timeZone) };
  const statement = typeof input.statement === 'string' ? input.statement : '';
  const text = normalize(statement);

  const warnings: PromiseWarning[] = [];
  if (SILENT_RES.some((re) => re.test(text))) warnings.push('silent_rejection');

  const base = [
    ...durationCandidates(text, ctx),
    ...ruleCandidates(text, ctx),
    ...chronoCandidates(text, ctx),
  ];
  const selected = selectNonOverlapping([...base, ...modifierCandidates(text, base, ctx)]);

  // Dangling modifiers take the nearest resolved expression before them, else the interview date.
  const resolved: { c: Candidate; due: Due; dueAt: Date }[] = [];
  for (const c of selected) {
    let due = c.due;
    if (!due && c.offset) {
      const prev = resolved.filter((r) => r.c.end <= c.start).at(-1);
      due = applyOffset(prev?.due ?? { kind: 'date', date: ctx.today }, c.offset, ctx);
    }
    if (due) resolved.push({ c, due, dueAt: dueInstant(due, ctx) });
  }

  if (resolved.length === 0) {
    const dueDate = addBusinessDays(ctx.today, defaultDays, calendar);
    return {
      dueAt: endOfBusinessDay(dueDate, calendar),
      dueDate,
      resolution: 'policy_default',
      warnings: ['vague', ...warnings],
      matchedText: null,
      rule: 'policy_default',
    };
  }

  const clauseOf = clauseIndex(text);
  const clauses = clauseTexts(text);
  const contactClauses = new Set(clauses.flatMap((t, i) => (CONTACT_RE.test(t) ? [i] : [])));
  const attached = resolved.filter((r) => contactClauses.has(clauseOf(r.c.start)));
  const pool = attached.length > 0 ? attached : resolved;
  const chosen = pool.reduce((best, r) => (r.dueAt.getTime() > best.dueAt.getTime() ? r : best));

  if (chosen.dueAt.getTime() < at.getTime()) warnings.push('past_date');
  if (chosen.dueAt.getTime() - at.getTime() > FAR_FUTURE_MS) warnings.push('far_future');

  return {
    dueAt: chosen.dueAt,
    dueDate: dueDateOf(chosen.due, ctx),
    resolution: 'parsed',
    warnings,
    matchedText: statement.slice(chosen.c.start, chosen.c.end).trim(),
    rule: chosen.c.rule,
  };
}
