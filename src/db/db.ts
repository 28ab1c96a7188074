import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { setImmediate as nextLoopTurn } from 'node:timers/promises';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { systemClock } from '../clock.ts';
import { acquireDataDirLock, type DataDirLock, type OwnerInfo } from './data-dir-lock.ts';
import { createPgliteDirIfMissing } from './pglite-dir.ts';

/** Something SQL can be sent to: the database itself or an open transaction. */
export interface Queryable {
  /** Run one parameterised statement and return its rows. */
  query: <T extends object = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
  ) => Promise<T[]>;
  /** Run a script of several statements without parameters (migrations). */
  exec: (sql: string) => Promise<void>;
}

/**
 * Who is acting, for one request: row-level security narrows what some member roles see
 * (interviewers), and the audit log records who did what.
 */
export interface Viewer {
  orgId: string;
  /** The member acting: the one signed in, or the one whose API token was used. */
  memberId: string;
  /** That member's role. */
  role: string;
  /** The API token the request came with; null for a session. */
  apiTokenId: string | null;
  ip?: string | undefined;
}

/** A transaction inside a scope; a system transaction can step into one tenant after another. */
export interface ScopedTx extends Queryable {
  /** Act as `orgId`'s application role for the rest of this transaction (or until the next call). */
  enterTenant: (orgId: string) => Promise<void>;
  /**
   * Run `fn` in this transaction as the organization itself — the acting member's id kept, their
   * role's narrowing (row-level security for interviewers) lifted — then act as them again. For
   * the few writes Hearback makes on its own when a narrower member acts: an interviewer who
   * closes an interview queues the candidate's written promise, a message interviewers may not
   * read. `fn` must only write what the use case itself decided; if it throws, the transaction
   * is to be rolled back (the scope is not restored).
   */
  asOrganization: <T>(fn: () => Promise<T>) => Promise<T>;
}

/**
 * Access with the database's row-level security in force: every statement runs in a transaction
 * that first sets the role and the tenant (transaction-local, so pooled connections never leak them).
 */
export interface ScopedDb extends Queryable {
  transaction: <T>(fn: (tx: ScopedTx) => Promise<T>) => Promise<T>;
}

/**
 * One SQL dialect, two engines: embedded PGlite (default) and PostgreSQL (DATABASE_URL). Both return
 * timestamptz as Date, jsonb as parsed values and uuid as string; bigint differs between them, so
 * queries cast counts to int.
 *
 * Application code reaches data only through `tenant(orgId)` (as hearback_app, one organization)
 * or `system()` (as hearback_system, for the few cross-tenant claims). The raw methods run as the
 * connecting user and are for migrations, health checks and tests.
 */
export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Run `fn` in one raw transaction; commit if it resolves, roll back if it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** One organization's data, as the application role. */
  tenant(orgId: string): ScopedDb;
  /** Every organization's data, for the worker's claims and token lookups. */
  system(): ScopedDb;
  /** Release every connection (and, for a PGlite directory, its lock). */
  close(): Promise<void>;
  /** The data directory's lock, for a PGlite directory: this process is its one owner. */
  readonly lock?: DataDirLock;
}

/** Where the database is. */
export type DatabaseTarget =
  | {
      kind: 'postgres';
      /** The owner's login: migrations and the cross-tenant (system) work. */
      url: string;
      /**
       * A login that is a member of `hearback_app` only, for every tenant transaction: SQL run on
       * it cannot switch to `hearback_system`, so row-level security holds even against it.
       * Default: `url` (one login for both, as in development).
       */
      tenantUrl?: string;
      poolMax?: number;
      /**
       * Send a transaction's parameterised statements as named prepared statements (default true):
       * PostgreSQL then parses and plans each once per connection. Turn off behind a pooler
       * that cannot keep them (PgBouncer in transaction mode before 1.21).
       */
      prepare?: boolean;
    }
  | {
      kind: 'pglite';
      dataDir?: string;
      loadDataDir?: Blob;
      /** PostgreSQL's shared_buffers, e.g. '32MB': resident memory of the embedded database. Default 32MB. */
      sharedBuffers?: string;
    };

const viewerContext = new AsyncLocalStorage<Viewer>();

