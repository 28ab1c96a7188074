import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MEMBER_ROLES } from '../../domain/model.ts';
import { escapeHtml } from '../../domain/template-html.ts';
import { AppError } from '../../errors.ts';
import type { SessionPolicy } from '../../services/auth.service.ts';
import {
  finishSsoSignIn,
  getSsoSettings,
  putSsoSettings,
  removeSsoSettings,
  ssoRedirectUri,
  startSsoSignIn,
  type SsoDeps,
} from '../../services/sso.service.ts';
import { actorOf, type WindowLimiter } from '../auth.ts';
import { problem, sendProblem } from '../error-handler.ts';
import { EmailSchema, LineSchema } from '../schemas.ts';
import { setSessionCookie, type CookieSettings } from '../session-cookie.ts';
import { page } from './auth-pages.routes.ts';
import { sessionAnswer, SessionSchema } from './auth.routes.ts';
import { routesOn, type RouteApp } from './route-app.ts';

/** The cookie that binds a sign-in in progress to the browser that started it. */
const SSO_COOKIE = 'hb_sso';
const SSO_COOKIE_PATH = '/api/v1/auth/sso';

const SsoSettingsSchema = z
  .object({
    issuer: z.string().describe("The provider's issuer URL, as its discovery document names it."),
    clientId: z.string(),
    clientSecretSet: z.literal(true).describe('The client secret is stored; it is never shown again.'),
    emailDomains: z.array(z.string()),
    jitRole: z
      .enum(MEMBER_ROLES)
      .nullable()
      .describe('The role a first sign-in joins at; null: nobody joins.'),
    passwordsEnabled: z.boolean(),
    signInLinksEnabled: z.boolean(),
    updatedAt: z.date(),
  })
  .meta({ id: 'SsoSettings' });

const SsoAnswerSchema = z
  .object({
    redirectUri: z.string().describe('Register this redirect URI with the identity provider.'),
    settings: SsoSettingsSchema.nullable().describe('Null while single sign-on is not set up.'),
  })
  .meta({ id: 'SsoAnswer' });

const SsoInputSchema = z.strictObject({
  issuer: z.string().trim().min(1).max(500),
  clientId: LineSchema(500),
  clientSecret: z
    .string()
    .min(1)
    .max(2000)
    .optional()
    .describe('Write-only. Leave out to keep the stored secret; needed the first time.'),
  emailDomains: z.array(z.string().max(253)).min(1).max(20),
  jitRole: z
    .enum(MEMBER_ROLES)
    .nullable()
    .default('interviewer')
    .describe(
      'The role someone of an allowed domain joins at on their first sign-in (default interviewer; admin only if chosen); null: only existing members sign in.',
    ),
  passwordsEnabled: z.boolean().default(true),
  signInLinksEnabled: z.boolean().default(true),
});

/** Whether the caller is a browser (an error page) rather than an API client (a problem document). */
function wantsHtml(req: FastifyRequest): boolean {
  return (req.headers.accept ?? '').includes('text/html');
}

function refuse(req: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  if (!wantsHtml(req)) return sendProblem(reply, problem(error.code, error.message));
  return reply
    .code(error.status)
    .type('text/html; charset=utf-8')
    .send(
      page(
        'Could not sign you in',
        `<p class="error" role="alert">${escapeHtml(error.message)}</p>
<p>Problem code: <code>${escapeHtml(error.code)}</code></p>
<p><a href="/">Back to sign in</a></p>`,
      ),
    );
}

const tags = ['auth'];

/** Single sign-on: the browser's round trip through the identity provider, and its admin settings. */
export function ssoRoutes(
  deps: SsoDeps,
  cookies: CookieSettings & { policy: SessionPolicy },
  perIp: WindowLimiter,
): FastifyPluginAsyncZod {
  return async (app) => {
    registerSsoStartRoute(app, deps, cookies, perIp);
    registerSsoCallbackRoute(app, deps, cookies, perIp);
    registerSsoSettingsRoutes(app, deps);
  };
}

