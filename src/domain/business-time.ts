/**
 * Business-time arithmetic: working days, public holidays and business hours in an IANA zone.
 *
 * Dates are plain `YYYY-MM-DD` strings meaning a local calendar day; instants are `Date`s.
 * Day arithmetic is done on UTC epoch days (never on local midnights) so DST never shifts a date,
 * and luxon is used only where a wall-clock time must become an instant.
 * Pure: no clock reads, no I/O. date-holidays ships its data in-package.
 */
import Holidays from 'date-holidays';
import { DateTime, IANAZone } from 'luxon';

/** An organization's (or job's) working calendar. */
export interface BusinessCalendar {
  /** IANA zone, e.g. 'Europe/Berlin'. */
  timeZone: string;
  /** ISO weekdays 1=Mon..7=Sun. */
  workingDays: number[];
  /** Local 'HH:MM' opening and closing time; end may be '24:00'. */
  hours: { start: string; end: string };
  /** ISO country (+ region/state code as date-holidays spells it); null = no public holidays. */
  holidays: { country: string; region?: string | undefined } | null;
}

/** UTC, Monday to Friday, 09:00–17:00, no holidays. */
export const DEFAULT_CALENDAR: BusinessCalendar = Object.freeze({
  timeZone: 'UTC',
  workingDays: [1, 2, 3, 4, 5],
  hours: { start: '09:00', end: '17:00' },
  holidays: null,
});

const DAY_MS = 86_400_000;
/** Longest run of consecutive non-business days we accept before declaring the calendar broken. */
const MAX_SCAN_DAYS = 3660;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const HHMM_RE = /^([01]\d|2[0-4]):([0-5]\d)$/;

// ---------------------------------------------------------------------------------------------
// Plain-date helpers (epoch-day based, zone-free)

function toEpochDay(date: string): number {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`Invalid date '${date}', expected YYYY-MM-DD`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  // Date.UTC silently rolls over (Feb 30 → Mar 2); reject instead of guessing.
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new RangeError(`Invalid date '${date}'`);
  }
  return ms / DAY_MS;
}

function fromEpochDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday of an epoch day; 1970-01-01 was a Thursday (4). */
function isoWeekdayOfEpochDay(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

function parseHhmm(value: string): number {
  const m = HHMM_RE.exec(value);
  if (!m || (m[1] === '24' && m[2] !== '00')) {
    throw new RangeError(`Invalid time '${value}', expected HH:MM`);
  }
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Opening and closing minute of the day, checked once per call site. */
function hoursOf(cal: BusinessCalendar): { start: number; end: number } {
  const start = parseHhmm(cal.hours.start);
  const end = parseHhmm(cal.hours.end);
  if (start >= end) throw new RangeError(`Business hours must end after they start`);
  return { start, end };
}

function assertHasWorkingDays(cal: BusinessCalendar): void {
  // Without this a search for the next business day would never terminate.
  if (!cal.workingDays.some((d) => Number.isInteger(d) && d >= 1 && d <= 7)) {
    throw new RangeError('Calendar has no working days');
  }
}

// ---------------------------------------------------------------------------------------------
// Holidays (cached: these are hit in hot loops)

const holidayEngines = new Map<string, Holidays>();
const holidaySets = new Map<string, Set<string>>();
const holidayLists = new Map<string, { date: string; name: string }[]>();
let countryCodes: Set<string> | undefined;

function holidayKey(h: { country: string; region?: string | undefined }): string {
  return `${h.country.toUpperCase()}|${h.region?.toUpperCase() ?? ''}`;
}

function engineFor(h: { country: string; region?: string | undefined }): Holidays {
  const key = holidayKey(h);
  let engine = holidayEngines.get(key);
  if (!engine) {
    if (!isSupportedHolidayCountry(h.country, h.region)) {
      throw new RangeError(`Unsupported holiday country/region '${key.replace('|', '-')}'`);
    }
    const opts = { types: ['public' as const] };
    engine = h.region
      ? new Holidays(h.country.toUpperCase(), h.region.toUpperCase(), opts)
      : new Holidays(h.country.toUpperCase(), opts);
    holidayEngines.set(key, engine);
  }
  return engine;
}

/** True if the string names a zone the runtime's ICU data knows. */
export function isValidTimeZone(tz: string): boolean {
  if (typeof tz !== 'string' || tz.length === 0) return false;
  if (VALID_ZONES.has(tz)) return true;
  // luxon builds a new Intl.DateTimeFormat for every check; the sweep asks thousands of times
  // (BENCHMARKS.md, finding F2: +12–21 % throughput, worker memory 563 → 237 MiB when cached).
  const valid = IANAZone.isValidZone(tz);
  if (valid && VALID_ZONES.size < 1000) VALID_ZONES.add(tz);
  return valid;
}

// Zones already found valid. A zone never becomes invalid while the process runs; the bound keeps
// arbitrary input from growing it without limit.
const VALID_ZONES = new Set<string>();

/** True if date-holidays has public-holiday data for the country (and region, when given). */
export function isSupportedHolidayCountry(country: string, region?: string): boolean {
  if (typeof country !== 'string' || country.length === 0) return false;
  countryCodes ??= new Set(Object.keys(new Holidays().getCountries()));
  const c = country.toUpperCase();
  if (!countryCodes.has(c)) return false;
  if (region === undefined || region === '') return true;
  const states = new Holidays().getStates(c) ?? {};
  return Object.keys(states).includes(region.toUpperCase());
}

/** Public holidays of the calendar's country/region in a year, substitute (observed) days included. */
export function holidaysIn(year: number, cal: BusinessCalendar): { date: string; name: string }[] {
  if (!cal.holidays) return [];
  const key = `${holidayKey(cal.holidays)}|${year}`;
  const cached = holidayLists.get(key);
  if (cached) return cached.map((h) => ({ ...h }));
  const byDate = new Map<string, string>();
  for (const h of engineFor(cal.holidays).getHolidays(year)) {
    const first = h.date.slice(0, 10);
    // A few holidays span several days (start/end are instants in the country's zone).
    const span = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / DAY_MS));
    const firstDay = toEpochDay(first);
    for (let i = 0; i < span; i++) {
      const date = fromEpochDay(firstDay + i);
      if (date.startsWith(String(year)) && !byDate.has(date)) byDate.set(date, h.name);
    }
  }
  const list = [...byDate.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, name]) => ({ date, name }));
  holidayLists.set(key, list);
  holidaySets.set(key, new Set(list.map((h) => h.date)));
  return list.map((h) => ({ ...h }));
}

