import '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { z } from 'zod';
import type { Clock } from '../clock.ts';
import { withViewer } from '../db/db.ts';
import { roleAllows, scopesAllow } from '../domain/permissions.ts';
import type { MemberRole } from '../domain/model.ts';
import { authenticateSession, csrfTokenFor, type SessionPolicy } from '../services/auth.service.ts';
import type { Actor, ServiceDeps } from '../services/deps.ts';
import { authenticateApiToken } from '../services/organization.service.ts';
import { problem, sendProblem } from './error-handler.ts';
import { ROUTE_PERMISSIONS } from './route-permissions.ts';

/**
 * The caller of an API request: always a member, signed in or acting through one of their API
 * tokens (whose scopes narrow what the member's role allows).
 */
export type Principal =
  | {
      kind: 'api_token';
      orgId: string;
      memberId: string;
      role: MemberRole;
      tokenId: string;
      scopes: string[];
    }
  | { kind: 'member'; orgId: string; memberId: string; role: MemberRole; sessionId: string };

/** The member acting in a request, for the services: from authentication, never from the body. */
export function actorOf(request: FastifyRequest): Actor {
  return { memberId: request.principal.memberId };
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated caller; set on every non-public /api/v1 route. */
    principal: Principal;
  }
}

/** The session cookie. */
export const SESSION_COOKIE = 'hb_session';

/**
 * Counts events per key in fixed windows (failed authentications per address, sign-in attempts
 * per email …). In-memory per process: a guard against guessing, not a distributed quota.
 */
export class WindowLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  /** Whether `key` has reached its limit in the current window. */
  isBlocked(key: string): boolean {
    const w = this.windows.get(key);
    return !!w && this.clock.now().getTime() - w.start < this.windowMs && w.count >= this.max;
  }

  /** Count one event for `key`. */
  hit(key: string): void {
    const now = this.clock.now().getTime();
    const w = this.windows.get(key);
    if (!w || now - w.start >= this.windowMs) {
      if (this.windows.size > 10_000) this.windows.clear(); // bounded memory under a flood of keys
      this.windows.set(key, { start: now, count: 1 });
    } else {
      w.count += 1;
    }
  }

  /** Count one event and say whether the key is now over its limit. */
  take(key: string): boolean {
    if (this.isBlocked(key)) return false;
    this.hit(key);
    return true;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function routeKey(method: string, url: string): string {
  return `${method} ${url}`;
}

/**
 * Refuse to start if any /api/v1 route lacks an entry in ROUTE_PERMISSIONS, and run every
 * handler on behalf of its caller (row-level security and the audit log read the viewer).
 */
export function guardRoutes(app: FastifyInstance): void {
  app.addHook('onRoute', (route: RouteOptions) => {
    if (!route.url.startsWith('/api/v1')) return;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD' || method === 'OPTIONS') continue;
      if (!(routeKey(method, route.url) in ROUTE_PERMISSIONS)) {
        throw new Error(`Route ${method} ${route.url} has no entry in ROUTE_PERMISSIONS`);
      }
    }
    // Strict everywhere: an operation that declares no query parameters takes none.
    route.schema = { ...route.schema, querystring: route.schema?.querystring ?? z.strictObject({}) };
    const handler = route.handler;
    route.handler = function guarded(this: FastifyInstance, request: FastifyRequest, reply: FastifyReply) {
      const p = request.principal as Principal | undefined;
      if (!p) return handler.call(this, request, reply);
      return withPrincipal(p, request.ip, () => handler.call(this, request, reply));
    };
  });
}

/** Run `fn` on behalf of `principal`: row-level security and the audit log see who acts. */
export function withPrincipal<T>(principal: Principal, ip: string, fn: () => T): T {
  return withViewer(
    {
      orgId: principal.orgId,
      memberId: principal.memberId,
      role: principal.role,
      apiTokenId: principal.kind === 'api_token' ? principal.tokenId : null,
      ip,
    },
    fn,
  );
}

/**
 * The onRequest hook of /api/v1: authenticate (bearer token or session cookie), check CSRF for
 * cookie-authenticated changes, then check the route's permission.
 */
export function authenticate(deps: ServiceDeps, sessionPolicy: SessionPolicy, failures: WindowLimiter) {
  return async function authenticateRequest(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const url = request.routeOptions.url;
    const required = url ? ROUTE_PERMISSIONS[routeKey(request.method, url)] : undefined;
    if (required === 'public' || required === undefined) return; // unknown routes fall through to 404
    if (failures.isBlocked(request.ip)) {
      await sendProblem(reply, problem('rate_limited', 'Too many failed authentications; wait a minute.'));
      return;
    }
    const principal = await identify(deps, request, sessionPolicy);
    if (!principal) {
      failures.hit(request.ip);
      reply.header('www-authenticate', 'Bearer realm="hearback"');
      await sendProblem(
        reply,
        problem('unauthorized', 'Sign in, or send Authorization: Bearer <API token>.'),
      );
      return;
    }
    if (principal.kind === 'member' && UNSAFE.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      const cookie = request.cookies[SESSION_COOKIE] ?? '';
      if (typeof sent !== 'string' || sent !== csrfTokenFor(cookie)) {
        await sendProblem(
          reply,
          problem('csrf_failed', 'Send the X-CSRF-Token of your session with every change.'),
        );
        return;
      }
    }
    if (required !== 'session') {
      // A token does what its scopes allow and its member's role allows, never more than either.
      const byRole = roleAllows(principal.role, required);
      const byScopes = principal.kind === 'member' || scopesAllow(principal.scopes, required);
      if (!byRole || !byScopes) {
        await sendProblem(
          reply,
          problem('forbidden', `Your ${byRole ? "token's scopes do" : 'role does'} not allow ${required}.`),
        );
        return;
      }
    } else if (principal.kind !== 'member') {
      await sendProblem(reply, problem('forbidden', 'This needs a signed-in member, not an API token.'));
      return;
    }
    request.principal = principal;
  };
}

/** The signed-in member behind a request's session cookie (pages outside /api/v1 that need one), or null. */
export async function sessionPrincipal(
  deps: ServiceDeps,
  request: FastifyRequest,
  sessionPolicy: SessionPolicy,
): Promise<Extract<Principal, { kind: 'member' }> | null> {
  const cookie = request.cookies[SESSION_COOKIE];
  if (!cookie) return null;
  const session = await authenticateSession(deps, cookie, sessionPolicy);
  return session
    ? {
        kind: 'member',
        orgId: session.member.orgId,
        memberId: session.member.id,
        role: session.member.role,
        sessionId: session.sessionId,
      }
    : null;
}

async function identify(
  deps: ServiceDeps,
  request: FastifyRequest,
  sessionPolicy: SessionPolicy,
): Promise<Principal | null> {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const token = match ? await authenticateApiToken(deps, match[1]!) : null;
    return token ? { kind: 'api_token', ...token } : null;
  }
  return sessionPrincipal(deps, request, sessionPolicy);
}
