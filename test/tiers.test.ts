import { existsSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listRepoFiles, readRepoFile, REPO_ROOT } from './support/repo.ts';
import { TIER_ORDER, TIERS, tierGlobs, tierOf, type Tier } from './tiers.ts';

const files = listRepoFiles();
const testFiles = files.filter((f) => tierOf(f) !== null);

/** A vitest glob of the shape tierGlobs writes (`**` and `*` only) as a regular expression. */
function globToRegExp(glob: string): RegExp {
  const source = glob
    .split('**/')
    .map((part) =>
      part
        .split('*')
        .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('[^/]*'),
    )
    .join('(?:.*/)?');
  return new RegExp(`^${source}$`);
}

/** The tiers whose vitest project would run `path`. */
function projectsRunning(path: string): Tier[] {
  return TIER_ORDER.filter((tier) => {
    const { include, exclude } = tierGlobs(tier);
    return (
      include.some((g) => globToRegExp(g).test(path)) && !exclude.some((g) => globToRegExp(g).test(path))
    );
  });
}

/** What a unit test must not reach, even through other modules: databases, processes, browsers. */
const FORBIDDEN_IN_UNIT = {
  packages: [
    'pg',
    '@electric-sql/pglite',
    'playwright-core',
    'smtp-server',
    'node:child_process',
    'child_process',
  ],
  paths: ['src/db/', 'src/repositories/', 'test/support/db.ts', 'test/global-setup.ts'],
  /** In a forbidden folder but touching no database: the PGlite directory's lock file is plain file I/O. */
  allowed: ['src/db/data-dir-lock.ts'],
};

/**
 * The static value imports of a TypeScript file. Type-only imports are erased and `import()` runs
 * only when called (the CLI loads each command that way), so neither counts.
 */
function importsOf(source: string): string[] {
  const code = source.replace(/^\s*(import|export)\s+type\s[^;]*?from\s+['"][^'"]+['"]/gm, '');
  return [...code.matchAll(/(?:\bfrom\s+|^\s*import\s+)['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
}

/** Resolve a relative import to a repository path, or null when it is not a file of ours. */
function resolveImport(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = normalize(join(dirname(from), specifier))
    .split('\\')
    .join('/');
  for (const candidate of [base, `${base}.ts`, `${base}/index.ts`]) {
    if (/\.tsx?$/.test(candidate) && existsSync(join(REPO_ROOT, candidate))) return candidate;
  }
  return null;
}

/** The first forbidden thing `file` reaches through its imports, as a chain; null when none. */
function reachesForbidden(file: string): string | null {
  const seen = new Set<string>();
  const walk = (path: string, chain: string[]): string | null => {
    if (seen.has(path)) return null;
    seen.add(path);
    const hit =
      !FORBIDDEN_IN_UNIT.allowed.includes(path) && FORBIDDEN_IN_UNIT.paths.find((p) => path.startsWith(p));
    if (hit) return [...chain, path].join(' → ');
    const source = readRepoFile(path);
    if (/\binject\(\s*['"](postgresUrl|pgliteTemplate)['"]/.test(source)) {
      return [...chain, `${path} (inject: the global setup does not run for unit tests)`].join(' → ');
    }
    for (const specifier of importsOf(source)) {
      if (FORBIDDEN_IN_UNIT.packages.includes(specifier)) return [...chain, path, specifier].join(' → ');
      const next = resolveImport(path, specifier);
      const found = next && walk(next, [...chain, path]);
      if (found) return found;
    }
    return null;
  };
  return walk(file, []);
}

describe('test tiers (test/tiers.ts)', () => {
  it('finds the test files', () => {
    expect(testFiles.length).toBeGreaterThan(20);
    for (const tier of Object.keys(TIERS) as Tier[]) {
      expect(testFiles.filter((f) => tierOf(f) === tier).length, tier).toBeGreaterThan(0);
    }
  });

  it('puts every test file in exactly one tier, the one its name says', () => {
    const misplaced = testFiles
      .map((f) => ({ file: f, tier: tierOf(f), projects: projectsRunning(f) }))
      .filter(({ tier, projects }) => projects.length !== 1 || projects[0] !== tier);
    expect(misplaced).toEqual([]);
  });

  it('has no test file that no tier runs (a .spec file, a .test.js or .tsx)', () => {
    const strays = files.filter((f) => /\.(test|spec)\.[cm]?[jt]sx?$/.test(f) && tierOf(f) === null);
    expect(
      strays,
      'name tests *.test.ts, with the tier before it: .db, .api, .cli, .browser, .chaos, .bench (test/tiers.ts)',
    ).toEqual([]);
  });

  it('keeps unit tests away from the database, processes and browsers', () => {
    const offenders = testFiles
      .filter((f) => tierOf(f) === 'unit')
      .map(reachesForbidden)
      .filter((chain): chain is string => chain !== null);
    expect(
      offenders,
      'a test that needs these belongs to another tier: rename it *.db.test.ts, *.api.test.ts …',
    ).toEqual([]);
  });

  it('notices a unit test that would reach the database', () => {
    expect(reachesForbidden('src/services/interview.service.ts')).toMatch(/src\/(db|repositories)\//);
    expect(reachesForbidden('src/domain/promise.ts')).toBeNull();
    expect(importsOf("import type { Db } from '../db/db.ts';\nimport { x } from './x.ts';")).toEqual([
      './x.ts',
    ]);
  });
});
