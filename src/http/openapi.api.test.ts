import { createConfig, lintFromString } from '@redocly/openapi-core';
import { SIGNATURE_HEADER, WEBHOOK_EVENTS } from '../domain/webhooks.ts';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import { ErrorCode } from '../errors.ts';
import { openTestDb } from '../../test/support/db.ts';
import { buildApp } from './app.ts';

type Json = Record<string, any>;
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

// Verbs an operationId may start with: what the operation does, then to what (listFollowUps).
const VERBS = [
  'accept',
  'assign',
  'cancel',
  'change',
  'check',
  'close',
  'create',
  'delete',
  'dismiss',
  'draft',
  'export',
  'get',
  'invite',
  'list',
  'log',
  'match',
  'preview',
  'record',
  'remove',
  'replace',
  'replay',
  'request',
  'reschedule',
  'reset',
  'revoke',
  'search',
  'send',
  'sign',
  'snooze',
  'submit',
  'undo',
  'update',
];
const VERB_NOUN = new RegExp(`^(?:${VERBS.join('|')})(?:[A-Z][a-z]+)+$`);

// Body properties that would name the actor; the actor is always who is authenticated.
const ACTOR_FIELDS = /^(memberId|authorId|decidedBy|interviewerId|actorId|createdBy|sentBy|userId|loggedBy)$/;

/**
 * The API's shape, read from its own OpenAPI document: every rule holds for every operation, so a
 * new route is checked the day it is added. And the document passes Redocly's recommended rules.
 */
describe('the OpenAPI document', () => {
  let db: Db;
  let app: FastifyInstance;
  let doc: Json;
  const operations: { method: string; path: string; op: Json }[] = [];

  beforeAll(async () => {
    db = await openTestDb('pglite');
    app = await buildApp({
      db,
      clock: new ManualClock('2026-12-01T15:00:00Z'),
      publicUrl: 'https://hire.acme.test',
      devMailbox: true,
    });
    doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json<Json>();
    for (const [path, item] of Object.entries(doc.paths as Record<string, Json>)) {
      for (const method of METHODS) if (item[method]) operations.push({ method, path, op: item[method] });
    }
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  const resolve = (schema: Json | undefined): Json | undefined => {
    let s = schema;
    while (s?.$ref) s = doc.components.schemas[String(s.$ref).replace('#/components/schemas/', '')];
    return s;
  };

  it('names its server and every operation with a unique verb-noun operationId', () => {
    expect(doc.servers).toEqual([{ url: 'https://hire.acme.test', description: 'This Hearback server' }]);
    expect(operations.length).toBeGreaterThan(60);
    const ids = operations.map((o) => o.op.operationId as string);
    for (const { method, path, op } of operations) {
      expect(op.operationId, `${method} ${path}`).toMatch(VERB_NOUN);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('documents the error responses of every operation with the Problem schema', () => {
    const problem = resolve({ $ref: '#/components/schemas/Problem' })!;
    expect(problem.required).toEqual(expect.arrayContaining(['type', 'title', 'status', 'code', 'detail']));
    for (const { method, path, op } of operations) {
      const errors = Object.keys(op.responses).filter((s) => /^4\d\d$/.test(s));
      expect(errors, `${method} ${path}`).toContain('400');
      if (!(op.security?.length === 0))
        expect(errors, `${method} ${path}`).toEqual(expect.arrayContaining(['401', '403']));
      if (path.includes('{')) expect(errors, `${method} ${path}`).toContain('404');
      for (const status of errors) {
        expect(op.responses[status].content, `${method} ${path} ${status}`).toEqual({
          'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
        });
      }
    }
  });

  it('answers every list as {items, nextCursor}, paged by limit and cursor, and no operation with a bare array', () => {
    let lists = 0;
    for (const { method, path, op } of operations) {
      const ok = Object.entries(op.responses as Record<string, Json>).find(([s]) => /^2\d\d$/.test(s))?.[1];
      const schema = resolve(ok?.content?.['application/json']?.schema);
      if (!schema) continue;
      expect(schema.type, `${method} ${path} answers a bare array`).not.toBe('array');
      if (!schema.properties?.items) continue;
      lists += 1;
      expect(schema.properties.items.type, `${method} ${path}`).toBe('array');
      expect(Object.keys(schema.properties).sort(), `${method} ${path}`).toEqual(['items', 'nextCursor']);
      expect(schema.required, `${method} ${path}`).toEqual(expect.arrayContaining(['items', 'nextCursor']));
      const query = (op.parameters ?? []).filter((p: Json) => p.in === 'query').map((p: Json) => p.name);
      expect(query, `${method} ${path}`).toEqual(expect.arrayContaining(['limit', 'cursor']));
    }
    // Every GET whose name says list is one of them.
    const named = operations.filter((o) => /^list/.test(o.op.operationId)).length;
    expect(lists).toBeGreaterThanOrEqual(named);
    expect(lists).toBeGreaterThanOrEqual(15);
  });

  it('takes the actor from authentication: no request body names it', () => {
    const walk = (schema: Json | undefined, where: string, seen = new Set<Json>()): void => {
      const s = resolve(schema);
      if (!s || seen.has(s)) return;
      seen.add(s);
      for (const [name, sub] of Object.entries((s.properties ?? {}) as Record<string, Json>)) {
        expect(name, `${where}.${name}`).not.toMatch(ACTOR_FIELDS);
        walk(sub, `${where}.${name}`, seen);
      }
      for (const key of ['items', 'additionalProperties'] as const)
        if (typeof s[key] === 'object') walk(s[key], where, seen);
      for (const key of ['anyOf', 'oneOf', 'allOf'] as const)
        for (const sub of s[key] ?? []) walk(sub, where, seen);
    };
    let bodies = 0;
    for (const { method, path, op } of operations) {
      const schema = op.requestBody?.content?.['application/json']?.schema;
      if (!schema) continue;
      bodies += 1;
      walk(schema, `${method} ${path} body`);
    }
    expect(bodies).toBeGreaterThan(25);
  });

  it('lists every error code in docs/API.md', async () => {
    const { readFile } = await import('node:fs/promises');
    const table = await readFile(new URL('../../docs/API.md', import.meta.url), 'utf8');
    for (const [code, status] of Object.entries(ErrorCode)) {
      expect(table, code).toMatch(new RegExp(`\\| \`${code}\`\\s+\\| ${status}\\s+\\|`));
    }
  });

  it('documents every webhook event Hearback sends, with its signed headers', () => {
    const webhooks = doc.webhooks as Record<string, { post: { parameters: { name: string }[] } }>;
    expect(Object.keys(webhooks).sort()).toEqual([...WEBHOOK_EVENTS].sort());
    for (const hook of Object.values(webhooks)) {
      expect(hook.post.parameters.map((p) => p.name)).toContain(SIGNATURE_HEADER);
    }
  });

  it("passes Redocly's recommended rules without errors or warnings", async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({
      source: JSON.stringify(doc),
      absoluteRef: 'openapi.json',
      config,
    });
    const errors = problems.filter((p) => p.severity === 'error');
    const warnings = problems.filter((p) => p.severity === 'warn');
    console.log(
      `Redocly recommended: ${errors.length} errors, ${warnings.length} warnings over ${operations.length} operations`,
    );
    expect(
      problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`),
    ).toEqual([]);
  });
});
