import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServiceDeps } from '../../services/deps.ts';
import { logTouchpoint, undoTouchpoint } from '../../services/touchpoint.service.ts';
import { actorOf } from '../auth.ts';
import {
  FollowUpSchema,
  IdParamsSchema,
  IdSchema,
  TouchpointCreateSchema,
  TouchpointSchema,
  WrittenNoteSchema,
} from '../schemas.ts';

/** Touchpoints: contacts that happened (calls, emails, meetings). */
export function touchpointsRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/touchpoints',
      {
        schema: {
          operationId: 'logTouchpoint',
          tags: ['touchpoints'],
          summary: 'Log a contact you made or received; closes the open follow-ups it fulfils',
          body: TouchpointCreateSchema,
          response: {
            201: z.object({
              touchpoint: TouchpointSchema,
              closedFollowUps: z.array(FollowUpSchema),
              notClosed: z
                .object({
                  followUpId: IdSchema,
                  reason: z.enum([
                    'not_open',
                    'did_not_reach',
                    'wrong_parties',
                    'wrong_kind',
                    'predates_follow_up',
                  ]),
                })
                .nullable(),
              writtenNote: WrittenNoteSchema.nullable().describe(
                'After an outcome call: whether the written note still goes, and when.',
              ),
              undoUntil: z.date().nullable().describe('Until when POST /touchpoints/{id}/undo works.'),
            }),
          },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await logTouchpoint(deps, req.principal.orgId, req.body, actorOf(req))),
    );
    app.post(
      '/touchpoints/:id/undo',
      {
        schema: {
          operationId: 'undoTouchpoint',
          tags: ['touchpoints'],
          summary: 'Undo logging an outcome call within the undo window; reopens what it closed',
          params: IdParamsSchema,
          response: {
            200: z.object({ touchpoint: TouchpointSchema, reopenedFollowUps: z.array(FollowUpSchema) }),
          },
        },
      },
      (req) => undoTouchpoint(deps, req.principal.orgId, req.params.id, actorOf(req)),
    );
  };
}
