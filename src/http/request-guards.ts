import type { FastifyReply, FastifyRequest } from 'fastify';
import { problem, sendProblem } from './error-handler.ts';

const BODYLESS = new Set(['GET', 'HEAD', 'DELETE', 'OPTIONS']);

function hasBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * onRequest, app-wide: a body on GET, HEAD, DELETE or OPTIONS means nothing to Hearback, so it is
 * refused (400 `body_not_allowed`) rather than silently ignored — a client sending one has a bug.
 */
export async function refuseBodyWithoutMeaning(
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply | undefined> {
  if (!BODYLESS.has(request.method) || !hasBody(request)) return undefined;
  await sendProblem(reply, problem('body_not_allowed', `${request.method} takes no request body.`));
  return reply;
}

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/**
 * onRequest, /api/v1: a request body is JSON or nothing (415 `unsupported_media_type`), whatever
 * parsers Fastify would otherwise apply (it reads text/plain on its own).
 */
export async function requireJsonBody(
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply | undefined> {
  if (BODYLESS.has(request.method) || !hasBody(request)) return undefined;
  if (JSON_TYPE.test(request.headers['content-type'] ?? '')) return undefined;
  await sendProblem(reply, problem('unsupported_media_type', 'Send the request body as application/json.'));
  return reply;
}
