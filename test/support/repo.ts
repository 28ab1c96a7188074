import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root folder. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A file of the repository, read as text (path relative to the root). */
export function readRepoFile(path: string): string {
  return readFileSync(join(REPO_ROOT, path), 'utf8');
}

/** Folders that are not the project's own files: installed, built, generated or local. */
function ignoredNames(): Set<string> {
  const names = new Set(['.git', 'node_modules']);
  for (const line of readRepoFile('.gitignore').split('\n')) {
    const name = line.trim().replace(/\/$/, '');
    if (name && !name.startsWith('#') && !/[*!/]/.test(name)) names.add(name);
  }
  return names;
}

/** Every file of the project (paths relative to the root, with `/`), skipping what .gitignore names. */
export function listRepoFiles(): string[] {
  const ignored = ignoredNames();
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (ignored.has(entry.name)) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.push(relative(REPO_ROOT, path).split('\\').join('/'));
    }
  };
  walk(REPO_ROOT);
  return files.sort();
}

/** The folders directly inside `dir` (relative to the root; '' for the root), skipping ignored ones. */
export function listRepoFolders(dir = ''): string[] {
  const ignored = ignoredNames();
  return readdirSync(join(REPO_ROOT, dir), { withFileTypes: true })
    .filter((e) => e.isDirectory() && !ignored.has(e.name))
    .map((e) => (dir ? `${dir}/${e.name}` : e.name))
    .sort();
}
