/**
 * The web app's API client: the session cookie, plus the CSRF token on every change. `client` is
 * typed by web/src/api-schema.ts, generated from the app's OpenAPI document (`npm run api:types`).
 */
import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './api-schema.ts';

let csrfToken = '';

/** One failed field of a validation problem: its path (e.g. `policyOverrides.maxCheckIns`) and why. */
export interface FieldError {
  path: string;
  message: string;
}

/** An API error, with the problem document's code, detail and (for validation) the failed fields. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors: FieldError[] = [],
  ) {
    super(message);
  }
}

/**
 * A validation problem's messages by field, for showing each beside its input: the path's first
 * segment after `body.` and `under.`, e.g. `body.policyOverrides.escalation.1.to` → `escalation`
 * with `under` = `policyOverrides`. Empty for any other failure.
 */
export function fieldErrorsOf(e: unknown, under = ''): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(e instanceof ApiError)) return out;
  for (const fe of e.errors) {
    let path = fe.path.replace(/^body\.?/, '');
    if (under && (path === under || path.startsWith(`${under}.`))) path = path.slice(under.length + 1);
    const key = path.split('.')[0] ?? '';
    out[key] = out[key] ? `${out[key]}; ${fe.message}` : fe.message;
  }
  return out;
}

/** The message to show for a failed call: the problem's detail, or `fallback` for anything else. */
export function messageOf(e: unknown, fallback: string): string {
  return e instanceof ApiError ? e.message : fallback;
}

/** Remember the session's CSRF token (from sign-in or GET /auth/session). */
export function setCsrf(token: string): void {
  csrfToken = token;
}

/** A schema of the API by its OpenAPI name, e.g. `Schema<'Job'>`. */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];

type Ok<Op> = Op extends { responses: { 200: { content: { 'application/json': infer T } } } }
  ? T
  : Op extends { responses: { 201: { content: { 'application/json': infer T } } } }
    ? T
    : never;

/** The success body of an operation, e.g. `Answer<'/api/v1/templates/{key}/preview', 'post'>`. */
export type Answer<P extends keyof paths, M extends keyof paths[P]> = Ok<paths[P][M]>;

/** The JSON request body of an operation, e.g. `Body<'/api/v1/api-tokens', 'post'>`. */
export type Body<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer T } };
}
  ? T
  : never;

/** The ApiError for a failed response: the problem document's code, detail and failed fields. */
async function problemOf(res: Response): Promise<ApiError> {
  const data = (await res.json().catch(() => ({}))) as {
    code?: string;
    detail?: string;
    errors?: FieldError[];
  };
  return new ApiError(
    res.status,
    data.code ?? 'error',
    data.detail ?? `Request failed (${res.status})`,
    data.errors ?? [],
  );
}

// Every change carries the session's CSRF token; every failure becomes an ApiError.
const session: Middleware = {
  onRequest({ request }) {
    if (request.method !== 'GET') request.headers.set('x-csrf-token', csrfToken);
    return request;
  },
  async onResponse({ response }) {
    if (!response.ok) throw await problemOf(response);
    return undefined;
  },
};

/**
 * The typed API client: paths as the OpenAPI document names them (`/api/v1/...`). A failed call
 * rejects with ApiError, so `data` is the success body (undefined only for 204).
 */
export const client = createClient<paths>({ credentials: 'same-origin' });
client.use(session);

/** The body of a typed call that succeeded (a failed one has already thrown ApiError). */
export async function dataOf<T>(call: Promise<{ data?: T; response: Response }>): Promise<T> {
  const { data } = await call;
  return data as T;
}

/** The signed-in member's session (GET /auth/session, POST /auth/sign-in). */
export type Session = Schema<'Session'>;

/**
 * A follow-up as the lists answer it (GET /follow-ups): the row, its candidate, job, interview and
 * owner by name, and where it stands by the server's clock.
 */
export type FollowUp = Schema<'FollowUpView'>;

/**
 * Every item of a typed list, page after page: `page` asks for one page of `limit` items after
 * `cursor`, e.g. `(query) => client.GET('/api/v1/members', { params: { query } })`.
 */
export async function everyItem<T>(
  page: (query: { limit: number; cursor?: string }) => Promise<{
    data?: { items: T[]; nextCursor: string | null };
    response: Response;
  }>,
  pageSize = 200,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const data = await dataOf(page({ limit: pageSize, ...(cursor && { cursor }) }));
    items.push(...data.items);
    cursor = data.nextCursor ?? undefined;
  } while (cursor);
  return items;
}