/** Start single sign-on: send the browser to the identity provider. */
function registerSsoStartRoute(
  app: RouteApp,
  deps: SsoDeps,
  cookies: CookieSettings & { policy: SessionPolicy },
  perIp: WindowLimiter,
): void {
  const route = routesOn(app, tags);
  route('GET /auth/sso/start', 'requestSsoSignIn', {
    summary:
      "Start signing in with the company account of the email's organization (redirects to its provider)",
    schema: {
      security: [],
      querystring: z.strictObject({ email: EmailSchema }),
      response: {
        200: z
          .object({
            redirectTo: z.string().describe("The identity provider's sign-in page: send the browser there."),
          })
          .describe('For API clients (no text/html in Accept); the sign-in cookie is set all the same.'),
        303: z.null().describe("For browsers: to the identity provider's sign-in page."),
      },
    },
    handler: async (req, reply) => {
      if (!perIp.take(req.ip)) {
        return refuse(
          req,
          reply,
          new AppError('rate_limited', 'Too many sign-in attempts; wait a few minutes.'),
        );
      }
      try {
        const started = await startSsoSignIn(deps, req.query.email);
        void reply.setCookie(SSO_COOKIE, started.browserToken, {
          httpOnly: true,
          // Lax: the provider sends the browser back with a top-level GET, which carries it.
          sameSite: 'lax',
          secure: cookies.secure,
          path: SSO_COOKIE_PATH,
          maxAge: 600,
        });
        if (!wantsHtml(req)) return { redirectTo: started.url };
        return reply.redirect(started.url, 303);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        return refuse(req, reply, error);
      }
    },
  });
}

/** Come back from the identity provider and sign in. */
function registerSsoCallbackRoute(
  app: RouteApp,
  deps: SsoDeps,
  cookies: CookieSettings & { policy: SessionPolicy },
  perIp: WindowLimiter,
): void {
  const route = routesOn(app, tags);
  route('GET /auth/sso/callback', 'acceptSsoSignIn', {
    summary: 'Where the identity provider sends the browser back: checks its answer and signs in',
    schema: {
      security: [],
      // What the provider sends back (RFC 6749 4.1.2, RFC 9207); anything else it adds is kept.
      querystring: z.looseObject({
        code: z.string().max(4000).optional(),
        state: z.string().max(200).optional(),
        iss: z.string().max(500).optional(),
        error: z.string().max(200).optional(),
        error_description: z.string().max(1000).optional(),
      }),
      response: {
        200: SessionSchema.describe('For API clients (no text/html in Accept): signed in, the cookie set.'),
        303: z.null().describe('For browsers: signed in (the session cookie is set), to the app.'),
      },
    },
    handler: async (req, reply) => {
      if (!perIp.take(req.ip)) {
        return refuse(
          req,
          reply,
          new AppError('rate_limited', 'Too many sign-in attempts; wait a few minutes.'),
        );
      }
      const browserToken = req.cookies[SSO_COOKIE] ?? '';
      // Used or not, the binding is spent with this answer.
      void reply.clearCookie(SSO_COOKIE, {
        httpOnly: true,
        sameSite: 'lax',
        secure: cookies.secure,
        path: SSO_COOKIE_PATH,
      });
      try {
        const signedIn = await finishSsoSignIn(
          deps,
          {
            query: Object.fromEntries(
              Object.entries(req.query).filter((e): e is [string, string] => typeof e[1] === 'string'),
            ),
            browserToken,
            userAgent: req.headers['user-agent'] ?? '',
          },
          cookies.policy,
        );
        setSessionCookie(reply, signedIn.token, cookies);
        if (!wantsHtml(req)) return sessionAnswer(signedIn, deps.clock.now());
        return reply.redirect('/', 303);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        return refuse(req, reply, error);
      }
    },
  });
}

/** Read, set and remove the organization's single sign-on. */
function registerSsoSettingsRoutes(app: RouteApp, deps: SsoDeps): void {
  const route = routesOn(app, ['organization']);
  route('GET /organization/sso', 'getSsoSettings', {
    summary: 'Single sign-on settings (the client secret is never shown) and the redirect URI to register',
    schema: { response: { 200: SsoAnswerSchema } },
    handler: async (req) => ({
      redirectUri: ssoRedirectUri(deps.publicUrl),
      settings: await getSsoSettings(deps, req.principal.orgId),
    }),
  });

  route('PUT /organization/sso', 'replaceSsoSettings', {
    summary:
      'Set up or replace single sign-on; passwords and sign-in links can be turned off only by an admin who signed in through the provider',
    schema: { body: SsoInputSchema, response: { 200: SsoAnswerSchema } },
    handler: async (req) => ({
      redirectUri: ssoRedirectUri(deps.publicUrl),
      settings: await putSsoSettings(deps, req.principal.orgId, actorOf(req), req.body),
    }),
  });

  route('DELETE /organization/sso', 'removeSsoSettings', {
    summary: 'Remove single sign-on: passwords and sign-in links work again',
    schema: { response: { 204: z.null().describe('Removed.') } },
    handler: async (req, reply) => {
      await removeSsoSettings(deps, req.principal.orgId);
      return reply.code(204).send(null);
    },
  });
}
