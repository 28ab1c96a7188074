import { loadConfig } from '../config.ts';
import type { DeskOutput } from './owner-commands.ts';
import { runOwnerCommand, type Notice } from './owner.ts';
import { parseEmail, parseId } from './arguments.ts';
import { parseCommandLine, UsageError } from './usage.ts';

/**
 * `hearback desk --org ID [--member EMAIL] [--json]`: an agency recruiter's desk at the terminal —
 * their open follow-ups, overdue first, each with its one next action; the submissions waiting on
 * clients with days waited and the agreed deadline; and contacts with no next contact. Plain text,
 * or the desk as JSON (the API's `getDesk`) with --json.
 */
export async function runDesk(args: string[], notice: Notice): Promise<number> {
  const { values, positionals } = parseCommandLine({
    args,
    options: { org: { type: 'string' }, member: { type: 'string' }, json: { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length > 0) throw new UsageError(`desk takes no ${JSON.stringify(positionals[0])}`);
  if (values.org === undefined) throw new UsageError('--org must be an organization id');
  const orgId = parseId('org', values.org);
  const email = values.member === undefined ? undefined : parseEmail('--member', values.member);
  const { output } = await runOwnerCommand(loadConfig(), 'desk', { orgId, ...(email && { email }) }, notice);
  process.stdout.write(values.json ? `${JSON.stringify(output)}\n` : formatDesk(output));
  return 0;
}

const NEXT: Record<string, string> = {
  client_feedback: 'nudge the client with news',
  client_update: 'contact them, set the next contact',
  update: 'tell the candidate',
  debrief: 'debrief the candidate',
  backfill: 'backfill the final stage',
};

/** The desk as plain text, one row per line, dates in the organization's zone. */
export function formatDesk(d: DeskOutput): string {
  const zone = d.organization.timeZone;
  const day = (iso: string) =>
    new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .format(new Date(iso))
      .replace(',', '');
  const lines = [
    `Desk of ${d.member.name} <${d.member.email}> — ${d.organization.name} (times in ${zone})`,
    '',
  ];
  lines.push(`Follow-ups (${d.desk.followUps.length}, overdue first):`);
  if (d.desk.followUps.length === 0) lines.push('  none open');
  for (const f of d.desk.followUps) {
    const who = [
      f.candidateName && `${f.candidateName}${f.jobTitle ? ` — ${f.jobTitle}` : ''}`,
      f.contactName && `${f.contactName}${f.clientName ? ` (${f.clientName})` : ''}`,
    ]
      .filter(Boolean)
      .join(' · ');
    lines.push(
      `  ${f.overdue ? 'OVERDUE' : 'due    '}  ${day(f.dueAt)}  ${f.kind.padEnd(15)}  ${who || '—'}  → ${NEXT[f.kind] ?? 'do it, or hand it on'}${f.ladderSteps > 0 ? ` [${f.ladderSteps} prompt${f.ladderSteps === 1 ? '' : 's'} sent]` : ''}`,
    );
  }
  lines.push('', `Waiting on clients (${d.desk.waiting.length}):`);
  if (d.desk.waiting.length === 0) lines.push('  nothing waiting');
  for (const w of d.desk.waiting) {
    lines.push(
      `  ${w.candidateName} — ${w.jobTitle} → ${w.clientName} (${w.contactName}): ${w.daysWaiting} day${w.daysWaiting === 1 ? '' : 's'}, ${w.stage}, deadline ${day(w.feedbackDueAt)}${w.pastDeadline ? ' PASSED' : ''}`,
    );
  }
  const withNext = new Set(
    d.desk.followUps
      .filter((f) => f.kind === 'client_update' && f.clientContactId)
      .map((f) => f.clientContactId),
  );
  const without = d.desk.clients.flatMap((c) =>
    c.contacts.filter((k) => !withNext.has(k.id)).map((k) => `${k.name} (${c.name})`),
  );
  lines.push('', `Contacts with no next contact on your desk (${without.length}):`);
  for (const k of without) lines.push(`  ${k}`);
  return `${lines.join('\n')}\n`;
}
