import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  listClientDeclarationsPage,
  recordClientDeclaration,
  removeClientDeclaration,
} from '../../services/client-declaration.service.ts';
import type { ServiceDeps } from '../../services/deps.ts';
import { actorOf } from '../auth.ts';
import { routesOn } from './route-app.ts';
import {
  IdParamsSchema,
  IdSchema,
  LineSchema,
  LocalDateSchema,
  PageQuerySchema,
  ProseSchema,
  pageOf,
} from '../schemas.ts';

const ClientDeclarationSchema = z
  .object({
    id: IdSchema,
    candidateId: IdSchema,
    clientId: IdSchema,
    otherAgency: z.string(),
    submittedOn: z.string().nullable().describe('YYYY-MM-DD, when the candidate knows it.'),
    note: z.string(),
    recordedBy: IdSchema.describe('The member who recorded it.'),
    createdAt: z.date(),
  })
  .meta({ id: 'ClientDeclaration' });
const ClientDeclarationCreateSchema = z.strictObject({
  clientId: IdSchema,
  otherAgency: LineSchema(200).optional().describe('The agency that submitted them, if the candidate says.'),
  submittedOn: LocalDateSchema.optional().describe(
    "The day the other agency submitted them. Without it the declaration blocks for good; with it, for the client's ownership window from that day.",
  ),
  note: ProseSchema(1000).optional(),
});
const DeclarationParamsSchema = z.object({ id: IdSchema, declarationId: IdSchema });

/**
 * A candidate's declarations that another agency already submitted them to a client: a
 * submission to that client is refused with the declaration shown (issue #16, item 9).
 */
export function clientDeclarationsRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['agency'];
    const route = routesOn(app, tags);
    route('POST /candidates/:id/client-declarations', 'recordClientDeclaration', {
      summary:
        "Record the candidate's word that another agency already submitted them to a client; submissions to that client are refused with it (409)",
      schema: {
        params: IdParamsSchema,
        body: ClientDeclarationCreateSchema,
        response: { 201: ClientDeclarationSchema },
      },
      handler: async (req, reply) =>
        reply
          .code(201)
          .send(
            await recordClientDeclaration(deps, req.principal.orgId, req.params.id, req.body, actorOf(req)),
          ),
    });
    route('GET /candidates/:id/client-declarations', 'listClientDeclarations', {
      summary: "List a candidate's declarations of submissions by other agencies",
      schema: {
        params: IdParamsSchema,
        querystring: PageQuerySchema,
        response: { 200: pageOf(ClientDeclarationSchema) },
      },
      handler: (req) => listClientDeclarationsPage(deps, req.principal.orgId, req.params.id, req.query),
    });
    route('DELETE /candidates/:id/client-declarations/:declarationId', 'removeClientDeclaration', {
      summary: 'Remove a declaration recorded by mistake',
      schema: { params: DeclarationParamsSchema, response: { 204: z.null().describe('Removed.') } },
      handler: async (req, reply) => {
        await removeClientDeclaration(deps, req.principal.orgId, req.params.id, req.params.declarationId);
        return reply.code(204).send(null);
      },
    });
  };
}
