import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CALENDAR,
  addBusinessDays,
  addCalendarDays,
  businessDaysBetween,
  endOfBusinessDay,
  holidaysIn,
  isBusinessDay,
  isHoliday,
  isSupportedHolidayCountry,
  isValidTimeZone,
  isWithinBusinessHours,
  lastBusinessDayOfMonth,
  lastBusinessDayOfWeek,
  localDateOf,
  nextBusinessSlot,
  type BusinessCalendar,
} from './business-time.ts';

const cal = (
  timeZone: string,
  holidays: BusinessCalendar['holidays'] = null,
  extra: Partial<BusinessCalendar> = {},
): BusinessCalendar => ({
  ...DEFAULT_CALENDAR,
  timeZone,
  holidays,
  ...extra,
});

const UTC = DEFAULT_CALENDAR;
const GB = cal('Europe/London', { country: 'GB' });
const US = cal('America/New_York', { country: 'US' });
const DE = cal('Europe/Berlin', { country: 'DE' });
const DE_BY = cal('Europe/Berlin', { country: 'DE', region: 'BY' });
const DE_BE = cal('Europe/Berlin', { country: 'DE', region: 'BE' });
const NY = cal('America/New_York');
const BERLIN = cal('Europe/Berlin');
const AUCKLAND = cal('Pacific/Auckland', { country: 'NZ' });
const KOLKATA = cal('Asia/Kolkata');
// Sunday–Thursday week, as in much of the Gulf.
const DUBAI = cal('Asia/Dubai', null, { workingDays: [7, 1, 2, 3, 4] });
const MONDAYS_ONLY_GB = cal('Europe/London', { country: 'GB' }, { workingDays: [1] });
const NO_WORKING_DAYS = cal('UTC', null, { workingDays: [] });

describe('validation helpers', () => {
  it.each([
    ['Europe/Berlin', true],
    ['America/New_York', true],
    ['UTC', true],
    ['Pacific/Auckland', true],
    ['Mars/Olympus', false],
    ['', false],
  ])('isValidTimeZone(%j) = %s', (tz, ok) => expect(isValidTimeZone(tz)).toBe(ok));

  it.each([
    ['DE', undefined, true],
    ['de', 'by', true],
    ['GB', undefined, true],
    ['US', 'CA', true],
    ['XX', undefined, false],
    ['DE', 'ZZ', false],
    ['', undefined, false],
  ])('isSupportedHolidayCountry(%j, %j) = %s', (country, region, ok) =>
    expect(isSupportedHolidayCountry(country, region)).toBe(ok),
  );
});

describe('holidays', () => {
  it('lists GB 2027 with both Christmas substitute days', () => {
    const dates = holidaysIn(2027, GB).map((h) => h.date);
    expect(dates).toEqual(expect.arrayContaining(['2027-12-25', '2027-12-26', '2027-12-27', '2027-12-28']));
    expect(dates).toEqual([...dates].sort());
  });

  it('returns no holidays for a calendar without a country', () => {
    expect(holidaysIn(2026, UTC)).toEqual([]);
  });

  it('returns copies, so callers cannot corrupt the cache', () => {
    const first = holidaysIn(2026, US);
    first.length = 0;
    expect(holidaysIn(2026, US).length).toBeGreaterThan(5);
  });

  it.each([
    ['2026-12-25', GB, true],
    ['2026-12-28', GB, true], // Boxing Day on Saturday, observed Monday
    ['2027-12-27', GB, true],
    ['2027-12-28', GB, true],
    ['2027-12-29', GB, false],
    ['2026-07-03', US, true], // July 4th on Saturday, observed Friday
    ['2026-07-04', US, true],
    ['2026-11-26', US, true], // Thanksgiving
    ['2026-11-27', US, false],
    ['2026-01-06', DE_BY, true], // Epiphany in Bavaria
    ['2026-01-06', DE_BE, false],
    ['2026-01-06', DE, false],
    ['2026-03-08', DE_BE, true], // Women's Day in Berlin only
    ['2026-10-03', DE, true],
    ['2026-02-06', AUCKLAND, true], // Waitangi Day
    ['2026-12-25', UTC, false],
  ])('isHoliday(%s) = %s', (date, c, expected) => expect(isHoliday(date, c)).toBe(expected));
});

