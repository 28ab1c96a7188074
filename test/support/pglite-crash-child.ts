// Child process for the PGlite durability test: commit rows one by one, report each commit on
// stdout, and let the parent SIGKILL it mid-stream.
import { PGlite } from '@electric-sql/pglite';

const db = await PGlite.create({ dataDir: process.argv[2]! });
await db.exec('CREATE TABLE IF NOT EXISTS crash_rows (id integer PRIMARY KEY)');
const start = Number(process.argv[3] ?? 0);
for (let i = start; ; i++) {
  await db.query('INSERT INTO crash_rows (id) VALUES ($1)', [i]);
  process.stdout.write(`${i}\n`);
}
