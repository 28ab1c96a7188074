import { connect } from 'node:net';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import { ErrorCode } from '../errors.ts';
import { recordDecision } from '../services/decision.service.ts';
import { submitFeedback } from '../services/feedback.service.ts';
import { closeInterview, createInterview } from '../services/interview.service.ts';
import { draftOutcomeMessage } from '../services/message.service.ts';
import { createApiToken } from '../services/organization.service.ts';
import { backends, openTestDb } from '../../test/support/db.ts';
import { buildInterviewScenario, buildJob, buildMember } from '../../test/support/factories.ts';
import { buildApp } from './app.ts';

type Json = Record<string, any>;

/** Requests per operation (FUZZ_RUNS to change it; the total is printed). FUZZ_SEED varies the draw. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const identity = { from: { name: 'Acme', address: 'jobs@acme.test' }, domain: 'acme.test' };
const CODES = new Set(Object.keys(ErrorCode));

// ---- values that have broken servers: every one of them must be a 4xx, never a 5xx.
const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '%00',
  '\u0007bell',
  'line\r\nInjected: header',
  '\u2028',
  '\uD800',
  'x\uDFFFy',
  '\uDBFF\uDBFF',
  '\u202Eevil',
  '\uFFFD',
  '🙂'.repeat(50),
  "'; DROP TABLE candidates; --",
  '<script>alert(1)</script>',
  '{{ 7*7 }}{% include "/etc/passwd" %}',
  '../../etc/passwd',
  'null',
  'x'.repeat(5_000),
  'y'.repeat(200_001),
];
const NASTY_DATES = [
  '0000-01-01',
  '0000-01-01T00:00:00Z',
  '-000001-01-01T00:00:00Z',
  '+275760-09-13T00:00:00Z',
  '9999-12-31',
  '9999-12-31T23:59:59-12:00',
  '9000-12-31',
  '1969-12-31T23:59:59Z',
  '1970-01-01',
  '2026-02-30',
  '2026-13-01',
  '2026-12-01T25:00:00Z',
  '2026-12-01T15:00:00',
  '2026-12-01 15:00:00Z',
  '2026-12-01',
  '2026-12-01T15:00:00Z',
  '2027-06-30T09:30:00+05:30',
  'tomorrow',
  '1e20',
];
const GOOD_DATES = [
  '2026-12-04',
  '2026-12-04T17:00:00Z',
  '2026-11-30T09:30:00+05:30',
  '8999-12-31',
  '1970-01-01',
];
const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
const NASTY_CURSORS = [
  b64(['0000-01-01T00:00:00.000Z', '00000000-0000-0000-0000-000000000000']),
  b64(['2026-12-01T15:00:00.000Z', '------------------------------------']),
  b64(['+275760-09-13T00:00:00.000Z', crypto.randomUUID()]),
  b64(['2026-12-01T15:00:00.000Z', 'not-a-uuid']),
  b64(['offset', -1]),
  b64(['offset', 1e15]),
  b64(['offset', 1.5]),
  b64([1, 2]),
  b64({ key: 'x' }),
  b64('\u0000'),
  b64('{"a":'),
  'AAAA',
  '!!!',
  'x'.repeat(501),
];
const WRONG_TYPES: unknown[] = [
  0,
  -1,
  1.5,
  1e308,
  -1e308,
  true,
  false,
  null,
  [],
  [1, 'a'],
  {},
  { a: { b: 1 } },
];

const nastyString = fc.constantFrom(...NASTY_STRINGS);
const anyBad = fc.oneof(
  { weight: 3, arbitrary: nastyString },
  { weight: 2, arbitrary: fc.constantFrom(...NASTY_DATES) },
  { weight: 1, arbitrary: fc.constantFrom(...NASTY_CURSORS) },
  { weight: 1, arbitrary: fc.constantFrom(...WRONG_TYPES) },
);

/**
 * Percent-encode a string for a URL, lone surrogates included: they cannot be UTF-8, so they go
 * as the three bytes a careless encoder writes for them (%ED%A0%80), which servers must refuse.
 */
