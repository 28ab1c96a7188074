import { isSupportedHolidayCountry, isValidTimeZone } from '../domain/business-time.ts';
import { isEmailAddress } from '../domain/email.ts';
import { inviteMember } from '../services/auth.service.ts';
import { createMember } from '../services/member.service.ts';
import { createOrganization } from '../services/organization.service.ts';
import { openRuntime } from './runtime.ts';
import { parseCommandLine, parseHolidays, UsageError } from './usage.ts';

/** `hearback org create NAME`: prints { id, name, apiToken } as JSON. */
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
  if (adminEmail !== undefined && !isEmailAddress(adminEmail))
    throw new UsageError('--admin-email must be an email address');
  const { db, deps, config } = await openRuntime();
  try {
    const { organization, apiToken } = await createOrganization(deps, {
      name,
      policy: { timeZone, holidays },
    });
    const out: Record<string, string> = { id: organization.id, name: organization.name, apiToken };
    if (adminEmail) {
      // The first admin gets an invitation (also emailed): open it to choose a password.
      const admin = await createMember(deps, organization.id, {
        email: adminEmail,
        name: values['admin-name'] ?? adminEmail.split('@')[0]!,
        role: 'admin',
      });
      const { url } = await inviteMember({ ...deps, publicUrl: config.publicUrl }, organization.id, admin.id);
      out.adminId = admin.id;
      out.adminInviteUrl = url;
    }
    process.stdout.write(`${JSON.stringify(out)}\n`);
    return 0;
  } finally {
    await db.close();
  }
}
