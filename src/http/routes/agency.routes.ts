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
import type { RouteApp } from './route-app.ts';

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
  app.post(
    '/clients',
    {
      schema: {
        operationId: 'createClient',
        tags,
        summary: 'Add a client with the terms agreed up front',
        body: ClientCreateSchema,
        response: { 201: ClientSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createClient(deps, req.principal.orgId, req.body)),
  );
  app.get(
    '/clients',
    {
      schema: {
        operationId: 'listClients',
        tags,
        summary: 'List clients',
        querystring: PageQuerySchema,
        response: { 200: pageOf(ClientSchema) },
      },
    },
    (req) => listClientsPage(deps, req.principal.orgId, req.query),
  );
  app.get(
    '/clients/:id',
    {
      schema: {
        operationId: 'getClient',
        tags,
        summary: 'Get a client',
        params: IdParamsSchema,
        response: { 200: ClientSchema },
      },
    },
    (req) => getClient(deps, req.principal.orgId, req.params.id),
  );
  app.patch(
    '/clients/:id',
    {
      schema: {
        operationId: 'updateClient',
        tags,
        summary: "Change a client's name or terms",
        params: IdParamsSchema,
        body: ClientPatchSchema,
        response: { 200: ClientSchema },
      },
    },
    (req) => changeClient(deps, req.principal.orgId, req.params.id, req.body),
  );
}

/** A client's contacts, and the log of contacts with them. */
function registerClientContactRoutes(app: RouteApp, deps: ServiceDeps & SubmissionMailDeps): void {
  app.post(
    '/clients/:id/contacts',
    {
      schema: {
        operationId: 'createClientContact',
        tags,
        summary: 'Add a contact (hiring authority) to a client',
        params: IdParamsSchema,
        body: ClientContactCreateSchema,
        response: { 201: ClientContactSchema },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await createClientContact(deps, req.principal.orgId, req.params.id, req.body)),
  );
  app.get(
    '/clients/:id/contacts',
    {
      schema: {
        operationId: 'listClientContacts',
        tags,
        summary: "List a client's contacts",
        params: IdParamsSchema,
        querystring: PageQuerySchema,
        response: { 200: pageOf(ClientContactSchema) },
      },
    },
    (req) => listClientContactsPage(deps, req.principal.orgId, req.params.id, req.query),
  );
  app.patch(
    '/client-contacts/:id',
    {
      schema: {
        operationId: 'updateClientContact',
        tags,
        summary: 'Change a client contact',
        params: IdParamsSchema,
        body: ClientContactPatchSchema,
        response: { 200: ClientContactSchema },
      },
    },
    (req) => changeClientContact(deps, req.principal.orgId, req.params.id, req.body),
  );
  app.post(
    '/client-contacts/:id/contact-logs',
    {
      schema: {
        operationId: 'logClientContact',
        tags,
        summary:
          'Log a contact with a client contact; it must set the next contact (a follow-up you own) or say why there is none',
        params: IdParamsSchema,
        body: ClientContactLogCreateSchema,
        response: { 201: ClientContactLoggedSchema },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(await logClientContact(deps, req.principal.orgId, req.params.id, req.body, actorOf(req))),
  );
}

/** Open and list a client's job orders. */
function registerJobOrderRoutes(app: RouteApp, deps: ServiceDeps & SubmissionMailDeps): void {
  app.post(
    '/clients/:id/job-orders',
    {
      schema: {
        operationId: 'createJobOrder',
        tags,
        summary: 'Open a job for a client (a job order), with its hiring authority',
        params: IdParamsSchema,
        body: JobOrderCreateSchema,
        response: { 201: JobOrderSchema },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await createJobOrder(deps, req.principal.orgId, req.params.id, req.body)),
  );
  app.get(
    '/clients/:id/job-orders',
    {
      schema: {
        operationId: 'listJobOrders',
        tags,
        summary: "List a client's job orders",
        params: IdParamsSchema,
        querystring: PageQuerySchema,
        response: { 200: pageOf(JobOrderSchema) },
      },
    },
    (req) => listJobOrdersPage(deps, req.principal.orgId, req.params.id, req.query),
  );
}

/** Submit candidates to job orders, list and read submissions, and move them through stages. */
function registerSubmissionRoutes(app: RouteApp, deps: ServiceDeps & SubmissionMailDeps): void {
  app.post(
    '/submissions',
    {
      schema: {
        operationId: 'createSubmission',
        tags,
        summary:
          "Submit a candidate to a client's job, with their consent; opens the client's feedback follow-up (409 with the earlier submission if already sent to this client)",
        body: SubmissionCreateSchema,
        response: { 201: SubmissionCreatedSchema },
      },
    },
    async (req, reply) => {
      const { consent: _consent, ...input } = req.body;
      return reply.code(201).send(await createSubmission(deps, req.principal.orgId, input, actorOf(req)));
    },
  );
  app.get(
    '/submissions',
    {
      schema: {
        operationId: 'listSubmissions',
        tags,
        summary: 'List submissions',
        querystring: SubmissionListQuerySchema,
        response: { 200: pageOf(SubmissionSchema) },
      },
    },
    (req) => listSubmissionsPage(deps, req.principal.orgId, req.query),
  );
  app.get(
    '/submissions/:id',
    {
      schema: {
        operationId: 'getSubmission',
        tags,
        summary: 'Get a submission',
        params: IdParamsSchema,
        response: { 200: SubmissionSchema },
      },
    },
    (req) => getSubmission(deps, req.principal.orgId, req.params.id),
  );
  app.post(
    '/submissions/:id/stage',
    {
      schema: {
        operationId: 'changeSubmissionStage',
        tags,
        summary:
          'Move a submission to a later stage, or decline or withdraw it (placing it has its own route)',
        params: IdParamsSchema,
        body: SubmissionStageSchema,
        response: { 200: SubmissionSchema },
      },
    },
    (req) => {
      // A placement has a start date, a fee and a guarantee: it is recorded by its own route.
      if (req.body.stage === 'placed') {
        throw errors.validation(
          'Record the placement (start date, fee, guarantee) with POST /submissions/{id}/placement.',
          { field: 'stage' },
        );
      }
      return moveSubmission(deps, req.principal.orgId, req.params.id, req.body);
    },
  );
}

/** Record the client's answer on a submission and nudge a client who owes one. */
function registerClientAnswerRoutes(app: RouteApp, deps: ServiceDeps & SubmissionMailDeps): void {
  app.post(
    '/submissions/:id/client-answer',
    {
      schema: {
        operationId: 'recordClientAnswer',
        tags,
        summary:
          "Record the client's answer (interview, decline, more time): closes their feedback follow-up and opens yours to tell the candidate within one business day",
        params: IdParamsSchema,
        body: ClientAnswerSchema,
        response: { 200: ClientAnswerRecordedSchema },
      },
    },
    (req) => recordClientAnswer(deps, req.principal.orgId, req.params.id, req.body, actorOf(req)),
  );
  app.post(
    '/submissions/:id/nudges',
    {
      schema: {
        operationId: 'sendNudge',
        tags,
        summary:
          'Nudge the client about a submission; checked as a nudge — one that only asks for status is refused (no_news)',
        params: IdParamsSchema,
        body: NudgeCreateSchema,
        response: { 201: NudgeSentSchema },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await sendNudge(deps, req.principal.orgId, req.params.id, req.body, actorOf(req))),
  );
}

/** The recruiter's desk: what is owed to whom, today. */
function registerDeskRoutes(app: RouteApp, deps: ServiceDeps & SubmissionMailDeps): void {
  app.get(
    '/desk',
    {
      schema: {
        operationId: 'getDesk',
        tags,
        summary:
          "The agency recruiter's desk: your open follow-ups (overdue first), submissions waiting on clients, clients with contacts",
        response: { 200: DeskSchema },
      },
    },
    (req) => getDesk(deps, req.principal.orgId, actorOf(req)),
  );
}
