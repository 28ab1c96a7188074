import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

interface LockPackage {
  version?: string;
  optional?: boolean;
  engines?: { node?: string } | string[];
}

const root = new URL('../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as {
  engines: { node: string };
};
const lock = JSON.parse(readFileSync(new URL('package-lock.json', root), 'utf8')) as {
  packages: Record<string, LockPackage>;
};

/**
 * `engines.node` in package.json is a promise to users: every Node version it admits must be one
 * every installed package declares it supports. Checked against the lock file, so a dependency
 * bump that raises the floor fails here instead of printing EBADENGINE on someone's install.
 */
describe('engines', () => {
  it('admits only Node versions that every locked package accepts', () => {
    const ours = pkg.engines.node;
    const refusing = Object.entries(lock.packages)
      .filter(([path, p]) => path !== '' && !p.optional)
      .flatMap(([path, p]) => {
        const range = Array.isArray(p.engines) ? undefined : p.engines?.node;
        if (!range) return [];
        return semver.subset(ours, range, { includePrerelease: false }) ? [] : [`${path} (${range})`];
      });
    expect(refusing).toEqual([]);
  });

  it('admits the Node this suite runs on', () => {
    expect(semver.satisfies(process.versions.node, pkg.engines.node)).toBe(true);
  });
});
