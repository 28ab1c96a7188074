import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  draftSubmissionNudge,
  listClientInterviewsPage,
  listDebriefsPage,
  logCandidateContact,
  logDebrief,
  recordClientInterview,
} from '../../services/debrief.service.ts';
import type { ServiceDeps } from '../../services/deps.ts';
import { actorOf } from '../auth.ts';
import { IdParamsSchema, PageQuerySchema, pageOf } from '../schemas.ts';
import {
  CandidateContactCreateSchema,
  CandidateContactLoggedSchema,
  ClientInterviewCreateSchema,
  ClientInterviewRecordedSchema,
  ClientInterviewSchema,
  DebriefCreateSchema,
  DebriefLoggedSchema,
  DebriefSchema,
  NudgeDraftCreateSchema,
  NudgeDraftSchema,
} from './debrief.schemas.ts';
import type { RouteApp } from './route-app.ts';

const tags = ['agency'];

/** The candidate side of the agency desk: interviews at the client, debriefs, nudge drafts. */
export function debriefRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    registerClientInterviewRoutes(app, deps);
    registerDebriefRoutes(app, deps);
    registerDeskContactRoutes(app, deps);
  };
}

/** Log and list a submission's client interviews. */
function registerClientInterviewRoutes(app: RouteApp, deps: ServiceDeps): void {
  app.post(
    '/submissions/:id/client-interviews',
    {
      schema: {
        operationId: 'recordClientInterview',
        tags,
        summary:
          "Record an interview at the client with the client's promise: the submission moves to interviewing, the client owes feedback (terms or promise), you owe the candidate a debrief the same business day",
        params: IdParamsSchema,
        body: ClientInterviewCreateSchema,
        response: { 201: ClientInterviewRecordedSchema },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(await recordClientInterview(deps, req.principal.orgId, req.params.id, req.body, actorOf(req))),
  );
  app.get(
    '/submissions/:id/client-interviews',
    {
      schema: {
        operationId: 'listClientInterviews',
        tags,
        summary: 'List the interviews at the client of a submission, oldest first',
        params: IdParamsSchema,
        querystring: PageQuerySchema,
        response: { 200: pageOf(ClientInterviewSchema) },
      },
    },
    (req) => listClientInterviewsPage(deps, req.principal.orgId, req.params.id, req.query),
  );
}

/** List and record a submission's debriefs. */
function registerDebriefRoutes(app: RouteApp, deps: ServiceDeps): void {
  app.get(
    '/submissions/:id/debriefs',
    {
      schema: {
        operationId: 'listDebriefs',
        tags,
        summary: 'List the debriefs of a submission, newest first',
        params: IdParamsSchema,
        querystring: PageQuerySchema,
        response: { 200: pageOf(DebriefSchema) },
      },
    },
    (req) => listDebriefsPage(deps, req.principal.orgId, req.params.id, req.query),
  );
  app.post(
    '/submissions/:id/debriefs',
    {
      schema: {
        operationId: 'logDebrief',
        tags,
        summary:
          'Log the debrief with the candidate after an interview at the client; it must set the next contact or say why there is none, and suggests the thank-you note',
        params: IdParamsSchema,
        body: DebriefCreateSchema,
        response: { 201: DebriefLoggedSchema },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(await logDebrief(deps, req.principal.orgId, req.params.id, req.body, actorOf(req))),
  );
}

/** Log a contact with the candidate and draft nudges to the client. */
function registerDeskContactRoutes(app: RouteApp, deps: ServiceDeps): void {
  app.post(
    '/submissions/:id/candidate-contacts',
    {
      schema: {
        operationId: 'logCandidateContact',
        tags,
        summary:
          'Log a contact with the submitted candidate (telling them the client’s answer, where things stand, a check-in); it must set the next contact or say why there is none',
        params: IdParamsSchema,
        body: CandidateContactCreateSchema,
        response: { 201: CandidateContactLoggedSchema },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(await logCandidateContact(deps, req.principal.orgId, req.params.id, req.body, actorOf(req))),
  );
  app.post(
    '/submissions/:id/nudge-drafts',
    {
      schema: {
        operationId: 'draftNudge',
        tags,
        summary:
          'Draft a client nudge from what is new since the last contact (nothing is stored); with nothing new, no text but what could be added',
        params: IdParamsSchema,
        body: NudgeDraftCreateSchema,
        response: { 200: NudgeDraftSchema },
      },
    },
    (req) => draftSubmissionNudge(deps, req.principal.orgId, req.params.id, req.body ?? {}),
  );
}
