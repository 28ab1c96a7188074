import { checkMessage, type CheckKind } from '../domain/message-check/index.ts';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEARBACK_BIN as BIN, hearbackEnv, runHearback } from '../../test/support/hearback-process.ts';

let cwd: string;
beforeAll(async () => {
  // A directory of its own: the checkout's .env (if a developer has one) must not be read.
  cwd = await mkdtemp(join(tmpdir(), 'hb-cli-cwd-'));
});
afterAll(async () => {
  await rm(cwd, { recursive: true, force: true });
});

/** Run the real `hearback` binary; never throws, returns exit code and output. */
function hearback(args: string[], env: Record<string, string> = {}, dir?: string) {
  return runHearback(args, { cwd: dir ?? cwd, env, timeoutMs: 60_000 });
}

describe('hearback promise', () => {
  it('prints exactly one JSON object with the due time in the zone', async () => {
    const r = await hearback([
      'promise',
      "We'll get back to you within three business days",
      '--at',
      '2026-12-23T16:00:00Z',
      '--tz',
      'Europe/London',
      '--holidays',
      'GB',
    ]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      dueAt: '2026-12-30T17:00:00.000+00:00',
      dueDate: '2026-12-30',
      resolution: 'parsed',
      warnings: [],
    });
  });

  it('gives the offset of the zone and the policy default for vague statements', async () => {
    const r = await hearback([
      'promise',
      "We'll be in touch",
      '--at',
      '2026-12-01T15:00:00Z',
      '--tz',
      'America/New_York',
    ]);
    expect(JSON.parse(r.stdout)).toMatchObject({
      dueAt: '2026-12-08T17:00:00.000-05:00',
      dueDate: '2026-12-08',
      resolution: 'policy_default',
      warnings: ['vague'],
    });
  });

  it.each([
    [['promise', 'soon', '--tz', 'UTC']],
    [['promise', 'soon', '--at', 'yesterday', '--tz', 'UTC']],
    [['promise', 'soon', '--at', '2026-12-01T15:00:00Z', '--tz', 'Mars/Olympus']],
    [['promise', 'soon', '--at', '2026-12-01T15:00:00Z', '--tz', 'UTC', '--holidays', 'XX']],
    [['promise', '--at', '2026-12-01T15:00:00Z', '--tz', 'UTC']],
    [['promise', 'soon', '--at', '2026-12-01T15:00:00Z', '--tz', 'UTC', '--what']],
    [['frobnicate']],
    [['org']],
  ])('rejects bad arguments %j with one line and exit 2', async (args) => {
    const r = await hearback(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^hearback: /);
  });
});

describe('hearback check', () => {
  it('prints elements and findings for a file, exit 0', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hb-check-'));
    try {
      const file = join(dir, 'rejection.txt');
      await writeFile(
        file,
        "Hi Sam, thank you for interviewing. We won't be moving forward because the role needs hands-on Kubernetes " +
          'operations experience, which we did not see in the exercise. We recommend running a small cluster of your ' +
          'own; it would strengthen a future application. Best of luck, and let us stay in touch.',
      );
      const r = await hearback(['check', '--kind', 'rejection', file]);
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout) as { elements: Record<string, boolean>; findings: unknown[] };
      expect(out.elements).toEqual({
        not_selected: true,
        reason: true,
        recommendation: true,
        good_luck: true,
        stay_in_touch: true,
      });
      expect(out.findings).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reads stdin with -', async () => {
    const child = execFile(process.execPath, [BIN, 'check', '--kind', 'advance', '-'], {
      cwd,
      env: hearbackEnv({}),
    });
    child.stdin!.end('Great news! The next step is a panel interview.');
    const stdout = await new Promise<string>((resolve) => {
      let out = '';
      child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
      child.on('exit', () => resolve(out));
    });
    const out = JSON.parse(stdout) as {
      elements: Record<string, boolean>;
      findings: { code: string; severity: string }[];
    };
    expect(out.elements).toEqual({ next_steps: true, who: false, timeline: false });
    expect(out.findings.map((f) => f.code)).toContain('missing_timeline');
  });

  it.each([
    ['nudge', 'Hi Sarah, just checking in — any update on Priya?'],
    [
      'thank_you',
      'Thanks for the chat about the pricing migration! I have sent a box of chocolates to the office.',
    ],
    ['rejection', 'Hi Gary, we have decided to go with someone younger. All the best.'],
  ])('--kind %s answers exactly what the domain (and so the API) answers', async (kind, text) => {
    const dir = await mkdtemp(join(tmpdir(), 'hb-check-'));
    try {
      const file = join(dir, 'message.txt');
      await writeFile(file, text);
      const r = await hearback(['check', '--kind', kind, file]);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(checkMessage(kind as CheckKind, text))));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it.each([
    [['check', 'file.txt']],
    [['check', '--kind', 'poem', '-']],
    [['check', '--kind', 'rejection', '/no/such/file']],
  ])('rejects %j with exit 2', async (args) => {
    const r = await hearback(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^hearback: /);
  });
});

