import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServiceDeps } from '../../services/deps.ts';
import { logTouchpoint } from '../../services/touchpoint.service.ts';
import { actorOf } from '../auth.ts';
import { FollowUpSchema, IdSchema, TouchpointCreateSchema, TouchpointSchema } from '../schemas.ts';

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
            }),
          },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await logTouchpoint(deps, req.principal.orgId, req.body, actorOf(req))),
    );
  };
}
