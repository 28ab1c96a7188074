import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServiceDeps } from '../../services/deps.ts';
import { logTouchpoint, undoTouchpoint } from '../../services/touchpoint.service.ts';
import { actorOf } from '../auth.ts';
import { routesOn } from './route-app.ts';
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
    const route = routesOn(app, ['touchpoints']);
    route('POST /touchpoints', 'logTouchpoint', {
      summary: 'Log a contact you made or received; closes the open follow-ups it fulfils',
      schema: {
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
      handler: async (req, reply) =>
        reply.code(201).send(await logTouchpoint(deps, req.principal.orgId, req.body, actorOf(req))),
    });
    route('POST /touchpoints/:id/undo', 'undoTouchpoint', {
      summary: 'Undo logging an outcome call within the undo window; reopens what it closed',
      schema: {
        params: IdParamsSchema,
        response: {
          200: z.object({ touchpoint: TouchpointSchema, reopenedFollowUps: z.array(FollowUpSchema) }),
        },
      },
      handler: (req) => undoTouchpoint(deps, req.principal.orgId, req.params.id, actorOf(req)),
    });
  };
}
