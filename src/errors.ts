/**
 * Every error a user can meet has a stable code from this enum; `src/http/error-handler.ts` maps
 * each code to an HTTP status in one place. Codes are part of the public API: add, never rename.
 */
export const ErrorCode = {
  /** The request body, query or path failed validation (400). */
  validation_failed: 400,
  /** The body is not valid JSON (400). */
  malformed_json: 400,
  /** A cursor that this server did not issue (400). */
  invalid_cursor: 400,
  /** A request body on an operation that takes none: GET, HEAD, DELETE (400). */
  body_not_allowed: 400,
  /** The HTTP request itself is malformed: a broken request line or header, a badly encoded URL (400). */
  malformed_request: 400,
  /** Missing or wrong credentials (401). */
  unauthorized: 401,
  /** Sign-in failed: wrong email or password (401). */
  invalid_credentials: 401,
  /** A sign-in link or invitation that is unknown, used or expired (400). */
  invalid_token: 400,
  /** A cookie-authenticated change without the session's CSRF token (403). */
  csrf_failed: 403,
  /** Authenticated but not allowed (403). */
  forbidden: 403,
  /** No such resource in this organization (404) — also the answer for other tenants' ids. */
  not_found: 404,
  /** The resource exists but this change conflicts with its state (409). */
  conflict: 409,
  /** A candidate with this email is already in the organization; `candidateId` names them (409). */
  candidate_exists: 409,
  /** The change is not allowed in the resource's current state (409). */
  invalid_state: 409,
  /** A request with this Idempotency-Key is still being processed (409). */
  idempotency_in_progress: 409,
  /** The client took too long to send its request (408). */
  request_timeout: 408,
  /** The payload is too large (413). */
  payload_too_large: 413,
  /** A path segment is longer than any id Hearback issues (414). */
  uri_too_long: 414,
  /** The body is not JSON (415). */
  unsupported_media_type: 415,
  /** An Idempotency-Key was reused with a different request (422). */
  idempotency_key_reused: 422,
  /** A message has blocking findings (an error) and was sent without an override (422). */
  message_check_failed: 422,
  /** The credentials match accounts in several organizations; pass organizationId (409). */
  choose_organization: 409,
  /** A referenced entity (member, job, candidate …) does not exist in this organization (422). */
  invalid_reference: 422,
  /** A follow-up needs a named owner and none could be determined (422). */
  owner_required: 422,
  /** A snooze would run past the time a candidate was promised; tell them a new date first (409). */
  snooze_past_promise: 409,
  /** Something that may only be turned off with a reason was turned off without one (400). */
  reason_required: 400,
  /** A job's stage list names a stage twice (compared without case); `errors` points at each repeat (400). */
  duplicate_stage: 400,
  /** A job marked filled without naming who was hired (400). */
  hire_required: 400,
  /** Password sign-in is turned off for the account's organization: it signs in through its identity provider (403). */
  password_sign_in_disabled: 403,
  /** Emailed sign-in links are turned off for the address's organization: it signs in through its identity provider (403). */
  sign_in_link_disabled: 403,
  /** Turning passwords or sign-in links off now could lock everyone out: sign in through the provider first (409). */
  sign_in_lockout: 409,
  /** No organization signs in through an identity provider for this email's domain (404). */
  sso_not_configured: 404,
  /** The identity provider could not be reached or its discovery document is unusable (502). */
  sso_provider_unavailable: 502,
  /** The identity provider answered the sign-in with an error (the person cancelled, or was refused) (401). */
  sso_provider_refused: 401,
  /** The single sign-on state is unknown, used, expired or from another browser (400). */
  sso_state_invalid: 400,
  /** The provider's code or ID token was refused: wrong audience, expired, wrong nonce or issuer, bad signature (401). */
  sso_token_invalid: 401,
  /** The provider's email is unverified or outside the organization's allowed domains (403). */
  sso_email_not_allowed: 403,
  /** The member with this email is deactivated in the organization (403). */
  sso_member_deactivated: 403,
  /** No member has this email and the organization adds no one just in time (403). */
  sso_no_membership: 403,
  /** Too many requests (429). */
  rate_limited: 429,
  /** The request line and headers together are over the server's limit (16 KiB) (431). */
  headers_too_large: 431,
  /** Something failed on our side; details are in the server log, never in the response (500). */
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ErrorCode;

/** A failure a user or integrator can act on. Thrown by services; rendered as problem+json. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  /** The HTTP status for this error's code. */
  get status(): number {
    return ErrorCode[this.code];
  }
}

/** Error factories, so call sites read as sentences. */
export const errors = {
  notFound: (entity: string, id: string) => new AppError('not_found', `${entity} ${id} was not found.`),
  invalidReference: (field: string, entity: string, id: string) =>
    new AppError('invalid_reference', `${field}: ${entity} ${id} does not exist in this organization.`, {
      field,
    }),
  invalidState: (message: string, details?: Record<string, unknown>) =>
    new AppError('invalid_state', message, details),
  conflict: (message: string, details?: Record<string, unknown>) =>
    new AppError('conflict', message, details),
  validation: (message: string, details?: Record<string, unknown>) =>
    new AppError('validation_failed', message, details),
};
