import { isSupportedHolidayCountry, isValidTimeZone } from '../domain/business-time.ts';
import { previewPromise } from '../services/promise.service.ts';
import { parseCommandLine, parseHolidays, UsageError } from './usage.ts';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * `hearback promise "STATEMENT" --at ISO --tz ZONE [--holidays CC]`: print exactly one JSON object
 * (dueAt with the zone's offset, dueDate, resolution, warnings …). Needs no database.
 */
export function runPromise(args: string[]): number {
  const { values, positionals } = parseCommandLine({
    args,
    options: {
      at: { type: 'string' },
      tz: { type: 'string' },
      holidays: { type: 'string' },
      'default-days': { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1)
    throw new UsageError('usage: hearback promise "STATEMENT" --at ISO --tz ZONE');
  const at = values.at;
  if (!at || !ISO_INSTANT.test(at) || Number.isNaN(Date.parse(at))) {
    throw new UsageError('--at must be an ISO 8601 instant with Z or an offset, e.g. 2026-12-01T16:00:00Z');
  }
  const timeZone = values.tz;
  if (!timeZone || !isValidTimeZone(timeZone)) {
    throw new UsageError('--tz must be an IANA time zone such as Europe/Berlin');
  }
  const holidays = parseHolidays(values.holidays);
  if (holidays && !isSupportedHolidayCountry(holidays.country, holidays.region)) {
    throw new UsageError(`--holidays: unknown country or region "${values.holidays}"`);
  }
  let defaultBusinessDays: number | undefined;
  if (values['default-days'] !== undefined) {
    defaultBusinessDays = Number(values['default-days']);
    if (!Number.isInteger(defaultBusinessDays) || defaultBusinessDays < 1 || defaultBusinessDays > 60) {
      throw new UsageError('--default-days must be a whole number from 1 to 60');
    }
  }
  const preview = previewPromise({
    text: positionals[0]!,
    at: new Date(at),
    timeZone,
    holidays,
    defaultBusinessDays,
  });
  process.stdout.write(`${JSON.stringify(preview)}\n`);
  return 0;
}
