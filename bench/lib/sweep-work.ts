/**
 * The loops benchmark 2 times, shared by the in-process (PGlite) runs and the worker child
 * processes (PostgreSQL): Hearback's own sweep, and the raw SQL ceiling.
 */
import { IANAZone } from 'luxon';
import pg from 'pg';
import { ManualClock } from '../../src/clock.ts';
import type { Db, Queryable } from '../../src/db/db.ts';
import { sweepFollowUps } from '../../src/services/sweep.service.ts';

/** The sender identity of benchmark mail. */
export const IDENTITY = {
  from: { name: 'Hearback', address: 'hearback@bench.example' },
  domain: 'bench.example',
};

/** Bounds every loop: a benchmark must end by itself even if something is wrong. */
export const MAX_ROUNDS = 100_000;

/** What a loop did. */
export interface LoopResult {
  /** Claims that came back non-empty, summed rows (Hearback counts each ladder step). */
  examined: number;
  seconds: number;
  statements: number;
}

// Count statements sent by node-postgres in this process (a round trip each).
// With BENCH_SQL_HIST set, also tally them by statement (the first 70 characters, squeezed).
let pgStatements = 0;
const histogram = new Map<string, number>();
// eslint-disable-next-line @typescript-eslint/unbound-method -- re-applied below with the client as `this`
const originalQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...a: unknown[]) {
  pgStatements++;
  if (process.env.BENCH_SQL_HIST) {
    const first = a[0];
    const text =
      typeof first === 'string' ? first : ((first as { text?: string } | undefined)?.text ?? '(copy)');
    const key = text.replace(/\s+/g, ' ').trim().slice(0, 70);
    histogram.set(key, (histogram.get(key) ?? 0) + 1);
  }
  return (originalQuery as (...x: unknown[]) => unknown).apply(this, a);
} as typeof pg.Client.prototype.query;

/** The statements tallied with BENCH_SQL_HIST, most frequent first. */
export function statementHistogram(): [string, number][] {
  return [...histogram.entries()].sort((x, y) => y[1] - x[1]);
}

/**
 * What-if experiments that patch a dependency at run time (src/ stays untouched), to measure a
 * proposed fix before it is made. `zone-cache`: remember valid time zones instead of building an
 * Intl.DateTimeFormat on every check (luxon's IANAZone.isValidZone, called by business-time's
 * assertZone several times per follow-up).
 */
export function applyWhatIf(name: string | undefined): void {
  if (name === 'zone-cache') {
    const valid = new Set<string>();
    const original = IANAZone.isValidZone.bind(IANAZone);
    IANAZone.isValidZone = (zone: string) => {
      if (valid.has(zone)) return true;
      const ok = original(zone);
      if (ok) valid.add(zone);
      return ok;
    };
  } else if (name) throw new Error(`unknown what-if ${name}`);
}

/** Statements this process has sent to PostgreSQL so far (PGlite runs count their own). */
export function statementsSent(): number {
  return pgStatements;
}

/**
 * Hearback's sweep, as the worker runs it, until nothing is due: two empty claims 50 ms apart
 * (another worker may still commit renewed follow-ups that are due at once).
 */
export async function runHearbackSweep(db: Db, nowMs: number, batchSize: number): Promise<LoopResult> {
  const deps = {
    db,
    clock: new ManualClock(new Date(nowMs)),
    identity: IDENTITY,
    appUrl: 'http://127.0.0.1:3000',
  };
  const start = performance.now();
  let examined = 0;
  let empty = 0;
  for (let i = 0; i < MAX_ROUNDS && empty < 2; i++) {
    const r = await sweepFollowUps(deps, { batchSize });
    examined += r.examined;
    if (r.errors > 0) throw new Error(`sweep reported ${r.errors} errors`);
    if (r.examined === 0) {
      empty++;
      await new Promise((resolve) => setTimeout(resolve, 50));
    } else empty = 0;
  }
  return { examined, seconds: (performance.now() - start) / 1000 - 0.1, statements: 0 };
}

/**
 * The ceiling: one statement per batch claims due rows (SKIP LOCKED), marks them and inserts a
 * bare outbox row each. No policy, no rendering, no events, no row-level security.
 */
export const CEILING_SQL = `
  WITH claimed AS (
    SELECT id FROM follow_ups
     WHERE status = 'open' AND kind = 'outcome' AND next_action_at <= $1
     ORDER BY next_action_at LIMIT $2 FOR UPDATE SKIP LOCKED
  ), marked AS (
    UPDATE follow_ups f SET next_action_at = NULL, updated_at = $1
      FROM claimed WHERE f.id = claimed.id
    RETURNING f.id, f.org_id, f.application_id
  )
  INSERT INTO messages (org_id, application_id, follow_up_id, kind, audience, to_address, subject, body_text,
                        body_html, automatic, status, send_at, message_id, created_at, updated_at)
  SELECT org_id, application_id, id, 'update', 'candidate', 'candidate@bench.example', 'An update', 'text',
         '<p>text</p>', true, 'scheduled', $1, gen_random_uuid()::text, $1, $1
    FROM marked`;

/** The same work for one row, as a job-queue handler does it (the libraries' per-job work). */
export const ONE_ROW_SQL = `
  WITH marked AS (
    UPDATE follow_ups SET next_action_at = NULL, updated_at = now()
     WHERE id = $1 AND status = 'open'
    RETURNING id, org_id, application_id
  )
  INSERT INTO messages (org_id, application_id, follow_up_id, kind, audience, to_address, subject, body_text,
                        body_html, automatic, status, send_at, message_id, created_at, updated_at)
  SELECT org_id, application_id, id, 'update', 'candidate', 'candidate@bench.example', 'An update', 'text',
         '<p>text</p>', true, 'scheduled', now(), gen_random_uuid()::text, now(), now()
    FROM marked`;

/** Run the ceiling loop on one connection until nothing is due. */
export async function runCeiling(q: Queryable, nowMs: number, batchSize: number): Promise<LoopResult> {
  const start = performance.now();
  const now = new Date(nowMs);
  let examined = 0;
  let empty = 0;
  for (let i = 0; i < MAX_ROUNDS && empty < 2; i++) {
    const n = (await q.query(`${CEILING_SQL} RETURNING 1`, [now, batchSize])).length;
    examined += n;
    if (n === 0) {
      empty++;
      await new Promise((resolve) => setTimeout(resolve, 50));
    } else empty = 0;
  }
  return { examined, seconds: (performance.now() - start) / 1000 - 0.1, statements: 0 };
}
