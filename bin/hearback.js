#!/usr/bin/env node
// The `hearback` command. Runs the TypeScript sources directly through tsx, so a checkout needs
// no build step: `npm install` and `npx hearback …` work at once.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