/**
 * Run `fn` on behalf of a member (signed in, or through their API token): tenant transactions of
 * their organization started inside it carry their id and role, so row-level security can narrow
 * what they see.
 */
export function withViewer<T>(viewer: Viewer, fn: () => T): T {
  return viewerContext.run(viewer, fn);
}

/** The actor of the current request, if any. */
export function currentViewer(): Viewer | undefined {
  return viewerContext.getStore();
}

/**
 * Open the database described by `target`. A PGlite directory is first locked for this process
 * (`data-dir-lock.ts`): it throws DataDirLockedError when another live process has it open.
 * `owner` says what this process is, for the messages others get.
 */
export async function openDb(target: DatabaseTarget, owner?: OwnerInfo): Promise<Db> {
  return target.kind === 'postgres'
    ? openPostgres(target.url, target.poolMax ?? 10, target.tenantUrl, target.prepare ?? true)
    : openPglite(target, owner ?? { command: 'process' });
}

// `date` columns would otherwise be turned into Dates at the server's local midnight.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

const SCOPE_SETTINGS = ['role', 'app.org_id', 'app.member_id', 'app.member_role'] as const;
const SET_SCOPE = `SELECT ${SCOPE_SETTINGS.map((name, i) => `set_config('${name}', $${i + 1}, true)`).join(', ')}`;

function scopeParams(role: 'hearback_app' | 'hearback_system', orgId: string): string[] {
  const viewer = viewerContext.getStore();
  const acting = viewer && viewer.orgId === orgId ? viewer : null;
  return [role, orgId, acting?.memberId ?? '', acting?.role ?? ''];
}

/** An engine's raw transaction that first sets `scope` (the SET_SCOPE parameters). */
type ScopedTransaction = <T>(scope: string[], fn: (tx: Queryable) => Promise<T>) => Promise<T>;

/** Build tenant()/system() over an engine's scoped transaction. */
function scoped(
  transaction: ScopedTransaction,
  role: 'hearback_app' | 'hearback_system',
  orgId: string,
): ScopedDb {
  const run = <T>(fn: (tx: ScopedTx) => Promise<T>): Promise<T> => {
    // The scope in force in this transaction (enterTenant changes it).
    let scope = scopeParams(role, orgId);
    return transaction(scope, async (tx) => {
      // After asOrganization the acting member's scope comes back with the next statement, not
      // at once: when the organization's write is the transaction's last, that is a round trip
      // saved (closing an interview, BENCHMARKS.md F8). Nothing runs in between.
      let restore: string[] | null = null;
      const restored = async () => {
        if (!restore) return;
        const acting = restore;
        restore = null;
        await tx.query(SET_SCOPE, acting);
      };
      return fn({
        query: async (sql, params) => {
          await restored();
          return tx.query(sql, params);
        },
        exec: async (sql) => {
          await restored();
          return tx.exec(sql);
        },
        enterTenant: async (tenant: string) => {
          restore = null;
          scope = scopeParams('hearback_app', tenant);
          await tx.query(SET_SCOPE, scope);
        },
        asOrganization: async <R>(inner: () => Promise<R>): Promise<R> => {
          await restored();
          const acting = scope;
          await tx.query(SET_SCOPE, [acting[0]!, acting[1]!, acting[2]!, '']);
          const result = await inner();
          restore = acting;
          return result;
        },
      });
    });
  };
  return {
    transaction: run,
    query: (sql, params) => run((tx) => tx.query(sql, params)),
    exec: (sql) => run((tx) => tx.exec(sql)),
  };
}

/**
 * How long an idle connection is kept. pg's default closes it after 10 s, and a team's requests
 * come minutes apart: each then opened a new PostgreSQL backend that had prepared nothing (F8),
 * cached no catalog and had not yet mapped the shared buffers it reads. After 12 s of quiet, a
 * 30-day report of the largest organization at 10M follow-ups took 1.55 s against 0.76 s warm,
 * and the overdue list 76 ms against 22–44 ms (BENCHMARKS.md, F13).
 */
const IDLE_CONNECTION_MS = 10 * 60_000;

