import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import {
  serializerCompiler,
  validatorCompiler,
  type FastifyPluginAsyncZod,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { TrustProxy } from '../config.ts';
import type { ServiceDeps } from '../services/deps.ts';
import type { MailIdentity } from '../services/outbox.service.ts';
import { devMailRoutes } from './routes/dev-mail.routes.ts';
import { messagesRoutes } from './routes/messages.routes.ts';
import { reportsRoutes } from './routes/reports.routes.ts';
import { templatesRoutes } from './routes/templates.routes.ts';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../paths.ts';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifyHelmet from '@fastify/helmet';
import { DEFAULT_SESSION_POLICY, type SessionPolicy } from '../services/auth.service.ts';
import { authenticate, guardRoutes, WindowLimiter } from './auth.ts';
import { authPagesRoutes } from './routes/auth-pages.routes.ts';
import { calendarFeedRoutes } from './routes/calendar-feed.routes.ts';
import { candidatePageRoutes } from './routes/candidate-page.routes.ts';
import { authRoutes } from './routes/auth.routes.ts';
import { ssoRoutes } from './routes/sso.routes.ts';
import type { SsoSettings } from '../services/sso.service.ts';
import { serializeRequest } from './request-log.ts';
import { cookieSettings } from './session-cookie.ts';
import {
  handleClientError,
  handleError,
  handleFrameworkError,
  problem,
  sendProblem,
} from './error-handler.ts';
import { openApiTransforms } from './openapi.ts';
import type { RouteApp } from './routes/route-app.ts';

/** The browser features every response denies to its page. */
export const PERMISSIONS_POLICY =
  'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), browsing-topics=()';
import { refuseBodyWithoutMeaning, requireJsonBody } from './request-guards.ts';
import { registerIdempotency } from './idempotency.ts';
import { exportsRoutes } from './routes/exports.routes.ts';
import { applicationsRoutes } from './routes/applications.routes.ts';
import { candidatesRoutes } from './routes/candidates.routes.ts';
import { followUpsRoutes } from './routes/follow-ups.routes.ts';
import { followUpSnoozeRoutes } from './routes/follow-up-snooze.routes.ts';
import { jobPipelineRoutes } from './routes/job-pipeline.routes.ts';
import { interviewsRoutes } from './routes/interviews.routes.ts';
import { jobsRoutes } from './routes/jobs.routes.ts';
import { membersRoutes } from './routes/members.routes.ts';
import { organizationRoutes } from './routes/organization.routes.ts';
import { promisesRoutes } from './routes/promises.routes.ts';
import { touchpointsRoutes } from './routes/touchpoints.routes.ts';
import { homeRoutes } from './routes/home.routes.ts';
import { agencyRoutes } from './routes/agency.routes.ts';
import { clientAnswerApiRoutes, clientAnswerPageRoutes } from './routes/client-answer.routes.ts';
import { clientDeclarationsRoutes } from './routes/client-declarations.routes.ts';
import { debriefRoutes } from './routes/debrief.routes.ts';
import { placementRoutes } from './routes/placement.routes.ts';
import { agencyReportRoutes } from './routes/agency-report.routes.ts';
import { calendarRoutes } from './routes/calendar.routes.ts';
import { importsRoutes } from './routes/imports.routes.ts';
import { inboxRoutes } from './routes/inbox.routes.ts';
import { talentPoolRoutes } from './routes/talent-pool.routes.ts';
import { webhooksRoutes } from './routes/webhooks.routes.ts';
import type { InboundLimits } from '../mail/parse-inbound.ts';
import type { WebhookSettings } from '../services/webhook.service.ts';

/** Options of the HTTP app. */
export interface AppOptions {
  /** Fastify's logger option. Default: off (tests); `hearback serve` passes its level. */
  logger?: FastifyServerOptions['logger'];
  /** Requests per minute per client address on the API. Default 1200. */
  rateLimitPerMinute?: number;
}

/** What the app needs: the services' dependencies, and how mail and links are made. */
export interface AppDeps extends ServiceDeps {
  /** Sender and Message-ID domain. Default: Hearback <hearback@localhost>. */
  identity?: MailIdentity;
  /** Base URL for links in emails and cookie security. Default http://localhost:3000. */
  publicUrl?: string;
  /** Session lifetimes. Default: 8 hours idle, 7 days absolute. */
  sessionPolicy?: SessionPolicy;
  /** Serve the development mailbox at /dev/mail (only when it is the transport). Default false. */
  devMailbox?: boolean;
  /** Webhook registration rules (WEBHOOK_ALLOW_PRIVATE_TARGETS). Default: private targets refused. */
  webhooks?: WebhookSettings;
  /** Limits on inbound mail (INBOUND_MAX_BYTES, INBOUND_MAX_ATTACHMENTS). Default 10 MiB, 20. */
  inboundLimits?: InboundLimits;
  /** The built web app (`npm run build`). Default dist/web; when missing, "/" is a plain landing page. */
  webDir?: string;
  /** Proxies whose X-Forwarded-For is believed (TRUST_PROXY). Default none: the socket's address. */
  trustProxy?: TrustProxy;
  /** How single sign-on reaches identity providers. Default: https issuers only. */
  sso?: SsoSettings;
}

const DEFAULT_WEB_DIR = join(PROJECT_ROOT, 'dist/web');

const DEFAULT_IDENTITY: MailIdentity = {
  from: { name: 'Hearback', address: 'hearback@localhost' },
  domain: 'localhost',
};
const MINUTE = 60_000;
const DEFAULT_INBOUND_LIMITS: InboundLimits = { maxBytes: 10_485_760, maxAttachments: 20 };
/** The router's longest path parameter (find-my-way's default, which Fastify keeps). */
const MAX_PARAM_LENGTH = 100;

/** Build the HTTP app around the services. Listening is the caller's business. */
export async function buildApp(appDeps: AppDeps, options: AppOptions = {}): Promise<FastifyInstance> {
  const publicUrl = appDeps.publicUrl ?? 'http://localhost:3000';
  const deps = {
    db: appDeps.db,
    clock: appDeps.clock,
    identity: appDeps.identity ?? DEFAULT_IDENTITY,
    publicUrl,
  };
  const cookies = cookieSettings(publicUrl, appDeps.sessionPolicy ?? DEFAULT_SESSION_POLICY);
  const limiter: LimiterOf = (max, windowMs) => new WindowLimiter(deps.clock, max, windowMs);
  const app = createFastify(appDeps, options);
  await registerSecurityHeaders(app, publicUrl);
  await registerApiDocs(app, publicUrl);
  await registerPages(app, appDeps, deps, cookies, limiter);
  await app.register(apiPlugin(appDeps, options, deps, cookies, limiter), { prefix: '/api/v1' });
  return app;
}

/** What every route plugin gets: the services' dependencies with the mail identity and public URL settled. */
type AppServiceDeps = ServiceDeps & { identity: MailIdentity; publicUrl: string };

/** A fresh fixed-window limiter on the app's clock: at most `max` per key in `windowMs`. */
type LimiterOf = (max: number, windowMs: number) => WindowLimiter;

/** Fastify with the zod type provider, problem-shaped errors and the request guards every route shares. */
function createFastify(appDeps: AppDeps, options: AppOptions): RouteApp {
  const logger = options.logger ?? false;
  const app = Fastify({
    // Whatever the level, the request log never shows a token from a link (request-log.ts).
    logger:
      logger === true || (typeof logger === 'object' && logger !== null)
        ? {
            ...(logger === true ? {} : logger),
            serializers: { ...(logger === true ? {} : logger.serializers), req: serializeRequest },
          }
        : logger,
    bodyLimit: 1_048_576,
    return503OnClosing: true,
    // The client address drives rate limits and sign-in backoff: only a configured proxy may set it.
    trustProxy: appDeps.trustProxy ?? false,
    // Routing and HTTP parsing failures are problems like any other (400, 414, 431 …).
    frameworkErrors: handleFrameworkError,
    clientErrorHandler: handleClientError,
  }).withTypeProvider<ZodTypeProvider>();
  // Fastify hands a missing body to the validator as null: an optional body is simply absent.
  app.setValidatorCompiler((route) => {
    const validate = validatorCompiler(route as Parameters<typeof validatorCompiler>[0]);
    return route.httpPart === 'body' ? (data: unknown) => validate(data ?? undefined) : validate;
  });
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0]!;
    // A path segment over the router's limit skips the API's routes; with the web app's static
    // files registered it lands on their wildcard and then here, not in frameworkErrors.
    if (path.split('/').some((segment) => segment.length > MAX_PARAM_LENGTH)) {
      return sendProblem(
        reply,
        problem('uri_too_long', `A path segment is over ${MAX_PARAM_LENGTH} characters.`),
      );
    }
    return sendProblem(reply, problem('not_found', `No route ${request.method} ${path}.`));
  });
  guardRoutes(app);
  app.addHook('onRequest', refuseBodyWithoutMeaning);

  return app;
}

