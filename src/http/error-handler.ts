import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, ErrorCode } from '../errors.ts';

/** An RFC 9457 problem document, with Hearback's stable `code`. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail: string;
  errors?: { path: string; message: string }[];
  [extra: string]: unknown;
}

const TITLES: Partial<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  408: 'Request Timeout',
  409: 'Conflict',
  413: 'Payload Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
};

/** Build a problem document for a code. */
export function problem(code: ErrorCode, detail: string, extra: Record<string, unknown> = {}): Problem {
  const status = ErrorCode[code];
  // Details come first so none of them can overwrite the problem's own fields.
  return {
    ...extra,
    type: `https://hearback.dev/problems/${code.replace(/_/g, '-')}`,
    title: TITLES[status] ?? 'Error',
    status,
    code,
    detail,
  };
}

/** Send a problem document. */
export function sendProblem(reply: FastifyReply, p: Problem): FastifyReply {
  return reply.code(p.status).type('application/problem+json').send(p);
}

// Fastify's own client errors, by its error codes.
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'validation_failed',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_TYPE: 'unsupported_media_type',
  FST_ERR_VALIDATION: 'validation_failed',
  FST_ERR_BAD_URL: 'malformed_request',
  FST_ERR_MAX_PARAM_LENGTH: 'uri_too_long',
  FST_ERR_ASYNC_CONSTRAINT: 'malformed_request',
};

/**
 * Fastify's `frameworkErrors`: failures found while routing, before any route runs (a badly
 * encoded URL, a path segment over `maxParamLength`), answered as problems like every other.
 */
export function handleFrameworkError(
  error: FastifyError,
  _request: FastifyRequest,
  reply: FastifyReply,
): void {
  const code = (error.code && FASTIFY_CODES[error.code]) || 'malformed_request';
  void sendProblem(reply, problem(code, error.message));
}

// Node's HTTP parser errors, by its codes (https://nodejs.org/api/http.html#event-clienterror).
const CLIENT_ERRORS: Record<string, ErrorCode> = {
  ERR_HTTP_REQUEST_TIMEOUT: 'request_timeout',
  HPE_HEADER_OVERFLOW: 'headers_too_large',
};

/**
 * Fastify's `clientErrorHandler`: a request Node could not parse (headers over 16 KiB, a broken
 * request line) is answered on the raw socket, still as a problem document with its code.
 */
export function handleClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const p = problem(
    CLIENT_ERRORS[error.code ?? ''] ?? 'malformed_request',
    'The HTTP request could not be read.',
  );
  const body = JSON.stringify(p);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${p.status} ${TITLES[p.status]}\r\nConnection: close\r\nContent-Type: application/problem+json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

/**
 * The one place where failures become HTTP: AppErrors by their code, validation failures as 400
 * with every issue listed, everything unexpected as a 500 whose details stay in the log.
 */
export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof AppError) {
    const retryAfter = error.details?.retryAfterSeconds;
    if (error.code === 'rate_limited' && typeof retryAfter === 'number')
      reply.header('retry-after', retryAfter);
    return sendProblem(reply, problem(error.code, error.message, error.details ?? {}));
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? 'request';
    // The library's issue type does not resolve under NodeNext; its shape is Fastify's documented one.
    const issues = error.validation as unknown as { instancePath: string; message?: string }[];
    const errors = issues.map((v) => ({
      path: `${where}${v.instancePath.replace(/\//g, '.')}`.replace(/\.+$/, ''),
      message: v.message ?? 'is invalid',
    }));
    const summary = errors.map((e) => `${e.path}: ${e.message}`).join('; ');
    return sendProblem(reply, problem('validation_failed', `Invalid ${where}: ${summary}`, { errors }));
  }
  const known = error.code ? FASTIFY_CODES[error.code] : undefined;
  if (known) return sendProblem(reply, problem(known, error.message));
  if (error.statusCode === 429) return sendProblem(reply, problem('rate_limited', error.message));
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return sendProblem(reply, problem('validation_failed', error.message));
  }
  request.log.error({ err: error }, 'unhandled error');
  return sendProblem(reply, problem('internal', 'Something went wrong on our side. It has been logged.'));
}
