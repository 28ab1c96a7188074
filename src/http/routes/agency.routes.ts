import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  changeClient,
  changeClientContact,
  createClient,
  createClientContact,
  createJobOrder,
  createSubmission,
  getClient,
  getDesk,
  getSubmission,
  listClientContactsPage,
  listClientsPage,
  listJobOrdersPage,
  listSubmissionsPage,
  logClientContact,
  moveSubmission,
  recordClientAnswer,
  sendNudge,
} from '../../services/agency.service.ts';
import type { SubmissionMailDeps } from '../../services/client-answer-links.ts';
import type { ServiceDeps } from '../../services/deps.ts';
import { errors } from '../../errors.ts';
import { actorOf } from '../auth.ts';
import { IdParamsSchema, PageQuerySchema, pageOf } from '../schemas.ts';
import {
  ClientAnswerRecordedSchema,
  ClientAnswerSchema,
  ClientContactCreateSchema,
  ClientContactLogCreateSchema,
  ClientContactLoggedSchema,
  ClientContactPatchSchema,
  ClientContactSchema,
  ClientCreateSchema,
  ClientPatchSchema,
  ClientSchema,
  DeskSchema,
  JobOrderCreateSchema,
  JobOrderSchema,
  NudgeCreateSchema,
  NudgeSentSchema,
  SubmissionCreateSchema,
  SubmissionCreatedSchema,
  SubmissionListQuerySchema,
  SubmissionSchema,
  SubmissionStageSchema,
} from './agency.schemas.ts';
import { routesOn, type RouteApp } from './route-app.ts';

const tags = ['agency'];

/** The agency desk: clients, contacts, job orders, submissions, contacts logged, nudges, the desk. */
export function agencyRoutes(deps: ServiceDeps & SubmissionMailDeps): FastifyPluginAsyncZod {
  return async (app) => {
    registerClientRoutes(app, deps);
    registerClientContactRoutes(app, deps);
    registerJobOrderRoutes(app, deps);
    registerSubmissionRoutes(app, deps);
    registerClientAnswerRoutes(app, deps);
    registerDeskRoutes(app, deps);
  };
}

/** Add, list, read and change clients. */
function registerClientRoutes(app: RouteApp, deps: ServiceDeps & SubmissionMailDeps): void {
  const route = routesOn(app, tags);
  route('POST /clients', 'createClient', {
    summary: 'Add a client with the terms agreed up front',
    schema: { body: ClientCreateSchema, response: { 201: ClientSchema } },
    handler: async (req, reply) =>
      reply.code(201).send(await createClient(deps, req.principal.orgId, req.body)),
  });
  route('GET /clients', 'listClients', {
    summary: 'List clients',
    schema: { querystring: PageQuerySchema, response: { 200: pageOf(ClientSchema) } },
    handler: (req) => listClientsPage(deps, req.principal.orgId, req.query),
  });
  route('GET /clients/:id', 'getClient', {
    summary: 'Get a client',
    schema: { params: IdParamsSchema, response: { 200: ClientSchema } },
    handler: (req) => getClient(deps, req.principal.orgId, req.params.id),
  });
  route('PATCH /clients/:id', 'updateClient', {
    summary: "Change a client's name or terms",
    schema: { params: IdParamsSchema, body: ClientPatchSchema, response: { 200: ClientSchema } },
    handler: (req) => changeClient(deps, req.principal.orgId, req.params.id, req.body),
  });
}

/** A client's contacts, and the log of contacts with them. */
function registerClientContactRoutes(app: RouteApp, deps: ServiceDeps & SubmissionMailDeps): void {
  const route = routesOn(app, tags);
  route('POST /clients/:id/contacts', 'createClientContact', {
    summary: 'Add a contact (hiring authority) to a client',
    schema: {
      params: IdParamsSchema,
      body: ClientContactCreateSchema,
      response: { 201: ClientContactSchema },
    },
    handler: async (req, reply) =>
      reply.code(201).send(await createClientContact(deps, req.principal.orgId, req.params.id, req.body)),
  });
  route('GET /clients/:id/contacts', 'listClientContacts', {
    summary: "List a client's contacts",
    schema: {
      params: IdParamsSchema,
      querystring: PageQuerySchema,
      response: { 200: pageOf(ClientContactSchema) },
    },
    handler: (req) => listClientContactsPage(deps, req.principal.orgId, req.params.id, req.query),
  });
  route('PATCH /client-contacts/:id', 'updateClientContact', {
    summary: 'Change a client contact',
    schema: {
      params: IdParamsSchema,
      body: ClientContactPatchSchema,
      response: { 200: ClientContactSchema },
    },
    handler: (req) => changeClientContact(deps, req.principal.orgId, req.params.id, req.body),
  });
  route('POST /client-contacts/:id/contact-logs', 'logClientContact', {
    summary:
      'Log a contact with a client contact; it must set the next contact (a follow-up you own) or say why there is none',
    schema: {
      params: IdParamsSchema,
      body: ClientContactLogCreateSchema,
      response: { 201: ClientContactLoggedSchema },
    },
    handler: async (req, reply) =>
      reply
        .code(201)
        .send(await logClientContact(deps, req.principal.orgId, req.params.id, req.body, actorOf(req))),
  });
}

