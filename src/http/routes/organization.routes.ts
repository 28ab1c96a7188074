import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { TOKEN_SCOPES } from '../../domain/permissions.ts';
import { PolicyPatchSchema, PolicyReplaceSchema, PolicySchema } from '../../domain/policy.ts';
import { listAuditPage } from '../../services/audit.service.ts';
import type { ServiceDeps } from '../../services/deps.ts';
import {
  createApiToken,
  getOrganization,
  listApiTokensPage,
  replacePolicy,
  revokeApiToken,
  updatePolicy,
} from '../../services/organization.service.ts';
import { actorOf } from '../auth.ts';
import { IdParamsSchema, IdSchema, LineSchema, NoBodySchema, PageQuerySchema, pageOf } from '../schemas.ts';
import { routesOn, type RouteApp } from './route-app.ts';

const PolicyResponseSchema = PolicySchema.meta({ id: 'Policy' });

const OrganizationSchema = z
  .object({ id: IdSchema, name: z.string(), policy: PolicyResponseSchema, createdAt: z.date() })
  .meta({ id: 'Organization' });

const ApiTokenSchema = z
  .object({
    id: IdSchema,
    name: z.string(),
    scopes: z.array(z.string()),
    memberId: IdSchema.describe('The member the token acts as: the one who created it.'),
    createdAt: z.date(),
    lastUsedAt: z.date().nullable(),
    revokedAt: z.date().nullable(),
  })
  .meta({ id: 'ApiToken' });

const AuditEntrySchema = z
  .object({
    id: IdSchema,
    at: z.date(),
    actorType: z
      .enum(['member', 'api_token', 'system', 'anonymous'])
      .describe(
        "'member' for people and their tokens; 'api_token' only on entries older than tokens acting as members.",
      ),
    actorId: IdSchema.nullable().describe(
      'The member who acted (null for the system or someone not signed in).',
    ),
    apiTokenId: IdSchema.nullable().describe('The API token the member acted through; null for a session.'),
    action: z.string(),
    targetType: z.string().nullable(),
    targetId: IdSchema.nullable(),
    data: z.record(z.string(), z.unknown()),
    ip: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry' });

const tags = ['organization'];

/** The caller's organization, its policy, its audit log and its API tokens. */
export function organizationRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    registerOrganizationPolicyRoutes(app, deps);
    registerAuditRoutes(app, deps);
    registerApiTokenRoutes(app, deps);
  };
}

/** Read the organization, and read or change its policy. */
function registerOrganizationPolicyRoutes(app: RouteApp, deps: ServiceDeps): void {
  const route = routesOn(app, tags);
  route('GET /organization', 'getOrganization', {
    summary: "The caller's organization",
    schema: { response: { 200: OrganizationSchema } },
    handler: (req) => getOrganization(deps, req.principal.orgId),
  });

  route('GET /policy', 'getPolicy', {
    summary: 'The follow-up policy',
    schema: { response: { 200: PolicyResponseSchema } },
    handler: async (req) => (await getOrganization(deps, req.principal.orgId)).policy,
  });

  route('PUT /policy', 'replacePolicy', {
    summary: 'Replace the follow-up policy: every field is required (to change a few, PATCH)',
    schema: { body: PolicyReplaceSchema, response: { 200: PolicyResponseSchema } },
    handler: async (req) => (await replacePolicy(deps, req.principal.orgId, req.body)).policy,
  });

  route('PATCH /policy', 'updatePolicy', {
    summary: 'Change some policy fields; the others keep their values (a given field is replaced whole)',
    schema: { body: PolicyPatchSchema, response: { 200: PolicyResponseSchema } },
    handler: async (req) => (await updatePolicy(deps, req.principal.orgId, req.body)).policy,
  });
}

/** The audit log. */
function registerAuditRoutes(app: RouteApp, deps: ServiceDeps): void {
  const route = routesOn(app, tags);
  route('GET /audit', 'listAuditEntries', {
    summary: 'The audit log, newest first',
    schema: {
      querystring: PageQuerySchema.extend({
        action: z
          .string()
          .regex(/^[a-z_]{1,100}$/, 'must be an action name such as api_token_created')
          .optional(),
      }).strict(),
      response: { 200: pageOf(AuditEntrySchema) },
    },
    handler: (req) => listAuditPage(deps, req.principal.orgId, req.query),
  });
}

/** Create, list and revoke API tokens. */
function registerApiTokenRoutes(app: RouteApp, deps: ServiceDeps): void {
  const route = routesOn(app, tags);
  route('POST /api-tokens', 'createApiToken', {
    summary:
      'Issue an API token that acts as you (shown once): it may do what its scopes and your role both allow',
    schema: {
      body: z.strictObject({
        name: LineSchema(100),
        scopes: z.array(z.enum(TOKEN_SCOPES)).min(1).default(['*']),
      }),
      response: {
        201: z.object({
          id: IdSchema,
          name: z.string(),
          scopes: z.array(z.string()),
          memberId: IdSchema,
          token: z.string(),
        }),
      },
    },
    handler: async (req, reply) => {
      const { token, record } = await createApiToken(deps, req.principal.orgId, req.body, actorOf(req));
      return reply.code(201).send({ ...record, token });
    },
  });

  route('GET /api-tokens', 'listApiTokens', {
    summary: 'List API tokens, newest first, revoked ones included (never the token itself)',
    schema: { querystring: PageQuerySchema, response: { 200: pageOf(ApiTokenSchema) } },
    handler: (req) => listApiTokensPage(deps, req.principal.orgId, req.query),
  });

  route('POST /api-tokens/:id/revoke', 'revokeApiToken', {
    summary: 'Revoke an API token: it stops working within five seconds',
    schema: { params: IdParamsSchema, body: NoBodySchema, response: { 200: ApiTokenSchema } },
    handler: (req) => revokeApiToken(deps, req.principal.orgId, req.params.id),
  });
}
