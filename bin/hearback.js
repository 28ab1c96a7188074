#!/usr/bin/env node
// The `hearback` command. Runs the compiled bundle in dist/server/ when it matches the sources
// (`npm ci` and `npm run build` make it; `hearback serve` rebuilds it when src/ changed), and the
// TypeScript sources through tsx otherwise — so a checkout needs no build step to work, and
// HEARBACK_FROM_SOURCE=1 forces the sources.
import { buildCompiledServer, compiledEntry } from './compiled-server.js';

const argv = process.argv.slice(2);
let entry = process.env.HEARBACK_FROM_SOURCE ? null : await compiledEntry();
if (!entry && argv[0] === 'serve' && !process.env.HEARBACK_FROM_SOURCE) {
  // A long-running server is worth the half second: build for this start and the next ones.
  if ((await buildCompiledServer().catch(() => 'unavailable')) !== 'unavailable')
    entry = await compiledEntry();
}
let main;
if (entry) {
  ({ main } = await import(entry));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
const code = await main(argv);
process.exitCode = code;
// A command has finished: if something still holds the event loop (a connection that hangs),
// do not hang with it.
setTimeout(() => process.exit(code), 1_000).unref();
