import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { MIGRATIONS_DIR, SCHEMA_SNAPSHOT_FILE } from '../../src/db/migrate.ts';

/** The checked-in schema snapshot: what the migrations build, as `pg_dump --schema-only` prints it. */
export const SCHEMA_SNAPSHOT = join(MIGRATIONS_DIR, SCHEMA_SNAPSHOT_FILE);

/**
 * The pg_dump that writes the snapshot: PostgreSQL 15's (the version CI runs), or the one in
 * `PGBIN`. Another major version prints the same schema differently, so no fallback to PATH.
 */
export function pgDumpPath(): string {
  return `${process.env.PGBIN ?? '/usr/lib/postgresql/15/bin'}/pg_dump`;
}

/** Whether `pgDumpPath()` exists on this machine. */
export function hasPgDump(): boolean {
  return existsSync(pgDumpPath());
}

/** The schema of the PostgreSQL database at `url`, dumped and normalised (see `normaliseDump`). */
export async function dumpSchema(url: string): Promise<string> {
  const { stdout } = await promisify(execFile)(
    pgDumpPath(),
    // Owners depend on who ran the migrations; privileges are kept (they are the security model).
    ['--schema-only', '--no-owner', '--no-tablespaces', '--dbname', url],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  return normaliseDump(stdout);
}

/**
 * A dump reduced to what the migrations decide, so it is byte-stable between runs and machines:
 * no version comments, no session `SET`s, no `\restrict` lines (a random key per dump since
 * PostgreSQL 15.14), no runs of blank lines. pg_dump already orders objects by kind and name.
 */
export function normaliseDump(dump: string): string {
  const lines = dump
    .split('\n')
    .map((line) => line.trimEnd())
    .filter(
      (line) =>
        !/^-- Dumped (from|by) /.test(line) &&
        !/^\\(un)?restrict\b/.test(line) &&
        !/^SET [a-z_]+ = /.test(line) &&
        !line.startsWith("SELECT pg_catalog.set_config('search_path'"),
    );
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}
