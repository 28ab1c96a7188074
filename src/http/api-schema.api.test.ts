import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { API_SCHEMA_FILE, apiSchemaSource } from '../../scripts/api-types.ts';

/**
 * The web client's API types are generated from this app's OpenAPI document: a route whose schema
 * changed without regenerating them would let the web app compile against a shape the API no longer
 * answers.
 */
describe('web/src/api-schema.ts', () => {
  it('is what `npm run api:types` generates from the current OpenAPI document', async () => {
    const checkedIn = await readFile(API_SCHEMA_FILE, 'utf8');
    const generated = await apiSchemaSource();
    expect(
      checkedIn === generated,
      'web/src/api-schema.ts is stale: run `npm run api:types` and commit the file',
    ).toBe(true);
  }, 120_000);
});
