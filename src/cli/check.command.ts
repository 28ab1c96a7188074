import { readFile } from 'node:fs/promises';
import { CHECK_KINDS, type CheckKind } from '../domain/message-check/index.ts';
import { checkText } from '../services/message.service.ts';
import { parseCommandLine, UsageError } from './usage.ts';

/**
 * `hearback check --kind KIND <file | ->` (KIND: rejection, advance, update, feedback, nudge,
 * thank_you, check_in): print one JSON object with the message's `elements` and `findings` (each
 * with its span `start`/`end` and a `suggestion`), exactly as `POST /api/v1/messages/check` answers. Exit 0 whatever the findings; 2 for bad arguments.
 */
export async function runCheck(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine({
    args,
    options: { kind: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const kind = values.kind;
  if (!kind || !(CHECK_KINDS as readonly string[]).includes(kind)) {
    throw new UsageError(`--kind must be one of ${CHECK_KINDS.join(', ')}`);
  }
  if (positionals.length !== 1) throw new UsageError('usage: hearback check --kind KIND <file | ->');
  const source = positionals[0]!;
  let text: string;
  try {
    text = source === '-' ? await readStdin() : await readFile(source, 'utf8');
  } catch (error) {
    throw new UsageError(
      `cannot read ${source}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  const check = checkText(kind as CheckKind, text);
  process.stdout.write(
    `${JSON.stringify({ kind, elements: check.elements, findings: check.findings, wordCount: check.wordCount })}\n`,
  );
  return 0;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