/** True if the local date is a public holiday in the calendar's country/region. */
export function isHoliday(date: string, cal: BusinessCalendar): boolean {
  toEpochDay(date);
  if (!cal.holidays) return false;
  const year = Number(date.slice(0, 4));
  const key = `${holidayKey(cal.holidays)}|${year}`;
  let set = holidaySets.get(key);
  if (!set) {
    holidaysIn(year, cal);
    set = holidaySets.get(key) ?? new Set();
  }
  return set.has(date);
}

// ---------------------------------------------------------------------------------------------
// Business days

function isBusinessEpochDay(day: number, cal: BusinessCalendar): boolean {
  if (!cal.workingDays.includes(isoWeekdayOfEpochDay(day))) return false;
  return !isHoliday(fromEpochDay(day), cal);
}

/** First business epoch day strictly after `day`. */
function nextBusinessEpochDay(day: number, cal: BusinessCalendar): number {
  for (let i = 1; i <= MAX_SCAN_DAYS; i++) {
    if (isBusinessEpochDay(day + i, cal)) return day + i;
  }
  throw new RangeError(`No business day within ${MAX_SCAN_DAYS} days of ${fromEpochDay(day)}`);
}

/** True if the local date is a working day and not a public holiday. */
export function isBusinessDay(date: string, cal: BusinessCalendar): boolean {
  return isBusinessEpochDay(toEpochDay(date), cal);
}