function openPool(url: string, max: number): pg.Pool {
  // Idle connections keep a process running; one-shot commands still end at once, because
  // bin/hearback.js exits a second after the command returns.
  const pool = new pg.Pool({ connectionString: url, max, idleTimeoutMillis: IDLE_CONNECTION_MS });
  // An idle client losing its server emits 'error' on the pool; unhandled, it would crash the
  // process. The next query gets a fresh connection instead.
  pool.on('error', (error) => {
    console.error(`[db] idle PostgreSQL connection lost: ${error.message}`);
  });
  return pool;
}

/**
 * Planning, not executing, was most of PostgreSQL's time per request: closing an interview spent
 * ~5 ms planning its statements (row-level security adds its policies to every plan) against
 * ~4 ms running them (BENCHMARKS.md, F8). A named statement is parsed and planned once per
 * connection, and after five runs PostgreSQL may keep a generic plan. Names come from the SQL
 * text, so the same statement has the same name on every connection.
 */
const statementNames = new Map<string, string>();
/** Statements a connection keeps prepared at most: SQL texts are module constants, so a few hundred. */
const MAX_PREPARED_PER_CONNECTION = 2_000;
const preparedOn = new WeakMap<pg.PoolClient, Set<string>>();

function statementName(sql: string): string {
  let name = statementNames.get(sql);
  if (name === undefined) {
    name = `hb_${createHash('sha1').update(sql).digest('base64url')}`;
    if (statementNames.size < MAX_PREPARED_PER_CONNECTION * 4) statementNames.set(sql, name);
  }
  return name;
}

/** The query config for `sql` on `client`: named when it has parameters and the connection has room. */
function preparedQuery(client: pg.PoolClient, sql: string, params: unknown[]): pg.QueryConfig {
  if (params.length === 0) return { text: sql };
  let names = preparedOn.get(client);
  if (!names) preparedOn.set(client, (names = new Set()));
  const name = statementName(sql);
  if (!names.has(name)) {
    if (names.size >= MAX_PREPARED_PER_CONNECTION) return { text: sql, values: params };
    names.add(name);
  }
  return { name, text: sql, values: params };
}

/**
 * A prepared `SELECT *` whose table gained a column (a migration run by another process while this
 * one kept its connections) fails with this; the connection is then dropped, not pooled again, so
 * the next transaction prepares afresh.
 */
function isStalePlan(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error as { code?: string }).code === '0A000' &&
    /cached plan must not change result type/.test(error.message)
  );
}

