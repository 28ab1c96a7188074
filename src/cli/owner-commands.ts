import { z } from 'zod';
import { ManualClock } from '../clock.ts';
import type { LockOwner } from '../db/data-dir-lock.ts';
import { isSupportedHolidayCountry, isValidTimeZone } from '../domain/business-time.ts';
import { isEmailAddress } from '../domain/email.ts';
import { createDevMailboxTransport } from '../mail/dev-mailbox.transport.ts';
import { inviteMember, issueSignInLink } from '../services/auth.service.ts';
import { createDemoOrganization, type DemoSummary } from '../services/demo.service.ts';
import type { MemberDesk } from '../services/member-desk.service.ts';
import { createAgencyDemoOrganization, type AgencyDemoSummary } from '../services/agency-demo.service.ts';
import { createOrganization } from '../services/organization.service.ts';
import { runWorkerTick } from '../worker/worker.ts';
import { IMPORT_FIELDS } from '../domain/csv-import.ts';
import { EXPORT_LIST_NAMES, type ExportListName } from '../domain/csv-export.ts';
import type { ImportRun } from '../repositories/import.repository.ts';
import type { ImportPreview, ImportProgress } from '../services/import.service.ts';
import type { Runtime } from './runtime.ts';
import { workerOptions } from './serving.ts';

/**
 * The commands that need the database, as one table. Each runs in the process that owns the
 * database: the command's own process when nothing serves (or on PostgreSQL), or the serving
 * process when asked over the control channel (`control-channel.ts`). Adding a command that works
 * both ways is one entry here and one small CLI file that parses arguments into its input.
 */

/** Where an owner command runs. */
export interface OwnerContext {
  runtime: Runtime;
  /** `local`: this process opened the database for this command; `owner`: run for another process. */
  via: 'local' | 'owner';
  /** The lock this process holds on a PGlite directory (null on PostgreSQL). */
  lock: LockOwner | null;
  /** Hold the in-process worker while `fn` runs (the demo's replayed clock must not race it). */
  pauseWorker?: (() => Promise<() => void>) | undefined;
  /** Progress of a long command, when it runs in the asking process (a terminal's progress bar). */
  onProgress?: ((progress: ImportProgress) => void) | undefined;
}

interface OwnerCommand<I extends z.ZodType, O> {
  /** The input, validated again by the owner: the channel is a trust boundary like any other. */
  input: I;
  /** Whether opening the database locally for this command migrates it first. Default true. */
  migrates?: boolean;
  run(ctx: OwnerContext, input: z.infer<I>): Promise<O>;
}

function ownerCommand<I extends z.ZodType, O>(command: OwnerCommand<I, O>): OwnerCommand<I, O> {
  return command;
}

const PlainText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
    .refine((s) => !/[\u0000-\u001f\u007f-\u009f]/.test(s), 'must not contain control characters');
const Email = z.string().max(320).refine(isEmailAddress, 'must be an email address');

/** What `hearback org create` asks for. */
export const OrgCreateInputSchema = z
  .object({
    name: PlainText(200),
    timeZone: z.string().refine(isValidTimeZone, 'must be an IANA time zone'),
    holidays: z
      .object({ country: z.string(), region: z.string().optional() })
      .strict()
      .refine((h) => isSupportedHolidayCountry(h.country, h.region), 'unknown holiday country or region')
      .nullable(),
    adminEmail: Email,
    adminName: PlainText(200).optional(),
  })
  .strict();

/** What `hearback org create` prints. */
export interface OrgCreateOutput {
  id: string;
  name: string;
  apiToken: string;
  adminId: string;
  adminInviteUrl: string;
}

/** What `hearback import` asks for: the file is read by the owner, on the same machine. */
export const ImportInputSchema = z
  .object({
    orgId: z.uuid(),
    /** Absolute paths: the owner's working directory is not the caller's. */
    file: z.string().startsWith('/').max(4096),
    rejectedFile: z.string().startsWith('/').max(4096),
    mapping: z.partialRecord(z.enum(IMPORT_FIELDS), z.string().max(200)).optional(),
    preview: z.boolean(),
  })
  .strict();

