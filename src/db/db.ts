import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

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
 * One SQL dialect, two engines: embedded PGlite (default) and PostgreSQL (DATABASE_URL). Both return
 * timestamptz as Date, jsonb as parsed values and uuid as string; bigint differs between them, so
 * queries cast counts to int.
 */
export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Run `fn` in one transaction; commit if it resolves, roll back if it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Release every connection. */
  close(): Promise<void>;
}

/** Where the database is. */
export type DatabaseTarget =
  | { kind: 'postgres'; url: string; poolMax?: number }
  | { kind: 'pglite'; dataDir?: string; loadDataDir?: Blob };

/** Open the database described by `target`. */
export async function openDb(target: DatabaseTarget): Promise<Db> {
  return target.kind === 'postgres' ? openPostgres(target.url, target.poolMax ?? 10) : openPglite(target);
}

// `date` columns would otherwise be turned into Dates at the server's local midnight.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

function openPostgres(url: string, max: number): Db {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle client losing its server emits 'error' on the pool; unhandled, it would crash the
  // process. The next query gets a fresh connection instead.
  pool.on('error', (error) => {
    console.error(`[db] idle PostgreSQL connection lost: ${error.message}`);
  });
  const wrap = (client: pg.Pool | pg.PoolClient): Queryable => ({
    query: async <T extends object>(sql: string, params: readonly unknown[] = []) =>
      (await client.query<T>(sql, params as unknown[])).rows,
    exec: async (sql: string) => {
      await client.query(sql);
    },
  });
  const base = wrap(pool);
  return {
    kind: 'postgres',
    query: base.query,
    exec: base.exec,
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

async function openPglite(target: { dataDir?: string; loadDataDir?: Blob }): Promise<Db> {
  const instance = await PGlite.create({
    ...(target.dataDir !== undefined && { dataDir: target.dataDir }),
    ...(target.loadDataDir !== undefined && { loadDataDir: target.loadDataDir }),
  });
  return wrapPglite(instance);
}

/** Adapt an open PGlite instance to the Db interface (tests use it to dump a migrated template). */
export function wrapPglite(instance: PGlite): Db {
  type Tx = Pick<PGlite, 'query' | 'exec'>;
  const wrap = (client: Tx): Queryable => ({
    query: async <T extends object>(sql: string, params: readonly unknown[] = []) =>
      (await client.query<T>(sql, params as unknown[])).rows,
    exec: async (sql: string) => {
      await client.exec(sql);
    },
  });
  const base = wrap(instance);
  return {
    kind: 'pglite',
    query: base.query,
    exec: base.exec,
    // PGlite has one backend: its transaction() holds a mutex, so concurrent callers queue.
    transaction: <T>(fn: (tx: Queryable) => Promise<T>) => instance.transaction((tx) => fn(wrap(tx))),
    close: () => instance.close(),
  };
}
