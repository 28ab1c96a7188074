/**
 * The `serve` process of benchmark 4 (started by bench/api.ts, not by hand): the real Hearback
 * app, and beside it on the same database pool a bare Fastify route doing one INSERT (the
 * baseline). Prints `{"app": port, "bare": port}` once listening; exits on SIGTERM or after ten
 * minutes whatever happens.
 *
 *   argv: <database url> <pool size>
 */
import Fastify from 'fastify';
import { systemClock } from '../src/clock.ts';
import { openDb } from '../src/db/db.ts';
import { buildApp } from '../src/http/app.ts';
import { statementHistogram, statementsSent } from './lib/sweep-work.ts';

const [url, poolArg] = process.argv.slice(2);
if (!url) {
  console.error('usage: started by bench/api.ts');
  process.exit(2);
}
const db = await openDb({ kind: 'postgres', url, poolMax: Number(poolArg ?? 10) });
// All load comes from 127.0.0.1: lift the per-address rate limit (1,200/min by default) so the
// benchmark measures the work, not the limiter.
const app = await buildApp({ db, clock: systemClock }, { rateLimitPerMinute: 100_000_000 });
await app.listen({ port: 0, host: '127.0.0.1' });

const bare = Fastify({ logger: false });
bare.post('/insert', async () => {
  await db.query(`INSERT INTO bench_hits (at) VALUES ($1)`, [systemClock.now()]);
  return { ok: true };
});
bare.get('/rss', async () => ({ peakRssMiB: process.resourceUsage().maxRSS / 1024 }));
// Statements sent to PostgreSQL so far (each a round trip): the load phases divide by requests.
bare.get('/statements', async () => ({ n: statementsSent(), top: statementHistogram().slice(0, 25) }));
await bare.listen({ port: 0, host: '127.0.0.1' });

const portOf = (f: { server: { address(): unknown } }) => (f.server.address() as { port: number }).port;
console.log(JSON.stringify({ app: portOf(app), bare: portOf(bare) }));

const stop = async () => {
  await app.close();
  await bare.close();
  await db.close();
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
setTimeout(() => process.exit(3), 600_000).unref();
