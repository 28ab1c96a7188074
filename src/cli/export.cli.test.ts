import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { atsExport } from '../../test/support/ats-csv.ts';
import { freePort, runHearback, startHearback } from '../../test/support/hearback-process.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hb-export-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const env = () => ({ DATA_DIR: join(dir, 'data'), DATABASE_URL: '' });
function hearback(args: string[]) {
  return runHearback(args, { cwd: dir, env: env(), timeoutMs: 120_000 });
}

describe('hearback export', { timeout: 300_000 }, () => {
  it('writes a list as CSV and the organization as JSON on PGlite, alone and beside a running server', async () => {
    const org = await hearback(['org', 'create', 'Acme Hiring', '--admin-email', 'ada@acme.test']);
    expect(org.code, org.stderr).toBe(0);
    const { id, adminInviteUrl } = JSON.parse(org.stdout) as { id: string; adminInviteUrl: string };
    const { csv } = atsExport(12, 0);
    await writeFile(join(dir, 'ats.csv'), csv);
    const imported = await hearback(['import', 'ats.csv', '--org', id]);
    expect(imported.code, imported.stderr).toBe(0);

    // Alone: this process opens the directory.
    const list = await hearback(['export', '--org', id, '--list', 'candidates', '--out', 'candidates.csv']);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toBe('');
    expect(list.stderr).toMatch(/wrote candidates \(\d+ bytes\) to .*candidates\.csv/);
    const rows = parse<Record<string, string>>(await readFile(join(dir, 'candidates.csv'), 'utf8'), {
      columns: true,
    });
    expect(rows).toHaveLength(12);
    expect(Object.keys(rows[0]!)).toEqual([
      'id',
      'name',
      'email',
      'phone',
      'timeZone',
      'source',
      'createdAt',
      'updatedAt',
    ]);
    expect(existsSync(join(dir, 'candidates.csv.partial'))).toBe(false);

    const whole = await hearback(['export', '--org', id]);
    expect(whole.code, whole.stderr).toBe(0);
    const doc = JSON.parse(whole.stdout) as {
      organizationId: string;
      tables: Record<string, Record<string, unknown>[]>;
    };
    expect(doc.organizationId).toBe(id);
    expect(doc.tables.candidates).toHaveLength(12);
    expect(doc.tables.members!.map((m) => m.email)).toEqual(['ada@acme.test']);
    // The first admin's invitation went out by email: its link is masked in the export.
    const inviteToken = new URL(adminInviteUrl).searchParams.get('token')!;
    expect(whole.stdout).not.toContain(inviteToken);
    expect(doc.tables.members![0]).not.toHaveProperty('password_hash');

    // Beside a running server: the server, which owns the directory, writes the export.
    const port = await freePort();
    const server = startHearback(['serve'], { cwd: dir, env: { ...env(), PORT: String(port) } });
    try {
      await server.waitForOutput(/Hearback on http:\/\/localhost:\d+/, 120_000);
      const served = await hearback(['export', '--org', id, '--list', 'applications']);
      expect(served.code, served.stderr).toBe(0);
      expect(served.stderr).toContain('exported by the running server');
      const applications = parse<Record<string, string>>(served.stdout, { columns: true });
      expect(applications).toHaveLength(12);
      expect(applications[0]).toHaveProperty('candidateId');

      const audited = await hearback(['export', '--org', id, '--out', 'org.json']);
      expect(audited.code, audited.stderr).toBe(0);
      const again = JSON.parse(await readFile(join(dir, 'org.json'), 'utf8')) as {
        tables: { audit_log: { action: string; actor_type: string }[] };
      };
      // The first export was recorded, by the command line (no member acted).
      expect(again.tables.audit_log.filter((e) => e.action === 'organization_exported')).toEqual([
        expect.objectContaining({ actor_type: 'system' }),
        expect.objectContaining({ actor_type: 'system' }),
      ]);
    } finally {
      await server.stop();
    }

    const usage = await hearback(['export', '--org', id, '--list', 'everything']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--list must be one of');
    const unknown = await hearback([
      'export',
      '--org',
      '00000000-0000-4000-8000-000000000000',
      '--list',
      'jobs',
    ]);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('was not found');
  });
});
