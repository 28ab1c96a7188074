import { createReadStream } from 'node:fs';
import { stat, writeFile } from 'node:fs/promises';
import cliProgress from 'cli-progress';
import { IMPORT_FIELDS, type ImportField, type ImportMapping } from '../domain/csv-import.ts';
import { importCsv, previewImport } from '../services/import.service.ts';
import { openRuntime } from './runtime.ts';
import { parseCommandLine, UsageError } from './usage.ts';

/**
 * `hearback import FILE.csv --org ID [--map field=Header …] [--rejected FILE] [--preview]`:
 * import jobs, candidates, applications and interviews from an ATS export, with a progress bar
 * on the terminal (stderr). Rows that cannot be imported are listed with their line numbers and
 * written to the rejected-rows file (default FILE.rejected.csv); the rest are imported. Prints
 * the run as JSON. Exit 0 when every row was imported, 1 when some were refused.
 */
export async function runImport(args: string[]): Promise<number> {
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
  if (!values.org || !/^[0-9a-f-]{36}$/i.test(values.org))
    throw new UsageError('--org must be an organization id');
  const mapping = parseMapping(values.map ?? []);
  const size = (await stat(file).catch(() => null))?.size;
  if (size === undefined) throw new UsageError(`cannot read ${file}`);
  const { db, deps } = await openRuntime();
  try {
    if (values.preview) {
      const preview = await previewImport(deps, values.org, createReadStream(file), mapping);
      process.stdout.write(`${JSON.stringify(preview, null, 2)}\n`);
      return preview.mappingProblems.length > 0 ? 1 : 0;
    }
    const bar = new cliProgress.SingleBar(
      {
        format: 'import |{bar}| {percentage}% · {rows} rows · {imported} imported · {rejected} refused',
        stream: process.stderr,
        hideCursor: true,
        noTTYOutput: true,
        notTTYSchedule: 2000,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(size, 0, { rows: 0, imported: 0, rejected: 0 });
    const result = await importCsv(deps, values.org, null, createReadStream(file), {
      fileName: file.split('/').pop() ?? file,
      mapping,
      onProgress: (p) =>
        bar.update(p.bytesRead, { rows: p.rowsDone, imported: p.rowsImported, rejected: p.rowsRejected }),
    });
    bar.update(size);
    bar.stop();
    if (result.run.rowsRejected > 0) {
      const out = values.rejected ?? file.replace(/\.csv$/i, '') + '.rejected.csv';
      await writeFile(out, result.rejectedCsv);
      for (const e of result.run.errors.slice(0, 20))
        process.stderr.write(`line ${e.line}: ${e.errors.join('; ')}\n`);
      if (result.run.errors.length > 20)
        process.stderr.write(`… and ${result.run.errors.length - 20} more\n`);
      process.stderr.write(`refused rows written to ${out}\n`);
    }
    const { errors: _errors, ...summary } = result.run;
    void _errors;
    process.stdout.write(`${JSON.stringify(summary)}\n`);
    return result.run.rowsRejected > 0 ? 1 : 0;
  } finally {
    await db.close();
  }
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
