import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll } from 'vitest';
import type { Db } from '../../src/db/db.ts';
import { buildApp, type AppDeps } from '../../src/http/app.ts';
import { PROJECT_ROOT as ROOT } from '../../src/paths.ts';
import { openTestDb } from './db.ts';
import { freePort, launchChromium, WALK_TIMEOUT_MS } from './browser.ts';

/** The real server on a private PGlite database, serving the built web app, and a Chromium. */
export interface BrowserApp {
  db: Db;
  app: FastifyInstance;
  browser: Browser;
  /** `http://localhost:<port>` */
  base: string;
  /** Close the browser, the server and the database. */
  stop(): Promise<void>;
}

const CACHE = join(ROOT, 'node_modules/.cache/hearback-web');

/** Every file Vite reads to build the web app, sorted: what the built copy is keyed on. */
async function webSources(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await webSources(path)));
    else out.push(path);
  }
  return out.sort();
}

/**
 * The web app built once per source state, not once per test file: a Vite build costs 10–20 s of
 * CPU, which every browser file paid on a two-core machine. Built into a temporary directory and
 * renamed into place, so two forks building at once never serve a half-written copy.
 */
async function builtWebApp(): Promise<string> {
  const hash = createHash('sha256');
  for (const file of [...(await webSources(join(ROOT, 'web'))), join(ROOT, 'vite.config.ts')]) {
    hash.update(file.slice(ROOT.length)).update(await readFile(file));
  }
  const dir = join(CACHE, hash.digest('hex').slice(0, 16));
  if (await stat(join(dir, 'index.html')).catch(() => null)) return dir;
  await mkdir(CACHE, { recursive: true });
  const staging = await mkdtemp(join(CACHE, 'building-'));
  await build({
    configFile: join(ROOT, 'vite.config.ts'),
    logLevel: 'silent',
    build: { outDir: staging, emptyOutDir: true },
  });
  // Another fork may have finished first: its copy is the same build, so keep it and drop ours.
  await rename(staging, dir).catch(() => rm(staging, { recursive: true, force: true }));
  return dir;
}

/**
 * Start what a browser test walks through: a private PGlite database, the real app (built web
 * app included) listening on a free port, and Chromium. `deps` are passed to `buildApp`.
 */
export async function startBrowserApp(
  deps: Omit<AppDeps, 'db' | 'publicUrl' | 'webDir'>,
): Promise<BrowserApp> {
  const webDir = await builtWebApp();
  const db = await openTestDb('pglite');
  const port = await freePort();
  const base = `http://localhost:${port}`;
  const app = await buildApp({ ...deps, db, publicUrl: base, webDir });
  await app.listen({ port, host: '127.0.0.1' });
  const browser = await launchChromium();
  return {
    db,
    app,
    browser,
    base,
    async stop() {
      await browser.close();
      await app.close();
      await db.close();
    },
  };
}

/**
 * Inside a `describe`: `startBrowserApp(deps)` before the block's tests and `stop()` after them,
 * the per-file setup every browser test shares. The fields are filled in when the block starts,
 * so read them inside the tests, not at collection time.
 */
export function useBrowserApp(deps: Omit<AppDeps, 'db' | 'publicUrl' | 'webDir'>): BrowserApp {
  const running = {} as BrowserApp;
  beforeAll(async () => {
    Object.assign(running, await startBrowserApp(deps));
  }, WALK_TIMEOUT_MS);
  // When starting failed there is nothing to stop, and that failure is the one to report.
  afterAll(() => running.stop?.());
  return running;
}