/** Cookies, and the security headers every response carries. */
async function registerSecurityHeaders(app: RouteApp, publicUrl: string): Promise<void> {
  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // The API docs (swagger-ui) need inline styles; nothing here needs inline script.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        frameSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        // Over plain HTTP (a LAN install, localhost) upgrading would break every request.
        upgradeInsecureRequests: publicUrl.startsWith('https://') ? [] : null,
      },
    },
    // HSTS only means something over TLS.
    strictTransportSecurity: publicUrl.startsWith('https://')
      ? { maxAge: 31_536_000, includeSubDomains: true }
      : false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  });
  // Helmet sets no Permissions-Policy: nothing here uses a camera, a microphone, a location,
  // payments or USB, so no page (or anything injected into one) may ask for them.
  app.addHook('onRequest', async (_req, reply) => {
    reply.header('Permissions-Policy', PERMISSIONS_POLICY);
  });
}

/** The OpenAPI document (/api/openapi.json) and its browsable docs (/api/docs). */
async function registerApiDocs(app: RouteApp, publicUrl: string): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Hearback API',
        version: '1',
        license: { name: 'MIT', identifier: 'MIT' },
        description:
          'Interview follow-up that happens. Authenticate with `Authorization: Bearer <API token>` (a token acts ' +
          'as the member who created it) or the session cookie (plus `X-CSRF-Token` on changes). The actor is ' +
          'always who is authenticated: no body names it. Errors are application/problem+json with a stable ' +
          '`code`; lists answer `{items, nextCursor}`; PUT replaces, PATCH merges; dates take `YYYY-MM-DD` or ' +
          'a full instant; POSTs accept an `Idempotency-Key` header.',
      },
      servers: [{ url: publicUrl, description: 'This Hearback server' }],
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    ...openApiTransforms(),
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());
}