describe('hearback with a database', { timeout: 180_000 }, () => {
  it('org create prints the id and an API token; bad config is reported whole', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hb-cli-'));
    try {
      const r = await hearback(
        [
          'org',
          'create',
          'Acme Hiring',
          '--time-zone',
          'Europe/Berlin',
          '--holidays',
          'DE-BY',
          '--admin-email',
          'ada@acme.test',
        ],
        {
          DATA_DIR: dir,
          DATABASE_URL: '',
        },
      );
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout) as { id: string; apiToken: string; name: string };
      expect(out.name).toBe('Acme Hiring');
      expect(out.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(out.apiToken).toMatch(/^hb_[A-Za-z0-9_-]{43}$/);

      const withAdmin = await hearback(['org', 'create', 'Beta', '--admin-email', 'ada@beta.test'], {
        DATA_DIR: dir,
        DATABASE_URL: '',
        PUBLIC_URL: 'https://hire.beta.test',
      });
      expect(withAdmin.code).toBe(0);
      expect(JSON.parse(withAdmin.stdout)).toMatchObject({
        adminInviteUrl: expect.stringMatching(
          /^https:\/\/hire\.beta\.test\/auth\/invite\?token=[A-Za-z0-9_-]{43}$/,
        ),
      });
      expect(
        (await hearback(['org', 'create', 'Gamma', '--admin-email', 'nope'], { DATA_DIR: dir })).code,
      ).toBe(2);
      const noAdmin = await hearback(['org', 'create', 'Delta'], { DATA_DIR: dir });
      expect(noAdmin.code).toBe(2);
      expect(noAdmin.stderr).toContain('--admin-email is required');

      const bad = await hearback(['migrate'], { PORT: 'x', DATABASE_URL: 'mysql://nope' });
      expect(bad.code).toBe(2);
      expect(bad.stderr.trim().split('\n')).toHaveLength(1);
      expect(bad.stderr).toContain('PORT');
      expect(bad.stderr).toContain('DATABASE_URL');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('hearback and its environment', { timeout: 120_000 }, () => {
  it('prints its version', async () => {
    const r = await hearback(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('reads .env from the current directory; the environment wins; a missing .env is fine', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hb-dotenv-'));
    try {
      await writeFile(join(dir, '.env'), 'PORT=4555\nDATA_DIR=./from-dotenv\n# a comment\n');
      const fromFile = await hearback(['doctor'], {}, dir);
      expect(fromFile.stdout).toMatch(
        /configuration\s+PGlite in \.\/from-dotenv; links from http:\/\/localhost:4555; \.env read/,
      );
      const fromEnv = await hearback(['doctor'], { PORT: '4666' }, dir);
      expect(fromEnv.stdout).toContain('links from http://localhost:4666');
      // The doctor looks and changes nothing: no database was created.
      expect(existsSync(join(dir, 'from-dotenv'))).toBe(false);
      expect(fromEnv.stdout).toMatch(/warn\s+data directory\s+.*does not exist yet/);

      await writeFile(join(dir, '.env'), 'PORT=eighty\n');
      const broken = await hearback(['doctor'], {}, dir);
      expect(broken.code).toBe(2);
      expect(broken.stdout).toMatch(/FAIL\s+configuration\s+PORT/);

      const none = await hearback(['promise', 'soon', '--at', '2026-12-01T10:00:00Z', '--tz', 'UTC']);
      expect(none.code).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it.each([
    [['promise', 'soon', '--at', '2026-02-30T10:00:00Z', '--tz', 'UTC'], /not a real date/],
    [['promise', 'soon', '--at', '0000-01-01T00:00:00Z', '--tz', 'UTC'], /between 1970 and 2999/],
  ])('refuses %j from the real binary: exit 2, one line', async (args, message) => {
    const r = await hearback(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^hearback: [^\n]+\n$/);
    expect(r.stderr).toMatch(message);
  });
});
