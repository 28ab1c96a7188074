import { DateTime, IANAZone } from 'luxon';
import { isEmailAddress } from '../domain/email.ts';
import { UsageError } from './usage.ts';

/** Parsers for the CLI's typed arguments: each refuses with one line naming the flag. */

/** The instants the CLI accepts: wide enough for any real interview, narrow enough for every calendar computation. */
export const INSTANT_RANGE = { minYear: 1970, maxYear: 2999 } as const;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * A full ISO 8601 instant with `Z` or an offset, on the calendar: 2026-02-30 is an error, not
 * March 2 (JavaScript's Date would roll it over), and 24:00 is refused like any other hour 24.
 */
export function parseInstant(flag: string, value: string | undefined): Date {
  const example = `e.g. 2026-12-01T16:00:00Z`;
  if (value === undefined) throw new UsageError(`--${flag} is required: an ISO 8601 instant, ${example}`);
  if (!ISO_INSTANT.test(value)) {
    throw new UsageError(
      `--${flag} must be an ISO 8601 instant with Z or an offset, ${example}; got ${JSON.stringify(value)}`,
    );
  }
  const parsed = DateTime.fromISO(value, { setZone: true });
  // ISO 8601 allows 24:00 for the end of a day; as "when something was said" it is a typo.
  if (!parsed.isValid || value.slice(11, 13) === '24') {
    throw new UsageError(
      `--${flag}: ${JSON.stringify(value)} is not a real date and time (${parsed.invalidExplanation ?? parsed.invalidReason ?? 'hour 24'})`,
    );
  }
  if (parsed.year < INSTANT_RANGE.minYear || parsed.year > INSTANT_RANGE.maxYear) {
    throw new UsageError(
      `--${flag}: the year must be between ${INSTANT_RANGE.minYear} and ${INSTANT_RANGE.maxYear}, got ${parsed.year}`,
    );
  }
  return parsed.toJSDate();
}

/** An email address. */
export function parseEmail(flag: string, value: string | undefined): string {
  if (value === undefined || !isEmailAddress(value)) {
    throw new UsageError(
      `${flag} must be an email address${value === undefined ? '' : `, got ${JSON.stringify(value)}`}`,
    );
  }
  return value;
}

/** An IANA time zone such as Europe/Berlin. */
export function parseTimeZone(flag: string, value: string): string {
  if (!IANAZone.isValidZone(value))
    throw new UsageError(
      `--${flag} must be an IANA time zone such as Europe/Berlin, got ${JSON.stringify(value)}`,
    );
  return value;
}

/** Parse "US" or "DE-BY" into a holiday region that the holiday calendar knows. */
export async function parseHolidays(
  value: string | undefined,
): Promise<{ country: string; region?: string } | null> {
  if (value === undefined) return null;
  const match = /^([A-Za-z]{2})(?:-([A-Za-z0-9]{1,10}))?$/.exec(value);
  if (!match) throw new UsageError(`--holidays must look like US or DE-BY, got ${JSON.stringify(value)}`);
  const country = match[1]!.toUpperCase();
  const region = match[2]?.toUpperCase();
  // The holiday calendar is large: loaded only when a command is given --holidays.
  const { isSupportedHolidayCountry } = await import('../domain/business-time.ts');
  if (!isSupportedHolidayCountry(country, region)) {
    throw new UsageError(`--holidays: unknown country or region ${JSON.stringify(value)}`);
  }
  return region ? { country, region } : { country };
}

/** A UUID (organization and member ids). */
export function parseId(flag: string, value: string): string {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) {
    throw new UsageError(`--${flag} must be an id (a UUID), got ${JSON.stringify(value)}`);
  }
  return value.toLowerCase();
}
