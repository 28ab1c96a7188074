import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listDevMailPage } from '../../services/dev-mail.service.ts';
import {
  cancelMessage,
  undoSend,
  checkText,
  draftOutcomeMessage,
  editDraft,
  getMessage,
  listMessagesPage,
  sendMessage,
  sendMessages,
} from '../../services/message.service.ts';
import { type MessagingDeps } from '../../services/message-templates.ts';
import { actorOf } from '../auth.ts';
import {
  EmailSchema,
  IdParamsSchema,
  IdSchema,
  MessageCheckRequestSchema,
  MessageCheckSchema,
  MessageDraftSchema,
  MessageListQuerySchema,
  MessagePatchSchema,
  MessageSchema,
  MessageSendSchema,
  NoBodySchema,
  PageQuerySchema,
  pageOf,
} from '../schemas.ts';
import { routesOn, type RouteApp } from './route-app.ts';

const DevMailSchema = z
  .object({
    id: IdSchema,
    messageId: z.string(),
    envelopeTo: z.string(),
    headers: z.record(z.string(), z.string()),
    subject: z.string(),
    bodyText: z.string().describe('Sign-in and invitation links are masked.'),
    bodyHtml: z.string().describe('Sign-in and invitation links are masked.'),
    deliveredAt: z.date(),
  })
  .meta({ id: 'DevMail' });

const tags = ['messages'];

/** The composer, the outbox and the dev mailbox. */
export function messagesRoutes(deps: MessagingDeps): FastifyPluginAsyncZod {
  return async (app) => {
    registerMessageDraftRoutes(app, deps);
    registerMessageRoutes(app, deps);
    registerMessageSendRoutes(app, deps);
    registerMessageRecallRoutes(app, deps);
    registerDevMailRoutes(app, deps);
  };
}

/** Check a message and draft one to a candidate. */
function registerMessageDraftRoutes(app: RouteApp, deps: MessagingDeps): void {
  const route = routesOn(app, tags);
  route('POST /messages/check', 'checkMessage', {
    summary: 'Check a message: which parts are present, and what is risky',
    schema: {
      body: MessageCheckRequestSchema,
      response: { 200: MessageCheckSchema.extend({ kind: z.string() }) },
    },
    handler: (req) => checkText(req.body.kind, req.body.text),
  });
  route('POST /applications/:id/messages', 'draftOutcomeMessage', {
    summary: "Draft the candidate's outcome message from the decision (you are its author)",
    schema: { params: IdParamsSchema, body: MessageDraftSchema, response: { 201: MessageSchema } },
    handler: async (req, reply) =>
      reply
        .code(201)
        .send(
          await draftOutcomeMessage(
            deps,
            req.principal.orgId,
            { ...req.body, applicationId: req.params.id },
            actorOf(req),
          ),
        ),
  });
}

/** List, read and change messages. */
function registerMessageRoutes(app: RouteApp, deps: MessagingDeps): void {
  const route = routesOn(app, tags);
  route('GET /messages', 'listMessages', {
    summary: 'List messages, oldest first; `status=draft` (optionally with `jobId`) is the "to send" list',
    schema: { querystring: MessageListQuerySchema, response: { 200: pageOf(MessageSchema) } },
    handler: (req) => listMessagesPage(deps, req.principal.orgId, req.query),
  });
  route('GET /messages/:id', 'getMessage', {
    summary: 'Get a message',
    schema: { params: IdParamsSchema, response: { 200: MessageSchema } },
    handler: (req) => getMessage(deps, req.principal.orgId, req.params.id),
  });
  route('PATCH /messages/:id', 'updateMessage', {
    summary: 'Edit a draft',
    schema: { params: IdParamsSchema, body: MessagePatchSchema, response: { 200: MessageSchema } },
    handler: (req) => editDraft(deps, req.principal.orgId, req.params.id, req.body),
  });
}

/** Send one message, or many. */
function registerMessageSendRoutes(app: RouteApp, deps: MessagingDeps): void {
  const route = routesOn(app, tags);
  route('POST /messages/:id/send', 'sendMessage', {
    summary:
      "Send a draft: after the undo window, in the candidate's business hours; scheduledFor and scheduledBecause say when and why",
    schema: {
      params: IdParamsSchema,
      body: MessageSendSchema,
      response: { 200: z.object({ message: MessageSchema, callScript: z.array(z.string()).nullable() }) },
    },
    handler: (req) => sendMessage(deps, req.principal.orgId, req.params.id, req.body ?? {}, actorOf(req)),
  });
  route('POST /messages/send', 'sendMessages', {
    summary:
      'Send several reviewed drafts: each as POST /messages/{id}/send would (undo window, checks); one refused stays a draft and says why',
    schema: {
      body: z.strictObject({ ids: z.array(IdSchema).min(1).max(100) }),
      response: {
        200: z.object({
          results: z.array(
            z.discriminatedUnion('outcome', [
              z.object({
                id: IdSchema,
                outcome: z.literal('scheduled'),
                message: MessageSchema,
                callScript: z.array(z.string()).nullable(),
              }),
              z.object({
                id: IdSchema,
                outcome: z.literal('refused'),
                code: z.string().describe('The error code a single send would answer.'),
                reason: z.string(),
                details: z.record(z.string(), z.unknown()).nullable(),
              }),
            ]),
          ),
        }),
      },
    },
    handler: (req) => sendMessages(deps, req.principal.orgId, req.body.ids, actorOf(req)),
  });
}

/** Cancel a scheduled message and undo a send in its window. */
function registerMessageRecallRoutes(app: RouteApp, deps: MessagingDeps): void {
  const route = routesOn(app, tags);
  route('POST /messages/:id/cancel', 'cancelMessage', {
    summary: 'Cancel a draft or a scheduled message (undo)',
    schema: { params: IdParamsSchema, body: NoBodySchema, response: { 200: MessageSchema } },
    handler: (req) => cancelMessage(deps, req.principal.orgId, req.params.id, actorOf(req)),
  });
  route('POST /messages/:id/undo', 'undoSendMessage', {
    summary: 'Undo a send: the scheduled message goes back to a draft, text kept',
    schema: { params: IdParamsSchema, body: NoBodySchema, response: { 200: MessageSchema } },
    handler: (req) => undoSend(deps, req.principal.orgId, req.params.id, actorOf(req)),
  });
}

/** The development mailbox. */
function registerDevMailRoutes(app: RouteApp, deps: MessagingDeps): void {
  const route = routesOn(app, ['dev']);
  route('GET /dev/mail', 'listDevMail', {
    summary:
      'What the development mailbox received for this organization, newest first (admins; sign-in links masked)',
    schema: {
      querystring: PageQuerySchema.extend({ to: EmailSchema.optional() }).strict(),
      response: { 200: pageOf(DevMailSchema) },
    },
    handler: (req) => listDevMailPage(deps, req.principal.orgId, req.query),
  });
}
