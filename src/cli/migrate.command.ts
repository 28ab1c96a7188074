import { loadConfig } from '../config.ts';
import { loadMigrations } from '../db/migrate.ts';
import { runOwnerCommand, type Notice } from './owner.ts';
import { parseNoArguments } from './usage.ts';

/**
 * `hearback migrate`: apply pending migrations and say which. While a server owns the PGlite
 * directory it has migrated at its start: say so, and whether this checkout has newer ones that
 * need a restart.
 */
export async function runMigrate(args: string[], notice: Notice): Promise<number> {
  parseNoArguments(args);
  const { output, via, owner } = await runOwnerCommand(loadConfig(), 'migrate', {}, notice);
  const known = (await loadMigrations()).length;
  if (via === 'local') {
    process.stdout.write(
      output.applied.length
        ? `Applied migrations: ${output.applied.join(', ')}. The database is at version ${output.version}.\n`
        : `The database is up to date (version ${output.version}).\n`,
    );
    return 0;
  }
  const at = owner ? `\`hearback ${owner.command}\` (pid ${owner.pid})` : 'the serving process';
  const started = output.appliedAtStart.length
    ? `applied migrations ${output.appliedAtStart.join(', ')} when it started`
    : 'found it up to date when it started';
  process.stdout.write(
    `The database is served by ${at}, which ${started}; it is at version ${output.version}.\n`,
  );
  if (known > output.version) {
    notice(`this checkout has migrations up to ${known}: restart the server to apply them`);
    return 1;
  }
  return 0;
}
