import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ServiceDeps } from '../services/deps.ts';
import {
  beginIdempotentRequest,
  finishIdempotentRequest,
  fingerprintRequest,
} from '../services/idempotency.service.ts';
import { problem, sendProblem } from './error-handler.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The Idempotency-Key this request holds, once claimed. */
    idempotencyKey?: string;
  }
}

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/**
 * `Idempotency-Key` on POSTs: the first request with a key runs and its response is stored; a
 * retry with the same key and body gets that response again (header `Idempotent-Replayed: true`);
 * the same key with another body is a 422; a retry while the first still runs is a 409.
 */
export function registerIdempotency(app: FastifyInstance, deps: ServiceDeps): void {
  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    const key = request.headers['idempotency-key'];
    if (request.method !== 'POST' || key === undefined || !request.principal) return;
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
      await sendProblem(
        reply,
        problem('validation_failed', 'Idempotency-Key must be 1–255 printable ASCII characters.'),
      );
      return reply;
    }
    const fingerprint = fingerprintRequest(request.method, request.url, request.body);
    const verdict = await beginIdempotentRequest(deps, request.principal.orgId, key, fingerprint);
    switch (verdict.action) {
      case 'proceed':
        request.idempotencyKey = key;
        return;
      case 'replay':
        // Sent as a string: the stored body is already serialized JSON and must not be re-validated.
        await reply
          .code(verdict.statusCode)
          .header('idempotent-replayed', 'true')
          .type(verdict.statusCode >= 400 ? 'application/problem+json' : 'application/json; charset=utf-8')
          .send(JSON.stringify(verdict.response));
        return reply;
      case 'reused':
        await sendProblem(
          reply,
          problem('idempotency_key_reused', 'This Idempotency-Key was used with a different request.'),
        );
        return reply;
      case 'in_progress':
        await sendProblem(
          reply,
          problem(
            'idempotency_in_progress',
            'A request with this Idempotency-Key is still running; retry shortly.',
          ),
        );
        return reply;
    }
  });

  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const key = request.idempotencyKey;
    if (!key) return payload;
    request.idempotencyKey = undefined;
    let body: unknown = null;
    if (typeof payload === 'string' && payload.length > 0) {
      try {
        body = JSON.parse(payload);
      } catch {
        body = payload;
      }
    }
    await finishIdempotentRequest(deps, request.principal.orgId, key, reply.statusCode, body);
    return payload;
  });
}
