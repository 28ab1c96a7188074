import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../clock.ts';
import { authenticateApiToken, type ApiPrincipal } from '../services/organization.service.ts';
import type { ServiceDeps } from '../services/deps.ts';
import { problem, sendProblem } from './error-handler.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated caller; set for every /api/v1 route. */
    principal: ApiPrincipal;
  }
}

/**
 * Counts failed authentications per client address in fixed windows. Tokens are 256-bit, so
 * guessing is hopeless anyway; this keeps a misconfigured client or a scanner from hammering the
 * token lookup. In-memory per process: good enough for a signal, not a distributed limit.
 */
export class FailureLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly maxFailures: number,
    private readonly windowMs: number,
  ) {}

  /** Whether this address has failed too often in the current window. */
  isBlocked(key: string): boolean {
    const w = this.windows.get(key);
    return !!w && this.clock.now().getTime() - w.start < this.windowMs && w.count >= this.maxFailures;
  }

  /** Record one failure. */
  fail(key: string): void {
    const now = this.clock.now().getTime();
    const w = this.windows.get(key);
    if (!w || now - w.start >= this.windowMs) {
      if (this.windows.size > 10_000) this.windows.clear(); // bounded memory under a flood of addresses
      this.windows.set(key, { start: now, count: 1 });
    } else {
      w.count += 1;
    }
  }
}

/** An onRequest hook that authenticates `Authorization: Bearer <token>`. */
export function bearerAuth(deps: ServiceDeps, limiter: FailureLimiter) {
  return async function authenticate(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    if (limiter.isBlocked(request.ip)) {
      await sendProblem(reply, problem('rate_limited', 'Too many failed authentications; wait a minute.'));
      return;
    }
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const principal = match ? await authenticateApiToken(deps, match[1]!) : null;
    if (!principal) {
      limiter.fail(request.ip);
      reply.header('www-authenticate', 'Bearer realm="hearback"');
      await sendProblem(
        reply,
        problem(
          'unauthorized',
          match ? 'The API token is invalid or revoked.' : 'Send Authorization: Bearer <API token>.',
        ),
      );
      return;
    }
    request.principal = principal;
  };
}
