import { loadConfig } from '../config.ts';
import { runOwnerCommand, type Notice } from './owner.ts';
import { parseNoArguments } from './usage.ts';

/**
 * `hearback demo`: a realistic sample organization, built through the real use cases while the
 * real worker runs beside it on a replayed clock (`owner-commands.ts`). Prints its summary —
 * API token and the admin's sign-in — as one JSON line.
 */
export async function runDemo(args: string[], notice: Notice): Promise<number> {
  parseNoArguments(args);
  const { output } = await runOwnerCommand(loadConfig(), 'demo', {}, notice);
  process.stdout.write(`${JSON.stringify(output)}\n`);
  return 0;
}
