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
import type { RouteApp } from './route-app.ts';

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
  app.post(
    '/submissions/:id/placement',
    {
      schema: {
        operationId: 'createPlacement',
        tags,
        summary:
          "Place a submission: records the start date, fee and guarantee, and schedules the recruiter's check-ins",
        params: IdParamsSchema,
        body: PlacementCreateSchema,
        response: { 201: PlacementViewSchema },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(await placeSubmission(deps, req.principal.orgId, req.params.id, req.body, actorOf(req))),
  );
  app.get(
    '/placements',
    {
      schema: {
        operationId: 'listPlacements',
        tags,
        summary: 'List placements',
        querystring: PlacementListQuerySchema,
        response: { 200: pageOf(PlacementSchema) },
      },
    },
    (req) => listPlacementsPage(deps, req.principal.orgId, req.query),
  );
  app.get(
    '/placements/:id',
    {
      schema: {
        operationId: 'getPlacement',
        tags,
        summary: 'Get a placement with its check-ins',
        params: IdParamsSchema,
        response: { 200: PlacementViewSchema },
      },
    },
    (req) => getPlacement(deps, req.principal.orgId, req.params.id),
  );
  app.post(
    '/placements/:id/fall-through',
    {
      schema: {
        operationId: 'recordPlacementFallThrough',
        tags,
        summary:
          'Record that a placement fell through; inside the guarantee it opens a replacement search (backfill) at once',
        params: IdParamsSchema,
        body: PlacementFallThroughSchema,
        response: { 200: PlacementFellThroughSchema },
      },
    },
    (req) => recordPlacementFallThrough(deps, req.principal.orgId, req.params.id, req.body, actorOf(req)),
  );
}

/** A client's record and the desk's coverage. */
function registerClientRecordRoutes(app: RouteApp, deps: ServiceDeps): void {
  app.get(
    '/clients/:id/record',
    {
      schema: {
        operationId: 'getClientRecord',
        tags,
        summary: "The client view: contacts, open submissions and the client's feedback record",
        params: IdParamsSchema,
        response: { 200: ClientRecordSchema },
      },
    },
    (req) => getClientRecord(deps, req.principal.orgId, req.params.id),
  );
  app.get(
    '/desk/coverage',
    {
      schema: {
        operationId: 'getDeskCoverage',
        tags,
        summary:
          "The desk's client jobs with finalist coverage, contacts with no next contact, and placements with their next check-in",
        response: { 200: DeskCoverageSchema },
      },
    },
    (req) => getDeskCoverage(deps, req.principal.orgId),
  );
}