/** Open and list a client's job orders. */
function registerJobOrderRoutes(app: RouteApp, deps: ServiceDeps & SubmissionMailDeps): void {
  const route = routesOn(app, tags);
  route('POST /clients/:id/job-orders', 'createJobOrder', {
    summary: 'Open a job for a client (a job order), with its hiring authority',
    schema: { params: IdParamsSchema, body: JobOrderCreateSchema, response: { 201: JobOrderSchema } },
    handler: async (req, reply) =>
      reply.code(201).send(await createJobOrder(deps, req.principal.orgId, req.params.id, req.body)),
  });
  route('GET /clients/:id/job-orders', 'listJobOrders', {
    summary: "List a client's job orders",
    schema: {
      params: IdParamsSchema,
      querystring: PageQuerySchema,
      response: { 200: pageOf(JobOrderSchema) },
    },
    handler: (req) => listJobOrdersPage(deps, req.principal.orgId, req.params.id, req.query),
  });
}

/** Submit candidates to job orders, list and read submissions, and move them through stages. */
function registerSubmissionRoutes(app: RouteApp, deps: ServiceDeps & SubmissionMailDeps): void {
  const route = routesOn(app, tags);
  route('POST /submissions', 'createSubmission', {
    summary:
      "Submit a candidate to a client's job, with their consent; opens the client's feedback follow-up (409 with the earlier submission if already sent to this client)",
    schema: { body: SubmissionCreateSchema, response: { 201: SubmissionCreatedSchema } },
    handler: async (req, reply) => {
      const { consent: _consent, ...input } = req.body;
      return reply.code(201).send(await createSubmission(deps, req.principal.orgId, input, actorOf(req)));
    },
  });
  route('GET /submissions', 'listSubmissions', {
    summary: 'List submissions',
    schema: { querystring: SubmissionListQuerySchema, response: { 200: pageOf(SubmissionSchema) } },
    handler: (req) => listSubmissionsPage(deps, req.principal.orgId, req.query),
  });
  route('GET /submissions/:id', 'getSubmission', {
    summary: 'Get a submission',
    schema: { params: IdParamsSchema, response: { 200: SubmissionSchema } },
    handler: (req) => getSubmission(deps, req.principal.orgId, req.params.id),
  });
  route('POST /submissions/:id/stage', 'changeSubmissionStage', {
    summary: 'Move a submission to a later stage, or decline or withdraw it (placing it has its own route)',
    schema: { params: IdParamsSchema, body: SubmissionStageSchema, response: { 200: SubmissionSchema } },
    handler: (req) => {
      // A placement has a start date, a fee and a guarantee: it is recorded by its own route.
      if (req.body.stage === 'placed') {
        throw errors.validation(
          'Record the placement (start date, fee, guarantee) with POST /submissions/{id}/placement.',
          { field: 'stage' },
        );
      }
      return moveSubmission(deps, req.principal.orgId, req.params.id, req.body);
    },
  });
}

/** Record the client's answer on a submission and nudge a client who owes one. */
function registerClientAnswerRoutes(app: RouteApp, deps: ServiceDeps & SubmissionMailDeps): void {
  const route = routesOn(app, tags);
  route('POST /submissions/:id/client-answer', 'recordClientAnswer', {
    summary:
      "Record the client's answer (interview, decline, more time): closes their feedback follow-up and opens yours to tell the candidate within one business day",
    schema: {
      params: IdParamsSchema,
      body: ClientAnswerSchema,
      response: { 200: ClientAnswerRecordedSchema },
    },
    handler: (req) => recordClientAnswer(deps, req.principal.orgId, req.params.id, req.body, actorOf(req)),
  });
  route('POST /submissions/:id/nudges', 'sendNudge', {
    summary:
      'Nudge the client about a submission; checked as a nudge — one that only asks for status is refused (no_news)',
    schema: { params: IdParamsSchema, body: NudgeCreateSchema, response: { 201: NudgeSentSchema } },
    handler: async (req, reply) =>
      reply.code(201).send(await sendNudge(deps, req.principal.orgId, req.params.id, req.body, actorOf(req))),
  });
}

/** The recruiter's desk: what is owed to whom, today. */
function registerDeskRoutes(app: RouteApp, deps: ServiceDeps & SubmissionMailDeps): void {
  const route = routesOn(app, tags);
  route('GET /desk', 'getDesk', {
    summary:
      "The agency recruiter's desk: your open follow-ups (overdue first), submissions waiting on clients, clients with contacts",
    schema: { response: { 200: DeskSchema } },
    handler: (req) => getDesk(deps, req.principal.orgId, actorOf(req)),
  });
}
