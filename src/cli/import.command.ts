import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import cliProgress from 'cli-progress';
import { loadConfig } from '../config.ts';
import { IMPORT_FIELDS, type ImportField, type ImportMapping } from '../domain/csv-import.ts';
import { runOwnerCommand, type Notice } from './owner.ts';
import { parseCommandLine, UsageError } from './usage.ts';

/**
 * `hearback import FILE.csv --org ID [--map field=Header …] [--rejected FILE] [--preview]`:
 * import jobs, candidates, applications and interviews from an ATS export. Rows that cannot be
 * imported are listed with their line numbers and written to the rejected-rows file (default
 * FILE.rejected.csv); the rest are imported. Prints the run as JSON. Exit 0 when every row was
 * imported, 1 when some were refused. Runs where the database's owner is (through a running
 * server on PGlite); the progress bar shows when this process runs it.
 */
export async function runImport(args: string[], notice: Notice): Promise<number> {
  const { values, positionals } = parseCommandLine({
    args,
    options: {
      org: { type: 'string' },
      map: { type: 'string', multiple: true },
      rejected: { type: 'string' },
      preview: { type: 'boolean', default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  const file = positionals[0];
  if (!file || positionals.length > 1)
    throw new UsageError('usage: hearback import FILE.csv --org ORGANIZATION_ID');
  if (!values.org || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(values.org)) {
    throw new UsageError('--org must be an organization id');
  }
  const mapping = parseMapping(values.map ?? []);
  const size = (await stat(file).catch(() => null))?.size;
  if (size === undefined) throw new UsageError(`cannot read ${file}`);
  const rejectedFile = resolve(values.rejected ?? `${file.replace(/\.csv$/i, '')}.rejected.csv`);
  const bar = values.preview
    ? null
    : new cliProgress.SingleBar(
        {
          format: 'import |{bar}| {percentage}% · {rows} rows · {imported} imported · {rejected} refused',
          stream: process.stderr,
          hideCursor: true,
          noTTYOutput: true,
          notTTYSchedule: 2000,
        },
        cliProgress.Presets.shades_classic,
      );
  let started = false;
  const { output, via } = await runOwnerCommand(
    loadConfig(),
    'import',
    {
      orgId: values.org,
      file: resolve(file),
      rejectedFile,
      preview: values.preview,
      ...(mapping && { mapping }),
    },
    notice,
    {
      onProgress: (p) => {
        if (!bar) return;
        if (!started) bar.start(size, 0, { rows: 0, imported: 0, rejected: 0 });
        started = true;
        bar.update(p.bytesRead, { rows: p.rowsDone, imported: p.rowsImported, rejected: p.rowsRejected });
      },
    },
  );
  if (bar && started) {
    bar.update(size);
    bar.stop();
  }
  if ('preview' in output) {
    process.stdout.write(`${JSON.stringify(output.preview, null, 2)}\n`);
    return output.preview.mappingProblems.length > 0 ? 1 : 0;
  }
  if (via === 'owner') notice('imported by the running server');
  for (const e of output.refused) process.stderr.write(`line ${e.line}: ${e.errors.join('; ')}\n`);
  if (output.run.rowsRejected > output.refused.length) {
    process.stderr.write(`… and ${output.run.rowsRejected - output.refused.length} more\n`);
  }
  if (output.rejectedFile) process.stderr.write(`refused rows written to ${output.rejectedFile}\n`);
  process.stdout.write(`${JSON.stringify(output.run)}\n`);
  return output.run.rowsRejected > 0 ? 1 : 0;
}

function parseMapping(pairs: string[]): ImportMapping | undefined {
  if (pairs.length === 0) return undefined;
  const mapping: ImportMapping = {};
  for (const pair of pairs) {
    const i = pair.indexOf('=');
    const field = pair.slice(0, i) as ImportField;
    if (i <= 0 || !(IMPORT_FIELDS as readonly string[]).includes(field)) {
      throw new UsageError(`--map takes field=Header with a field among ${IMPORT_FIELDS.join(', ')}`);
    }
    mapping[field] = pair.slice(i + 1);
  }
  return mapping;
}
