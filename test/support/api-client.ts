import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Db } from '../../src/db/db.ts';
import { buildApp, type AppDeps } from '../../src/http/app.ts';
import type { ServiceDeps } from '../../src/services/deps.ts';
import { openTestDb, type Backend } from './db.ts';
import { buildOrganization } from './factories.ts';

/** A JSON answer as tests read it: untyped, like the API tests' own `res.json()`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests reach into answers without declaring each shape
export type Json = Record<string, any>;

/** One JSON request through the real app as the organization's admin (its API token). */
export type ApiCall = (
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  body?: unknown,
) => Promise<{ status: number; body: Json }>;

/** An `ApiCall` with `Authorization: Bearer <token>`; an empty answer (204) reads as `{}`. */
export function bearerApi(app: FastifyInstance, token: string): ApiCall {
  return async (method, url, body) => {
    const res = await app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(body !== undefined && { payload: body as object }),
    });
    return { status: res.statusCode, body: res.body ? res.json<Json>() : {} };
  };
}

/**
 * A new agency for one test: an organization on New York time without holidays, and `api` acting
 * as its admin — the preamble the agency API tests share.
 */
export async function newAgencyApi(
  app: FastifyInstance,
  deps: ServiceDeps,
): Promise<{ orgId: string; api: ApiCall }> {
  const { organization, apiToken } = await buildOrganization(deps, {
    policy: { timeZone: 'America/New_York', holidays: null },
  });
  return { orgId: organization.id, api: bearerApi(app, apiToken) };
}

/** What `submitOverApi` adds to the defaults of each request it makes. */
export interface SubmissionTerms {
  client: object;
  contact?: object;
  job?: object;
  pitch: string;
}

/**
 * Through the API: client Northwind (with `terms.client`), its contact Dana Cole as the hiring
 * authority of an Account Executive job order, and Jo Rivera submitted to it with consent — where
 * the agency API tests start. Answers the client as created and the submission's id.
 */
export async function submitOverApi(
  api: ApiCall,
  terms: SubmissionTerms,
): Promise<{ client: Json; submissionId: string }> {
  const client = await api('POST', '/api/v1/clients', { name: 'Northwind', ...terms.client });
  const clientId = client.body.id as string;
  const contact = await api('POST', `/api/v1/clients/${clientId}/contacts`, {
    name: 'Dana Cole',
    ...terms.contact,
  });
  const job = await api('POST', `/api/v1/clients/${clientId}/job-orders`, {
    title: 'Account Executive',
    hiringAuthorityId: contact.body.id as string,
    ...terms.job,
  });
  const candidate = await api('POST', '/api/v1/candidates', { name: 'Jo Rivera', email: 'jo@example.test' });
  const submission = await api('POST', '/api/v1/submissions', {
    jobId: job.body.id as string,
    candidateId: candidate.body.id as string,
    pitch: terms.pitch,
    consent: true,
  });
  expect(submission.status).toBe(201);
  return { client: client.body, submissionId: (submission.body.submission as Json).id as string };
}

/** The real app on its own test database, as an API test file drives it in-process. */
export interface ApiApp {
  db: Db;
  app: FastifyInstance;
}

/**
 * Inside a `describe`: a fresh `backend` database and the app on it (`deps` go to `buildApp`)
 * before the block's tests, both closed after them. The fields are filled in when the block
 * starts, so read them inside the tests, not at collection time.
 */
export function useApiApp(backend: Backend, deps: Omit<AppDeps, 'db'>): ApiApp {
  const running = {} as ApiApp;
  beforeAll(async () => {
    running.db = await openTestDb(backend);
    running.app = await buildApp({ ...deps, db: running.db });
  });
  afterAll(async () => {
    await running.app?.close();
    await running.db?.close();
  });
  return running;
}
