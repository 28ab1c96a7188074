import type { FastifyRequest } from 'fastify';

/**
 * Links carry bearer secrets — a sign-in link's or an invitation's `?token=`, a candidate's
 * status page `/s/<token>`, a client's answer page `/c/<token>` — and an access log is read by more people, and kept longer, than a
 * session. The log shows where a request went, never the secret in it.
 */
export function redactUrl(url: string): string {
  return url
    .replace(/([?&](?:token|code|key|password)=)[^&#]*/gi, '$1[redacted]')
    .replace(/^(\/[sc]\/)[A-Za-z0-9_-]{20,}/, '$1[redacted]');
}

/** Fastify's request serializer, with the URL redacted (same fields as Fastify's own). */
export function serializeRequest(req: FastifyRequest): Record<string, unknown> {
  return {
    method: req.method,
    url: redactUrl(req.url),
    host: req.host,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  };
}
