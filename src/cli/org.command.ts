import { isSupportedHolidayCountry, isValidTimeZone } from '../domain/business-time.ts';
import { isEmailAddress } from '../domain/email.ts';
import { inviteMember } from '../services/auth.service.ts';
import { createOrganization } from '../services/organization.service.ts';
import { openRuntime } from './runtime.ts';
import { parseCommandLine, parseHolidays, UsageError } from './usage.ts';

/** `hearback org create NAME --admin-email EMAIL`: prints { id, name, apiToken, adminId, adminInviteUrl } as JSON. */
export async function runOrgCreate(args: string[]): Promise<number> {
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
  const name = positionals.join(' ').trim();
  if (!name || name.length > 200) throw new UsageError('usage: hearback org create NAME (1–200 characters)');
  const timeZone = values['time-zone'] ?? 'UTC';
  if (!isValidTimeZone(timeZone)) throw new UsageError(`--time-zone: unknown IANA time zone "${timeZone}"`);
  const holidays = parseHolidays(values.holidays);
  if (holidays && !isSupportedHolidayCountry(holidays.country, holidays.region)) {
    throw new UsageError(`--holidays: unknown country or region "${values.holidays}"`);
  }
  const adminEmail = values['admin-email'];
  // Every API token acts as a member: the organization's first token acts as its first admin.
  if (adminEmail === undefined) throw new UsageError('--admin-email is required (the first admin)');
  if (!isEmailAddress(adminEmail)) throw new UsageError('--admin-email must be an email address');
  const { db, deps, config } = await openRuntime();
  try {
    const { organization, admin, apiToken } = await createOrganization(deps, {
      name,
      policy: { timeZone, holidays },
      admin: { email: adminEmail, name: values['admin-name'] },
    });
    // The first admin gets an invitation (also emailed): open it to choose a password.
    const { url } = await inviteMember({ ...deps, publicUrl: config.publicUrl }, organization.id, admin.id);
    const out = {
      id: organization.id,
      name: organization.name,
      apiToken,
      adminId: admin.id,
      adminInviteUrl: url,
    };
    process.stdout.write(`${JSON.stringify(out)}\n`);
    return 0;
  } finally {
    await db.close();
  }
}
