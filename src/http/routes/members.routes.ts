import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inviteMember } from '../../services/auth.service.ts';
import type { MessagingDeps } from '../../services/message-templates.ts';
import { changeMember, createMember, getMember, listMembersPage } from '../../services/member.service.ts';
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
    app.post(
      '/members',
      {
        schema: {
          operationId: 'createMember',
          tags,
          summary: 'Add a member',
          body: MemberCreateSchema,
          response: { 201: MemberSchema },
        },
      },
      async (req, reply) => reply.code(201).send(await createMember(deps, req.principal.orgId, req.body)),
    );
    app.get(
      '/members',
      {
        schema: {
          operationId: 'listMembers',
          tags,
          summary: 'List members',
          querystring: MemberListQuerySchema,
          response: { 200: pageOf(MemberSchema) },
        },
      },
      (req) => listMembersPage(deps, req.principal.orgId, req.query),
    );
    app.get(
      '/members/:id',
      {
        schema: {
          operationId: 'getMember',
          tags,
          summary: 'Get a member',
          params: IdParamsSchema,
          response: { 200: MemberSchema },
        },
      },
      (req) => getMember(deps, req.principal.orgId, req.params.id),
    );
    app.post(
      '/members/:id/invite',
      {
        schema: {
          operationId: 'inviteMember',
          tags,
          summary: 'Email the member a single-use link (7 days) to choose a password and join',
          params: IdParamsSchema,
          body: NoBodySchema,
          response: { 202: z.null().describe('The invitation is on its way.') },
        },
      },
      async (req, reply) => {
        await inviteMember(deps, req.principal.orgId, req.params.id);
        return reply.code(202).send(null);
      },
    );
    app.patch(
      '/members/:id',
      {
        schema: {
          operationId: 'updateMember',
          tags,
          summary: 'Change a member (a role change or deactivation applies to their API tokens too)',
          params: IdParamsSchema,
          body: MemberPatchSchema,
          response: { 200: MemberSchema },
        },
      },
      (req) => changeMember(deps, req.principal.orgId, req.params.id, req.body),
    );
  };
}
