import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { TOKEN_SCOPES } from '../../domain/permissions.ts';
import { PolicySchema } from '../../domain/policy.ts';
import type { ServiceDeps } from '../../services/deps.ts';
import {
  createApiToken,
  getOrganization,
  listApiTokens,
  revokeApiToken,
  updatePolicy,
} from '../../services/organization.service.ts';
import { listAuditPage } from '../../services/audit.service.ts';
import { IdParamsSchema, IdSchema, PageQuerySchema, pageOf } from '../schemas.ts';

const OrganizationSchema = z
  .object({ id: IdSchema, name: z.string(), policy: PolicySchema, createdAt: z.date() })
  .meta({ id: 'Organization' });

const ApiTokenSchema = z
  .object({
    id: IdSchema,
    name: z.string(),
    scopes: z.array(z.string()),
    createdAt: z.date(),
    lastUsedAt: z.date().nullable(),
    revokedAt: z.date().nullable(),
  })
  .meta({ id: 'ApiToken' });

const toApiToken = (t: z.infer<typeof ApiTokenSchema>) => ({
  id: t.id,
  name: t.name,
  scopes: t.scopes,
  createdAt: t.createdAt,
  lastUsedAt: t.lastUsedAt,
  revokedAt: t.revokedAt,
});

/** The caller's organization, its policy and its API tokens. */
export function organizationRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/organization',
      {
        schema: {
          tags: ['organization'],
          summary: "The caller's organization",
          response: { 200: OrganizationSchema },
        },
      },
      (req) => getOrganization(deps, req.principal.orgId),
    );

    app.get(
      '/policy',
      {
        schema: { tags: ['organization'], summary: 'The follow-up policy', response: { 200: PolicySchema } },
      },
      async (req) => (await getOrganization(deps, req.principal.orgId)).policy,
    );

    app.put(
      '/policy',
      {
        schema: {
          tags: ['organization'],
          summary: 'Replace the follow-up policy (fields left out take their defaults)',
          body: PolicySchema,
          response: { 200: PolicySchema },
        },
      },
      async (req) => (await updatePolicy(deps, req.principal.orgId, req.body)).policy,
    );

    app.get(
      '/audit',
      {
        schema: {
          tags: ['organization'],
          summary: 'The audit log, newest first',
          querystring: PageQuerySchema.extend({ action: z.string().max(100).optional() }).strict(),
          response: {
            200: pageOf(
              z.object({
                id: IdSchema,
                at: z.date(),
                actorType: z.string(),
                actorId: IdSchema.nullable(),
                action: z.string(),
                targetType: z.string().nullable(),
                targetId: IdSchema.nullable(),
                data: z.record(z.string(), z.unknown()),
                ip: z.string().nullable(),
              }),
            ),
          },
        },
      },
      (req) => listAuditPage(deps, req.principal.orgId, req.query),
    );

    app.post(
      '/api-tokens',
      {
        schema: {
          tags: ['organization'],
          summary: 'Issue an API token (shown once)',
          body: z.strictObject({
            name: z.string().trim().min(1).max(100),
            scopes: z.array(z.enum(TOKEN_SCOPES)).min(1).default(['*']),
          }),
          response: {
            201: z.object({ id: IdSchema, name: z.string(), scopes: z.array(z.string()), token: z.string() }),
          },
        },
      },
      async (req, reply) => {
        const { token, record } = await createApiToken(deps, req.principal.orgId, req.body);
        return reply.code(201).send({ id: record.id, name: record.name, scopes: record.scopes, token });
      },
    );

    app.get(
      '/api-tokens',
      {
        schema: {
          tags: ['organization'],
          summary: 'List API tokens, newest first, revoked ones included (never the token itself)',
          response: { 200: z.object({ items: z.array(ApiTokenSchema) }) },
        },
      },
      async (req) => ({ items: (await listApiTokens(deps, req.principal.orgId)).map(toApiToken) }),
    );

    app.post(
      '/api-tokens/:id/revoke',
      {
        schema: {
          tags: ['organization'],
          summary: 'Revoke an API token: it stops working within five seconds',
          params: IdParamsSchema,
          response: { 200: ApiTokenSchema },
        },
      },
      async (req) => toApiToken(await revokeApiToken(deps, req.principal.orgId, req.params.id)),
    );
  };
}
