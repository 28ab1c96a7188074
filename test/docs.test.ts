import { readdirSync } from 'node:fs';
import { posix } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../src/cli/main.ts';
import { ErrorCode } from '../src/errors.ts';
import { listRepoFiles, listRepoFolders, readRepoFile, REPO_ROOT } from './support/repo.ts';

// What the docs say that the code can confirm. Each check compares two sources of truth (the code
// and a document), never a list written here, so adding a code, a command or a folder only asks
// that the docs say so too.

const DOCS = ['README.md', 'docs/ARCHITECTURE.md', 'docs/API.md', 'BENCHMARKS.md', 'bench/README.md'];
const readme = readRepoFile('README.md');
const architecture = readRepoFile('docs/ARCHITECTURE.md');
const ciRun = readRepoFile('.ci/run');
const packageScripts = Object.keys((JSON.parse(readRepoFile('package.json')) as { scripts: object }).scripts);

/** The text of a markdown section: from its heading to the next heading of the same or a higher level. */
function section(markdown: string, heading: string): string {
  const level = /^#+/.exec(heading)![0].length;
  const start = markdown.split('\n').findIndex((line) => line.trim() === heading);
  if (start < 0) throw new Error(`no section "${heading}"`);
  const lines = markdown.split('\n').slice(start + 1);
  const end = lines.findIndex((line) => new RegExp(`^#{1,${level}} `).test(line));
  return lines.slice(0, end < 0 ? undefined : end).join('\n');
}

/** The cells of each body row of the markdown tables in `text` (header and rule rows left out). */
function tableRows(text: string): string[][] {
  return text
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|[\s|:-]+\|$/.test(line))
    .map((line) =>
      line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim()),
    )
    .slice(1);
}

/** Markdown without its fenced code blocks. */
function prose(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```/gm, '');
}

/** Shell lines of a script without comments. */
function commandsOf(script: string): string {
  return script
    .split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .join('\n');
}

/** The npm commands a text runs or names: `npm install`, `npm ci`, `npm test`, `npm run check` … */
function npmCommands(text: string): Set<string> {
  return new Set(
    [...text.matchAll(/\bnpm (install|ci|test|start|run [a-z][a-z0-9:-]*)\b/g)].map((m) => `npm ${m[1]}`),
  );
}

/** A path glob (`*` only) as a regular expression. */
function globToRegExp(glob: string): RegExp {
  return new RegExp(
    `^${glob
      .split('*')
      .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('[^/]*')}$`,
  );
}

describe('docs/API.md and src/errors.ts', () => {
  const rows = tableRows(section(readRepoFile('docs/API.md'), '## Errors'));
  const documented = new Map(
    rows
      .filter(([code]) => /^`[a-z_]+`$/.test(code!))
      .map(([code, status]) => [code!.slice(1, -1), Number(status)]),
  );

  it('documents every error code with its status', () => {
    const missing = Object.entries(ErrorCode)
      .filter(([code, status]) => documented.get(code) !== status)
      .map(([code, status]) => `${code} ${status}`);
    expect(missing, 'add these to the table in docs/API.md (code, status, when)').toEqual([]);
  });

  it('documents no code that the code does not have', () => {
    const unknown = [...documented.keys()].filter((code) => !(code in ErrorCode));
    expect(unknown, 'codes in docs/API.md that src/errors.ts does not define').toEqual([]);
  });
});

describe('docs/ARCHITECTURE.md and the folders', () => {
  const described = tableRows(section(architecture, '## Folders'))
    .map(([cell]) => /^`([^`]+)`$/.exec(cell!)?.[1])
    .filter((path): path is string => path !== undefined);

  it('names only folders and files that exist', () => {
    const files = listRepoFiles();
    const missing = described.filter(
      (path) => !files.some((f) => (path.endsWith('/') ? f.startsWith(path) : f === path)),
    );
    expect(missing).toEqual([]);
  });

  it('describes every top-level folder of the repository and of src/', () => {
    const undescribed = [...listRepoFolders(), ...listRepoFolders('src')].filter(
      (folder) => !described.some((path) => path === `${folder}/` || path.startsWith(`${folder}/`)),
    );
    expect(undescribed, 'add a row to the Folders table of docs/ARCHITECTURE.md').toEqual([]);
  });
});