/** What `hearback import` learns: the preview, or the run (without its per-row errors) and the first refusals. */
export type ImportOutput =
  | { preview: ImportPreview }
  | {
      run: Omit<ImportRun, 'errors'>;
      /** The first refused rows, with their line numbers. */
      refused: ImportRun['errors'];
      /** Where the refused rows were written (null: none refused). */
      rejectedFile: string | null;
    };

/** What `hearback export` asks for: the file is written by the owner, on the same machine. */
export const ExportInputSchema = z
  .object({
    orgId: z.uuid(),
    /** A list as CSV; null: the whole organization as JSON. */
    list: z.enum(EXPORT_LIST_NAMES).nullable(),
    /** An absolute path: the owner's working directory is not the caller's. */
    out: z.string().startsWith('/').max(4096),
  })
  .strict();

/** What `hearback export` learns. */
export interface ExportOutput {
  file: string;
  what: 'organization' | ExportListName;
  bytes: number;
}

/** What `hearback migrate` learns. */
export interface MigrateOutput {
  /** Versions applied by this command (through the channel: none, the owner migrated at its start). */
  applied: number[];
  /** Versions the owner applied when it started, when it was asked through the channel. */
  appliedAtStart: number[];
  /** The database's version now. */
  version: number;
}

/** What `hearback sign-in-link` prints. */
export interface SignInLinkOutput {
  url: string;
  expiresAt: string;
  member: { id: string; name: string; email: string; role: string };
  organization: { id: string; name: string };
}

/** What `hearback doctor` learns from the owner of the database. */
export interface DatabaseStatus {
  engine: 'pglite' | 'postgres';
  serverVersion: string;
  /** The highest migration applied. */
  version: number;
  /** The database's clock, ISO 8601. */
  now: string;
  /** The database's clock minus the owner's, in milliseconds (PostgreSQL on another host may differ). */
  clockSkewMs: number;
  /** The newest instant any organization's record was stamped with, ISO 8601 (null: no data yet). */
  latestRecordAt: string | null;
  organizations: number;
}

/** What `hearback desk` learns: the member's desk, instants as ISO strings. */
export type DeskOutput = Jsonified<MemberDesk>;

/** A value as JSON gives it back: instants become strings. */
type Jsonified<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Jsonified<U>[]
    : T extends object
      ? { [K in keyof T]: Jsonified<T[K]> }
      : T;

