import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { CONFIG_VARIABLES, ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('defaults to PGlite in ./data on port 3000', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.database).toEqual({ kind: 'pglite', dataDir: './data', sharedBuffers: '32MB' });
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.publicUrlExplicit).toBe(false);
  });

  it('builds links from PUBLIC_URL, else from the port (and a specific HOST)', () => {
    expect(loadConfig({ PORT: '4123' }).publicUrl).toBe('http://localhost:4123');
    expect(loadConfig({ PORT: '4123', HOST: '0.0.0.0' }).publicUrl).toBe('http://localhost:4123');
    expect(loadConfig({ PORT: '4123', HOST: '192.168.1.20' }).publicUrl).toBe('http://192.168.1.20:4123');
    const explicit = loadConfig({ PORT: '4123', PUBLIC_URL: 'https://hire.example.com/' });
    expect(explicit.publicUrl).toBe('https://hire.example.com');
    expect(explicit.publicUrlExplicit).toBe(true);
  });

  it('uses PostgreSQL when DATABASE_URL is set', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u:p@localhost:5432/hb', DATABASE_POOL_MAX: '4' });
    expect(config.database).toEqual({
      kind: 'postgres',
      url: 'postgres://u:p@localhost:5432/hb',
      poolMax: 4,
      prepare: true,
    });
    const unprepared = loadConfig({
      DATABASE_URL: 'postgres://u:p@localhost:5432/hb',
      DATABASE_PREPARED_STATEMENTS: 'off',
    });
    expect(unprepared.database).toMatchObject({ kind: 'postgres', prepare: false });
    expect(() => loadConfig({ DATABASE_PREPARED_STATEMENTS: 'maybe' })).toThrow(
      /DATABASE_PREPARED_STATEMENTS/,
    );
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).database.kind).toBe('pglite');
  });

  it('reports every problem at once', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud', PUBLIC_URL: 'ftp://x' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      for (const name of ['PORT', 'DATABASE_URL', 'LOG_LEVEL', 'PUBLIC_URL'])
        expect(problems).toContain(name);
      // One line, so the CLI's "one-line errors" hold for configuration too.
      expect((error as ConfigError).message).not.toContain('\n');
    }
  });

  it('trusts no proxy by default, and only addresses or ranges when TRUST_PROXY names them', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8,2001:db8::1' }).trustProxy).toEqual([
      'loopback',
      '10.0.0.0/8',
      '2001:db8::1',
    ]);
    for (const bad of ['true', '*', '10.0.0.0/33', 'proxy.example.com', '10.0.0.1/8/1', '2']) {
      expect(() => loadConfig({ TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY/);
    }
  });

  it('documents every variable in .env.example', () => {
    const example = readFileSync(new URL('../.env.example', import.meta.url), 'utf8');
    const documented = new Set([...example.matchAll(/^#? ?([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));
    expect(CONFIG_VARIABLES.filter((v) => !documented.has(v))).toEqual([]);
  });
});
