import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  getClientRecord,
  getDeskCoverage,
  getPlacement,
  listPlacementsPage,
  placeSubmission,
  recordPlacementFallThrough,
} from '../../services/placement.service.ts';
import type { ServiceDeps } from '../../services/deps.ts';
import { actorOf } from '../auth.ts';
import { IdParamsSchema, pageOf } from '../schemas.ts';
import {
  ClientRecordSchema,
  DeskCoverageSchema,
  PlacementCreateSchema,
  PlacementFallThroughSchema,
  PlacementFellThroughSchema,
  PlacementListQuerySchema,
  PlacementSchema,
  PlacementViewSchema,
} from './placement.schemas.ts';
import { routesOn, type RouteApp } from './route-app.ts';

const tags = ['agency'];

/** Placements and their guarantee, the client view, and the desk's coverage. */
export function placementRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    registerPlacementRoutes(app, deps);
    registerClientRecordRoutes(app, deps);
  };
}

/** Place a submission, list and read placements, and record a fall-through. */
function registerPlacementRoutes(app: RouteApp, deps: ServiceDeps): void {
  const route = routesOn(app, tags);
  route('POST /submissions/:id/placement', 'createPlacement', {
    summary:
      "Place a submission: records the start date, fee and guarantee, and schedules the recruiter's check-ins",
    schema: { params: IdParamsSchema, body: PlacementCreateSchema, response: { 201: PlacementViewSchema } },
    handler: async (req, reply) =>
      reply
        .code(201)
        .send(await placeSubmission(deps, req.principal.orgId, req.params.id, req.body, actorOf(req))),
  });
  route('GET /placements', 'listPlacements', {
    summary: 'List placements',
    schema: { querystring: PlacementListQuerySchema, response: { 200: pageOf(PlacementSchema) } },
    handler: (req) => listPlacementsPage(deps, req.principal.orgId, req.query),
  });
  route('GET /placements/:id', 'getPlacement', {
    summary: 'Get a placement with its check-ins',
    schema: { params: IdParamsSchema, response: { 200: PlacementViewSchema } },
    handler: (req) => getPlacement(deps, req.principal.orgId, req.params.id),
  });
  route('POST /placements/:id/fall-through', 'recordPlacementFallThrough', {
    summary:
      'Record that a placement fell through; inside the guarantee it opens a replacement search (backfill) at once',
    schema: {
      params: IdParamsSchema,
      body: PlacementFallThroughSchema,
      response: { 200: PlacementFellThroughSchema },
    },
    handler: (req) =>
      recordPlacementFallThrough(deps, req.principal.orgId, req.params.id, req.body, actorOf(req)),
  });
}

/** A client's record and the desk's coverage. */
function registerClientRecordRoutes(app: RouteApp, deps: ServiceDeps): void {
  const route = routesOn(app, tags);
  route('GET /clients/:id/record', 'getClientRecord', {
    summary: "The client view: contacts, open submissions and the client's feedback record",
    schema: { params: IdParamsSchema, response: { 200: ClientRecordSchema } },
    handler: (req) => getClientRecord(deps, req.principal.orgId, req.params.id),
  });
  route('GET /desk/coverage', 'getDeskCoverage', {
    summary:
      "The desk's client jobs with finalist coverage, contacts with no next contact, and placements with their next check-in",
    schema: { response: { 200: DeskCoverageSchema } },
    handler: (req) => getDeskCoverage(deps, req.principal.orgId),
  });
}
