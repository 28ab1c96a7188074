import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project's root (the folder of Hearback's package.json), found by walking up from this
 * module: the same answer whether it runs from src/ through tsx or from a compiled bundle in
 * dist/server/<hash>/. Migrations, the web build and package.json are found from here.
 */
export const PROJECT_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));

function findRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'hearback') {
      return dir;
    }
    if (dirname(dir) === dir) throw new Error(`Hearback's package.json not found above ${start}`);
  }
}

/** Hearback's package.json. */
export function packageJson(): { version: string; engines: { node: string } } {
  return JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
    version: string;
    engines: { node: string };
  };
}
