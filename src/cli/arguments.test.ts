import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseEmail, parseHolidays, parseId, parseInstant, parseTimeZone } from './arguments.ts';
import { main } from './main.ts';
import { parseCommandLine, parseText, parseWholeNumber, UsageError } from './usage.ts';

describe('parseInstant', () => {
  it.each([
    ['2026-12-01T16:00:00Z', '2026-12-01T16:00:00.000Z'],
    ['2026-12-01T16:00Z', '2026-12-01T16:00:00.000Z'],
    ['2026-12-01T17:00:00+01:00', '2026-12-01T16:00:00.000Z'],
    ['2026-12-01T11:00:00.250-0500', '2026-12-01T16:00:00.250Z'],
    ['2028-02-29T12:00:00Z', '2028-02-29T12:00:00.000Z'],
  ])('accepts %s', (value, iso) => {
    expect(parseInstant('at', value).toISOString()).toBe(iso);
  });

  it.each([
    ['2026-02-30T10:00:00Z', /not a real date/], // JavaScript's Date would give March 2
    ['2026-02-29T10:00:00Z', /not a real date/], // not a leap year
    ['2026-04-31T10:00:00Z', /not a real date/],
    ['2026-13-01T10:00:00Z', /not a real date/],
    ['2026-12-01T24:00:00Z', /not a real date/],
    ['2026-12-01T10:60:00Z', /not a real date/],
    ['2026-12-01T10:00:60Z', /not a real date/],
    ['0000-01-01T00:00:00Z', /between 1970 and 2999/],
    ['9999-12-30T10:00:00Z', /between 1970 and 2999/],
    ['2026-12-01', /ISO 8601/],
    ['2026-12-01T10:00:00', /ISO 8601/], // no zone: ambiguous
    ['yesterday', /ISO 8601/],
    ['', /ISO 8601/],
    ['2026-12-01T10:00:00Z\n', /ISO 8601/],
  ])('refuses %j with one line', (value, message) => {
    const error = (() => {
      try {
        parseInstant('at', value);
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toMatch(/^--at/);
    expect((error as Error).message).not.toMatch(/\n/);
  });

  it('says it is required when missing', () => {
    expect(() => parseInstant('at', undefined)).toThrow(/--at is required/);
  });
});

describe('the other argument parsers', () => {
  it('parses whole numbers strictly', () => {
    expect(parseWholeNumber('default-days', '5', 1, 60)).toBe(5);
    for (const bad of ['0', '61', '1.5', '5abc', ' 5', '1e1', '0x10', '-3', '', '５']) {
      expect(() => parseWholeNumber('default-days', bad, 1, 60), bad).toThrow(UsageError);
    }
  });

  it('refuses control characters, lone surrogates, blank and over-long text', () => {
    expect(parseText('NAME', '  Acme Hiring  ', 200)).toBe('Acme Hiring');
    expect(parseText('NAME', 'Zürich 🚀', 200)).toBe('Zürich 🚀');
    for (const bad of ['', '   ', 'a\u0000b', 'a\nb', 'esc\u001b[31m', 'x\ud800y', 'a'.repeat(201)]) {
      expect(() => parseText('NAME', bad, 200), JSON.stringify(bad)).toThrow(UsageError);
    }
  });

  it('checks emails, zones, holidays and ids', async () => {
    expect(parseEmail('--admin-email', 'a@x.test')).toBe('a@x.test');
    expect(() => parseEmail('--admin-email', 'nope')).toThrow(/email address/);
    expect(parseTimeZone('tz', 'Europe/Berlin')).toBe('Europe/Berlin');
    expect(() => parseTimeZone('tz', 'Mars/Olympus')).toThrow(/IANA/);
    expect(await parseHolidays('de-by')).toEqual({ country: 'DE', region: 'BY' });
    expect(await parseHolidays(undefined)).toBeNull();
    await expect(parseHolidays('XX')).rejects.toThrow(/unknown country/);
    await expect(parseHolidays('Germany')).rejects.toThrow(/US or DE-BY/);
    expect(parseId('org', 'B7E6E0B2-1C1B-4C7E-9F5A-2D7A3C1E9B10')).toBe(
      'b7e6e0b2-1c1b-4c7e-9f5a-2d7a3c1e9b10',
    );
    expect(() => parseId('org', 'acme')).toThrow(/UUID/);
  });

  it('refuses an option given twice and unknown options, in one line', () => {
    const options = { at: { type: 'string' as const } };
    expect(() => parseCommandLine({ args: ['--at', 'a', '--at', 'b'], options, strict: true })).toThrow(
      '--at given more than once',
    );
    expect(() => parseCommandLine({ args: ['--what'], options, strict: true })).toThrow(UsageError);
  });
});

/**
 * The CLI's contract, in process: exit codes 0/1/2, one line on stderr for every refusal,
 * `--version`, and `--help` on every command. (cli.test.ts runs the real binary.)
 */
describe('main', () => {
  let out: string;
  let err: string;
  beforeEach(() => {
    out = '';
    err = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('prints the version', async () => {
    expect(await main(['--version'])).toBe(0);
    expect(out).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it.each([
    ['serve'],
    ['worker'],
    ['migrate'],
    ['org', 'create'],
    ['demo'],
    ['sign-in-link'],
    ['doctor'],
    ['promise'],
    ['check'],
  ])('has --help for %s', async (...command) => {
    expect(await main([...command, '--help'])).toBe(0);
    expect(out).toMatch(new RegExp(`^Usage: hearback ${command.join(' ')}\\b`));
    expect(err).toBe('');
    out = '';
    expect(await main(['help', ...command])).toBe(0);
    expect(out).toMatch(new RegExp(`^Usage: hearback ${command.join(' ')}\\b`));
  });

  it('lists every command in the general help', async () => {
    expect(await main(['--help'])).toBe(0);
    for (const name of [
      'serve',
      'worker',
      'migrate',
      'org create',
      'demo',
      'sign-in-link',
      'doctor',
      'promise',
      'check',
    ]) {
      expect(out).toContain(`  ${name} `);
    }
    expect(await main([])).toBe(2);
  });

  it.each([
    [['promise', 'soon', '--at', '2026-02-30T10:00:00Z', '--tz', 'UTC']],
    [['promise', 'soon', '--at', '0000-01-01T00:00:00Z', '--tz', 'UTC']],
    [['promise', 'soon', '--at', '2026-12-01T10:00:00Z', '--at', '2026-12-02T10:00:00Z', '--tz', 'UTC']],
    [['promise', 'soon', '--at', '2026-12-01T10:00:00Z', '--tz', 'UTC', '--default-days', '1.5']],
    [['promise', 'soon', '--at', '2026-12-01T10:00:00Z']],
    [['promise', '   ', '--at', '2026-12-01T10:00:00Z', '--tz', 'UTC']],
    [['org', 'create']],
    [['org', 'create', 'Acme', 'Hiring']],
    [['org', 'create', 'Acme\u0000']],
    [['org', 'create', 'Acme', '--time-zone', 'Mars/Olympus']],
    [['org', 'create', 'Acme', '--admin-name', 'Ada']],
    [['org', 'create', 'Acme', '--admin-email', 'nope']],
    [['org', 'delete', 'Acme']],
    [['sign-in-link']],
    [['sign-in-link', 'not-an-email']],
    [['sign-in-link', 'a@x.test', '--org', 'acme']],
    [['demo', 'extra']],
    [['migrate', '--force']],
    [['serve', '--services', 'web,mail']],
    [['frobnicate']],
  ])('refuses %j: exit 2, one line, nothing on stdout', async (args) => {
    expect(await main(args)).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(/^hearback: [^\n]+\n$/);
  });
});
