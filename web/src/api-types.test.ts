import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * One source of API types: a screen calls the API through the typed client in api.ts (types
 * generated from the OpenAPI document), never through a bare fetch or the untyped `api<T>()` with
 * a hand-written shape. The screens below still do and are being converted; the list only shrinks.
 */
const STILL_UNTYPED = new Set([
  'AgencyReportSection.tsx',
  'ClientView.tsx',
  'DebriefForms.tsx',
  'DeskClientLinks.tsx',
  'DeskCoverage.tsx',
  'DeskScreen.tsx',
  'FollowUpsScreen.tsx',
  'GlobalSearch.tsx',
  'InboxScreen.tsx',
  'PlacementPanel.tsx',
  'QueueBulkBar.tsx',
  'ScorecardsScreen.tsx',
  'TalentPoolScreen.tsx',
  'ToSendScreen.tsx',
  'WaitingOnMeScreen.tsx',
]);

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
  it('calls the API only through the typed client, outside the screens still being converted', () => {
    const offenders = sources
      .filter((s) => !STILL_UNTYPED.has(s.file))
      .map((s) => ({ file: s.file, calls: untypedCalls(s.text) }))
      .filter((s) => s.calls.length > 0);
    expect(offenders, 'use `client` and `Schema<…>` from api.ts (types from `npm run api:types`)').toEqual(
      [],
    );
  });

  it('lists as still untyped only screens that are (a converted screen leaves the list)', () => {
    const converted = sources.filter((s) => STILL_UNTYPED.has(s.file) && untypedCalls(s.text).length === 0);
    expect(converted.map((s) => s.file)).toEqual([]);
    const known = new Set(sources.map((s) => s.file));
    expect([...STILL_UNTYPED].filter((f) => !known.has(f))).toEqual([]);
  });
});
