/**
 * What a checkout builds once (src/cli/web-build.ts, src/db/pglite-dir.ts):
 * - the web app into dist/web — `npm run build` always; with --if-changed (`npm ci` runs it as
 *   `prepare`) only when its sources changed since the last build;
 * - the template database for the installed PGlite version in dist/pglite-template/, so a first
 *   start copies a database instead of creating one (initdb) — made once per PGlite version;
 * - the compiled CLI and server in dist/server/ (bin/compiled-server.js), for the current src/.
 */
import { buildCompiledServer } from '../bin/compiled-server.js';
import { createPgliteTemplate } from '../src/db/pglite-dir.ts';
import { buildWeb } from '../src/cli/web-build.ts';

const ifChanged = process.argv.includes('--if-changed');
let started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
const web = await buildWeb({ force: !ifChanged });
if (web === 'built') console.log(`web app built into dist/web in ${seconds()} s`);
else if (web === 'fresh') console.log('web app: dist/web is up to date');
else console.log('web app: Vite is not installed (an install without dev dependencies?); not built');

started = performance.now();
const template = await createPgliteTemplate();
if (template === 'created') console.log(`PGlite template database created in ${seconds()} s`);
else if (template === 'exists') console.log('PGlite template database: up to date');
else console.log('PGlite template database: PGlite not found; new databases are created at first start');

started = performance.now();
const server = await buildCompiledServer();
if (server === 'built') console.log(`server compiled into dist/server in ${seconds()} s`);
else if (server === 'fresh') console.log('server: dist/server is up to date');
else console.log('server: esbuild is not installed; hearback runs from the TypeScript sources');
