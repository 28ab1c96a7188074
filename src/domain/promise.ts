/**
 * Promise parsing: the closing statement said at the end of an interview ("you'll hear from us
 * within 3 business days") becomes a due time in the organization's calendar.
 *
 * Only a future contact time is the promise. Every time expression in the statement becomes a
 * candidate (own rules for relative phrases and numeric dates, chrono-node for dates with month
 * names); overlapping candidates keep the longest. Then each candidate is judged by the clause it
 * sits in (compromise reads the clauses and their tense):
 * - about the conversation itself ("thank you for your time today", "today's interview"), about
 *   the past ("as I said on Monday", "last Friday", a past-tense clause) → never the promise;
 * - in a clause that promises contact or a decision ("we'll call", "you'll hear", "a decision",
 *   "HR will revert") → the promise; among several, the latest;
 * - about another event ("the panel meets Thursday", "I'm on leave until Monday") → not the
 *   promise, but an anchor: "after the panel on Thursday", "after which we'll call", "the
 *   following Monday", "the next day", "then" resolve from it;
 * - a bare time ("by Friday", "hopefully next week") → the promise when no contact clause has one.
 * With no promise left, the policy default applies and the warning is `vague`.
 *
 * Readings, decided once (each is in the corpus, test/corpus/promises.jsonl):
 * - A range or vague quantity promises its upper bound: "3–5 business days" → day 5, "a few" → 3.
 * - "next week" (early, mid or end) → the last business day of next week; "next Friday" said
 *   before Friday in the same week → Friday of next week, otherwise the nearest Friday.
 * - "early / mid / late <month>" → the 10th / the 20th / its last business day.
 * - "after <event or date>" → the next business day after it; "before <date>" → the business
 *   day before it; "w/c 1 June" → the last business day of that week.
 * - Numeric dates (3/12, 03/12/2026, 12.03.2026) are read month-first where the organization is
 *   in the US (holiday country US or its territories, PH, CA; without a holiday country, a US or
 *   Canadian time zone) and day-first everywhere else; a part over 12 decides on its own.
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
  holidaysIn,
  lastBusinessDayOfMonth,
  lastBusinessDayOfWeek,
  localDateOf,
  subtractBusinessDays,
  type BusinessCalendar,
} from './business-time.ts';
import { analyzeText } from './language/analyze.ts';

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
  /** How to read 3/12: month-first or day-first. Default: from the calendar ({@link dateOrderOf}). */
  dateOrder?: DateOrder;
}

/** The order of day and month in a numeric date. */
export type DateOrder = 'mdy' | 'dmy';

// Month-first countries (holiday country codes as date-holidays spells them).
const MONTH_FIRST_COUNTRIES = new Set([
  'US',
  'PR',
  'GU',
  'VI',
  'AS',
  'MP',
  'UM',
  'PH',
  'CA',
  'FM',
  'MH',
  'PW',
]);
// Without a holiday country, the zone decides: US and Canadian zones read month-first.
const MONTH_FIRST_ZONE =
  /^(?:America\/(?:New_York|Chicago|Denver|Los_Angeles|Phoenix|Anchorage|Boise|Detroit|Juneau|Sitka|Nome|Adak|Yakutat|Metlakatla|Menominee|Indiana\/.+|Kentucky\/.+|North_Dakota\/.+|Toronto|Vancouver|Edmonton|Winnipeg|Halifax|St_Johns|Regina|Moncton|Whitehorse|Yellowknife|Iqaluit)|US\/.+|Canada\/.+|Pacific\/Honolulu|Asia\/Manila)$/;

