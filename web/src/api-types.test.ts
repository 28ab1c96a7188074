import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * One source of API types: a screen calls the API through the typed client in api.ts (types
 * generated from the OpenAPI document), never through a bare fetch or the untyped `api<T>()` with
 * a hand-written shape; and api.ts offers no untyped way to.
 */

const dir = new URL('./', import.meta.url);
const sources = readdirSync(dir)
  .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.test.ts') && f !== 'api.ts' && f !== 'api-schema.ts')
  .map((f) => ({ file: f, text: readFileSync(new URL(f, dir), 'utf8') }));

/** The untyped ways to reach the API a file uses. */
function untypedCalls(text: string): string[] {
  const found: string[] = [];
  if (/\bapi(?:<[^(]*>)?\(/.test(text)) found.push('api<T>()');
  if (/\blistAll\b/.test(text)) found.push('listAll<T>()');
  if (/\bfetch\([^)]*\/api\//.test(text)) found.push('fetch(/api/…)');
  return found;
}

describe('web/src reaches the API through the generated types', () => {
  it('calls the API only through the typed client', () => {
    const offenders = sources
      .map((s) => ({ file: s.file, calls: untypedCalls(s.text) }))
      .filter((s) => s.calls.length > 0);
    expect(offenders, 'use `client` and `Schema<…>` from api.ts (types from `npm run api:types`)').toEqual(
      [],
    );
  });

  it('offers no untyped call or hand-written page shape in api.ts', () => {
    const api = readFileSync(new URL('api.ts', dir), 'utf8');
    expect(api).not.toMatch(/export (async )?function (api|listAll)\b/);
    expect(api).not.toMatch(/export interface (Page|FollowUp)\b/);
  });
});
