import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { PROJECT_ROOT } from '../paths.ts';

/**
 * The web app is built once — at install (`prepare`) and again only when its sources change —
 * not on every start: `npm start` checks a hash of the sources against the one stored beside the
 * build and rebuilds only on a difference (a build takes seconds; the check, milliseconds).
 */

const ROOT = PROJECT_ROOT;
/** Where the build goes (served by `hearback serve`). */
export const WEB_DIST = join(ROOT, 'dist/web');
/** The hash of the sources the build in WEB_DIST was made from; beside the build, not served. */
export const WEB_HASH_FILE = join(ROOT, 'dist/web.source-hash');
/** What the build is made from, besides web/: its configuration and the packages that shape it. */
const CONFIG_FILES = ['vite.config.ts'];
const BUILD_PACKAGES = ['vite', 'react', 'react-dom'];

/** A hash of everything the build depends on: web/ files, vite.config.ts, and vite/react versions. */
export async function webSourceHash(): Promise<string> {
  const hash = createHash('sha256');
  const files = [...(await listFiles(join(ROOT, 'web'))), ...CONFIG_FILES.map((f) => join(ROOT, f))].sort();
  for (const file of files) {
    hash.update(`${relative(ROOT, file)}\0`);
    hash.update(await readFile(file));
    hash.update('\0');
  }
  for (const name of BUILD_PACKAGES) hash.update(`${name}@${await installedVersion(name)}\0`);
  return hash.digest('hex');
}

/** Whether dist/web is the build of the current sources. */
export async function webBuildState(): Promise<{ state: 'fresh' | 'stale' | 'missing'; message: string }> {
  if (!existsSync(join(WEB_DIST, 'index.html'))) {
    return { state: 'missing', message: 'not built: run `npm run build` (npm start and npm ci build it)' };
  }
  const stored = existsSync(WEB_HASH_FILE) ? (await readFile(WEB_HASH_FILE, 'utf8')).trim() : '';
  return stored === (await webSourceHash())
    ? { state: 'fresh', message: 'built from the current sources' }
    : { state: 'stale', message: 'web/ changed since the last build: run `npm run build` (npm start does)' };
}

/**
 * Build the web app with Vite unless the build is already fresh (`force` builds anyway). Returns
 * what it did; 'unavailable' when Vite is not installed (an install without dev dependencies).
 * Vite runs in a child process, so a server that builds at start does not keep the bundler's
 * memory; builds by several processes at once take turns (a lock file beside the build).
 */
export async function buildWeb(
  options: { force?: boolean } = {},
): Promise<'built' | 'fresh' | 'unavailable'> {
  const viteBin = join(ROOT, 'node_modules/vite/bin/vite.js');
  if (!existsSync(viteBin)) return 'unavailable';
  await mkdir(dirname(WEB_HASH_FILE), { recursive: true });
  const release = await takeBuildLock();
  try {
    const sourceHash = await webSourceHash();
    if (!options.force && (await webBuildState()).state === 'fresh') return 'fresh';
    // An interrupted build must not pass for a fresh one.
    await rm(WEB_HASH_FILE, { force: true });
    await new Promise<void>((resolvePromise, reject) => {
      const child = spawn(process.execPath, [viteBin, 'build', '--logLevel', 'warn'], {
        cwd: ROOT,
        stdio: 'inherit',
      });
      child.once('error', reject);
      child.once('exit', (code) =>
        code === 0 ? resolvePromise() : reject(new Error(`vite build failed (exit ${code ?? 'signal'})`)),
      );
    });
    await writeFile(WEB_HASH_FILE, `${sourceHash}\n`);
    return 'built';
  } finally {
    await release();
  }
}

const BUILD_LOCK = join(ROOT, 'dist/web.build-lock');

async function takeBuildLock(): Promise<() => Promise<void>> {
  for (;;) {
    try {
      await (await open(BUILD_LOCK, 'wx')).close();
      return () => rm(BUILD_LOCK, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    // A build takes seconds; a lock older than five minutes was left by a killed build.
    const age = await stat(BUILD_LOCK).then(
      // eslint-disable-next-line no-restricted-properties -- a file's age, not business time
      (s) => Date.now() - s.mtimeMs,
      () => 0,
    );
    if (age > 5 * 60_000) await rm(BUILD_LOCK, { force: true });
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files = await Promise.all(
    entries.map((e) =>
      e.isDirectory() ? listFiles(join(dir, e.name)) : Promise.resolve([join(dir, e.name)]),
    ),
  );
  return files.flat();
}

async function installedVersion(name: string): Promise<string> {
  try {
    const pkg = JSON.parse(await readFile(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as {
      version: string;
    };
    return pkg.version;
  } catch {
    return 'missing';
  }
}
