import { loadConfig } from '../config.ts';
import { runOwnerCommand, type Notice } from './owner.ts';
import { parseCommandLine } from './usage.ts';

/**
 * `hearback demo`: a realistic sample organization, built through the real use cases while the
 * real worker runs beside it on a replayed clock (`owner-commands.ts`); with `--agency`, a sample
 * agency (clients, job orders, submissions in every stage, a client late on feedback). Prints its summary —
 * API token and the admin's sign-in — as one JSON line.
 */
export async function runDemo(args: string[], notice: Notice): Promise<number> {
  const { values } = parseCommandLine({
    args,
    options: { agency: { type: 'boolean' } },
    allowPositionals: false,
    strict: true,
  });
  const { output } = await runOwnerCommand(
    loadConfig(),
    'demo',
    values.agency ? { agency: true } : {},
    notice,
  );
  process.stdout.write(`${JSON.stringify(output)}\n`);
  return 0;
}
