import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  acceptInvite,
  changePassword,
  requestMagicLink,
  signInWithPassword,
  signOut,
  csrfTokenFor,
  type SignedIn,
} from '../../services/auth.service.ts';
import type { MessagingDeps } from '../../services/message-templates.ts';
import { getMember } from '../../services/member.service.ts';
import { getOrganization } from '../../services/organization.service.ts';
import type { MemberRole } from '../../domain/model.ts';
import { PERMISSIONS, roleAllows, type Permission } from '../../domain/permissions.ts';
import { SESSION_COOKIE, type WindowLimiter } from '../auth.ts';
import { problem, sendProblem } from '../error-handler.ts';
import { EmailSchema, IdSchema, MemberSchema, NoBodySchema } from '../schemas.ts';
import { clearSessionCookie, setSessionCookie, type CookieSettings } from '../session-cookie.ts';
import { routesOn, type RouteApp } from './route-app.ts';

/** A signed-in session as the API answers it. */
export const SessionSchema = z
  .object({
    member: MemberSchema,
    organization: z.object({ id: IdSchema, name: z.string() }),
    csrfToken: z.string().describe('Send it as X-CSRF-Token with every change made with the session cookie.'),
    permissions: z
      .array(z.enum(PERMISSIONS))
      .describe(
        "What the member's role may do (src/domain/permissions.ts): the web app shows only these screens.",
      ),
    now: z.date().describe('The server\'s clock: due times are worded against it ("due in 3 hours").'),
  })
  .meta({ id: 'Session' });

/** The permissions of a role, in the table's order. */
function permissionsOf(role: MemberRole): Permission[] {
  return PERMISSIONS.filter((p) => roleAllows(role, p));
}

/** The answer to a sign-in, however it was made (password, link, single sign-on): {@link SessionSchema}. */
export function sessionAnswer(s: Pick<SignedIn, 'member' | 'organization' | 'csrfToken'>, now: Date) {
  return {
    member: s.member,
    organization: s.organization,
    csrfToken: s.csrfToken,
    permissions: permissionsOf(s.member.role),
    now,
  };
}

/** Limits on sign-in links and invitations, per client address and per account (passwords: the service). */
export interface AuthLimiters {
  linkPerIp: WindowLimiter;
  linkPerEmail: WindowLimiter;
}

const tags = ['auth'];

/** Sign-in, sign-out, magic links, invitations, password changes. */
export function authRoutes(
  deps: MessagingDeps & { publicUrl: string },
  cookies: CookieSettings,
  limits: AuthLimiters,
): FastifyPluginAsyncZod {
  return async (app) => {
    registerSignInRoutes(app, deps, cookies, limits);
    registerInvitationAcceptRoutes(app, deps, cookies, limits);
    registerSessionRoutes(app, deps, cookies);
    registerPasswordRoute(app, deps, cookies);
  };
}

/** Sign in with a password or ask for a magic link. */
function registerSignInRoutes(
  app: RouteApp,
  deps: MessagingDeps & { publicUrl: string },
  cookies: CookieSettings,
  limits: AuthLimiters,
): void {
  const session = (s: SignedIn) => sessionAnswer(s, deps.clock.now());

  const route = routesOn(app, tags);
  route('POST /auth/sign-in', 'signIn', {
    summary: 'Sign in with email and password (sets the session cookie)',
    schema: {
      security: [],
      body: z.strictObject({
        email: EmailSchema,
        password: z.string().min(1).max(256),
        organizationId: IdSchema.optional().describe('When the account exists in several organizations.'),
      }),
      response: { 200: SessionSchema },
    },
    handler: async (req, reply) => {
      // Failed attempts are limited in the service, per account and address, in the database.
      const signedIn = await signInWithPassword(
        deps,
        { ...req.body, userAgent: req.headers['user-agent'] ?? '', address: req.ip },
        cookies.policy,
      );
      setSessionCookie(reply, signedIn.token, cookies);
      return session(signedIn);
    },
  });

  route('POST /auth/magic-link', 'requestSignInLink', {
    summary:
      'Email a single-use sign-in link (10 minutes); the answer is the same whether or not the account exists',
    schema: {
      security: [],
      body: z.strictObject({ email: EmailSchema }),
      response: { 202: z.object({ status: z.literal('sent_if_account_exists') }) },
    },
    handler: async (req, reply) => {
      if (!limits.linkPerIp.take(req.ip) || !limits.linkPerEmail.take(req.body.email.toLowerCase())) {
        return sendProblem(
          reply,
          problem('rate_limited', 'Too many sign-in links asked for; wait a few minutes.'),
        );
      }
      await requestMagicLink(deps, req.body.email);
      return reply.code(202).send({ status: 'sent_if_account_exists' as const });
    },
  });
}

