/**
 * Benchmark — CSV import: an ATS export of N rows (1 in 500 broken) imported through the real
 * service, on PGlite and on PostgreSQL (TEST_DATABASE_URL or DATABASE_URL), then imported again
 * (the idempotent re-run). Prints rows/s; never fails on a time.
 *
 *   npx tsx bench/import.ts [--rows 10000]
 */
import { Readable } from 'node:stream';
import { ManualClock } from '../src/clock.ts';
import { openDb, type Db } from '../src/db/db.ts';
import { migrate } from '../src/db/migrate.ts';
import { importCsv } from '../src/services/import.service.ts';
import { createOrganization } from '../src/services/organization.service.ts';
import { atsExport } from '../test/support/ats-csv.ts';

const rowsArg = process.argv.indexOf('--rows');
const ROWS = rowsArg > 0 ? Number(process.argv[rowsArg + 1]) : 10_000;
const BAD = Math.max(1, Math.round(ROWS / 500));
const clock = new ManualClock('2026-12-01T15:00:00Z');
const { csv } = atsExport(ROWS, BAD);

async function run(label: string, db: Db): Promise<void> {
  await migrate(db);
  const { organization } = await createOrganization(
    { db, clock },
    {
      name: `Import bench ${label}`,
      admin: { email: 'bench-admin@example.com' },
    },
  );
  for (const pass of ['first', 're-run']) {
    const started = performance.now();
    const r = await importCsv({ db, clock }, organization.id, null, Readable.from([csv]), {
      fileName: 'bench.csv',
    });
    const s = (performance.now() - started) / 1000;
    console.log(
      `${label} ${pass}: ${ROWS} rows (${r.run.rowsRejected} refused) in ${s.toFixed(1)} s = ${Math.round(ROWS / s)} rows/s; created ${JSON.stringify(r.run.created)}`,
    );
  }
  await db.close();
}

await run('PGlite', await openDb({ kind: 'pglite' }));
const url = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (url) {
  const admin = await openDb({ kind: 'postgres', url, poolMax: 1 });
  const name = `bench_import_${process.pid}`;
  await admin.exec(`DROP DATABASE IF EXISTS ${name}`);
  await admin.exec(`CREATE DATABASE ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  await run('PostgreSQL', await openDb({ kind: 'postgres', url: u.toString(), poolMax: 4 }));
  await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.close();
}
