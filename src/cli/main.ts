import { parseArgs } from 'node:util';
import { ConfigError } from '../config.ts';
import { UsageError } from './usage.ts';

// Commands are imported when run, so `hearback promise` does not pay for loading the web server.

const HELP = `hearback — interview follow-up that happens

Usage:
  hearback serve [--services web,worker]
                                      Start the web app and the worker (PGlite in DATA_DIR, or DATABASE_URL)
  hearback worker                     Only the worker: sweep follow-ups, deliver the outbox
  hearback migrate                    Apply pending database migrations
  hearback org create NAME [--time-zone ZONE] [--holidays CC[-REGION]]
                                      Create an organization; prints { id, apiToken }
  hearback demo                       Fill a realistic sample organization; prints its API token
  hearback promise "STATEMENT" --at ISO --tz ZONE [--holidays CC[-REGION]] [--default-days N]
                                      Resolve a closing statement; prints one JSON object
  hearback check --kind rejection|advance|update <file | ->
                                      Check a message; prints { elements, findings }
  hearback import FILE.csv --org ID [--map field=Header ...] [--rejected FILE] [--preview]
                                      Import jobs, candidates, applications, interviews from an ATS export

Configuration comes from the environment: see .env.example.
Exit codes: 0 success, 1 failure, 2 bad arguments or configuration.`;

/** Run the CLI with `argv` (without node and script); returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'serve':
        return await (await import('./serve.command.ts')).runServe(rest);
      case 'worker':
        noArgs(rest);
        return await (await import('./worker.command.ts')).runWorkerCommand();
      case 'check':
        return await (await import('./check.command.ts')).runCheck(rest);
      case 'migrate':
        noArgs(rest);
        return await (await import('./migrate.command.ts')).runMigrate();
      case 'org':
        if (rest[0] !== 'create') throw new UsageError('usage: hearback org create NAME');
        return await (await import('./org.command.ts')).runOrgCreate(rest.slice(1));
      case 'demo':
        noArgs(rest);
        return await (await import('./demo.command.ts')).runDemo();
      case 'import':
        return await (await import('./import.command.ts')).runImport(rest);
      case 'promise':
        return (await import('./promise.command.ts')).runPromise(rest);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(`${HELP}\n`);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"; run hearback --help`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`hearback: ${error.message}\n`);
      return 2;
    }
    if (error instanceof ConfigError) {
      process.stderr.write(`hearback: ${error.message}\n`);
      return 2;
    }
    process.stderr.write(`hearback: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

function noArgs(rest: string[]): void {
  // parseArgs with no options rejects any flag or positional with a clear message.
  try {
    parseArgs({ args: rest, options: {}, strict: true, allowPositionals: false });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
