import { isSupportedHolidayCountry, isValidTimeZone } from '../domain/business-time.ts';
import { createOrganization } from '../services/organization.service.ts';
import { openRuntime } from './runtime.ts';
import { parseCommandLine, parseHolidays, UsageError } from './usage.ts';

/** `hearback org create NAME`: prints { id, name, apiToken } as JSON. */
export async function runOrgCreate(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine({
    args,
    options: { 'time-zone': { type: 'string' }, holidays: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const name = positionals.join(' ').trim();
  if (!name || name.length > 200) throw new UsageError('usage: hearback org create NAME (1–200 characters)');
  const timeZone = values['time-zone'] ?? 'UTC';
  if (!isValidTimeZone(timeZone)) throw new UsageError(`--time-zone: unknown IANA time zone "${timeZone}"`);
  const holidays = parseHolidays(values.holidays);
  if (holidays && !isSupportedHolidayCountry(holidays.country, holidays.region)) {
    throw new UsageError(`--holidays: unknown country or region "${values.holidays}"`);
  }
  const { db, deps } = await openRuntime();
  try {
    const { organization, apiToken } = await createOrganization(deps, {
      name,
      policy: { timeZone, holidays },
    });
    process.stdout.write(`${JSON.stringify({ id: organization.id, name: organization.name, apiToken })}\n`);
    return 0;
  } finally {
    await db.close();
  }
}
