import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { MessagingDeps } from '../../services/message-templates.ts';
import {
  getPoolCandidate,
  inviteToPool,
  matchPoolCandidate,
  removeFromPool,
  searchTalentPool,
} from '../../services/talent-pool.service.ts';
import { actorOf } from '../auth.ts';
import {
  ApplicationSchema,
  IdParamsSchema,
  IdSchema,
  LineSchema,
  PageQuerySchema,
  pageOf,
  ProseSchema,
} from '../schemas.ts';
import { routesOn, type RouteApp } from './route-app.ts';

const TagSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(40)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._+#-]*$/u, 'letters, digits, spaces and . _ + # -');

export const PoolMembershipSchema = z
  .object({
    id: IdSchema,
    candidateId: IdSchema,
    applicationId: IdSchema.describe('The application they were a runner-up in.'),
    status: z.enum(['invited', 'opted_in', 'declined', 'expired', 'removed']),
    offer: z.string().describe('What the team offered to keep them posted about.'),
    interests: z.string().describe('What the candidate said they want to hear about.'),
    tags: z.array(z.string()),
    cadenceDays: z.number().int().describe('Days between stay-in-touch contacts.'),
    consentMonths: z
      .number()
      .int()
      .nullable()
      .describe('While invited: the months the team suggested; once opted in: what the candidate chose.'),
    consentUntil: z.date().nullable(),
    ownerId: IdSchema,
    invitedAt: z.date(),
    respondedAt: z.date().nullable(),
    endedAt: z.date().nullable(),
  })
  .meta({ id: 'PoolMembership' });

export const PoolEntrySchema = PoolMembershipSchema.extend({
  candidate: z.object({ name: z.string(), email: z.string().nullable() }),
  job: z.object({ id: IdSchema, title: z.string() }).describe('The job they were a runner-up in.'),
  nextContactAt: z.date().nullable().describe('When the next stay-in-touch contact is due, if one is.'),
}).meta({ id: 'PoolEntry' });

/** The talent pool's search: every given tag, and the text. */
export const TalentPoolQuerySchema = PageQuerySchema.extend({
  tag: z
    .union([TagSchema, z.array(TagSchema).max(10)])
    .optional()
    .describe('Repeat for several: a candidate has all of them.'),
  q: LineSchema(200).optional(),
});

const PoolCandidateSchema = z
  .object({
    membership: PoolMembershipSchema,
    candidate: z.object({
      id: IdSchema,
      name: z.string(),
      email: z.string().nullable(),
      phone: z.string().nullable(),
    }),
    applications: z.array(
      z.object({
        id: IdSchema,
        jobId: IdSchema,
        jobTitle: z.string(),
        status: z.string(),
        interviews: z.array(
          z.object({ title: z.string(), scheduledAt: z.date().nullable(), closedAt: z.date().nullable() }),
        ),
      }),
    ),
    feedbackGiven: z
      .array(z.object({ subject: z.string(), text: z.string(), sentAt: z.date().nullable() }))
      .describe('What they were told: the outcome and update emails that reached them.'),
  })
  .meta({ id: 'PoolCandidate' });

const tags = ['talent pool'];

/** The talent pool: runners-up who opted in to stay in touch. */
export function talentPoolRoutes(deps: MessagingDeps): FastifyPluginAsyncZod {
  return async (app) => {
    registerTalentPoolRoutes(app, deps);
    registerPoolMembershipRoutes(app, deps);
  };
}

/** List and read the talent pool. */
function registerTalentPoolRoutes(app: RouteApp, deps: MessagingDeps): void {
  const route = routesOn(app, tags);
  route('GET /talent-pool', 'searchTalentPool', {
    summary: 'Opted-in candidates: with every given tag, and matching the text (name, interests, tags, job)',
    schema: { querystring: TalentPoolQuerySchema, response: { 200: pageOf(PoolEntrySchema) } },
    handler: async (req) => {
      const { tag, q, cursor, limit } = req.query;
      return searchTalentPool(deps, req.principal.orgId, {
        tags: tag === undefined ? [] : Array.isArray(tag) ? tag : [tag],
        q,
        cursor,
        limit,
      });
    },
  });
  route('GET /talent-pool/:id', 'getPoolCandidate', {
    summary: 'A pool candidate (by candidate id) with their interview history and what they were told',
    schema: { params: IdParamsSchema, response: { 200: PoolCandidateSchema } },
    handler: async (req) => getPoolCandidate(deps, req.principal.orgId, req.params.id),
  });
}

/** Invite a candidate into the pool, match a pooled candidate to a job, and remove one. */
function registerPoolMembershipRoutes(app: RouteApp, deps: MessagingDeps): void {
  const route = routesOn(app, tags);
  route('POST /applications/:id/pool-invitation', 'inviteToTalentPool', {
    summary:
      'Invite a rejected runner-up (or one whose role closed) to stay in touch; they are emailed and answer on their page',
    schema: {
      params: IdParamsSchema,
      body: z.strictObject({
        offer: ProseSchema(500, 1).describe('What you will keep them posted about, in their words.'),
        tags: z.array(TagSchema).max(20).optional(),
        cadenceDays: z.number().int().min(7).max(365).optional().describe("Default: the policy's."),
        consentMonths: z
          .number()
          .int()
          .min(1)
          .max(36)
          .optional()
          .describe(
            "How long you suggest keeping in touch, in months; the candidate chooses. Default: the policy's.",
          ),
      }),
      response: { 201: PoolMembershipSchema },
    },
    handler: async (req, reply) =>
      reply
        .code(201)
        .send(await inviteToPool(deps, req.principal.orgId, actorOf(req).memberId, req.params.id, req.body)),
  });
  route('POST /talent-pool/:id/match', 'matchPoolCandidate', {
    summary: 'Match a pool candidate (by candidate id) into a job: a new application, in one action',
    schema: {
      params: IdParamsSchema,
      body: z.strictObject({ jobId: IdSchema }),
      response: { 201: ApplicationSchema },
    },
    handler: async (req, reply) =>
      reply
        .code(201)
        .send(
          await matchPoolCandidate(
            deps,
            req.principal.orgId,
            actorOf(req).memberId,
            req.params.id,
            req.body.jobId,
          ),
        ),
  });
  route('DELETE /talent-pool/:id', 'removePoolCandidate', {
    summary:
      'Take a candidate (by candidate id) out of the pool: their stay-in-touch follow-ups are cancelled',
    schema: { params: IdParamsSchema, response: { 204: z.null().describe('Removed.') } },
    handler: async (req, reply) => {
      await removeFromPool(deps, req.principal.orgId, req.params.id);
      return reply.code(204).send(null);
    },
  });
}