/** How the organization writes numeric dates: month-first in the US (and a few others), else day-first. */
export function dateOrderOf(calendar: BusinessCalendar): DateOrder {
  if (calendar.holidays)
    return MONTH_FIRST_COUNTRIES.has(calendar.holidays.country.toUpperCase()) ? 'mdy' : 'dmy';
  return MONTH_FIRST_ZONE.test(calendar.timeZone) ? 'mdy' : 'dmy';
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

// A clause with one of these promises contact or a decision: its time is the promise.
const CONTACT_RE = new RegExp(
  '\\b(?:hear|heard|hearing|call|calls|calling|ring|phone|contact|contacted|e-?mail|emailed|mail|' +
    'reach\\s+out|reach\\s+you|get\\s+back|come\\s+back\\s+to\\s+you|let\\s+(?:you|everyone|all)\\s+know|update|updates|' +
    'be\\s+in\\s+touch|get\\s+in\\s+touch|be\\s+back\\s+in\\s+touch|in\\s+contact|touch\\s+base|send|sent|respond|reply|notify|inform|' +
    "follow\\s+up|text\\s+you|write\\s+to\\s+you|you'll\\s+know|you\\s+will\\s+know|know\\s+(?:something|more)|" +
    'have\\s+an\\s+answer|give\\s+you|tell\\s+you|confirm|advise|revert|intimate|intimated|connect\\s+with|' +
    'communicat\\w*|share|shared|ping|buzz|bell|drop\\s+you|flick\\s+you|shoot\\s+you|loop\\s+back|circle\\s+back|' +
    'reconnect|keep\\s+you\\s+posted|news|decision|decide|decided|answer|outcome|results?|feedback|offers?|status|verdict)\\b',
);

// "feel free to email me", "please send": the candidate is the one contacting; not the promise.
const CANDIDATE_CONTACT_RE =
  /\b(?:feel\s+free\s+to|you\s+(?:can|could|may|might)|please|(?:do\s+not|don't)\s+hesitate\s+to)\s+(?:\w+\s+)?(?:e-?mail|call|ring|contact|reach\s+out|get\s+in\s+touch|send|message|text|reply|respond|drop|submit|share)\b/;

// Words about the conversation itself: "thanks for today", "speaking with us this morning".
const CONVERSATION_RE =
  /\b(?:thank|thanks|thank-you|appreciate|appreciated|pleasure|enjoyed|cheers|grateful|(?:great|good|lovely|nice|glad)\s+(?:to|chatting|speaking|talking|meeting|chat|conversation|catching|seeing)|coming\s+(?:in|down)|joining\s+us|popping\s+in|making\s+(?:the\s+)?(?:time|trip)|(?:meeting|speaking|talking|chatting)\s+(?:with\s+)?(?:you|us|me))\b/;
// "today's interview", "this morning's conversation": a time that names the conversation.
const CONVERSATION_TIME_RE =
  /^(?:today|this\s+(?:morning|afternoon|evening|arvo))'s\s+(?:interview|conversation|chat|call|meeting|session|discussion|round|panel|visit)/;

// A clause about another event: its time is not the promise, though it can anchor one.
const EVENT_RE =
  /\b(?:panel|panels|interviews?|interviewing|round|rounds|meeting|meets|meet|met|sits|conference|offsite|off-site|leave|vacation|holiday|office|closed|closes|start|starts|starting|start\s+date|joining\s+date|course|training|assessment|exercise|committee|away|out\s+of\s+(?:the\s+)?office|freeze|signs\s+off|available|travelling|traveling|posted|opened)\b/;

const SILENT_RES: RegExp[] = [
  /\bif\s+(?:you\s+)?(?:don'?t|do\s+not|haven'?t|have\s+not|didn'?t|did\s+not|never|still\s+haven'?t)\s+(?:hear|heard|get|got|receive|received)\b/,
  /\bshould\s+you\s+(?:not|fail\s+to)\s+(?:hear|receive|get)\b/,
  /\bif\s+we\s+(?:don'?t|do\s+not|haven'?t|have\s+not|didn'?t|did\s+not)\s+(?:contact|call|get\s+back|reach\s+out|e-?mail|get\s+in\s+touch|respond|reply)\b/,
  /\bno\s+news\s+is\s+(?:bad\s+|good\s+)?news\b/,
  /\bonly\s+(?:be\s+)?(?:contact|call|notify|reach\s+out\s+to|get\s+back\s+to|respond\s+to|reply\s+to|get\s+in\s+touch\s+with)\w*\s+(?:the\s+)?(?:successful|shortlisted|selected|candidates\s+(?:who|that|moving|progressing)|those\s+(?:who|moving|progressing)|people\s+(?:who|moving))\b/,
  /\b(?:contact|call|notify|reach\s+out\s+to|get\s+back\s+to|be\s+in\s+touch\s+with)\s+you\s+only\s+if\b/,
  /\bwill\s+only\s+(?:contact|call|notify|reach\s+out\s+to|get\s+back\s+to|be\s+in\s+touch\s+with)\s+you\s+if\b/,
  /\b(?:successful|shortlisted|selected)\s+(?:candidates|applicants)\s+will\s+be\s+(?:contacted|called|notified)\b/,
  /\b(?:can'?t|cannot|can\s+not|won'?t\s+be\s+able\s+to|are\s+unable\s+to|aren'?t\s+able\s+to)\s+(?:respond|reply|get\s+back)\s+to\s+(?:every|each|all)\b/,
  /\bif\s+(?:you\s+are|you'?re|you\s+have\s+been|you'?ve\s+been)?\s*(?:shortlisted|selected|successful|through)\b/,
  /\bif\s+we(?:'re|\s+are)\s+interested\b/,
  /\bif\s+we\s+(?:decide\s+to\s+|want\s+to\s+|choose\s+to\s+)?(?:move\s+forward|progress|proceed|go\s+ahead)\b/,
  /\bassume\b[^.]*?\b(?:not|unsuccessful|no|didn'?t|wasn'?t|weren'?t|moved\s+on|another\s+candidate|other\s+candidates|another\s+(?:way|direction))\b/,
  /\bconsider\s+your\s+application\s+(?:to\s+have\s+been\s+)?unsuccessful\b/,
  /\b(?:it'?s|it\s+is|that'?s|take\s+it\s+as)\s+a\s+no\b/,
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
  /** Resolves from the promise-worthy time before it ("then", "after which", "the next day"). */
  anaphora?: 'same' | 'next_business_day' | 'next_day';
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
  /\b(?:in|within|over|inside|about|around|roughly|approximately|approx\.?|under|than|next|takes?|take|need|needs|allow|give\s+us|wait|for|up\s+to|max(?:imum)?|of|be|it'll\s+be|maybe|probably|only)\s+$/;

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
    re: /\b(?:within|in|over|during)\s+the\s+(?:next|coming)\s+(day|week|fortnight|month)(?:\s+or\s+(two|so))?\b|\bwithin\s+the\s+(fortnight)\b/g,
    rule: 'calendar_days',
    due: (m, ctx) => durationDue(m[2] === 'two' ? 2 : 1, m[1] ?? m[3] ?? 'day', ctx).due,
  },
  {
    // "within the week" is this week; "a week today" and "this time next week" are seven days.
    re: /\bwithin\s+the\s+week\b/g,
    rule: 'this_week',
    due: (_m, ctx) => dateDue(lastBusinessDayOfWeek(ctx.today, ctx.cal)),
  },
  {
    re: /\b(?:a\s+week\s+(today|tomorrow)|this\s+time\s+next\s+week)\b/g,
    rule: 'calendar_days',
    due: (m, ctx) => dateDue(addCalendarDays(ctx.today, m[1] === 'tomorrow' ? 8 : 7)),
  },
  {
    re: /\b(?:the\s+)?day\s+after\s+tomorrow\b/g,
    rule: 'day_after',
    due: (_m, ctx) => dateDue(addCalendarDays(ctx.today, 2)),
  },
  {
    re: /\b(?:(?:the\s+)?end\s+of\s+)?(?:the\s+)?week\s+after\s+next\b/g,
    rule: 'next_week',
    due: (_m, ctx) => dateDue(lastBusinessDayOfWeek(addCalendarDays(ctx.today, 14), ctx.cal)),
  },
  {
    // UK "Tuesday week", "the Tuesday after next", "a week on Tuesday": a week after the next one.
    re: new RegExp(`\\b(?:the\\s+)?${WD}\\s+(?:week|after\\s+next)\\b|\\ba\\s+week\\s+on\\s+${WD}\\b`, 'g'),
    rule: 'weekday',
    due: (m, ctx) =>
      dateDue(addCalendarDays(nextWeekday(ctx.today, WEEKDAYS[m[1] ?? m[2] ?? ''] ?? 5, false), 7)),
  },
  {
    // "the first week of January": the week holding the 7th, as late as it can mean.
    re: new RegExp(
      `\\b(?:the\\s+)?(first|1st|second|2nd|third|3rd)\\s+week\\s+(?:of|in)\\s+${MONTH}\\b`,
      'g',
    ),
    rule: 'week_of',
    due: (m, ctx) => {
      const day = /^(?:first|1st)$/.test(m[1] ?? '') ? 7 : /^(?:second|2nd)$/.test(m[1] ?? '') ? 14 : 21;
      const date = nextMonthDay(ctx.today.slice(0, 8) + '01', MONTHS[m[2] ?? ''] ?? 1, day);
      return dateDue(date ? lastBusinessDayOfWeek(date, ctx.cal) : null);
    },
  },
  {
    // "early April" → the 10th, "mid-March" → the 20th, "late May" → its last business day.
    re: new RegExp(`\\b(early|mid|middle\\s+of|late)[\\s-]+(?:in\\s+)?${MONTH}\\b`, 'g'),
    rule: 'part_of_month',
    due: (m, ctx) => {
      const part = m[1] ?? 'mid';
      const first = nextMonthDay(ctx.today.slice(0, 8) + '01', MONTHS[m[2] ?? ''] ?? 1, 1);
      if (!first) return null;
      if (part === 'late') return dateDue(lastBusinessDayOfMonth(first, ctx.cal));
      return dateDue(first.slice(0, 8) + (part === 'early' ? '10' : '20'));
    },
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
    // "this Friday" said on a Friday means today; "next Friday" said earlier that week means the
    // Friday of next week (the later reading: a promise is kept by the latest date meant);
    // every other form means the next one after today.
    due: (m, ctx) => {
      const weekday = WEEKDAYS[m[2] ?? ''] ?? 5;
      const nearest = nextWeekday(ctx.today, weekday, m[1] === 'this');
      const laterThisWeek = weekday > weekdayOf(ctx.today);
      return dateDue(m[1] === 'next' && laterThisWeek ? addCalendarDays(nearest, 7) : nearest);
    },
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

/**
 * Numeric dates — 3/12, 03/12/2026, 12.03.2026, 19-10-2026, 2026/03/12 — in the organization's
 * order. Dots and dashes need a year, so "3.5 years" and "3-5 days" stay what they are.
 */
function numericDateCandidates(text: string, ctx: Ctx, order: DateOrder): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(/(?<![\d/.-])(\d{4})\/(\d{1,2})\/(\d{1,2})(?![\d/])/g)) {
    const date = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
    if (date)
      out.push({ start: m.index, end: m.index + m[0].length, rule: 'date', due: { kind: 'date', date } });
  }
  const re = /(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})(?:\2(\d{4}|\d{2}))?(?![\d/]|[.-]\d)/g;
  for (const m of text.matchAll(re)) {
    const [whole, a, sep, b, y] = m;
    if ((sep !== '/' && !y) || whole === '24/7') continue;
    const first = Number(a);
    const second = Number(b);
    const dayFirst = first > 12 || (second <= 12 && order === 'dmy');
    const day = dayFirst ? first : second;
    const month = dayFirst ? second : first;
    const year = y ? (y.length === 2 ? 2000 + Number(y) : Number(y)) : null;
    const date = year !== null ? isoDate(year, month, day) : nextMonthDay(ctx.today, month, day);
    if (date)
      out.push({ start: m.index, end: m.index + whole.length, rule: 'date', due: { kind: 'date', date } });
  }
  return out;
}

// Holidays by name; "the holiday(s)" and "the long weekend" only right after a preposition, since
// "heads out for the holiday" is not a date.
const HOLIDAY_RE =
  /\b(?:(christmas\s+eve)|(christmas)(?:\s+day)?|(new\s+year'?s\s+eve)|(new\s+year'?s)(?:\s+day)?|(thanksgiving)(?:\s+day)?|(?<=\b(?:after|before|by|until|till|post|following|over|around)\s+(?:the\s+)?)((?:bank|public)\s+holiday|long\s+weekend|holiday\s+weekend|holidays?))\b(?!\s+(?:break|period|shutdown|party|season|rush|closure|week))/g;

/** The next date on or after today whose public holiday matches. */
function nextHoliday(ctx: Ctx, match: (name: string) => boolean, withinDays: number): string | null {
  const year = Number(ctx.today.slice(0, 4));
  const limit = addCalendarDays(ctx.today, withinDays);
  for (const h of [...holidaysIn(year, ctx.cal), ...holidaysIn(year + 1, ctx.cal)]) {
    if (h.date >= ctx.today && h.date <= limit && match(h.name)) return h.date;
  }
  return null;
}

/** "before Christmas", "after Thanksgiving", "after the bank holiday". */
function holidayCandidates(text: string, ctx: Ctx): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(HOLIDAY_RE)) {
    let date: string | null = null;
    if (m[1]) date = nextMonthDay(ctx.today, 12, 24);
    else if (m[2]) date = nextMonthDay(ctx.today, 12, 25);
    else if (m[3]) date = nextMonthDay(ctx.today, 12, 31);
    else if (m[4]) date = nextMonthDay(addCalendarDays(ctx.today, 1), 1, 1);
    else if (m[5]) date = nextHoliday(ctx, (n) => /thanksgiving/i.test(n), 370);
    else if (m[6]) date = nextHoliday(ctx, () => true, 45);
    if (date)
      out.push({ start: m.index, end: m.index + m[0].length, rule: 'holiday', due: { kind: 'date', date } });
  }
  return out;
}

// "then", "after which", "the next day": the time comes from the expression before it.
const ANAPHORA_RE =
  /\b(?:(after\s+(?:that|which|this)|afterwards|(?:straight|right|shortly|soon|immediately)\s+after(?=\s*(?:[.,;!?)]|$)))|(the\s+(?:next|following)\s+day)|(then(?=\s*(?:[.,;!?)]|$))|(?:on\s+)?that\s+(?:day|afternoon|morning|evening)|the\s+same\s+day))\b/g;

function anaphoraCandidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(ANAPHORA_RE)) {
    const anaphora = m[1] ? 'next_business_day' : m[2] ? 'next_day' : 'same';
    out.push({ start: m.index, end: m.index + m[0].length, rule: 'anaphora', due: null, anaphora });
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

/** Clause spans, so a time can be tied to the verb near it. */
function clauseSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  let start = 0;
  for (const m of text.matchAll(/[.;!?]+(?=\s|$)|,|\b(?:and|but|then|so|while|whereas)\b/g)) {
    spans.push({ start, end: m.index });
    start = m.index;
  }
  spans.push({ start, end: text.length });
  return spans;
}

// What may stand beside a bare time: "hopefully by Friday", "say Monday at the latest".
const BARE_RE =
  /^[\s,.;:!?'"()-]*(?:(?:hopefully|probably|ideally|maybe|perhaps|by|on|before|around|about|roughly|the|at|latest|or|and|so|say|sometime|in|no|later|than|expect|realistically|later|until|till)\b[\s,.;:!?'"()-]*)*$/;

// Rules a time word can be anchored by ("after", "before", "w/c"): dates, not spans.
const ANCHORABLE_RULES = new Set([
  'weekday',
  'date',
  'tomorrow',
  'holiday',
  'this_week',
  'next_week',
  'end_of_month',
  'next_month',
  'part_of_month',
  'week_of',
  'day_after',
]);

interface Judged {
  c: Candidate;
  due: Due;
  dueAt: Date;
  /** About the conversation or the past: never the promise, nor an anchor. */
  excluded: boolean;
  /** In a clause that promises contact or a decision. */
  contact: boolean;
  /** In a clause about another event. */
  event: boolean;
  bare: boolean;
}

/** Replace typographic characters one-for-one so indices still point into the original. */
function normalize(statement: string): string {
  return statement
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/[\u2010-\u2015\u2212]/g, '-');
}

/** Every time expression in the statement, overlaps settled: base readings, modifiers and anaphora. */
function timeCandidates(text: string, ctx: Ctx, order: DateOrder): Candidate[] {
  const base = [
    ...durationCandidates(text, ctx),
    ...ruleCandidates(text, ctx),
    ...chronoCandidates(text, ctx),
    ...numericDateCandidates(text, ctx, order),
    ...holidayCandidates(text, ctx),
  ];
  return selectNonOverlapping([...base, ...modifierCandidates(text, base, ctx), ...anaphoraCandidates(text)]);
}

/** The statement's clauses as the judging of each time expression needs them. */
interface ClauseReader {
  /** Whether a position lies in a past-tense clause (history, not a promise). */
  inPast: (pos: number) => boolean;
  /** The clause span holding a position (the last one past the end). */
  spanAt: (pos: number) => { start: number; end: number };
  /** Whether a clause promises contact or a decision from the hiring team. */
  isContact: (clause: string) => boolean;
}

/** Read the statement's clauses once: compromise's tenses and our own clause spans. */
function readClauses(statement: string, text: string): ClauseReader {
  // compromise reads the clauses' tense: a time in a past-tense clause is history, not a promise.
  const clauses = analyzeText(statement).sentences.flatMap((sentence) => sentence.clauses);
  const inPast = (pos: number): boolean =>
    clauses.some(
      (c) => c.start <= pos && pos < c.end && c.tense === 'past' && !c.conditional && c.modal === null,
    );
  const spans = clauseSpans(text);
  const spanAt = (pos: number) => spans.find((sp) => sp.start <= pos && pos < sp.end) ?? spans.at(-1)!;
  const isContact = (clause: string): boolean =>
    CONTACT_RE.test(clause) && !CANDIDATE_CONTACT_RE.test(clause);
  return { inPast, spanAt, isContact };
}

/** The due a candidate names, resolving offsets and anaphora against its anchor; null when none. */
function anchoredDue(c: Candidate, prev: Judged | undefined, ctx: Ctx): Due | null {
  let due = c.due;
  if (!due && c.offset) due = applyOffset(prev?.due ?? { kind: 'date', date: ctx.today }, c.offset, ctx);
  if (!due && c.anaphora && prev) {
    const date = dueDateOf(prev.due, ctx);
    due =
      c.anaphora === 'same'
        ? prev.due
        : {
            kind: 'date',
            date: c.anaphora === 'next_day' ? addCalendarDays(date, 1) : addBusinessDays(date, 1, ctx.cal),
          };
  }
  return due;
}

/** Shift an anchorable date by the words before it ("the following", "after", "before", "w/c"). */
function shiftedByLeadIn(
  text: string,
  c: Candidate,
  due: Due,
  before: string,
  prev: Judged | undefined,
  ctx: Ctx,
): { due: Due; rule: string } {
  let rule = c.rule;
  if (ANCHORABLE_RULES.has(c.rule) && due.kind === 'date') {
    const following = /\bthe\s+following\s+$/.exec(before);
    const after = /\b(?:after|post|following|once)\b([^.;]*)$/.exec(before);
    if (following && c.rule === 'weekday' && prev) {
      const weekday = WEEKDAYS[text.slice(c.start, c.end).replace(/^.*\s/, '')] ?? weekdayOf(due.date);
      due = { kind: 'date', date: nextWeekday(dueDateOf(prev.due, ctx), weekday, false) };
    } else if (
      after &&
      !CONTACT_RE.test(after[1] ?? '') &&
      !/\b(?:by|within|before|until|till|no\s+later\s+than)\b/.test(after[1] ?? '')
    ) {
      due = { kind: 'date', date: addBusinessDays(due.date, 1, ctx.cal) };
      rule = 'after_event';
    } else if (/\bbefore\s+(?:the\s+)?$/.test(before) && !/\bor\s+before\s+(?:the\s+)?$/.test(before)) {
      due = { kind: 'date', date: subtractBusinessDays(due.date, 1, ctx.cal) };
    } else if (/(?:\bw\/c|\bwc|\bweek\s+(?:commencing|beginning|starting|of))\s+(?:the\s+)?$/.test(before)) {
      due = { kind: 'date', date: lastBusinessDayOfWeek(due.date, ctx.cal) };
      rule = 'week_of';
    }
  }
  return { due, rule };
}

/** Judge one time expression in its clause: its due, and whether it is history, contact or an event. */
function judgeCandidate(
  text: string,
  c: Candidate,
  judged: readonly Judged[],
  reader: ClauseReader,
  ctx: Ctx,
): Judged | null {
  const { inPast, spanAt, isContact } = reader;
  const span = spanAt(c.start);
  const clause = text.slice(span.start, span.end);
  const before = text.slice(span.start, c.start);
  const prevClause = c.start > 0 ? spanAt(c.start - 1) : span;
  const rest = (text.slice(span.start, c.start) + text.slice(c.end, span.end)).trim();
  const bare = BARE_RE.test(rest);
  // "We'll get back to you, hopefully by Friday": a bare time after a comma belongs to the clause before.
  const joined = c.anaphora !== undefined || (bare && /^,/.test(text.slice(span.start)));
  const joinedTo = c.anaphora !== undefined ? prevClause : span.start > 0 ? spanAt(span.start - 1) : span;
  const contact = isContact(clause) || (joined && isContact(text.slice(joinedTo.start, joinedTo.end)));
  const excluded =
    /\b(?:last|this\s+past|past)\s+$/.test(before) ||
    /^\s+just\s+gone\b/.test(text.slice(c.end)) ||
    CONVERSATION_TIME_RE.test(text.slice(c.start)) ||
    (!contact && CONVERSATION_RE.test(clause)) ||
    CANDIDATE_CONTACT_RE.test(clause) ||
    inPast(c.start);
  // An anchor is the latest expression before this one that is not history.
  const prev = judged.filter((j) => j.c.end <= c.start && !j.excluded).at(-1);
  const anchored = anchoredDue(c, prev, ctx);
  if (!anchored) return null;
  const { due, rule } = shiftedByLeadIn(text, c, anchored, before, prev, ctx);
  return {
    c: { ...c, rule },
    due,
    dueAt: dueInstant(due, ctx),
    excluded,
    contact,
    event: !contact && EVENT_RE.test(clause),
    bare,
  };
}

/** The promise among the judged times: the latest attached to contact, else the latest loose one. */
function promisedTime(judged: readonly Judged[]): Judged | null {
  const attached = judged.filter((j) => !j.excluded && j.contact);
  const loose = judged.filter((j) => !j.excluded && !j.event && (j.c.rule !== 'today' || j.bare));
  const pool = attached.length > 0 ? attached : loose;
  if (pool.length === 0) return null;
  return pool.reduce((best, r) => (r.dueAt.getTime() > best.dueAt.getTime() ? r : best));
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

  const selected = timeCandidates(text, ctx, input.dateOrder ?? dateOrderOf(calendar));
  const reader = readClauses(statement, text);
  const judged: Judged[] = [];
  for (const c of selected) {
    const j = judgeCandidate(text, c, judged, reader, ctx);
    if (j) judged.push(j);
  }

  const chosen = promisedTime(judged);
  if (!chosen) {
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
