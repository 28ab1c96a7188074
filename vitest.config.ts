import { configDefaults, defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { TIER_ORDER, TIERS, tierGlobs, type Tier } from './test/tiers.ts';

/**
 * Slowest tiers first. Without timings from an earlier run (a fresh CI clone) vitest starts the
 * largest files first, which left the short but minutes-long crash and smoke tests for the end,
 * one core idle while they ran. Within a tier, vitest's own order (earlier timings, then size).
 */
class SlowTiersFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (spec: TestSpecification) => TIER_ORDER.indexOf(spec.project.name as Tier);
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

/** One vitest project per tier (`vitest run --project unit`); see test/tiers.ts. */
function tierProject(tier: Tier) {
  const { include, exclude } = tierGlobs(tier);
  return {
    extends: true as const,
    test: {
      name: tier,
      include,
      exclude: [...configDefaults.exclude, ...exclude],
      // Unit tests touch no database, so they skip the migrations of the global setup.
      globalSetup: tier === 'unit' ? [] : ['test/global-setup.ts'],
      // The other tiers start PGlite instances, processes and browsers: seconds each on a quiet
      // machine, several times that on two cores shared with other work (a CLI test that starts
      // three migrating processes took over a minute at a load average of 18). Limits catch hangs.
      ...(tier !== 'unit' && { testTimeout: tier === 'e2e' ? 120_000 : 60_000 }),
      // A browser walk reads the page with expect.poll: a list refreshes after the click that
      // changed it, later on a loaded machine (a submission's row appeared after 1 s in CI).
      ...(tier === 'e2e' && { expect: { poll: { timeout: 15_000 } } }),
    },
  };
}

export default defineConfig({
  test: {
    projects: (Object.keys(TIERS) as Tier[]).map(tierProject),
    sequence: { sequencer: SlowTiersFirst },
    // PGlite instances are ~300 MB each and the machine has 2 cores: two forks is the sweet spot.
    // The pool is shared by all tiers of a run, so `npm test` keeps both cores busy to the end.
    // At least two as well: with minForks 1, a fork freed by a short file was sometimes not
    // reused while a long file ran in the other (the 6-minute smoke test waited for the 7-minute
    // crash test to end instead of starting when the 2-minute durability test did).
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 2 } },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
