import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const url = process.env.TEST_DATABASE_URL;

/**
 * Every benchmark at a tiny scale (bench/smoke.sh) against the test suite's PostgreSQL: they
 * still run, end by themselves and print their figures. Nothing here looks at a time.
 */
describe.skipIf(!url)('the benchmarks, at smoke scale', () => {
  it('all run to the end and print their figures', { timeout: 15 * 60_000 }, () => {
    const run = spawnSync('bash', [fileURLToPath(new URL('smoke.sh', import.meta.url))], {
      env: { ...process.env, BENCH_DATABASE_URL: url },
      encoding: 'utf8',
      timeout: 14 * 60_000,
    });
    const output = `${run.stdout}\n${run.stderr}`;
    expect(run.status, output.slice(-4000)).toBe(0);
    for (const line of [
      /rows\/s/, // generator
      /closure-report\s+p50/, // queries
      /PostgreSQL Hearback sweep\s+1w/, // sweep
      /raw SQL ceiling/,
      /Hearback dispatcher\s+1w/, // delivery
      /close interview/i, // API
      /first start \d+\.\d+ s .*restart \d+\.\d+ s/, // start-up
      /promises broken silently: \d+/, // closure
      /bench smoke: all benchmarks ran/,
    ]) {
      expect(output).toMatch(line);
    }
  });
});
