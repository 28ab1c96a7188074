import { loadConfig } from '../config.ts';
import { runOwnerCommand, type Notice } from './owner.ts';
import { parseEmail, parseHolidays, parseTimeZone } from './arguments.ts';
import { parseCommandLine, parseText, UsageError } from './usage.ts';

/**
 * `hearback org create NAME [--time-zone ZONE] [--holidays CC[-REGION]] [--admin-email EMAIL
 * [--admin-name NAME]]`: prints { id, name, apiToken } (and the admin's invitation) as one JSON line.
 */
export async function runOrgCreate(args: string[], notice: Notice): Promise<number> {
  const { values, positionals } = parseCommandLine({
    args,
    options: {
      'time-zone': { type: 'string' },
      holidays: { type: 'string' },
      'admin-email': { type: 'string' },
      'admin-name': { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1) {
    throw new UsageError(
      `org create takes one NAME (quote a name with spaces), got ${positionals.length === 0 ? 'none' : positionals.map((p) => `"${p}"`).join(' ')}`,
    );
  }
  const name = parseText('NAME', positionals[0], 200);
  const timeZone = parseTimeZone('time-zone', values['time-zone'] ?? 'UTC');
  const holidays = await parseHolidays(values.holidays);
  const adminEmail =
    values['admin-email'] === undefined ? undefined : parseEmail('--admin-email', values['admin-email']);
  if (values['admin-name'] !== undefined && adminEmail === undefined) {
    throw new UsageError('--admin-name goes with --admin-email');
  }
  const adminName =
    values['admin-name'] === undefined ? undefined : parseText('--admin-name', values['admin-name'], 200);
  const { output } = await runOwnerCommand(
    loadConfig(),
    'org create',
    { name, timeZone, holidays, ...(adminEmail && { adminEmail }), ...(adminName && { adminName }) },
    notice,
  );
  process.stdout.write(`${JSON.stringify(output)}\n`);
  return 0;
}