describe('isBusinessDay', () => {
  it.each([
    ['2026-01-05', UTC, true], // Monday
    ['2026-01-03', UTC, false], // Saturday
    ['2026-01-04', UTC, false], // Sunday
    ['2026-01-01', GB, false],
    ['2026-01-02', GB, true],
    ['2026-01-04', DUBAI, true], // Sunday works in Dubai
    ['2026-01-09', DUBAI, false], // Friday does not
  ])('%s → %s', (date, c, expected) => expect(isBusinessDay(date, c)).toBe(expected));

  it('rejects malformed and impossible dates', () => {
    expect(() => isBusinessDay('2026-02-30', UTC)).toThrow(RangeError);
    expect(() => isBusinessDay('26-1-1', UTC)).toThrow(RangeError);
  });
});

describe('addBusinessDays', () => {
  it.each([
    ['2026-01-02', 1, UTC, '2026-01-05'], // Friday → Monday
    ['2026-01-03', 0, UTC, '2026-01-05'], // Saturday, n=0 → next business day
    ['2026-01-05', 0, UTC, '2026-01-05'],
    ['2026-01-07', 5, UTC, '2026-01-14'],
    ['2026-01-07', 10, UTC, '2026-01-21'],
    ['2026-12-23', 3, GB, '2026-12-30'], // skips Christmas and Boxing Day (observed 28th)
    ['2027-12-24', 1, GB, '2027-12-29'], // skips both substitute days
    ['2026-07-02', 1, US, '2026-07-06'], // observed Independence Day
    ['2026-11-25', 1, US, '2026-11-27'], // Thanksgiving
    ['2026-01-05', 1, DE_BY, '2026-01-07'],
    ['2026-01-05', 1, DE_BE, '2026-01-06'],
    ['2026-05-22', 1, DE, '2026-05-26'], // Whit Monday
    ['2026-01-08', 1, DUBAI, '2026-01-11'], // Thursday → Sunday
  ])('%s + %i → %s', (date, n, c, expected) => expect(addBusinessDays(date, n, c)).toBe(expected));

  it('throws instead of looping on a calendar without working days', () => {
    expect(() => addBusinessDays('2026-01-05', 1, NO_WORKING_DAYS)).toThrow(RangeError);
    expect(() => nextBusinessSlot(new Date('2026-01-05T00:00:00Z'), NO_WORKING_DAYS)).toThrow(RangeError);
  });

  it('rejects negative or fractional n', () => {
    expect(() => addBusinessDays('2026-01-05', -1, UTC)).toThrow(RangeError);
    expect(() => addBusinessDays('2026-01-05', 1.5, UTC)).toThrow(RangeError);
  });
});

