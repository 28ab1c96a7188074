import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { loadConfig } from '../config.ts';
import { EXPORT_LIST_NAMES, type ExportListName } from '../domain/csv-export.ts';
import { runOwnerCommand, type Notice } from './owner.ts';
import { parseCommandLine, UsageError } from './usage.ts';

/**
 * `hearback export --org ID [--list NAME] [--out FILE]`: one list as CSV, or (without --list) the
 * whole organization as JSON, to FILE or to stdout. Runs where the database's owner is (through a
 * running server on PGlite), which writes the file; for stdout it writes a private temporary file
 * that this process copies out and removes. The organization export is recorded in its audit log.
 */
export async function runExport(args: string[], notice: Notice): Promise<number> {
  const { values } = parseCommandLine({
    args,
    options: {
      org: { type: 'string' },
      list: { type: 'string' },
      out: { type: 'string' },
    },
    allowPositionals: false,
    strict: true,
  });
  if (!values.org || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(values.org)) {
    throw new UsageError('--org must be an organization id');
  }
  const list = values.list ?? null;
  if (list !== null && !(EXPORT_LIST_NAMES as readonly string[]).includes(list)) {
    throw new UsageError(`--list must be one of ${EXPORT_LIST_NAMES.join(', ')}`);
  }
  const toStdout = values.out === undefined || values.out === '-';
  const temp = toStdout ? await mkdtemp(join(tmpdir(), 'hearback-export-')) : null;
  const out = temp ? join(temp, list === null ? 'organization.json' : `${list}.csv`) : resolve(values.out!);
  try {
    const { output, via } = await runOwnerCommand(
      loadConfig(),
      'export',
      { orgId: values.org, list: list as ExportListName | null, out },
      notice,
    );
    if (via === 'owner') notice('exported by the running server');
    if (temp) {
      await pipeline(createReadStream(output.file), process.stdout, { end: false });
    } else {
      notice(`wrote ${output.what} (${output.bytes} bytes) to ${output.file}`);
    }
    return 0;
  } finally {
    if (temp) await rm(temp, { recursive: true, force: true });
  }
}
