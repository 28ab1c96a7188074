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
import type { RouteApp } from './route-app.ts';

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
  app.post(
    '/messages/check',
    {
      schema: {
        operationId: 'checkMessage',
        tags,
        summary: 'Check a message: which parts are present, and what is risky',
        body: MessageCheckRequestSchema,
        response: { 200: MessageCheckSchema.extend({ kind: z.string() }) },
      },
    },
    (req) => checkText(req.body.kind, req.body.text),
  );
  app.post(
    '/applications/:id/messages',
    {
      schema: {
        operationId: 'draftOutcomeMessage',
        tags,
        summary: "Draft the candidate's outcome message from the decision (you are its author)",
        params: IdParamsSchema,
        body: MessageDraftSchema,
        response: { 201: MessageSchema },
      },
    },
    async (req, reply) =>
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
  );
}

/** List, read and change messages. */
function registerMessageRoutes(app: RouteApp, deps: MessagingDeps): void {
  app.get(
    '/messages',
    {
      schema: {
        operationId: 'listMessages',
        tags,
        summary:
          'List messages, oldest first; `status=draft` (optionally with `jobId`) is the "to send" list',
        querystring: MessageListQuerySchema,
        response: { 200: pageOf(MessageSchema) },
      },
    },
    (req) => listMessagesPage(deps, req.principal.orgId, req.query),
  );
  app.get(
    '/messages/:id',
    {
      schema: {
        operationId: 'getMessage',
        tags,
        summary: 'Get a message',
        params: IdParamsSchema,
        response: { 200: MessageSchema },
      },
    },
    (req) => getMessage(deps, req.principal.orgId, req.params.id),
  );
  app.patch(
    '/messages/:id',
    {
      schema: {
        operationId: 'updateMessage',
        tags,
        summary: 'Edit a draft',
        params: IdParamsSchema,
        body: MessagePatchSchema,
        response: { 200: MessageSchema },
      },
    },
    (req) => editDraft(deps, req.principal.orgId, req.params.id, req.body),
  );
}

/** Send one message, or many. */
function registerMessageSendRoutes(app: RouteApp, deps: MessagingDeps): void {
  app.post(
    '/messages/:id/send',
    {
      schema: {
        operationId: 'sendMessage',
        tags,
        summary:
          "Send a draft: after the undo window, in the candidate's business hours; scheduledFor and scheduledBecause say when and why",
        params: IdParamsSchema,
        body: MessageSendSchema,
        response: { 200: z.object({ message: MessageSchema, callScript: z.array(z.string()).nullable() }) },
      },
    },
    (req) => sendMessage(deps, req.principal.orgId, req.params.id, req.body ?? {}, actorOf(req)),
  );
  app.post(
    '/messages/send',
    {
      schema: {
        operationId: 'sendMessages',
        tags,
        summary:
          'Send several reviewed drafts: each as POST /messages/{id}/send would (undo window, checks); one refused stays a draft and says why',
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
    },
    (req) => sendMessages(deps, req.principal.orgId, req.body.ids, actorOf(req)),
  );
}

/** Cancel a scheduled message and undo a send in its window. */
function registerMessageRecallRoutes(app: RouteApp, deps: MessagingDeps): void {
  app.post(
    '/messages/:id/cancel',
    {
      schema: {
        operationId: 'cancelMessage',
        tags,
        summary: 'Cancel a draft or a scheduled message (undo)',
        params: IdParamsSchema,
        body: NoBodySchema,
        response: { 200: MessageSchema },
      },
    },
    (req) => cancelMessage(deps, req.principal.orgId, req.params.id, actorOf(req)),
  );
  app.post(
    '/messages/:id/undo',
    {
      schema: {
        operationId: 'undoSendMessage',
        tags,
        summary: 'Undo a send: the scheduled message goes back to a draft, text kept',
        params: IdParamsSchema,
        body: NoBodySchema,
        response: { 200: MessageSchema },
      },
    },
    (req) => undoSend(deps, req.principal.orgId, req.params.id, actorOf(req)),
  );
}

/** The development mailbox. */
function registerDevMailRoutes(app: RouteApp, deps: MessagingDeps): void {
  app.get(
    '/dev/mail',
    {
      schema: {
        operationId: 'listDevMail',
        tags: ['dev'],
        summary:
          'What the development mailbox received for this organization, newest first (admins; sign-in links masked)',
        querystring: PageQuerySchema.extend({ to: EmailSchema.optional() }).strict(),
        response: { 200: pageOf(DevMailSchema) },
      },
    },
    (req) => listDevMailPage(deps, req.principal.orgId, req.query),
  );
}
