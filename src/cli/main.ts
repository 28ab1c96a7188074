import { DataDirLockedError } from '../db/data-dir-lock.ts';
import { AppError } from '../errors.ts';
import { CHECK_KINDS } from '../domain/message-check/types.ts';
import { packageJson } from '../paths.ts';
import { CliFailure, exitCodeForAppError, UsageError } from './usage.ts';

// Commands are imported when run, so `hearback promise` does not pay for loading the web server.

/** Say something to the person at the terminal: stderr, because stdout is the command's answer. */
const notice = (line: string) => void process.stderr.write(`hearback: ${line}\n`);

/** One CLI command: how it is called, what it does, and how to run it. */
interface CliCommand {
  usage: string;
  summary: string;
  /** More lines for `hearback COMMAND --help`. */
  details?: string;
  run(args: string[]): Promise<number>;
}

const COMMANDS: Record<string, CliCommand> = {
  serve: {
    usage: 'hearback serve [--services web,worker]',
    summary: 'Serve the web app and API and run the worker (PGlite in DATA_DIR, or DATABASE_URL)',
    details: `Migrates first. On PGlite this process owns the data directory: the other commands
(org create, demo, migrate, sign-in-link, doctor) then run through it, over a control socket in
the directory. A second serve or an extra worker on the same directory exits at once.
  --services web,worker   what to run (default both)
Settings: PORT, HOST, PUBLIC_URL, DATA_DIR or DATABASE_URL, SMTP_URL … (see .env.example).`,
    run: async (args) => (await import('./serve.command.ts')).runServe(args, notice),
  },
  worker: {
    usage: 'hearback worker',
    summary: 'Only the worker: sweep follow-ups and deliver the outbox',
    details: `Any number against one PostgreSQL (DATABASE_URL). On PGlite, \`hearback serve\` already runs
the worker, and a data directory has one process.`,
    run: async (args) => (await import('./worker.command.ts')).runWorkerCommand(args, notice),
  },
  migrate: {
    usage: 'hearback migrate',
    summary: 'Apply pending database migrations (a running server has already)',
    run: async (args) => (await import('./migrate.command.ts')).runMigrate(args, notice),
  },
  'org create': {
    usage:
      'hearback org create NAME --admin-email EMAIL [--admin-name NAME] [--time-zone ZONE] [--holidays CC[-REGION]]',
    summary:
      'Create an organization and its first admin; prints {id, name, apiToken, adminId, adminInviteUrl}',
    details: `  --admin-email EMAIL   the first admin (required): open the printed adminInviteUrl to choose a password
  --time-zone ZONE      IANA time zone of the organization (default UTC)
  --holidays CC[-REGION] public holidays to skip, e.g. US or DE-BY
  --admin-name NAME     the admin's name (default: the address's local part)`,
    run: async (args) => (await import('./org.command.ts')).runOrgCreate(args, notice),
  },
  demo: {
    usage: 'hearback demo [--agency]',
    summary: 'Create a sample organization with three weeks of history; prints its API token and a sign-in',
    details: `  --agency   a sample recruiting agency instead: three clients with their terms and contacts in
             several time zones, job orders, submissions in every stage, logged contacts with
             their next contact, and a client late on feedback (the desk shows nudges due)`,
    run: async (args) => (await import('./demo.command.ts')).runDemo(args, notice),
  },
  'sign-in-link': {
    usage: 'hearback sign-in-link EMAIL [--org ID]',
    summary: 'Print a one-time sign-in link for a member (works once, for 10 minutes)',
    details: `For a machine without SMTP, or a member locked out. --org chooses when the address belongs to
members of several organizations.`,
    run: async (args) => (await import('./sign-in-link.command.ts')).runSignInLink(args, notice),
  },
  doctor: {
    usage: 'hearback doctor',
    summary: 'Check configuration, database, data directory, mail and clock; exit 1 if something fails',
    run: async (args) => (await import('./doctor.command.ts')).runDoctor(args),
  },
  import: {
    usage: 'hearback import FILE.csv --org ID [--map field=Header ...] [--rejected FILE] [--preview]',
    summary: 'Import jobs, candidates, applications and interviews from an ATS export (CSV)',
    details: `Rows are imported one by one: a row with a problem is refused (listed with its line number
and written to the rejected-rows file), the others are imported. A re-run creates no duplicates
(external ids). Exit 0 when every row was imported, 1 when some were refused.
  --org ID             the organization to import into
  --map field=Header   map a field to a column when the suggested mapping is wrong (repeatable)
  --rejected FILE      where refused rows go (default FILE.rejected.csv)
  --preview            print the suggested mapping and the first rows; import nothing`,
    run: async (args) => (await import('./import.command.ts')).runImport(args, notice),
  },
  export: {
    usage: 'hearback export --org ID [--list NAME] [--out FILE]',
    summary: 'Export a list as CSV, or the whole organization as JSON (secrets left out)',
    details: `Without --list, the organization's data as JSON: every table but credentials and secrets,
recorded in its audit log. With --list, one list as CSV with the API's field names as columns.
  --org ID       the organization to export
  --list NAME    one of follow-ups, applications, candidates, jobs, interviews, talent-pool,
                 submissions, messages, clients
  --out FILE     where to write it (default: stdout)`,
    run: async (args) => (await import('./export.command.ts')).runExport(args, notice),
  },
  desk: {
    usage: 'hearback desk --org ID [--member EMAIL] [--json]',
    summary: "An agency recruiter's desk: follow-ups overdue first, submissions waiting on clients",
    details: `  --org ID         the organization (an agency)
  --member EMAIL   whose desk (default: the organization's first admin)
  --json           the desk as JSON (the API's getDesk) instead of text`,
    run: async (args) => (await import('./desk.command.ts')).runDesk(args, notice),
  },
  promise: {
    usage: 'hearback promise "STATEMENT" --at ISO --tz ZONE [--holidays CC[-REGION]] [--default-days N]',
    summary: 'Resolve a closing statement into a due time; prints one JSON object',
    details: `  --at ISO            when it was said: an ISO 8601 instant with Z or an offset (years ${1970}–${2999})
  --tz ZONE           the candidate's IANA time zone
  --holidays CC       public holidays to skip, e.g. GB or DE-BY
  --default-days N    business days for a vague statement (1–60, default the policy's)`,
    run: async (args) => (await import('./promise.command.ts')).runPromise(args),
  },
  check: {
    usage: 'hearback check --kind KIND <file | ->',
    details: `  --kind KIND   one of ${CHECK_KINDS.join(', ')}`,
    summary: 'Check a message; prints {kind, elements, findings, wordCount}',
    run: async (args) => (await import('./check.command.ts')).runCheck(args),
  },
};