/** Accept an invitation and sign in. */
function registerInvitationAcceptRoutes(
  app: RouteApp,
  deps: MessagingDeps & { publicUrl: string },
  cookies: CookieSettings,
  limits: AuthLimiters,
): void {
  const session = (s: SignedIn) => sessionAnswer(s, deps.clock.now());

  const route = routesOn(app, tags);
  route('POST /auth/invitations/accept', 'acceptInvitation', {
    summary: 'Accept an invitation: choose a password and sign in',
    schema: {
      security: [],
      body: z.strictObject({ token: z.string().min(20).max(200), password: z.string().min(1).max(256) }),
      response: { 200: SessionSchema },
    },
    handler: async (req, reply) => {
      if (!limits.linkPerIp.take(req.ip)) {
        return sendProblem(reply, problem('rate_limited', 'Too many attempts; wait a few minutes.'));
      }
      const signedIn = await acceptInvite(
        deps,
        { ...req.body, userAgent: req.headers['user-agent'] ?? '' },
        cookies.policy,
      );
      setSessionCookie(reply, signedIn.token, cookies);
      return session(signedIn);
    },
  });
}

/** Read the session and sign out. */
function registerSessionRoutes(
  app: RouteApp,
  deps: MessagingDeps & { publicUrl: string },
  cookies: CookieSettings,
): void {
  const route = routesOn(app, tags);
  route('GET /auth/session', 'getSession', {
    summary: 'Who is signed in, and the CSRF token',
    schema: { response: { 200: SessionSchema } },
    handler: async (req) => {
      const p = req.principal;
      if (p.kind !== 'member') throw new Error('unreachable: session routes need a member');
      const [member, org] = await Promise.all([
        getMember(deps, p.orgId, p.memberId),
        getOrganization(deps, p.orgId),
      ]);
      return sessionAnswer(
        {
          member,
          organization: { id: org.id, name: org.name },
          csrfToken: csrfTokenFor(req.cookies[SESSION_COOKIE] ?? ''),
        },
        deps.clock.now(),
      );
    },
  });

  route('POST /auth/sign-out', 'signOut', {
    summary: 'End this session',
    schema: { body: NoBodySchema, response: { 204: z.null().describe('Signed out.') } },
    handler: async (req, reply) => {
      const p = req.principal;
      if (p.kind === 'member') await signOut(deps, p.orgId, p.sessionId);
      clearSessionCookie(reply, cookies);
      return reply.code(204).send(null);
    },
  });
}

/** Change one's password. */
function registerPasswordRoute(
  app: RouteApp,
  deps: MessagingDeps & { publicUrl: string },
  cookies: CookieSettings,
): void {
  const session = (s: SignedIn) => sessionAnswer(s, deps.clock.now());

  const route = routesOn(app, tags);
  route('POST /auth/password', 'changePassword', {
    summary: 'Change your password; every other session ends',
    schema: {
      body: z.strictObject({
        currentPassword: z.string().min(1).max(256),
        newPassword: z.string().min(1).max(256),
      }),
      response: { 200: SessionSchema },
    },
    handler: async (req, reply) => {
      const p = req.principal;
      if (p.kind !== 'member') throw new Error('unreachable: session routes need a member');
      const signedIn = await changePassword(
        deps,
        p.orgId,
        p.memberId,
        { ...req.body, userAgent: req.headers['user-agent'] ?? '' },
        cookies.policy,
      );
      setSessionCookie(reply, signedIn.token, cookies);
      return session(signedIn);
    },
  });
}
