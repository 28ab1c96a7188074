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
import { routesOn, type RouteApp } from './route-app.ts';

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
  const route = routesOn(app, tags);
  route('POST /submissions/:id/client-interviews', 'recordClientInterview', {
    summary:
      "Record an interview at the client with the client's promise: the submission moves to interviewing, the client owes feedback (terms or promise), you owe the candidate a debrief the same business day",
    schema: {
      params: IdParamsSchema,
      body: ClientInterviewCreateSchema,
      response: { 201: ClientInterviewRecordedSchema },
    },
    handler: async (req, reply) =>
      reply
        .code(201)
        .send(await recordClientInterview(deps, req.principal.orgId, req.params.id, req.body, actorOf(req))),
  });
  route('GET /submissions/:id/client-interviews', 'listClientInterviews', {
    summary: 'List the interviews at the client of a submission, oldest first',
    schema: {
      params: IdParamsSchema,
      querystring: PageQuerySchema,
      response: { 200: pageOf(ClientInterviewSchema) },
    },
    handler: (req) => listClientInterviewsPage(deps, req.principal.orgId, req.params.id, req.query),
  });
}

/** List and record a submission's debriefs. */
function registerDebriefRoutes(app: RouteApp, deps: ServiceDeps): void {
  const route = routesOn(app, tags);
  route('GET /submissions/:id/debriefs', 'listDebriefs', {
    summary: 'List the debriefs of a submission, newest first',
    schema: {
      params: IdParamsSchema,
      querystring: PageQuerySchema,
      response: { 200: pageOf(DebriefSchema) },
    },
    handler: (req) => listDebriefsPage(deps, req.principal.orgId, req.params.id, req.query),
  });
  route('POST /submissions/:id/debriefs', 'logDebrief', {
    summary:
      'Log the debrief with the candidate after an interview at the client; it must set the next contact or say why there is none, and suggests the thank-you note',
    schema: { params: IdParamsSchema, body: DebriefCreateSchema, response: { 201: DebriefLoggedSchema } },
    handler: async (req, reply) =>
      reply
        .code(201)
        .send(await logDebrief(deps, req.principal.orgId, req.params.id, req.body, actorOf(req))),
  });
}

/** Log a contact with the candidate and draft nudges to the client. */
function registerDeskContactRoutes(app: RouteApp, deps: ServiceDeps): void {
  const route = routesOn(app, tags);
  route('POST /submissions/:id/candidate-contacts', 'logCandidateContact', {
    summary:
      'Log a contact with the submitted candidate (telling them the client’s answer, where things stand, a check-in); it must set the next contact or say why there is none',
    schema: {
      params: IdParamsSchema,
      body: CandidateContactCreateSchema,
      response: { 201: CandidateContactLoggedSchema },
    },
    handler: async (req, reply) =>
      reply
        .code(201)
        .send(await logCandidateContact(deps, req.principal.orgId, req.params.id, req.body, actorOf(req))),
  });
  route('POST /submissions/:id/nudge-drafts', 'draftNudge', {
    summary:
      'Draft a client nudge from what is new since the last contact (nothing is stored); with nothing new, no text but what could be added',
    schema: { params: IdParamsSchema, body: NudgeDraftCreateSchema, response: { 200: NudgeDraftSchema } },
    handler: (req) => draftSubmissionNudge(deps, req.principal.orgId, req.params.id, req.body ?? {}),
  });
}