function openPostgres(url: string, max: number, tenantUrl: string | undefined, prepare: boolean): Db {
  const pool = openPool(url, max);
  const tenantPool = tenantUrl ? openPool(tenantUrl, max) : pool;
  const wrap = (client: pg.Pool | pg.PoolClient): Queryable => ({
    query: async <T extends object>(sql: string, params: readonly unknown[] = []) =>
      (await client.query<T>(sql, params as unknown[])).rows,
    exec: async (sql: string) => {
      await client.query(sql);
    },
  });
  // Inside a transaction the connection is known, so its prepared statements can be counted.
  const wrapPrepared = (client: pg.PoolClient): Queryable => ({
    query: async <T extends object>(sql: string, params: readonly unknown[] = []) =>
      (await client.query<T>(preparedQuery(client, sql, params as unknown[]))).rows,
    exec: async (sql: string) => {
      await client.query(sql);
    },
  });
  const base = wrap(pool);
  const transaction = async <T>(
    fn: (tx: Queryable) => Promise<T>,
    scope?: string[],
    on: pg.Pool = pool,
  ): Promise<T> => {
    const client = await on.connect();
    // A checked-out client whose server goes away (restart, pg_terminate_backend) emits 'error';
    // the pool listens only to idle clients, so unheard it would crash the process. Heard, the
    // transaction fails like any other and the broken client is destroyed, not pooled again.
    let lost: Error | undefined;
    const onLost = (error: Error) => {
      lost ??= error;
    };
    client.on('error', onLost);
    try {
      // With a scope, BEGIN and SET_SCOPE go as one simple query: a round trip less for every
      // scoped transaction (BENCHMARKS.md, F5). Simple queries take no parameters, so the values
      // are escaped literals.
      await client.query(
        scope
          ? `BEGIN; SELECT ${SCOPE_SETTINGS.map((name, i) => `set_config('${name}', ${client.escapeLiteral(scope[i] ?? '')}, true)`).join(', ')}`
          : 'BEGIN',
      );
      const result = await fn(prepare ? wrapPrepared(client) : wrap(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      if (isStalePlan(error)) onLost(error as Error);
      await client.query('ROLLBACK').catch((rollbackError: Error) => onLost(rollbackError));
      throw error;
    } finally {
      client.off('error', onLost);
      client.release(lost);
    }
  };
  return {
    kind: 'postgres',
    query: base.query,
    exec: base.exec,
    transaction: (fn) => transaction(fn),
    tenant: (orgId) => scoped((scope, fn) => transaction(fn, scope, tenantPool), 'hearback_app', orgId),
    system: () => scoped((scope, fn) => transaction(fn, scope), 'hearback_system', ''),
    close: async () => {
      await pool.end();
      if (tenantPool !== pool) await tenantPool.end();
    },
  };
}

/**
 * The embedded PostgreSQL's buffer pool is allocated and touched at start, inside the WebAssembly
 * heap: every MB of shared_buffers is a MB of resident memory from the first second (PostgreSQL's
 * default 128MB cost ~120 MiB more than 32MB; BENCHMARKS.md). 32MB holds a team's working set.
 */
export const DEFAULT_PGLITE_SHARED_BUFFERS = '32MB';

async function openPglite(
  target: { dataDir?: string; loadDataDir?: Blob; sharedBuffers?: string },
  owner: OwnerInfo,
): Promise<Db> {
  const lock =
    target.dataDir === undefined
      ? undefined
      : await acquireDataDirLock(target.dataDir, owner, systemClock.now());
  let instance: PGlite;
  try {
    if (target.dataDir !== undefined) await createPgliteDirIfMissing(target.dataDir);
    instance = await PGlite.create({
      ...(target.dataDir !== undefined && { dataDir: target.dataDir }),
      ...(target.loadDataDir !== undefined && { loadDataDir: target.loadDataDir }),
      startParams: [
        ...PGlite.defaultStartParams,
        '-c',
        `shared_buffers=${target.sharedBuffers ?? DEFAULT_PGLITE_SHARED_BUFFERS}`,
      ],
    });
  } catch (error) {
    await lock?.release();
    throw error;
  }
  const db = wrapPglite(instance);
  if (!lock) return db;
  return {
    ...db,
    lock,
    close: async () => {
      try {
        await db.close();
      } finally {
        await lock.release();
      }
    },
  };
}

/** How long statements on the embedded database may run before other work gets a turn. */
const FAIR_TURN_MS = 20;

/** Adapt an open PGlite instance to the Db interface (tests use it to dump a migrated template). */
export function wrapPglite(instance: PGlite): Db {
  type Tx = Pick<PGlite, 'query' | 'exec'>;
  // PGlite answers in this thread: a chain of statements never waits on I/O, so its promises
  // settle in the microtask queue and nothing else (HTTP requests, timers, IPC) runs until the
  // chain ends — a busy request, import or worker tick held the whole process for seconds. After
  // every ~20 ms of statements, one turn of the event loop lets the rest in.
  let turnAt = performance.now();
  const fairTurn = async () => {
    if (performance.now() - turnAt < FAIR_TURN_MS) return;
    await nextLoopTurn();
    turnAt = performance.now();
  };
  const wrap = (client: Tx): Queryable => ({
    query: async <T extends object>(sql: string, params: readonly unknown[] = []) => {
      await fairTurn();
      return (await client.query<T>(sql, params as unknown[])).rows;
    },
    exec: async (sql: string) => {
      await fairTurn();
      await client.exec(sql);
    },
  });
  const base = wrap(instance);
  // PGlite has one backend: its transaction() holds a mutex, so concurrent callers queue.
  const transaction = <T>(fn: (tx: Queryable) => Promise<T>) => instance.transaction((tx) => fn(wrap(tx)));
  // In process, a statement costs no round trip: the scope is simply the first statement.
  const scopedTransaction: ScopedTransaction = (scope, fn) =>
    transaction(async (tx) => {
      await tx.query(SET_SCOPE, scope);
      return fn(tx);
    });
  return {
    kind: 'pglite',
    query: base.query,
    exec: base.exec,
    transaction,
    tenant: (orgId) => scoped(scopedTransaction, 'hearback_app', orgId),
    system: () => scoped(scopedTransaction, 'hearback_system', ''),
    close: () => instance.close(),
  };
}
