import { loadConfig } from '../config.ts';
import { runOwnerCommand, type Notice } from './owner.ts';
import { parseEmail, parseId } from './arguments.ts';
import { parseCommandLine, UsageError } from './usage.ts';

/**
 * `hearback sign-in-link EMAIL [--org ID]`: print a one-time sign-in link for a member (works
 * once, for 10 minutes) — how a new user without SMTP signs in. The link alone goes to stdout;
 * who it is for goes to stderr.
 */
export async function runSignInLink(args: string[], notice: Notice): Promise<number> {
  const { values, positionals } = parseCommandLine({
    args,
    options: { org: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1) throw new UsageError('sign-in-link takes one EMAIL');
  const email = parseEmail('EMAIL', positionals[0]);
  const orgId = values.org === undefined ? undefined : parseId('org', values.org);
  const { output } = await runOwnerCommand(
    loadConfig(),
    'sign-in-link',
    { email, ...(orgId && { orgId }) },
    notice,
  );
  notice(
    `sign-in link for ${output.member.name} <${output.member.email}> (${output.member.role}, ${output.organization.name}); works once, until ${output.expiresAt}`,
  );
  process.stdout.write(`${output.url}\n`);
  return 0;
}
