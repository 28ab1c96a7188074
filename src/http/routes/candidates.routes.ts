import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  changeCandidate,
  createCandidate,
  deleteCandidate,
  getCandidate,
  listCandidatesPage,
} from '../../services/candidate.service.ts';
import type { ServiceDeps } from '../../services/deps.ts';
import { routesOn } from './route-app.ts';
import {
  CandidateCreateSchema,
  CandidateListQuerySchema,
  CandidatePatchSchema,
  CandidateSchema,
  IdParamsSchema,
  pageOf,
} from '../schemas.ts';

/** Candidates (people). */
export function candidatesRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['candidates'];
    const route = routesOn(app, tags);
    route('POST /candidates', 'createCandidate', {
      summary: 'Add a candidate',
      schema: { body: CandidateCreateSchema, response: { 201: CandidateSchema } },
      handler: async (req, reply) =>
        reply.code(201).send(await createCandidate(deps, req.principal.orgId, req.body)),
    });
    route('GET /candidates', 'listCandidates', {
      summary: 'List candidates',
      schema: { querystring: CandidateListQuerySchema, response: { 200: pageOf(CandidateSchema) } },
      handler: (req) => listCandidatesPage(deps, req.principal.orgId, req.query),
    });
    route('GET /candidates/:id', 'getCandidate', {
      summary: 'Get a candidate',
      schema: { params: IdParamsSchema, response: { 200: CandidateSchema } },
      handler: (req) => getCandidate(deps, req.principal.orgId, req.params.id),
    });
    route('PATCH /candidates/:id', 'updateCandidate', {
      summary: 'Change a candidate',
      schema: { params: IdParamsSchema, body: CandidatePatchSchema, response: { 200: CandidateSchema } },
      handler: (req) => changeCandidate(deps, req.principal.orgId, req.params.id, req.body),
    });
    route('DELETE /candidates/:id', 'deleteCandidate', {
      summary: 'Delete a candidate without applications',
      schema: { params: IdParamsSchema, response: { 204: z.null().describe('Deleted.') } },
      handler: async (req, reply) => {
        await deleteCandidate(deps, req.principal.orgId, req.params.id);
        return reply.code(204).send(null);
      },
    });
  };
}
