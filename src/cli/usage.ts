import { parseArgs, type ParseArgsConfig } from 'node:util';
import { DateTime } from 'luxon';
import { isSupportedHolidayCountry, isValidTimeZone } from '../domain/business-time.ts';
import { isEmailAddress } from '../domain/email.ts';

/** A mistake in the command line: printed as one line, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * parseArgs, strict, with its errors turned into one-line UsageErrors — and an option given twice
 * refused rather than silently won by the last one (`--at X --at Y` is a mistake, not a choice).
 */
export function parseCommandLine<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  let parsed: ReturnType<typeof parseArgs<T & { tokens: true }>>;
  try {
    parsed = parseArgs({ ...config, tokens: true });
  } catch (error) {
    throw new UsageError(((error as Error).message.split('\n')[0] ?? '').replace(/\. To specify .*$/, ''));
  }
  const seen = new Set<string>();
  for (const token of parsed.tokens ?? []) {
    if (token.kind !== 'option') continue;
    const multiple = (config.options?.[token.name] as { multiple?: boolean } | undefined)?.multiple;
    if (seen.has(token.name) && !multiple) throw new UsageError(`--${token.name} given more than once`);
    seen.add(token.name);
  }
  const { tokens: _tokens, ...rest } = parsed;
  return rest as ReturnType<typeof parseArgs<T>>;
}

/** Refuse any flag or positional: for commands that take none. */
export function parseNoArguments(args: string[]): void {
  parseCommandLine({ args, options: {}, strict: true, allowPositionals: false });
}

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
      `--${flag} must be an ISO 8601 instant with Z or an offset, ${example}; got "${value}"`,
    );
  }
  const parsed = DateTime.fromISO(value, { setZone: true });
  if (!parsed.isValid) {
    throw new UsageError(
      `--${flag}: "${value}" is not a real date and time (${parsed.invalidExplanation ?? parsed.invalidReason})`,
    );
  }
  if (parsed.year < INSTANT_RANGE.minYear || parsed.year > INSTANT_RANGE.maxYear) {
    throw new UsageError(
      `--${flag}: the year must be between ${INSTANT_RANGE.minYear} and ${INSTANT_RANGE.maxYear}, got ${parsed.year}`,
    );
  }
  return parsed.toJSDate();
}

/** A whole number written in digits within [min, max]: no "1.5", "5abc", " 5", "1e3" or "0x10". */
export function parseWholeNumber(flag: string, value: string, min: number, max: number): number {
  const n = /^\d{1,9}$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new UsageError(`--${flag} must be a whole number from ${min} to ${max}, got "${value}"`);
  }
  return n;
}

/** A line of text a person typed: no control characters (NUL, escape sequences), not blank, bounded. */
export function parseText(what: string, value: string | undefined, maxLength: number): string {
  const text = value?.trim() ?? '';
  if (!text) throw new UsageError(`${what} must not be empty`);
  if (text.length > maxLength) throw new UsageError(`${what} must be at most ${maxLength} characters`);
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f-\u009f]/.test(text))
    throw new UsageError(`${what} must not contain control characters`);
  if (/[\ud800-\udfff]/u.test(text.replace(/[\ud800-\udbff][\udc00-\udfff]/g, ''))) {
    throw new UsageError(`${what} is not valid Unicode text`);
  }
  return text;
}

/** An email address. */
export function parseEmail(flag: string, value: string | undefined): string {
  if (value === undefined || !isEmailAddress(value)) {
    throw new UsageError(`${flag} must be an email address${value === undefined ? '' : `, got "${value}"`}`);
  }
  return value;
}

/** An IANA time zone such as Europe/Berlin. */
export function parseTimeZone(flag: string, value: string): string {
  if (!isValidTimeZone(value))
    throw new UsageError(`--${flag} must be an IANA time zone such as Europe/Berlin, got "${value}"`);
  return value;
}

/** Parse "US" or "DE-BY" into a holiday region that the holiday calendar knows. */
export function parseHolidays(value: string | undefined): { country: string; region?: string } | null {
  if (value === undefined) return null;
  const match = /^([A-Za-z]{2})(?:-([A-Za-z0-9]{1,10}))?$/.exec(value);
  if (!match) throw new UsageError(`--holidays must look like US or DE-BY, got "${value}"`);
  const country = match[1]!.toUpperCase();
  const region = match[2]?.toUpperCase();
  if (!isSupportedHolidayCountry(country, region)) {
    throw new UsageError(`--holidays: unknown country or region "${value}"`);
  }
  return region ? { country, region } : { country };
}

/** A UUID (organization and member ids). */
export function parseId(flag: string, value: string): string {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) {
    throw new UsageError(`--${flag} must be an id (a UUID), got "${value}"`);
  }
  return value.toLowerCase();
}

/** A command that could not do its work: one line on stderr, exit code 1 (or 2 for bad input). */
export class CliFailure extends Error {
  override name = 'CliFailure';
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
  }
}

/** The exit code for a service's AppError: 2 when the input was at fault, 1 otherwise. */
export function exitCodeForAppError(code: string): 1 | 2 {
  return ['validation_failed', 'invalid_reference', 'choose_organization'].includes(code) ? 2 : 1;
}
