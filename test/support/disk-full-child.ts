// Child process of the disk-full test: `disk-full-child.ts <pglite-dir>`. Commits 64 KiB rows one
// by one through Hearback's own openDb (its PGlite settings), reporting each commit on stdout,
// until a write fails; then reports the error, whether the database still answers, and closes it.
import { randomBytes } from 'node:crypto';
import { openDb } from '../../src/db/db.ts';
import { migrate } from '../../src/db/migrate.ts';

const db = await openDb({ kind: 'pglite', dataDir: process.argv[2]! });
await migrate(db);
await db.exec('CREATE TABLE IF NOT EXISTS fill (id integer PRIMARY KEY, payload text NOT NULL)');
const [start] = await db.query<{ next: number }>('SELECT coalesce(max(id) + 1, 0)::int AS next FROM fill');
for (let i = start!.next; ; i++) {
  try {
    // Random hex does not compress: every row takes its room on disk.
    await db.query('INSERT INTO fill (id, payload) VALUES ($1, $2)', [
      i,
      randomBytes(32_768).toString('hex'),
    ]);
  } catch (error) {
    process.stdout.write(`error: ${(error as Error).message.replace(/\n/g, ' ')}\n`);
    break;
  }
  process.stdout.write(`${i}\n`);
}
try {
  await db.query('SELECT 1');
  process.stdout.write('still answers\n');
} catch (error) {
  process.stdout.write(`no longer answers: ${(error as Error).message.replace(/\n/g, ' ')}\n`);
}
await db.close().catch((error: unknown) => process.stdout.write(`close: ${(error as Error).message}\n`));
process.exit(0);
