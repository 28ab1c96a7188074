import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inviteMember } from '../../services/auth.service.ts';
import type { MessagingDeps } from '../../services/message-templates.ts';
import { changeMember, createMember, getMember, listMembersPage } from '../../services/member.service.ts';
import { routesOn } from './route-app.ts';
import {
  IdParamsSchema,
  MemberCreateSchema,
  MemberListQuerySchema,
  MemberPatchSchema,
  MemberSchema,
  NoBodySchema,
  pageOf,
} from '../schemas.ts';

/** Members of the organization. */
export function membersRoutes(deps: MessagingDeps & { publicUrl: string }): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['members'];
    const route = routesOn(app, tags);
    route('POST /members', 'createMember', {
      summary: 'Add a member',
      schema: { body: MemberCreateSchema, response: { 201: MemberSchema } },
      handler: async (req, reply) =>
        reply.code(201).send(await createMember(deps, req.principal.orgId, req.body)),
    });
    route('GET /members', 'listMembers', {
      summary: 'List members',
      schema: { querystring: MemberListQuerySchema, response: { 200: pageOf(MemberSchema) } },
      handler: (req) => listMembersPage(deps, req.principal.orgId, req.query),
    });
    route('GET /members/:id', 'getMember', {
      summary: 'Get a member',
      schema: { params: IdParamsSchema, response: { 200: MemberSchema } },
      handler: (req) => getMember(deps, req.principal.orgId, req.params.id),
    });
    route('POST /members/:id/invite', 'inviteMember', {
      summary: 'Email the member a single-use link (7 days) to choose a password and join',
      schema: {
        params: IdParamsSchema,
        body: NoBodySchema,
        response: { 202: z.null().describe('The invitation is on its way.') },
      },
      handler: async (req, reply) => {
        await inviteMember(deps, req.principal.orgId, req.params.id);
        return reply.code(202).send(null);
      },
    });
    route('PATCH /members/:id', 'updateMember', {
      summary: 'Change a member (a role change or deactivation applies to their API tokens too)',
      schema: { params: IdParamsSchema, body: MemberPatchSchema, response: { 200: MemberSchema } },
      handler: (req) => changeMember(deps, req.principal.orgId, req.params.id, req.body),
    });
  };
}
