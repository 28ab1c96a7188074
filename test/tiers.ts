/**
 * The test tiers. A test file's tier is part of its name, so choosing one is part of naming the
 * file: `x.test.ts` is a unit test, `x.db.test.ts` a database test, and so on. `vitest.config.ts`
 * builds one vitest project per tier from this table, and `test/tiers.test.ts` fails when a test
 * file belongs to no tier or a unit test reaches the database.
 */
export const TIERS = {
  /** Pure: domain rules, configuration, the docs' consistency. No database, no processes. Seconds. */
  unit: { suffixes: [] },
  /** Repositories, services and the worker's tick on a real database: PGlite, and PostgreSQL when available. */
  db: { suffixes: ['db'] },
  /** The product from outside: HTTP in-process (`api`), the real `hearback` binary (`cli`), Chromium (`browser`). */
  e2e: { suffixes: ['api', 'cli', 'browser'] },
  /** Processes killed mid-write (`chaos`), and every benchmark at smoke scale (`bench`). Minutes. */
  chaos: { suffixes: ['chaos', 'bench'] },
} as const satisfies Record<string, { suffixes: readonly string[] }>;

/** A test tier: `npm run test:<tier>`. */
export type Tier = keyof typeof TIERS;

/** The tiers, slowest first: the order in which `npm test` starts their files. */
export const TIER_ORDER: readonly Tier[] = ['chaos', 'e2e', 'db', 'unit'];

const TAGGED_SUFFIXES: readonly string[] = Object.values(TIERS).flatMap((t) => t.suffixes);

/** The file-name patterns (vitest globs) of a tier's test files, and the patterns it leaves to other tiers. */
export function tierGlobs(tier: Tier): { include: string[]; exclude: string[] } {
  const suffixes: readonly string[] = TIERS[tier].suffixes;
  if (suffixes.length === 0) {
    return { include: ['**/*.test.ts'], exclude: TAGGED_SUFFIXES.map((s) => `**/*.${s}.test.ts`) };
  }
  return { include: suffixes.map((s) => `**/*.${s}.test.ts`), exclude: [] };
}

/** The tier of a file by its name; null when the name is not a test file vitest runs (`*.test.ts`). */
export function tierOf(path: string): Tier | null {
  const match = /(?:\.([a-z]+))?\.test\.ts$/.exec(path);
  if (!match) return null;
  const tag = match[1];
  for (const [tier, { suffixes }] of Object.entries(TIERS) as [Tier, { suffixes: readonly string[] }][]) {
    if (tag !== undefined && suffixes.includes(tag)) return tier;
  }
  return 'unit';
}
