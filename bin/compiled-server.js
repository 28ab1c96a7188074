// The compiled CLI and server: src/ bundled by esbuild into dist/server/<hash of src>/, loaded by
// bin/hearback.js when it matches the sources, so a start does not pay for compiling TypeScript
// on the fly (tsx) — about a second of CPU and 60 MiB per process (BENCHMARKS.md, start-up).
// Plain JavaScript: it runs before anything can compile TypeScript. Types: compiled-server.d.ts.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

// Walk up to Hearback's package.json: this file also runs bundled, from dist/server/<hash>/.
function findRoot(dir) {
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).name === 'hearback') return dir;
    if (dirname(dir) === dir) throw new Error("Hearback's package.json not found");
    dir = dirname(dir);
  }
}
const ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));
const SRC = join(ROOT, 'src');
const OUT = join(ROOT, 'dist/server');
// Builds older than this are removed when a new one is made; a running server keeps its own.
const KEEP_MS = 24 * 3_600_000;

async function sourceFiles(dir) {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) => {
      const path = join(dir, e.name);
      if (e.isDirectory()) return sourceFiles(path);
      return /\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [path] : [];
    }),
  );
  return nested.flat();
}

/** A hash of every source file that goes into the bundle (tests excluded). */
export async function serverSourceHash() {
  const hash = createHash('sha256');
  for (const file of (await sourceFiles(SRC)).sort()) {
    hash.update(`${relative(ROOT, file)}\0`);
    hash.update(await readFile(file));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/** The compiled entry point for the current sources, or null when there is none (run from source). */
export async function compiledEntry() {
  if (!existsSync(OUT)) return null;
  const entry = join(OUT, await serverSourceHash(), 'main.mjs');
  return existsSync(entry) ? entry : null;
}

/**
 * Bundle src/cli/main.ts for the current sources unless that build exists. Dependencies stay
 * external; every dynamic import stays a separate chunk, so a command loads only what it uses.
 * Builds into a folder of its own and renames it into place: concurrent builds and readers never
 * see half a build. Returns 'built', 'fresh' or 'unavailable' (no esbuild).
 */
export async function buildCompiledServer() {
  const hash = await serverSourceHash();
  const target = join(OUT, hash);
  if (existsSync(join(target, 'main.mjs'))) return 'fresh';
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    return 'unavailable';
  }
  const staging = join(OUT, `.tmp-${randomBytes(6).toString('hex')}`);
  try {
    await esbuild.build({
      entryPoints: { main: join(SRC, 'cli/main.ts') },
      outdir: staging,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20.19',
      packages: 'external',
      outExtension: { '.js': '.mjs' },
      sourcemap: 'linked',
      logLevel: 'warning',
    });
    await rename(staging, target).catch((error) => {
      if (!existsSync(join(target, 'main.mjs'))) throw error;
    });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  for (const other of await readdir(OUT)) {
    const path = join(OUT, other);
    if (path === target) continue;
    const { mtimeMs } = await stat(path);
    if (Date.now() - mtimeMs > KEEP_MS) await rm(path, { recursive: true, force: true });
  }
  return 'built';
}