/** The Nth business day after `date`; n=0 gives `date` itself if it is a business day, else the next one. */
export function addBusinessDays(date: string, n: number, cal: BusinessCalendar): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer`);
  assertHasWorkingDays(cal);
  let day = toEpochDay(date);
  if (n === 0) return isBusinessEpochDay(day, cal) ? date : fromEpochDay(nextBusinessEpochDay(day, cal));
  for (let i = 0; i < n; i++) day = nextBusinessEpochDay(day, cal);
  return fromEpochDay(day);
}

/** The date n calendar days after (or before, if negative) `date`. */
export function addCalendarDays(date: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`n must be an integer`);
  return fromEpochDay(toEpochDay(date) + n);
}

/** Last business day of the Monday–Sunday week holding `date`; the next business day after that week if it has none. */
export function lastBusinessDayOfWeek(date: string, cal: BusinessCalendar): string {
  assertHasWorkingDays(cal);
  const day = toEpochDay(date);
  const monday = day - (isoWeekdayOfEpochDay(day) - 1);
  const sunday = monday + 6;
  for (let d = sunday; d >= monday; d--) if (isBusinessEpochDay(d, cal)) return fromEpochDay(d);
  return fromEpochDay(nextBusinessEpochDay(sunday, cal));
}

/** Last business day of the month holding `date`; the next business day after that month if it has none. */
export function lastBusinessDayOfMonth(date: string, cal: BusinessCalendar): string {
  assertHasWorkingDays(cal);
  toEpochDay(date);
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const first = Date.UTC(y, m - 1, 1) / DAY_MS;
  const last = Date.UTC(y, m, 1) / DAY_MS - 1;
  for (let d = last; d >= first; d--) if (isBusinessEpochDay(d, cal)) return fromEpochDay(d);
  return fromEpochDay(nextBusinessEpochDay(last, cal));
}

/** Number of business days in the half-open range (fromDate, toDate]; negative when toDate is earlier. */
export function businessDaysBetween(fromDate: string, toDate: string, cal: BusinessCalendar): number {
  const from = toEpochDay(fromDate);
  const to = toEpochDay(toDate);
  if (to < from) return -businessDaysBetween(toDate, fromDate, cal);
  let count = 0;
  for (let d = from + 1; d <= to; d++) if (isBusinessEpochDay(d, cal)) count++;
  return count;
}

// ---------------------------------------------------------------------------------------------
// Instants and business hours

function assertZone(tz: string): void {
  if (!isValidTimeZone(tz)) throw new RangeError(`Invalid time zone '${tz}'`);
}

/** The local calendar date of an instant in a zone, as YYYY-MM-DD. */
export function localDateOf(instant: Date, timeZone: string): string {
  assertZone(timeZone);
  const iso = DateTime.fromJSDate(instant, { zone: timeZone }).toISODate();
  if (!iso) throw new RangeError('Invalid instant');
  return iso;
}

/** The instant a local wall-clock minute-of-day occurs on a date; times in a DST gap move forward. */
function wallTimeToInstant(date: string, minuteOfDay: number, timeZone: string): Date {
  // '24:00' means the next midnight, which luxon would reject as an hour.
  const dayShift = Math.floor(minuteOfDay / 1440);
  const d = dayShift ? addCalendarDays(date, dayShift) : date;
  const minute = minuteOfDay % 1440;
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  const dt = DateTime.fromObject(
    { year: y, month: m, day, hour: Math.floor(minute / 60), minute: minute % 60 },
    { zone: timeZone },
  );
  return dt.toJSDate();
}

/** The instant business hours close on a local date: the due time of date-based promises. */
export function endOfBusinessDay(date: string, cal: BusinessCalendar): Date {
  assertZone(cal.timeZone);
  toEpochDay(date);
  return wallTimeToInstant(date, hoursOf(cal).end, cal.timeZone);
}

/** Local date and minute-of-day of an instant in a zone. */
function localParts(instant: Date, timeZone: string): { date: string; minute: number } {
  const dt = DateTime.fromJSDate(instant, { zone: timeZone });
  if (!dt.isValid) throw new RangeError('Invalid instant');
  return { date: dt.toISODate(), minute: dt.hour * 60 + dt.minute };
}

/** True if the instant falls on a business day between opening (inclusive) and closing (exclusive). */
export function isWithinBusinessHours(instant: Date, cal: BusinessCalendar): boolean {
  assertZone(cal.timeZone);
  const { start, end } = hoursOf(cal);
  const { date, minute } = localParts(instant, cal.timeZone);
  return minute >= start && minute < end && isBusinessDay(date, cal);
}

/** The instant itself if inside business hours, else the next opening time; DST-safe. */
export function nextBusinessSlot(instant: Date, cal: BusinessCalendar): Date {
  assertZone(cal.timeZone);
  assertHasWorkingDays(cal);
  const { start, end } = hoursOf(cal);
  const { date, minute } = localParts(instant, cal.timeZone);
  const day = toEpochDay(date);
  if (isBusinessEpochDay(day, cal)) {
    if (minute >= start && minute < end) return new Date(instant.getTime());
    if (minute < start) {
      const opening = wallTimeToInstant(date, start, cal.timeZone);
      // On a fall-back day the wall clock can read "before opening" after opening already passed.
      if (opening.getTime() >= instant.getTime()) return opening;
      return new Date(instant.getTime());
    }
  }
  return wallTimeToInstant(fromEpochDay(nextBusinessEpochDay(day, cal)), start, cal.timeZone);
}

/** The Nth business day before `date` (n ≥ 1). */
export function subtractBusinessDays(date: string, n: number, cal: BusinessCalendar): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a positive integer`);
  assertHasWorkingDays(cal);
  let day = toEpochDay(date);
  for (let i = 0; i < n;) {
    day -= 1;
    if (day < toEpochDay(date) - MAX_SCAN_DAYS) {
      throw new RangeError(`No business day within ${MAX_SCAN_DAYS} days before ${date}`);
    }
    if (isBusinessEpochDay(day, cal)) i++;
  }
  return fromEpochDay(day);
}