describe('paths named in the docs', () => {
  const files = listRepoFiles();
  const topLevel = new Set(readdirSync(REPO_ROOT));
  const tracked = new Set(listRepoFolders());

  it('exist (a renamed or deleted file is renamed in the docs too)', () => {
    const missing: string[] = [];
    for (const doc of DOCS) {
      const text = prose(readRepoFile(doc));
      // Code spans name paths from the root; links are relative to the document.
      const named = [
        ...[...text.matchAll(/`([^`\s]+)`/g)].map((m) => ({ raw: m[1]!, path: m[1]!.replace(/^\.\//, '') })),
        ...[...text.matchAll(/\]\(([^)\s#]+)\)/g)]
          .filter((m) => !/^[a-z]+:/.test(m[1]!))
          .map((m) => ({ raw: m[1]!, path: posix.normalize(posix.join(posix.dirname(doc), m[1]!)) })),
      ];
      for (const { raw, path } of named) {
        const first = path.split('/')[0]!;
        if (!path.includes('/') || !topLevel.has(first) || !tracked.has(first)) continue; // not a project path
        const target = path.replace(/\/$/, '');
        const exists = target.includes('*')
          ? files.some((f) => globToRegExp(target).test(f))
          : files.some((f) => f === target || f.startsWith(`${target}/`));
        if (!exists) missing.push(`${doc}: ${raw}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('the README and the CLI', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** The commands `hearback --help` lists, by their first word. */
  async function cliCommands(): Promise<Set<string>> {
    let help = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      help += String(chunk);
      return true;
    });
    expect(await main(['--help'])).toBe(0);
    vi.restoreAllMocks();
    // The general help lists one command per line, two spaces in: "  org create     Create …".
    const list = help.slice(help.indexOf('Commands:'));
    return new Set([...list.matchAll(/^ {2}([a-z][a-z-]*)(?: [a-z-]+)?\s{2,}/gm)].map((m) => m[1]!));
  }

  /** `hearback …` as the README shows it: in code spans and in its shell examples. */
  const shown = [
    ...[...readme.matchAll(/`hearback ([^`]+)`/g)].map((m) => m[1]!),
    ...[...readme.matchAll(/^\$? ?npx hearback (.+)$/gm)].map((m) => m[1]!),
  ].map((usage) => usage.replace(/\\\|/g, '|'));

  it('shows only commands that exist', async () => {
    const commands = await cliCommands();
    expect(commands.size).toBeGreaterThan(3);
    const unknown = shown
      .map((usage) => usage.split(' ')[0]!)
      .filter((word) => !word.startsWith('-') && !commands.has(word));
    expect(unknown).toEqual([]);
  });

  it('lists every command in its CLI table', async () => {
    const table = tableRows(section(readme, '## The CLI')).map(([cell]) => cell!);
    const missing = [...(await cliCommands())].filter(
      (c) => !table.some((cell) => cell.startsWith(`\`hearback ${c}`)),
    );
    expect(missing, 'add a row to the table in the README section "The CLI"').toEqual([]);
  });

  it('shows only options the commands accept', () => {
    const cliSource = listRepoFiles()
      .filter((f) => f.startsWith('src/cli/') && f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .map(readRepoFile)
      .join('\n');
    const flags = new Set(
      shown.flatMap((usage) => [...usage.matchAll(/--([a-z][a-z-]*)/g)].map((m) => m[1]!)),
    );
    expect(flags.size).toBeGreaterThan(3);
    const unknown = [...flags].filter(
      (flag) =>
        !new RegExp(`['"]?\\b${flag}\\b['"]?: \\{ type:`).test(cliSource) &&
        !cliSource.includes(`'--${flag}'`),
    );
    expect(unknown).toEqual([]);
  });
});

describe('npm scripts and CI', () => {
  it('names only npm scripts that exist', () => {
    const missing = DOCS.flatMap((doc) =>
      [...npmCommands(readRepoFile(doc))]
        .filter((c) => c.startsWith('npm run ') || c === 'npm test' || c === 'npm start')
        .map((c) => c.replace(/^npm (run )?/, ''))
        .filter((script) => !packageScripts.includes(script))
        .map((script) => `${doc}: ${script}`),
    );
    expect(missing).toEqual([]);
  });

  it('runs in CI the test command the README gives', () => {
    const block = /```sh\n([\s\S]*?)```/.exec(section(readme, '## Test it'))![1]!;
    const inCi = npmCommands(commandsOf(ciRun));
    expect([...npmCommands(block)].filter((c) => !inCi.has(c))).toEqual([]);
  });

  it('describes .ci/run as it is in docs/ARCHITECTURE.md', () => {
    const row = tableRows(section(architecture, '## Folders')).find(([cell]) => cell === '`.ci/run`');
    expect(row, 'a `.ci/run` row in the Folders table').toBeDefined();
    const said = row![1]!;
    const done = commandsOf(ciRun);
    expect([...npmCommands(said)].sort(), 'the npm commands').toEqual([...npmCommands(done)].sort());
    expect(/chromium/i.test(said), 'installing Chromium').toBe(/apt-get install[^\n]*chromium/.test(done));
    expect(/PostgreSQL/.test(said), 'starting PostgreSQL').toBe(/start-postgres\.sh/.test(done));
  });
});

describe('.env.example and src/config.ts', () => {
  it('documents every variable the configuration reads', () => {
    const variables = [...readRepoFile('src/config.ts').matchAll(/^ {2}([A-Z][A-Z0-9_]+): z\b/gm)].map(
      (m) => m[1]!,
    );
    expect(variables.length).toBeGreaterThan(5);
    const example = readRepoFile('.env.example');
    const missing = variables.filter((v) => !new RegExp(`^#? ?${v}=`, 'm').test(example));
    expect(missing).toEqual([]);
  });
});
