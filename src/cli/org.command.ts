import { loadConfig } from '../config.ts';
import { runOwnerCommand, type Notice } from './owner.ts';
import { parseEmail, parseHolidays, parseTimeZone } from './arguments.ts';
import { parseCommandLine, parseText, UsageError } from './usage.ts';

/**
 * `hearback org create NAME --admin-email EMAIL [--admin-name NAME] [--time-zone ZONE]
 * [--holidays CC[-REGION]]`: prints { id, name, apiToken, adminId, adminInviteUrl } as one JSON line.
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
  // Every API token acts as a member: the organization's first token acts as its first admin.
  if (values['admin-email'] === undefined)
    throw new UsageError('--admin-email is required (the first admin)');
  const adminEmail = parseEmail('--admin-email', values['admin-email']);
  const adminName =
    values['admin-name'] === undefined ? undefined : parseText('--admin-name', values['admin-name'], 200);
  const { output } = await runOwnerCommand(
    loadConfig(),
    'org create',
    { name, timeZone, holidays, adminEmail, ...(adminName && { adminName }) },
    notice,
  );
  process.stdout.write(`${JSON.stringify(output)}\n`);
  return 0;
}