/** The instant business hours open on a local date. */
export function startOfBusinessDay(date: string, cal: BusinessCalendar): Date {
  assertZone(cal.timeZone);
  toEpochDay(date);
  return wallTimeToInstant(date, hoursOf(cal).start, cal.timeZone);
}

/**
 * The same local time of day `n` business days after `instant`'s local date, moved into business
 * hours if it falls outside them: "one business day from now".
 */
export function businessDaysLater(instant: Date, n: number, cal: BusinessCalendar): Date {
  assertZone(cal.timeZone);
  const { date, minute } = localParts(instant, cal.timeZone);
  const target = addBusinessDays(date, n, cal);
  return nextBusinessSlot(wallTimeToInstant(target, minute, cal.timeZone), cal);
}

/** The local date and minute of the day (0–1439) of an instant in a zone. */
export function localTimeOf(instant: Date, timeZone: string): { date: string; minute: number } {
  assertZone(timeZone);
  return localParts(instant, timeZone);
}

/** The last instant of a local date (the next local midnight, exclusive) in a zone. */
export function endOfLocalDay(date: string, timeZone: string): Date {
  assertZone(timeZone);
  return wallTimeToInstant(date, 1440, timeZone);
}

/** The first instant of a local date in `timeZone` (local midnight, or the first minute after a gap). */
export function startOfLocalDay(date: string, timeZone: string): Date {
  assertZone(timeZone);
  return wallTimeToInstant(date, 0, timeZone);
}

/**
 * The years Hearback tracks times in: every stored instant, and every date derived from one (a
 * due time some business days later, the end of a day in a western zone), then fits PostgreSQL
 * (no year 0; through PGlite no Date past 9999) and prints as a plain ISO string.
 */
export const TRACKED_YEARS = Object.freeze({ min: 1970, max: 9000 });

/** Whether an instant lies within the years Hearback tracks (`TRACKED_YEARS`). */
export function isTrackedInstant(instant: Date): boolean {
  const year = instant.getUTCFullYear();
  return year >= TRACKED_YEARS.min && year <= TRACKED_YEARS.max;
}

/**
 * A day without a time, as the API takes it (`YYYY-MM-DD`): which instant it stands for depends on
 * the field and the zone it is read in (see {@link instantOf}).
 */
export interface LocalDay {
  readonly date: string;
}

/** Where the API takes a moment it accepts a full instant or a plain date. */
export type DateOrInstant = Date | LocalDay;

/**
 * The instant a date-or-instant stands for. An instant is itself; a plain date is read in
 * `timeZone`: its first instant (`start`), or the first instant after it (`end`, for the inclusive
 * end of a period). Due times read a plain date differently: see {@link dueTimeOf}.
 */
export function instantOf(value: DateOrInstant, timeZone: string, edge: 'start' | 'end' = 'start'): Date {
  if (value instanceof Date) return value;
  return edge === 'start' ? startOfLocalDay(value.date, timeZone) : endOfLocalDay(value.date, timeZone);
}

/** A due time: an instant as it is; a plain date is the close of that business day in `calendar`. */
export function dueTimeOf(value: DateOrInstant, calendar: BusinessCalendar): Date {
  return value instanceof Date ? value : endOfBusinessDay(value.date, calendar);
}

/** Close of business on the Nth business day after `instant`'s local date: "by the end of day N". */
export function endOfBusinessDaysAfter(instant: Date, n: number, cal: BusinessCalendar): Date {
  return endOfBusinessDay(addBusinessDays(localDateOf(instant, cal.timeZone), n, cal), cal);
}
