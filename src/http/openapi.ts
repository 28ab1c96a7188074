/**
 * The OpenAPI document's finishing: every operation lists the problem responses it can give (with
 * the Problem schema under application/problem+json), and only components that are used stay in.
 * Done over the whole generated document, so a new route gets the same treatment without asking.
 */
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SIGNATURE_HEADER, WEBHOOK_EVENT_DATA, WEBHOOK_EVENTS } from '../domain/webhooks.ts';

type Json = Record<string, unknown>;

const TITLES: Record<number, string> = {
  400: 'Bad input: validation, malformed JSON, a body where none is taken, a forged cursor',
  401: 'Not signed in, or an unknown or revoked API token',
  403: 'Not allowed for your role or your token’s scopes, or a missing CSRF token',
  404: 'No such resource in your organization',
  409: 'The change conflicts with the resource’s state',
  413: 'The body is over 1 MiB',
  415: 'The body is not JSON',
  422: 'A reference names nothing in your organization, or the change is refused as it stands',
  429: 'Too many requests',
  502: 'An identity provider could not be reached',
};

const PROBLEM_REF = '#/components/schemas/Problem';
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

// Public operations with answers of their own (sign-in: wrong credentials, several organizations,
// passwords or links turned off for single sign-on; single sign-on's own refusals).
const PUBLIC_EXTRA: Record<string, number[]> = {
  signIn: [401, 403, 409],
  requestSignInLink: [403],
  acceptInvitation: [403],
  requestSsoSignIn: [404, 502],
  acceptSsoSignIn: [401, 403, 404, 502],
};

/** The problem statuses an operation can answer, from what it is (method, path, security, body). */
export function problemStatuses(method: string, path: string, operation: Json): number[] {
  const statuses = new Set([400]);
  const security = operation.security as unknown[] | undefined;
  const isPublic = Array.isArray(security) && security.length === 0;
  if (path.startsWith('/api/')) statuses.add(429);
  if (!isPublic) {
    statuses.add(401);
    statuses.add(403);
  } else {
    for (const s of PUBLIC_EXTRA[operation.operationId as string] ?? []) statuses.add(s);
  }
  if (path.includes('{')) statuses.add(404);
  if (!isPublic && method !== 'get') {
    statuses.add(409);
    statuses.add(422);
  }
  if (operation.requestBody) {
    statuses.add(413);
    statuses.add(415);
  }
  return [...statuses].sort();
}

/** Add the problem responses to every operation of `doc` (in place). */
function addProblemResponses(doc: Json): void {
  for (const [path, item] of Object.entries((doc.paths ?? {}) as Record<string, Json>)) {
    for (const method of METHODS) {
      const operation = item[method] as Json | undefined;
      if (!operation) continue;
      const responses = (operation.responses ?? {}) as Json;
      for (const status of problemStatuses(method, path, operation)) {
        responses[String(status)] ??= {
          description: TITLES[status],
          content: { 'application/problem+json': { schema: { $ref: PROBLEM_REF } } },
        };
      }
      operation.responses = responses;
    }
  }
}

/** Every `$ref` target under `node`. */
function refsIn(node: unknown, found: Set<string>): void {
  if (Array.isArray(node)) {
    for (const x of node) refsIn(x, found);
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') found.add(value);
      else refsIn(value, found);
    }
  }
}

/** Drop component schemas nothing refers to (zod registers input and output variants of each). */
function pruneUnusedSchemas(doc: Json): void {
  const components = (doc.components ?? {}) as Json;
  const schemas = (components.schemas ?? {}) as Record<string, unknown>;
  const used = new Set<string>();
  const pending: unknown[] = [doc.paths];
  while (pending.length > 0) {
    const found = new Set<string>();
    refsIn(pending.pop(), found);
    for (const ref of found) {
      const name = ref.replace('#/components/schemas/', '');
      if (ref.startsWith('#/components/schemas/') && !used.has(name) && name in schemas) {
        used.add(name);
        pending.push(schemas[name]);
      }
    }
  }
  components.schemas = Object.fromEntries(Object.entries(schemas).filter(([name]) => used.has(name)));
}

