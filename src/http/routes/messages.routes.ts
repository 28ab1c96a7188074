import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  cancelMessage,
  checkText,
  draftOutcomeMessage,
  editDraft,
  getMessage,
  listMessagesPage,
  sendMessage,
  type MessagingDeps,
} from '../../services/message.service.ts';
import { listDevMailPage } from '../../services/dev-mail.service.ts';
import {
  IdParamsSchema,
  IdSchema,
  PageQuerySchema,
  MessageCancelSchema,
  MessageCheckRequestSchema,
  MessageCheckSchema,
  MessageDraftSchema,
  MessageListQuerySchema,
  MessagePatchSchema,
  MessageSchema,
  MessageSendSchema,
  pageOf,
} from '../schemas.ts';

/** The composer and the outbox. */
export function messagesRoutes(deps: MessagingDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['messages'];
    app.post(
      '/messages/check',
      {
        schema: {
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
          tags,
          summary: "Draft the candidate's outcome message from the decision",
          params: IdParamsSchema,
          body: MessageDraftSchema,
          response: { 201: MessageSchema },
        },
      },
      async (req, reply) =>
        reply.code(201).send(
          await draftOutcomeMessage(deps, req.principal.orgId, {
            ...req.body,
            applicationId: req.params.id,
          }),
        ),
    );
    app.get(
      '/messages',
      {
        schema: {
          tags,
          summary: 'List messages',
          querystring: MessageListQuerySchema,
          response: { 200: pageOf(MessageSchema) },
        },
      },
      (req) => listMessagesPage(deps, req.principal.orgId, req.query),
    );
    app.get(
      '/messages/:id',
      {
        schema: { tags, summary: 'Get a message', params: IdParamsSchema, response: { 200: MessageSchema } },
      },
      (req) => getMessage(deps, req.principal.orgId, req.params.id),
    );
    app.patch(
      '/messages/:id',
      {
        schema: {
          tags,
          summary: 'Edit a draft',
          params: IdParamsSchema,
          body: MessagePatchSchema,
          response: { 200: MessageSchema },
        },
      },
      (req) => editDraft(deps, req.principal.orgId, req.params.id, req.body),
    );
    app.post(
      '/messages/:id/send',
      {
        schema: {
          tags,
          summary: 'Send a draft (after the undo window, in the candidate’s business hours)',
          params: IdParamsSchema,
          body: MessageSendSchema,
          response: { 200: z.object({ message: MessageSchema, callScript: z.array(z.string()).nullable() }) },
        },
      },
      (req) => sendMessage(deps, req.principal.orgId, req.params.id, req.body),
    );
    app.get(
      '/dev/mail',
      {
        schema: {
          tags: ['dev'],
          summary: 'What the development mailbox received for this organization (newest first)',
          querystring: PageQuerySchema.extend({ to: z.string().max(320).optional() }).strict(),
          response: {
            200: pageOf(
              z.object({
                id: IdSchema,
                messageId: z.string(),
                envelopeTo: z.string(),
                headers: z.record(z.string(), z.string()),
                subject: z.string(),
                bodyText: z.string(),
                bodyHtml: z.string(),
                deliveredAt: z.date(),
              }),
            ),
          },
        },
      },
      (req) => listDevMailPage(deps, req.principal.orgId, req.query),
    );
    app.post(
      '/messages/:id/cancel',
      {
        schema: {
          tags,
          summary: 'Cancel a draft or a scheduled message (undo)',
          params: IdParamsSchema,
          body: MessageCancelSchema,
          response: { 200: MessageSchema },
        },
      },
      (req) => cancelMessage(deps, req.principal.orgId, req.params.id, req.body.memberId),
    );
  };
}
