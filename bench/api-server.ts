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
import { listFollowUps } from '../src/repositories/follow-up.repository.ts';
import { authenticateApiToken } from '../src/services/organization.service.ts';
import { applyWhatIf, statementHistogram, statementsSent } from './lib/sweep-work.ts';

applyWhatIf(process.env.BENCH_WHATIF);

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
// The same app on its own pool with prepared statements off: the "before" of finding F8, in the same run.
const unpreparedDb = await openDb({ kind: 'postgres', url, poolMax: Number(poolArg ?? 10), prepare: false });
const unprepared = await buildApp(
  { db: unpreparedDb, clock: systemClock },
  { rateLimitPerMinute: 100_000_000 },
);
await unprepared.listen({ port: 0, host: '127.0.0.1' });

// The baselines: the framework, the same API-token check as the app (cached the same way), and
// one statement — an INSERT for the writes, the follow-up list's own page query for the reads.
const bare = Fastify({ logger: false });
const deps = { db, clock: systemClock };
async function bareAuth(header: string | undefined) {
  const token = /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];
  return token ? authenticateApiToken(deps, token) : null;
}
bare.post('/insert', async (req, reply) => {
  if (!(await bareAuth(req.headers.authorization))) return reply.code(401).send();
  await db.query(`INSERT INTO bench_hits (at) VALUES ($1)`, [systemClock.now()]);
  return { ok: true };
});
bare.get<{ Querystring: { ownerId: string; limit: string } }>('/list', async (req, reply) => {
  const principal = await bareAuth(req.headers.authorization);
  if (!principal) return reply.code(401).send();
  const rows = await listFollowUps(
    db,
    principal.orgId,
    { status: 'open', ownerId: req.query.ownerId },
    { after: null, limit: Number(req.query.limit) + 1 },
  );
  return { items: rows.slice(0, Number(req.query.limit)) };
});
bare.get('/rss', async () => ({ peakRssMiB: process.resourceUsage().maxRSS / 1024 }));
// Statements sent to PostgreSQL so far (each a round trip): the load phases divide by requests.
bare.get('/statements', async () => ({ n: statementsSent(), top: statementHistogram().slice(0, 25) }));
await bare.listen({ port: 0, host: '127.0.0.1' });

const portOf = (f: { server: { address(): unknown } }) => (f.server.address() as { port: number }).port;
console.log(JSON.stringify({ app: portOf(app), bare: portOf(bare), unprepared: portOf(unprepared) }));

const stop = async () => {
  await app.close();
  await unprepared.close();
  await bare.close();
  await db.close();
  await unpreparedDb.close();
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
setTimeout(() => process.exit(3), 600_000).unref();