function enc(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return [...value]
      .map((ch) => {
        const c = ch.charCodeAt(0);
        if (ch.length === 1 && c >= 0xd800 && c <= 0xdfff) {
          const bytes = [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)];
          return bytes.map((b) => `%${b.toString(16).toUpperCase()}`).join('');
        }
        return encodeURIComponent(ch);
      })
      .join('');
  }
}

/** Real ids of the fixture, by what a path or a field names. */
type Ids = Record<string, string[]>;

function fieldIds(name: string, ids: Ids): string[] | null {
  const kind = name.replace(/Ids?$/, '');
  return ids[kind] ?? (/Id$|Ids$/.test(name) ? ids.member! : null);
}

/**
 * An arbitrary for a JSON schema: values that pass validation as far as a generator can tell
 * (real ids where a field names one), so that a request with one bad value put in by
 * {@link mutate} reaches the service and the database with it.
 */
function arbFor(schema: Json | undefined, doc: Json, ids: Ids, name = '', depth = 0): fc.Arbitrary<unknown> {
  let s = schema ?? {};
  while (s.$ref) s = doc.components.schemas[String(s.$ref).replace('#/components/schemas/', '')];
  if (depth > 4) return fc.constant(null);
  if (s.anyOf || s.oneOf) {
    return fc.oneof(...(s.anyOf ?? s.oneOf).map((x: Json) => arbFor(x, doc, ids, name, depth + 1)));
  }
  if (s.enum) return fc.constantFrom(...s.enum);
  if (s.const !== undefined) return fc.constant(s.const);
  const type = Array.isArray(s.type) ? s.type.find((t: string) => t !== 'null') : s.type;
  switch (type) {
    case 'string': {
      const real = fieldIds(name, ids);
      if (s.format === 'uuid') {
        return fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...(real ?? ids.member!)) }, fc.uuid());
      }
      if (s.format === 'email') return fc.oneof(fc.emailAddress(), fc.constant('UPPER@Example.TEST'));
      if (s.format === 'date-time' || s.format === 'date' || /At$|^from$|^to$|dueBefore|^at$/.test(name)) {
        return fc.constantFrom(...GOOD_DATES);
      }
      if (/timeZone/.test(name)) return fc.constantFrom('Europe/Berlin', 'UTC', 'America/New_York');
      if (s.pattern) return fc.constantFrom('09:00', '17:00', 'US', 'DE', 'BY', 'api_token_created');
      const min = s.minLength ?? 0;
      const max = Math.max(min, Math.min(s.maxLength ?? 300, 300));
      return fc.oneof(
        {
          weight: 4,
          arbitrary: fc.string({ minLength: Math.max(min, 1), maxLength: max, unit: 'grapheme-ascii' }),
        },
        fc.string({ minLength: Math.max(min, 1), maxLength: max, unit: 'grapheme' }),
        fc.constant('x'.repeat(Math.max(min, s.maxLength ?? 10_000))),
      );
    }
    case 'integer':
    case 'number':
      return fc.oneof(
        { weight: 3, arbitrary: fc.integer({ min: s.minimum ?? 0, max: s.maximum ?? 1000 }) },
        fc.constantFrom(s.minimum ?? -1, s.maximum ?? 2 ** 31),
      );
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(arbFor(s.items, doc, ids, name, depth + 1), {
        minLength: s.minItems ?? 0,
        maxLength: 3,
      });
    case 'object': {
      const props = Object.entries((s.properties ?? {}) as Record<string, Json>);
      if (props.length === 0) return fc.constant({});
      const required: string[] = s.required ?? [];
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, sub] of props) record[key] = arbFor(sub, doc, ids, key, depth + 1);
      return fc.record(record, { requiredKeys: required });
    }
    default:
      return fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.constant(null));
  }
}