type TransformInput = Parameters<typeof jsonSchemaTransform>[0];

/**
 * The transform and transformObject for @fastify/swagger: zod's schemas and components, plus the
 * problem responses of every operation, optional bodies marked optional (an action that takes
 * nothing needs no `{}`), and no unused component.
 */
export function openApiTransforms() {
  const optionalBodies = new Set<string>();
  return {
    transform(input: TransformInput) {
      const body = (input.schema as { body?: unknown } | undefined)?.body;
      if (body instanceof z.ZodType && body.safeParse(undefined).success) {
        const methods = [input.route.method].flat().map((m) => String(m).toLowerCase());
        const path = input.url.replace(/:(\w+)/g, '{$1}');
        for (const method of methods) optionalBodies.add(`${method} ${path}`);
      }
      return jsonSchemaTransform(input);
    },
    transformObject(input: Parameters<typeof jsonSchemaTransformObject>[0]) {
      const doc = jsonSchemaTransformObject(input) as unknown as Json;
      for (const key of optionalBodies) {
        const [method, path] = key.split(' ') as [string, string];
        const operation = ((doc.paths as Record<string, Json> | undefined)?.[path]?.[method] ??
          null) as Json | null;
        const requestBody = operation?.requestBody as Json | undefined;
        if (requestBody) requestBody.required = false;
      }
      addProblemResponses(doc);
      pruneUnusedSchemas(doc);
      addWebhooks(doc);
      return doc as unknown as ReturnType<typeof jsonSchemaTransformObject>;
    },
  };
}

/** The signed headers every delivery carries (docs/API.md, "Webhooks (outgoing)"). */
const DELIVERY_HEADERS: [string, string][] = [
  [
    SIGNATURE_HEADER,
    "`t=<unix seconds>,v1=<hex HMAC-SHA256>` over `${t}.${body}` with the endpoint's secret.",
  ],
  ['Hearback-Event', 'The event type.'],
  ['Hearback-Event-Id', "The event's id: the same on retries and replays; de-duplicate on it."],
  ['Hearback-Delivery', "This delivery's id (a replay is a new delivery of the same event)."],
];

/**
 * OpenAPI 3.1 `webhooks`: one POST per event type Hearback sends to a registered endpoint, with
 * its signed headers and body, so a receiver can be generated from the same document as a client.
 */
function addWebhooks(doc: Json): void {
  const components = (doc.components ??= {}) as Json;
  const schemas = (components.schemas ??= {}) as Json;
  schemas.WebhookEvent = {
    type: 'object',
    description: 'What every delivery carries. Payloads name people by id and name, never an email or phone.',
    required: ['id', 'type', 'occurredAt', 'organizationId', 'data'],
    properties: {
      id: { type: 'string', description: "The event's id (also in Hearback-Event-Id)." },
      type: { type: 'string', enum: [...WEBHOOK_EVENTS] },
      occurredAt: { type: 'string', format: 'date-time' },
      organizationId: { type: 'string' },
      data: {
        type: 'object',
        description: '`application`, `candidate` and `job` (ids, names, status), and what the event adds.',
        additionalProperties: true,
      },
    },
  };
  doc.webhooks = Object.fromEntries(
    WEBHOOK_EVENTS.map((type) => [
      type,
      {
        post: {
          operationId: `on${type
            .split(/[._]/)
            .map((w) => w[0]!.toUpperCase() + w.slice(1))
            .join('')}`,
          summary: `${type}: ${WEBHOOK_EVENT_DATA[type]}`,
          security: [],
          parameters: DELIVERY_HEADERS.map(([name, description]) => ({
            name,
            in: 'header',
            required: true,
            description,
            schema: { type: 'string' },
          })),
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  allOf: [
                    { $ref: '#/components/schemas/WebhookEvent' },
                    { type: 'object', properties: { type: { const: type } } },
                  ],
                },
              },
            },
          },
          responses: {
            '2XX': { description: 'Received. Answer within WEBHOOK_TIMEOUT_MS.' },
            '4XX': { description: 'Retried (as is any answer but 2xx), 30 s doubling up to 6 h apart.' },
          },
        },
      },
    ]),
  );
}
