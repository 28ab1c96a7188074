/**
 * Build the web app into dist/web: `npm run build` always; `npm start` and `npm ci` (prepare)
 * with --if-changed, which skips the build when dist/web matches the sources (src/cli/web-build.ts).
 */
import { buildWeb } from '../src/cli/web-build.ts';

const ifChanged = process.argv.includes('--if-changed');
const started = performance.now();
const result = await buildWeb({ force: !ifChanged });
const seconds = ((performance.now() - started) / 1000).toFixed(1);
if (result === 'built') console.log(`web app built into dist/web in ${seconds} s`);
else if (result === 'fresh') console.log('web app: dist/web is up to date');
else console.log('web app: Vite is not installed (an install without dev dependencies?); not built');