describe('calendar helpers', () => {
  it.each([
    ['2026-01-30', 2, '2026-02-01'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-03-29', 1, '2026-03-30'], // DST day does not shift the date
  ])('addCalendarDays(%s, %i) = %s', (date, n, expected) => expect(addCalendarDays(date, n)).toBe(expected));

  it.each([
    ['2026-01-07', UTC, '2026-01-09'],
    ['2026-01-11', UTC, '2026-01-09'], // Sunday belongs to the Mon–Sun week
    ['2026-07-01', US, '2026-07-02'], // Friday is the observed holiday
    ['2027-03-22', GB, '2027-03-25'], // Good Friday
    ['2026-01-07', DUBAI, '2026-01-11'], // weeks run Mon–Sun, so the trailing Sunday counts
    ['2027-03-31', MONDAYS_ONLY_GB, '2027-04-05'], // the week's only working day is Easter Monday
  ])('lastBusinessDayOfWeek(%s) = %s', (date, c, expected) =>
    expect(lastBusinessDayOfWeek(date, c)).toBe(expected),
  );

  it.each([
    ['2026-01-15', UTC, '2026-01-30'],
    ['2026-05-01', UTC, '2026-05-29'],
    ['2026-12-01', DE, '2026-12-31'],
    ['2026-02-10', UTC, '2026-02-27'],
    ['2028-02-10', UTC, '2028-02-29'],
  ])('lastBusinessDayOfMonth(%s) = %s', (date, c, expected) =>
    expect(lastBusinessDayOfMonth(date, c)).toBe(expected),
  );

  it.each([
    ['2026-01-02', '2026-01-05', UTC, 1],
    ['2026-01-05', '2026-01-05', UTC, 0],
    ['2026-01-05', '2026-01-12', UTC, 5],
    ['2026-12-23', '2026-12-30', GB, 3],
    ['2026-01-12', '2026-01-05', UTC, -5],
  ])('businessDaysBetween(%s, %s) = %i', (a, b, c, expected) =>
    expect(businessDaysBetween(a, b, c)).toBe(expected),
  );

  it.each([
    ['2026-03-04T04:30:00Z', 'America/New_York', '2026-03-03'], // 23:30 the evening before
    ['2026-03-04T12:00:00Z', 'Pacific/Auckland', '2026-03-05'],
    ['2026-03-04T18:29:00Z', 'Asia/Kolkata', '2026-03-04'],
    ['2026-03-04T18:30:00Z', 'Asia/Kolkata', '2026-03-05'],
    ['2026-03-04T23:59:59Z', 'UTC', '2026-03-04'],
  ])('localDateOf(%s, %s) = %s', (iso, tz, expected) =>
    expect(localDateOf(new Date(iso), tz)).toBe(expected),
  );

  it.each([
    ['2026-03-27', BERLIN, '2026-03-27T16:00:00.000Z'], // CET
    ['2026-03-30', BERLIN, '2026-03-30T15:00:00.000Z'], // CEST
    ['2026-11-02', NY, '2026-11-02T22:00:00.000Z'],
    ['2026-06-03', KOLKATA, '2026-06-03T11:30:00.000Z'],
    ['2026-06-03', cal('UTC', null, { hours: { start: '08:00', end: '24:00' } }), '2026-06-04T00:00:00.000Z'],
  ])('endOfBusinessDay(%s) = %s', (date, c, expected) =>
    expect(endOfBusinessDay(date, c).toISOString()).toBe(expected),
  );
});

describe('nextBusinessSlot', () => {
  it.each([
    ['inside hours stays put', '2026-01-07T10:00:00Z', UTC, '2026-01-07T10:00:00.000Z'],
    ['at opening stays put', '2026-01-07T09:00:00Z', UTC, '2026-01-07T09:00:00.000Z'],
    ['at closing moves on', '2026-01-07T17:00:00Z', UTC, '2026-01-08T09:00:00.000Z'],
    ['early morning → opening', '2026-01-07T06:00:00Z', UTC, '2026-01-07T09:00:00.000Z'],
    ['Friday evening → Monday 09:00', '2026-01-09T19:00:00Z', UTC, '2026-01-12T09:00:00.000Z'],
    ['Saturday → Monday', '2026-01-10T12:00:00Z', UTC, '2026-01-12T09:00:00.000Z'],
    [
      'Berlin: Friday evening over spring-forward',
      '2026-03-27T17:00:00Z',
      BERLIN,
      '2026-03-30T07:00:00.000Z',
    ],
    ['Berlin: Sunday of spring-forward', '2026-03-29T01:30:00Z', BERLIN, '2026-03-30T07:00:00.000Z'],
    ['Berlin: Friday evening over fall-back', '2026-10-23T16:00:00Z', BERLIN, '2026-10-26T08:00:00.000Z'],
    ['New York: over spring-forward', '2026-03-06T22:30:00Z', NY, '2026-03-09T13:00:00.000Z'],
    ['New York: over fall-back', '2026-10-31T00:00:00Z', NY, '2026-11-02T14:00:00.000Z'],
    [
      'New York: 23:30 local is the previous day there',
      '2026-03-05T04:30:00Z',
      NY,
      '2026-03-05T14:00:00.000Z',
    ],
    ['holiday Monday → Tuesday (DE Whit Monday)', '2026-05-22T15:00:00Z', DE, '2026-05-26T07:00:00.000Z'],
    ['Easter weekend GB → Tuesday, over BST start', '2027-03-25T18:00:00Z', GB, '2027-03-30T08:00:00.000Z'],
    [
      'Auckland: early Friday local (Thursday UTC)',
      '2026-01-15T19:00:00Z',
      AUCKLAND,
      '2026-01-15T20:00:00.000Z',
    ],
    ['Auckland: Waitangi Day Friday → Monday', '2026-02-05T21:00:00Z', AUCKLAND, '2026-02-08T20:00:00.000Z'],
    ['Kolkata: Friday 17:30 → Monday 09:00 IST', '2026-06-05T12:00:00Z', KOLKATA, '2026-06-08T03:30:00.000Z'],
    ['Kolkata: inside hours', '2026-06-03T10:00:00Z', KOLKATA, '2026-06-03T10:00:00.000Z'],
    ['Dubai: Thursday evening → Sunday', '2026-01-08T14:00:00Z', DUBAI, '2026-01-11T05:00:00.000Z'],
  ])('%s', (_name, iso, c, expected) => {
    expect(nextBusinessSlot(new Date(iso), c).toISOString()).toBe(expected);
  });

  it.each([
    ['2026-01-07T10:00:00Z', UTC, true],
    ['2026-01-07T17:00:00Z', UTC, false],
    ['2026-01-10T10:00:00Z', UTC, false],
    ['2026-12-25T10:00:00Z', GB, false],
    ['2026-06-03T10:00:00Z', KOLKATA, true],
  ])('isWithinBusinessHours(%s) = %s', (iso, c, expected) =>
    expect(isWithinBusinessHours(new Date(iso), c)).toBe(expected),
  );
});

describe('properties', () => {
  const calendars = [UTC, GB, US, DE_BY, DE_BE, NY, BERLIN, AUCKLAND, KOLKATA, DUBAI];
  const arbCal = fc.constantFrom(...calendars);
  const arbDate = fc
    .integer({ min: Date.UTC(2020, 0, 1) / 86_400_000, max: Date.UTC(2035, 11, 31) / 86_400_000 })
    .map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10));
  const arbInstant = fc
    .integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 11, 31) })
    .map((ms) => new Date(ms));

  it('addBusinessDays lands on a business day exactly n business days later', () => {
    fc.assert(
      fc.property(arbDate, fc.integer({ min: 1, max: 60 }), arbCal, (date, n, c) => {
        const due = addBusinessDays(date, n, c);
        expect(isBusinessDay(due, c)).toBe(true);
        expect(businessDaysBetween(date, due, c)).toBe(n);
        expect(due > date).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('addBusinessDays(d, 0) is a business day on or after d', () => {
    fc.assert(
      fc.property(arbDate, arbCal, (date, c) => {
        const due = addBusinessDays(date, 0, c);
        expect(isBusinessDay(due, c)).toBe(true);
        expect(due >= date).toBe(true);
        expect(businessDaysBetween(date, due, c)).toBe(due === date ? 0 : 1);
      }),
    );
  });

  it('nextBusinessSlot is not earlier, is within business hours, and is idempotent', () => {
    fc.assert(
      fc.property(arbInstant, arbCal, (instant, c) => {
        const slot = nextBusinessSlot(instant, c);
        expect(slot.getTime()).toBeGreaterThanOrEqual(instant.getTime());
        expect(isWithinBusinessHours(slot, c)).toBe(true);
        expect(nextBusinessSlot(slot, c).getTime()).toBe(slot.getTime());
        if (isWithinBusinessHours(instant, c)) expect(slot.getTime()).toBe(instant.getTime());
      }),
      { numRuns: 500 },
    );
  });

  it('last business days of week and month are business days in or after that period', () => {
    fc.assert(
      fc.property(arbDate, arbCal, (date, c) => {
        const w = lastBusinessDayOfWeek(date, c);
        const m = lastBusinessDayOfMonth(date, c);
        expect(isBusinessDay(w, c)).toBe(true);
        expect(isBusinessDay(m, c)).toBe(true);
        expect(m.slice(0, 7) >= date.slice(0, 7)).toBe(true);
      }),
    );
  });
});
