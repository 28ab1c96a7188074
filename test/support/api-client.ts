import type { FastifyInstance } from 'fastify';
import type { ServiceDeps } from '../../src/services/deps.ts';
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
