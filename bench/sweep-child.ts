/**
 * One worker process of benchmark 2 (started by bench/sweep.ts, not by hand): connects, says
 * `ready`, waits for `go`, runs its loop until nothing is due, reports and exits.
 *
 *   argv: <hearback|ceiling> <database url> <now ms> <batch size>
 */
import { openDb } from '../src/db/db.ts';
import {
  applyWhatIf,
  runCeiling,
  runHearbackSweep,
  statementHistogram,
  statementsSent,
  type LoopResult,
} from './lib/sweep-work.ts';

const [kind, url, nowArg, batchArg] = process.argv.slice(2);
if (!process.send || !url || (kind !== 'hearback' && kind !== 'ceiling')) {
  console.error('usage: started by bench/sweep.ts');
  process.exit(2);
}
applyWhatIf(process.env.BENCH_WHATIF);
const nowMs = Number(nowArg);
const batchSize = Number(batchArg);
const db = await openDb({ kind: 'postgres', url, poolMax: 4 });
await db.query('SELECT 1');
// A parent that dies must not leave a worker running: end after ten minutes whatever happens.
setTimeout(() => process.exit(3), 600_000).unref();
process.send({ type: 'ready' });
await new Promise<void>((resolve) => process.once('message', () => resolve()));
const before = statementsSent();
const result: LoopResult =
  kind === 'hearback' ? await runHearbackSweep(db, nowMs, batchSize) : await runCeiling(db, nowMs, batchSize);
result.statements = statementsSent() - before;
if (process.env.BENCH_SQL_HIST) {
  for (const [sql, n] of statementHistogram().slice(0, 30)) console.log(`${String(n).padStart(8)}  ${sql}`);
}
const cpu = process.cpuUsage();
process.send(
  {
    type: 'done',
    result,
    rssMiB: process.resourceUsage().maxRSS / 1024,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
  },
  () => {
    void db.close().then(() => process.exit(0));
  },
);