/** Replace one leaf (or the whole value) with a bad one, add an unknown field, or leave it be. */
function mutate(value: unknown): fc.Arbitrary<unknown> {
  const leaves: string[][] = [];
  const walk = (v: unknown, path: string[]) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
    }
    leaves.push(path);
  };
  walk(value, []);
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant(value) },
    {
      weight: 6,
      arbitrary: fc.tuple(fc.constantFrom(...leaves), anyBad).map(([path, bad]) => {
        if (path.length === 0) return bad;
        const copy = structuredClone(value) as Json;
        let node = copy;
        for (const k of path.slice(0, -1)) node = node[k];
        node[path.at(-1)!] = bad;
        return copy;
      }),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom('extra', 'memberId', 'decidedBy', 'constructor')
        .map((k) =>
          value && typeof value === 'object' && !Array.isArray(value) ? { ...value, [k]: 'x' } : value,
        ),
    },
  );
}

interface Planned {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string;
}

/** Every way to call one operation badly (or well): path, query, body, content type. */
function requestsFor(method: string, path: string, op: Json, doc: Json, ids: Ids): fc.Arbitrary<Planned> {
  const pathIds = (): string[] => {
    if (path.includes('{key}')) return ['rejection', 'update', 'digest'];
    const resource = /\/api\/v1\/([a-z-]+)\/\{id\}/.exec(path)?.[1] ?? '';
    const kind =
      ({ 'follow-ups': 'followUp', 'api-tokens': 'apiToken' } as Record<string, string>)[resource] ??
      resource.replace(/s$/, '');
    return ids[kind] ?? ids.member!;
  };
  const segment = fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...pathIds()) },
    fc.uuid(),
    fc.constantFrom('not-an-id', '%00', '%E0%A4%A', '%', 'x'.repeat(101), '..', '%F0%9F%99%82', 'null'),
    nastyString.map((x) => enc(x.slice(0, 300))),
  );
  const params = ((op.parameters ?? []) as Json[]).filter((p) => p.in === 'query');
  const queryValue = (p: Json) =>
    fc.oneof(
      {
        weight: 3,
        arbitrary: arbFor(p.schema, doc, ids, p.name).map((v) =>
          typeof v === 'string' ? v : JSON.stringify(v),
        ),
      },
      {
        weight: 2,
        arbitrary: p.name === 'cursor' ? fc.constantFrom(...NASTY_CURSORS) : fc.constantFrom(...NASTY_DATES),
      },
      { weight: 2, arbitrary: nastyString },
    );
  const query = fc
    .tuple(
      fc.subarray(params),
      fc.boolean(), // an unknown parameter
      fc.boolean(), // a repeated parameter
    )
    .chain(([chosen, unknown, repeated]) =>
      fc
        .tuple(...chosen.map((p) => queryValue(p).map((v) => [p.name as string, v] as const)))
        .map((pairs) => {
          const all: (readonly [string, string])[] = [...pairs];
          if (unknown) all.push(['color', 'red']);
          if (repeated && pairs[0]) all.push(pairs[0]);
          return all.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
        }),
    );
  const bodySchema = op.requestBody?.content?.['application/json']?.schema;
  const body: fc.Arbitrary<{ payload?: string; type?: string }> = bodySchema
    ? fc.oneof(
        {
          weight: 8,
          arbitrary: arbFor(bodySchema, doc, ids)
            .chain(mutate)
            .map((v) => ({ payload: JSON.stringify(v), type: 'application/json' })),
        },
        fc.constantFrom(
          { payload: '{"a":', type: 'application/json' },
          { payload: '{"__proto__":{"x":1}}', type: 'application/json' },
          { payload: 'a=1&b=2', type: 'application/x-www-form-urlencoded' },
          { payload: 'plain words', type: 'text/plain' },
          { payload: '<job/>', type: 'application/xml' },
          { payload: '{}', type: 'application/json; charset=utf-16' },
          { payload: '{}', type: '' },
          { payload: undefined, type: undefined },
          { payload: JSON.stringify({ big: 'z'.repeat(1_100_000) }), type: 'application/json' },
        ),
      )
    : fc.oneof(
        { weight: 4, arbitrary: fc.constant({}) },
        fc.constantFrom(
          { payload: '{"x":1}', type: 'application/json' },
          { payload: 'stray', type: 'text/plain' },
          { payload: '{}', type: 'application/json' },
        ),
      );
  return fc.tuple(segment, query, body).map(([seg, q, b]) => {
    const url = path.replace(/\{(id|key)\}/, seg) + (q ? `?${q}` : '');
    const headers: Record<string, string> = {};
    if (b.type !== undefined && b.payload !== undefined && b.type !== '') headers['content-type'] = b.type;
    return {
      method: method.toUpperCase(),
      url,
      headers,
      ...(b.payload !== undefined && { payload: b.payload }),
    };
  });
}