export const OWNER_COMMANDS = {
  'org create': ownerCommand({
    input: OrgCreateInputSchema,
    async run({ runtime }, input): Promise<OrgCreateOutput> {
      const { deps } = runtime;
      // Every API token acts as a member: the organization's first token acts as its first admin.
      const { organization, admin, apiToken } = await createOrganization(deps, {
        name: input.name,
        policy: { timeZone: input.timeZone, holidays: input.holidays },
        admin: { email: input.adminEmail, name: input.adminName },
      });
      // The first admin gets an invitation (also emailed): open it to choose a password.
      const { url } = await inviteMember(deps, organization.id, admin.id);
      const out: OrgCreateOutput = {
        id: organization.id,
        name: organization.name,
        apiToken,
        adminId: admin.id,
        adminInviteUrl: url,
      };
      return out;
    },
  }),

  demo: ownerCommand({
    input: z.object({ agency: z.boolean().optional() }).strict(),
    async run({ runtime, pauseWorker }, input): Promise<DemoSummary | AgencyDemoSummary> {
      // The replay runs its own worker ticks on a clock that starts weeks ago; the serving
      // process's worker waits meanwhile so it does not act on the same rows at the real time.
      const resume = (await pauseWorker?.()) ?? (() => {});
      try {
        const clock = new ManualClock(runtime.clock.now());
        // The demo's mail always goes to the dev mailbox: sample candidates never receive anything.
        const transport = createDevMailboxTransport(runtime.db, clock);
        const state = { lastDigestAt: null as number | null };
        const worker = {
          db: runtime.db,
          clock,
          transport,
          identity: runtime.identity,
          appUrl: runtime.config.publicUrl,
        };
        // --agency: an agency with clients, job orders and submissions instead of an employer.
        const create = input.agency ? createAgencyDemoOrganization : createDemoOrganization;
        return await create(
          { db: runtime.db, clock, identity: runtime.identity },
          {
            // Scoped to the demo organization: a replayed clock must never act on real ones.
            tick: async (orgId) =>
              void (await runWorkerTick(
                worker,
                { ...workerOptions(runtime.config), onlyOrgId: orgId },
                state,
              )),
          },
        );
      } finally {
        resume();
      }
    },
  }),

  migrate: ownerCommand({
    input: z.object({}).strict(),
    async run({ runtime, via }): Promise<MigrateOutput> {
      // Through the channel the owner does not migrate again: it runs the code it started with,
      // and a newer checkout's migrations belong to a restart with that code.
      const [row] = await runtime.db.query<{ version: number }>(
        'SELECT coalesce(max(version), 0)::int AS version FROM schema_migrations',
      );
      return via === 'local'
        ? { applied: runtime.migrated, appliedAtStart: [], version: row!.version }
        : { applied: [], appliedAtStart: runtime.migrated, version: row!.version };
    },
  }),

  'sign-in-link': ownerCommand({
    input: z.object({ email: Email, orgId: z.uuid().optional() }).strict(),
    async run({ runtime }, input): Promise<SignInLinkOutput> {
      const link = await issueSignInLink(runtime.deps, input.email, input.orgId);
      return {
        url: link.url,
        expiresAt: link.expiresAt.toISOString(),
        member: {
          id: link.member.id,
          name: link.member.name,
          email: link.member.email,
          role: link.member.role,
        },
        organization: link.organization,
      };
    },
  }),

  import: ownerCommand({
    input: ImportInputSchema,
    async run({ runtime, onProgress }, input): Promise<ImportOutput> {
      const [{ createReadStream }, { writeFile }, { importCsv, previewImport }] = await Promise.all([
        import('node:fs'),
        import('node:fs/promises'),
        import('../services/import.service.ts'),
      ]);
      const { deps } = runtime;
      if (input.preview) {
        return {
          preview: await previewImport(deps, input.orgId, createReadStream(input.file), input.mapping),
        };
      }
      // Run by the command line: no member acts (the run records none).
      const result = await importCsv(deps, input.orgId, null, createReadStream(input.file), {
        fileName: input.file.split('/').pop() ?? input.file,
        mapping: input.mapping,
        ...(onProgress && { onProgress }),
      });
      const { errors, ...run } = result.run;
      if (run.rowsRejected > 0) await writeFile(input.rejectedFile, result.rejectedCsv);
      return {
        run,
        refused: errors.slice(0, 20),
        rejectedFile: run.rowsRejected > 0 ? input.rejectedFile : null,
      };
    },
  }),

  export: ownerCommand({
    input: ExportInputSchema,
    async run({ runtime }, input): Promise<ExportOutput> {
      const [{ createWriteStream }, { rename, rm, stat }, { pipeline }, exportsModule, exportService] =
        await Promise.all([
          import('node:fs'),
          import('node:fs/promises'),
          import('node:stream/promises'),
          import('../http/routes/exports.routes.ts'),
          import('../services/export.service.ts'),
        ]);
      const { deps } = runtime;
      // Run by the command line: no member acts, so the organization's rows are all there.
      let stream;
      if (input.list === null) {
        stream = await exportsModule.openOrganizationJson(deps, input.orgId, { commandLine: true });
      } else {
        await exportService.requireOrganization(deps, input.orgId);
        const list = exportsModule.EXPORT_LISTS.find((l) => l.name === input.list)!;
        stream = await exportsModule.openListCsv(deps, input.orgId, list, {});
      }
      // Written beside the target and renamed when complete: a failed export leaves no half file.
      const partial = `${input.out}.partial`;
      try {
        await pipeline(stream, createWriteStream(partial, { mode: 0o600 }));
        await rename(partial, input.out);
      } catch (error) {
        await rm(partial, { force: true });
        throw error;
      }
      return {
        file: input.out,
        what: input.list ?? 'organization',
        bytes: (await stat(input.out)).size,
      };
    },
  }),

  desk: ownerCommand({
    input: z.object({ orgId: z.uuid(), email: Email.optional() }).strict(),
    async run({ runtime }, input): Promise<DeskOutput> {
      const { getMemberDesk } = await import('../services/member-desk.service.ts');
      const desk = await getMemberDesk(runtime.deps, input.orgId, input.email ?? null);
      // Instants as ISO strings, as they arrive through the control channel too.
      return JSON.parse(JSON.stringify(desk)) as DeskOutput;
    },
  }),

  status: ownerCommand({
    input: z.object({}).strict(),
    // The doctor looks; it never changes the database, not even by migrating it.
    migrates: false,
    async run({ runtime }): Promise<DatabaseStatus> {
      const { db, clock } = runtime;
      const before = clock.now().getTime();
      const [info] = await db.query<{ server: string; now: Date; migrations: boolean }>(
        `SELECT version() AS server, clock_timestamp() AS now, to_regclass('schema_migrations') IS NOT NULL AS migrations`,
      );
      const after = clock.now().getTime();
      // Against the middle of the round trip: what is left is the clocks' difference.
      const clockSkewMs = new Date(info!.now).getTime() - (before + after) / 2;
      const version = info!.migrations
        ? (
            await db.query<{ v: number }>('SELECT coalesce(max(version), 0)::int AS v FROM schema_migrations')
          )[0]!.v
        : 0;
      let latest: Date | null = null;
      let organizations = 0;
      if (version > 0) {
        // Records are stamped by the application's clock: one stamped in the future of this
        // clock means the clock went backwards (or was wrong when the record was made).
        const [row] = await db.system().query<{ latest: Date | null; organizations: number }>(
          `SELECT greatest((SELECT max(created_at) FROM organizations), (SELECT max(at) FROM audit_log)) AS latest,
                  (SELECT count(*)::int FROM organizations) AS organizations`,
        );
        latest = row?.latest ?? null;
        organizations = row?.organizations ?? 0;
      }
      return {
        engine: db.kind,
        serverVersion: info!.server.split(' on ')[0] ?? info!.server,
        version,
        now: new Date(info!.now).toISOString(),
        clockSkewMs: Math.round(clockSkewMs),
        latestRecordAt: latest ? new Date(latest).toISOString() : null,
        organizations,
      };
    },
  }),
} as const;

/** The name of an owner command. */
export type OwnerCommandName = keyof typeof OWNER_COMMANDS;
/** An owner command's input. */
export type OwnerInput<K extends OwnerCommandName> = z.input<(typeof OWNER_COMMANDS)[K]['input']>;
/** An owner command's output. */
export type OwnerOutput<K extends OwnerCommandName> = Awaited<ReturnType<(typeof OWNER_COMMANDS)[K]['run']>>;

/** Whether `name` is an owner command (the channel receives any string). */
export function isOwnerCommandName(name: string): name is OwnerCommandName {
  return Object.hasOwn(OWNER_COMMANDS, name);
}

/** Whether opening the database for `name` migrates it first. */
export function ownerCommandMigrates(name: OwnerCommandName): boolean {
  return (OWNER_COMMANDS[name] as { migrates?: boolean }).migrates !== false;
}

/** Validate `input` and run the command in this process, which owns the database. */
export async function runOwnerCommandHere<K extends OwnerCommandName>(
  name: K,
  input: unknown,
  context: OwnerContext,
): Promise<OwnerOutput<K>> {
  const command = OWNER_COMMANDS[name] as unknown as OwnerCommand<z.ZodType, OwnerOutput<K>>;
  return command.run(context, command.input.parse(input));
}
