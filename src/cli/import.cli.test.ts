import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { atsExport } from '../../test/support/ats-csv.ts';
import { runHearback } from '../../test/support/hearback-process.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hb-import-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function hearback(args: string[]) {
  return runHearback(args, {
    cwd: dir,
    env: { DATA_DIR: join(dir, 'data'), DATABASE_URL: '' },
    timeoutMs: 120_000,
  });
}

describe('hearback import', () => {
  it('imports an ATS export on PGlite, lists the refused rows by line, writes them out, and a re-run creates nothing', async () => {
    const org = await hearback(['org', 'create', 'Acme Hiring', '--admin-email', 'ada@acme.test']);
    expect(org.code, org.stderr).toBe(0);
    const { id } = JSON.parse(org.stdout) as { id: string };
    const { csv, badLines } = atsExport(60, 3);
    await writeFile(join(dir, 'export.csv'), csv);

    const preview = await hearback(['import', 'export.csv', '--org', id, '--preview']);
    expect(preview.code, preview.stderr).toBe(0);
    expect(JSON.parse(preview.stdout)).toMatchObject({ mappingProblems: [] });

    const first = await hearback(['import', 'export.csv', '--org', id]);
    expect(first.code, first.stderr).toBe(1); // some rows were refused
    const run = JSON.parse(first.stdout) as { rowsImported: number; rowsRejected: number; created: object };
    expect(run).toMatchObject({ rowsImported: 57, rowsRejected: 3 });
    for (const line of badLines) expect(first.stderr).toContain(`line ${line}:`);
    expect(existsSync(join(dir, 'export.rejected.csv'))).toBe(true);
    expect((await readFile(join(dir, 'export.rejected.csv'), 'utf8')).trim().split('\n')).toHaveLength(4);

    const again = await hearback(['import', 'export.csv', '--org', id]);
    const rerun = JSON.parse(again.stdout) as { created: Record<string, number> };
    expect(Object.values(rerun.created).every((n) => n === 0)).toBe(true);

    const usage = await hearback(['import', 'export.csv', '--org', 'nope']);
    expect(usage.code).toBe(2);
  });
});