/** The pages outside the API: home or the web app, the pages behind emailed links, the dev mailbox. */
async function registerPages(
  app: RouteApp,
  appDeps: AppDeps,
  deps: AppServiceDeps,
  cookies: ReturnType<typeof cookieSettings>,
  limiter: LimiterOf,
): Promise<void> {
  const webDir = appDeps.webDir ?? DEFAULT_WEB_DIR;
  const web = existsSync(`${webDir}/index.html`);
  await app.register(homeRoutes(deps, { landing: !web }));
  if (web) {
    // The React app: hashed assets cache forever; index.html must be fetched fresh each time.
    await app.register(fastifyStatic, {
      root: webDir,
      index: 'index.html',
      setHeaders: (res, path) => {
        res.setHeader(
          'cache-control',
          path.endsWith('.html') ? 'no-cache' : 'public, max-age=31536000, immutable',
        );
      },
    });
  }
  await app.register(authPagesRoutes(deps, cookies, limiter(20, MINUTE)));
  await app.register(candidatePageRoutes(deps, cookies, limiter(30, MINUTE)));
  await app.register(clientAnswerPageRoutes(deps, limiter(30, MINUTE)));
  await app.register(calendarFeedRoutes(deps, limiter(60, MINUTE)));
  if (appDeps.devMailbox) await app.register(devMailRoutes(deps, cookies.policy));
}