function generalHelp(): string {
  const width = 14;
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)} ${c.summary}`);
  return `hearback ${version()} — interview follow-up that happens

Usage: hearback COMMAND [options]     hearback COMMAND --help     hearback --version

Commands:
${lines.join('\n')}

Configuration comes from the environment and from .env in the current directory (the
environment wins): see .env.example.
Exit codes: 0 success, 1 failure, 2 bad arguments or configuration.`;
}

function commandHelp(name: string, command: CliCommand): string {
  return `Usage: ${command.usage}\n\n${command.summary}.${command.details ? `\n\n${command.details}` : ''}\n`;
}

/** The package's version. */
export function version(): string {
  return packageJson().version;
}

/**
 * Read `.env` from the current directory into the environment, if there is one. Variables
 * already set win over the file (Node's own rule), so `PORT=4000 npm start` beats `.env`.
 */
export function loadDotEnv(path = '.env'): void {
  try {
    process.loadEnvFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw new CliFailure(`cannot read ${path}: ${(error as Error).message.split('\n')[0]}`, 2);
  }
}

/** Run the CLI with `argv` (without node and script); returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  try {
    const [first, ...rest] = argv;
    if (first === '--version' || first === '-V') {
      process.stdout.write(`${version()}\n`);
      return 0;
    }
    if (first === undefined) {
      process.stderr.write(`${generalHelp()}\n`);
      return 2;
    }
    if (first === '--help' || first === '-h' || first === 'help') {
      const topic = rest.length > 0 ? resolveCommand(rest) : null;
      process.stdout.write(topic ? commandHelp(topic.name, topic.command) : `${generalHelp()}\n`);
      return 0;
    }
    const { name, command, args } = resolveCommand(argv);
    // --help anywhere before a `--` asks for help, whatever else is on the line.
    const beforeDashes = args.indexOf('--') === -1 ? args : args.slice(0, args.indexOf('--'));
    if (beforeDashes.includes('--help') || beforeDashes.includes('-h')) {
      process.stdout.write(commandHelp(name, command));
      return 0;
    }
    loadDotEnv();
    return await command.run(args);
  } catch (error) {
    const { message, exitCode } = describeFailure(error);
    process.stderr.write(`hearback: ${oneLine(message)}\n`);
    return exitCode;
  }
}

function resolveCommand(argv: string[]): { name: string; command: CliCommand; args: string[] } {
  const [first, second, ...rest] = argv;
  if (first === 'org') {
    if (second === 'create') return { name: 'org create', command: COMMANDS['org create']!, args: rest };
    if (second === '--help' || second === '-h') {
      return { name: 'org create', command: COMMANDS['org create']!, args: ['--help'] };
    }
    throw new UsageError(
      `unknown command "org${second === undefined ? '' : ` ${second}`}"; did you mean \`hearback org create NAME\`?`,
    );
  }
  const command = first === undefined ? undefined : COMMANDS[first];
  if (!command || first === 'org create') {
    throw new UsageError(`unknown command ${JSON.stringify(first)}; run \`hearback --help\``);
  }
  return { name: first!, command, args: second === undefined ? [] : [second, ...rest] };
}

/** One line and an exit code for anything a command throws. */
export function describeFailure(error: unknown): { message: string; exitCode: 1 | 2 } {
  // By name: importing config.ts (and zod) here would slow down every command, --version included.
  if (error instanceof UsageError || (error instanceof Error && error.name === 'ConfigError')) {
    return { message: error.message, exitCode: 2 };
  }
  if (error instanceof CliFailure) return { message: error.message, exitCode: error.exitCode };
  if (error instanceof DataDirLockedError) return { message: error.message, exitCode: 1 };
  if (error instanceof AppError) return { message: error.message, exitCode: exitCodeForAppError(error.code) };
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0]?.trim();
  return {
    message: message || `failed: ${error instanceof Error ? error.name : 'unknown error'}`,
    exitCode: 1,
  };
}

/** Whatever a message quotes (a typed argument, a driver's error), it stays one line on stderr. */
function oneLine(message: string): string {
  return (
    message
      .replace(/\s*[\r\n]+\s*/g, ' ')
      // eslint-disable-next-line no-control-regex -- control characters are what is escaped
      .replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
  );
}
