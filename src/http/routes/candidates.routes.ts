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
    app.post(
      '/candidates',
      {
        schema: {
          operationId: 'createCandidate',
          tags,
          summary: 'Add a candidate',
          body: CandidateCreateSchema,
          response: { 201: CandidateSchema },
        },
      },
      async (req, reply) => reply.code(201).send(await createCandidate(deps, req.principal.orgId, req.body)),
    );
    app.get(
      '/candidates',
      {
        schema: {
          operationId: 'listCandidates',
          tags,
          summary: 'List candidates',
          querystring: CandidateListQuerySchema,
          response: { 200: pageOf(CandidateSchema) },
        },
      },
      (req) => listCandidatesPage(deps, req.principal.orgId, req.query),
    );
    app.get(
      '/candidates/:id',
      {
        schema: {
          operationId: 'getCandidate',
          tags,
          summary: 'Get a candidate',
          params: IdParamsSchema,
          response: { 200: CandidateSchema },
        },
      },
      (req) => getCandidate(deps, req.principal.orgId, req.params.id),
    );
    app.patch(
      '/candidates/:id',
      {
        schema: {
          operationId: 'updateCandidate',
          tags,
          summary: 'Change a candidate',
          params: IdParamsSchema,
          body: CandidatePatchSchema,
          response: { 200: CandidateSchema },
        },
      },
      (req) => changeCandidate(deps, req.principal.orgId, req.params.id, req.body),
    );
    app.delete(
      '/candidates/:id',
      {
        schema: {
          operationId: 'deleteCandidate',
          tags,
          summary: 'Delete a candidate without applications',
          params: IdParamsSchema,
          response: { 204: z.null().describe('Deleted.') },
        },
      },
      async (req, reply) => {
        await deleteCandidate(deps, req.principal.orgId, req.params.id);
        return reply.code(204).send(null);
      },
    );
  };
}
