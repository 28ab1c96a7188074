import { previewPromise } from '../services/promise-preview.ts';
import { parseHolidays, parseInstant, parseTimeZone } from './arguments.ts';
import { parseCommandLine, parseWholeNumber, UsageError } from './usage.ts';

/**
 * `hearback promise "STATEMENT" --at ISO --tz ZONE [--holidays CC]`: print exactly one JSON object
 * (dueAt with the zone's offset, dueDate, resolution, warnings …). Needs no database.
 */
export async function runPromise(args: string[]): Promise<number> {
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
  const text = positionals[0]!;
  if (!text.trim()) throw new UsageError('STATEMENT must not be empty');
  if (text.length > 10_000) throw new UsageError('STATEMENT must be at most 10,000 characters');
  const at = parseInstant('at', values.at);
  if (values.tz === undefined)
    throw new UsageError('--tz is required: an IANA time zone such as Europe/Berlin');
  const timeZone = parseTimeZone('tz', values.tz);
  const holidays = await parseHolidays(values.holidays);
  const defaultBusinessDays =
    values['default-days'] === undefined
      ? undefined
      : parseWholeNumber('default-days', values['default-days'], 1, 60);
  const preview = previewPromise({ text, at, timeZone, holidays, defaultBusinessDays });
  process.stdout.write(`${JSON.stringify(preview)}\n`);
  return 0;
}
