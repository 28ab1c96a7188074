import { describe, expect, it } from 'vitest';
import { chaosTable, postgresInstalled, runChaos, type ChaosResult } from '../../test/support/chaos.ts';

// The CI version of `npm run bench:chaos` (BENCHMARKS.md, "Crashes"): the same run, small counts.
// PostgreSQL needs its server binaries here (the run crashes and restarts a cluster of its own).
const pg = await postgresInstalled();

function expectUnbroken(r: ChaosResult, messages: number): void {
  console.log(`\n${chaosTable([r])}\n`);
  expect(r.messages).toBe(messages);
  expect(r.lost).toBe(0);
  expect(r.wronglyOpen).toBe(0);
  // Duplicates are the same message sent again (the same Message-ID to the same candidate).
  expect(r.foreignOrSplit).toBe(0);
  expect(r.exactlyOnce + r.duplicatedMessages).toBe(messages);
  expect(r.notRecorded).toBe(0);
  expect(r.drained).toBe(true);
}

describe('chaos run (CI version)', () => {
  it.skipIf(!pg)(
    'PostgreSQL: 1,000 messages, worker and server SIGKILLed 10 times, one crash restart — none lost, none left open',
    { timeout: 600_000 },
    async () => {
      const r = await runChaos({
        backend: 'postgres',
        messages: 1000,
        kills: 10,
        pgRestarts: 1,
        timeLimitMs: 480_000,
      });
      expect(r.workerKills + r.serverKills).toBe(10);
      expect(r.pgRestarts).toBe(1);
      expectUnbroken(r, 1000);
    },
  );

  it(
    'PGlite: 500 messages, the serving process SIGKILLed 4 times — none lost, none left open',
    { timeout: 600_000 },
    async () => {
      const r = await runChaos({
        backend: 'pglite',
        messages: 500,
        kills: 4,
        pgRestarts: 0,
        timeLimitMs: 480_000,
      });
      expect(r.serverKills).toBe(4);
      expectUnbroken(r, 500);
    },
  );
});
