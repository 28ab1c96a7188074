#!/usr/bin/env node
// The `hearback` command. Runs the TypeScript sources directly through tsx, so a checkout needs
// no build step: `npm ci` and `npx hearback …` work at once.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
const code = await main(process.argv.slice(2));
process.exitCode = code;
// A command has finished: if something still holds the event loop (a connection that hangs),
// do not hang with it.
setTimeout(() => process.exit(code), 1_000).unref();