/**
 * Issue #12.4: no bad input gets a 5xx. Every operation of /api/openapi.json (generated from the
 * document, so a new route is covered the day it is added) is called as an authenticated admin
 * with generated bad values in its path, query and body — NUL and control characters, lone
 * surrogates, huge strings, impossible dates, forged cursors, wrong types, unknown fields, wrong
 * content types, bodies on GET — one bad value at a time in otherwise valid requests with real
 * ids, so the calls reach the services and the database. Every answer is below 500, and every
 * 4xx is problem+json with a stable code.
 */
describe.each(backends)('fuzzing every operation on %s', (backend) => {
  let db: Db;
  let app: FastifyInstance;
  let token = '';
  let ids: Ids = {};
  const clock = new ManualClock('2026-12-01T15:00:00Z');

  beforeAll(async () => {
    db = await openTestDb(backend);
    // No rate limit: the point is thousands of requests from one address.
    app = await buildApp(
      { db, clock, identity, publicUrl: 'https://hire.acme.test', devMailbox: true },
      { rateLimitPerMinute: 1_000_000_000 },
    );
    const deps = { db, clock, identity };
    const s = await buildInterviewScenario(deps);
    const org = s.organization.id;
    token = s.apiToken; // acts as the organization's first admin
    const closed = await closeInterview(deps, org, s.interview.id, { statement: 'within 5 business days' });
    await submitFeedback(
      deps,
      org,
      s.interview.id,
      { recommendation: 'yes', ratings: { craft: 4 } },
      { memberId: s.manager.id },
    );
    const decision = await recordDecision(
      deps,
      org,
      s.application.id,
      { outcome: 'reject', reasons: ['Not yet'] },
      { memberId: s.manager.id },
    );
    const draft = await draftOutcomeMessage(
      deps,
      org,
      { applicationId: s.application.id },
      { memberId: s.recruiter.id },
    );
    const second = await createInterview(deps, org, {
      applicationId: s.application.id,
      title: 'Second',
      interviewerIds: [s.admin.id],
    });
    const spare = await buildMember(deps, org, { role: 'interviewer' });
    const spareJob = await buildJob(deps, org, { title: 'Spare' });
    const spareToken = await createApiToken(
      deps,
      org,
      { name: 'spare', scopes: ['read'] },
      { memberId: s.admin.id },
    );
    // The fuzzing admin never names itself, so no request can deactivate or demote it.
    ids = {
      member: [spare.id, s.recruiter.id, s.manager.id],
      owner: [s.recruiter.id, s.manager.id],
      hiringManager: [s.manager.id],
      recruiter: [s.recruiter.id],
      job: [s.job.id, spareJob.id],
      candidate: [s.candidate.id],
      application: [s.application.id],
      interview: [second.id, s.interview.id],
      followUp: [closed.followUp.id],
      decision: [decision.decision.id],
      message: [draft.id],
      apiToken: [spareToken.record.id],
      organization: [org],
    };
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it(
    'answers every operation below 500, and every 4xx as problem+json with a code',
    { timeout: 600_000 },
    async () => {
      const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json<Json>();
      const operations: { method: string; path: string; op: Json }[] = [];
      for (const [path, item] of Object.entries(doc.paths as Record<string, Json>)) {
        for (const method of ['get', 'put', 'post', 'delete', 'patch']) {
          if (item[method]) operations.push({ method, path, op: item[method] });
        }
      }
      // Reads first, then changes; what removes or ends things last, so the rest still finds its ids.
      const weight = (o: { method: string; path: string }) =>
        o.method === 'get'
          ? 0
          : /delete|close|revoke|cancel|send|sign-out|password/.test(`${o.method} ${o.path}`)
            ? 2
            : 1;
      operations.sort((a, b) => weight(a) - weight(b));

      let sent = 0;
      const byStatus = new Map<number, number>();
      const check = async (r: Planned) => {
        const res = await app.inject({
          method: r.method as 'GET',
          url: r.url,
          headers: { authorization: `Bearer ${token}`, ...r.headers },
          ...(r.payload !== undefined && { payload: r.payload }),
        });
        sent += 1;
        byStatus.set(res.statusCode, (byStatus.get(res.statusCode) ?? 0) + 1);
        const what = `${r.method} ${r.url.slice(0, 200)} ${JSON.stringify(r.headers)} ${(r.payload ?? '').slice(0, 300)} → ${res.statusCode} ${res.body.slice(0, 300)}`;
        expect(res.statusCode, what).toBeLessThan(500);
        if (res.statusCode >= 400) {
          expect(res.headers['content-type'], what).toMatch(/^application\/problem\+json/);
          const p = res.json<{ code: string; status: number }>();
          expect(CODES.has(p.code), what).toBe(true);
          expect(p.status, what).toBe(res.statusCode);
        }
      };
      for (const { method, path, op } of operations) {
        await fc.assert(fc.asyncProperty(requestsFor(method, path, op, doc, ids), check), {
          numRuns: RUNS,
          endOnFailure: true,
          seed: SEED,
        });
      }
      // Routes nobody declared, methods a route does not take, a path too long, a broken encoding.
      for (const r of [
        { method: 'GET', url: '/api/v1/nothing-here', headers: {} },
        {
          method: 'PUT',
          url: '/api/v1/jobs',
          headers: { 'content-type': 'application/json' },
          payload: '{}',
        },
        { method: 'GET', url: `/api/v1/jobs/${'j'.repeat(5_000)}`, headers: {} },
        { method: 'GET', url: '/api/v1/jobs/%E0%A4%A', headers: {} },
      ] as Planned[]) {
        await check(r);
      }
      const summary = [...byStatus.entries()]
        .sort(([a], [b]) => a - b)
        .map(([s, n]) => `${s}×${n}`)
        .join(' ');
      console.log(`fuzz (${backend}): ${sent} requests over ${operations.length} operations; ${summary}`);
      expect(sent).toBeGreaterThanOrEqual(operations.length * RUNS);
    },
  );

  it('answers what Node itself refuses (headers over 16 KiB, a broken request line) as problem+json', async () => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as { port: number };
    const raw = (request: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => socket.end(request));
        let data = '';
        socket.on('data', (chunk) => (data += chunk.toString('utf8')));
        socket.on('close', () => resolve(data));
        socket.on('error', reject);
      });
    const cases: [string, number, string][] = [
      [`GET /api/v1/jobs?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`, 431, 'headers_too_large'],
      [
        `GET /api/v1/jobs HTTP/1.1\r\nHost: x\r\nX-Big: ${'b'.repeat(20_000)}\r\n\r\n`,
        431,
        'headers_too_large',
      ],
      ['NOT A REQUEST\r\n\r\n', 400, 'malformed_request'],
      ['GET /api/v1/jobs HTTP/1.1\r\nHost: x\r\nBad Header Line\r\n\r\n', 400, 'malformed_request'],
    ];
    for (const [request, status, code] of cases) {
      const answer = await raw(request);
      const [head, body] = answer.split('\r\n\r\n');
      expect(head).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
      expect(head).toMatch(/content-type: application\/problem\+json/i);
      expect(JSON.parse(body!)).toMatchObject({ status, code });
    }
  });
});