/** The JSON API under /api/v1: rate limit, JSON-only bodies, no caching, authentication, then the resources. */
function apiPlugin(
  appDeps: AppDeps,
  options: AppOptions,
  deps: AppServiceDeps,
  cookies: ReturnType<typeof cookieSettings>,
  limiter: LimiterOf,
): FastifyPluginAsyncZod {
  return async (api) => {
    await api.register(fastifyRateLimit, {
      max: options.rateLimitPerMinute ?? 1200,
      timeWindow: MINUTE,
      errorResponseBuilder: (_req, context) => ({
        ...problem('rate_limited', `Too many requests; retry in ${Math.ceil(context.ttl / 1000)} s.`),
        statusCode: 429,
      }),
    });
    // Only JSON bodies: a form or text body is a 415, not a parsed object.
    api.addHook('onRequest', requireJsonBody);
    // Personal data: never cached by browsers or proxies.
    api.addHook('onSend', async (_req, reply, payload) => {
      reply.header('cache-control', 'no-store');
      return payload;
    });
    api.addHook('onRequest', authenticate(deps, cookies.policy, limiter(20, MINUTE)));
    registerIdempotency(api, deps);
    await registerApiRoutes(api, appDeps, deps, cookies, limiter);
  };
}

/** Every resource of the API, in the order the OpenAPI document lists them. */
async function registerApiRoutes(
  api: RouteApp,
  appDeps: AppDeps,
  deps: AppServiceDeps,
  cookies: ReturnType<typeof cookieSettings>,
  limiter: LimiterOf,
): Promise<void> {
  await api.register(
    authRoutes(deps, cookies, {
      linkPerIp: limiter(5, MINUTE),
      linkPerEmail: limiter(3, 10 * MINUTE),
    }),
  );
  await api.register(
    ssoRoutes({ ...deps, sso: appDeps.sso ?? { allowHttpIssuers: false } }, cookies, limiter(20, MINUTE)),
  );
  await api.register(organizationRoutes(deps));
  await api.register(membersRoutes(deps));
  await api.register(jobsRoutes(deps));
  await api.register(candidatesRoutes(deps));
  await api.register(applicationsRoutes(deps));
  await api.register(interviewsRoutes(deps));
  await api.register(followUpsRoutes(deps));
  await api.register(followUpSnoozeRoutes(deps));
  await api.register(jobPipelineRoutes(deps));
  await api.register(touchpointsRoutes(deps));
  await api.register(promisesRoutes(deps.clock));
  await api.register(messagesRoutes(deps));
  await api.register(templatesRoutes(deps));
  await api.register(reportsRoutes(deps));
  await api.register(agencyRoutes(deps));
  await api.register(clientAnswerApiRoutes(deps));
  await api.register(clientDeclarationsRoutes(deps));
  await api.register(debriefRoutes(deps));
  await api.register(placementRoutes(deps));
  await api.register(agencyReportRoutes(deps));
  await api.register(inboxRoutes({ ...deps, limits: appDeps.inboundLimits ?? DEFAULT_INBOUND_LIMITS }));
  await api.register(
    webhooksRoutes({ ...deps, webhooks: appDeps.webhooks ?? { allowPrivateTargets: false } }),
  );
  await api.register(talentPoolRoutes(deps));
  await api.register(importsRoutes(deps));
  await api.register(exportsRoutes(deps));
  await api.register(calendarRoutes(deps));
}
