import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { ServiceDeps } from '../services/deps.ts';
import type { MessagingDeps } from '../services/message.service.ts';
import type { MailIdentity } from '../services/outbox.service.ts';
import { devMailRoutes } from './routes/dev-mail.routes.ts';
import { messagesRoutes } from './routes/messages.routes.ts';
import { templatesRoutes } from './routes/templates.routes.ts';
import { bearerAuth, FailureLimiter } from './auth.ts';
import { handleError, problem, sendProblem } from './error-handler.ts';
import { registerIdempotency } from './idempotency.ts';
import { applicationsRoutes } from './routes/applications.routes.ts';
import { candidatesRoutes } from './routes/candidates.routes.ts';
import { followUpsRoutes } from './routes/follow-ups.routes.ts';
import { interviewsRoutes } from './routes/interviews.routes.ts';
import { jobsRoutes } from './routes/jobs.routes.ts';
import { membersRoutes } from './routes/members.routes.ts';
import { organizationRoutes } from './routes/organization.routes.ts';
import { promisesRoutes } from './routes/promises.routes.ts';
import { touchpointsRoutes } from './routes/touchpoints.routes.ts';
import { homeRoutes } from './routes/home.routes.ts';

/** Options of the HTTP app. */
export interface AppOptions {
  /** Fastify's logger option. Default: off (tests); `hearback serve` passes its level. */
  logger?: FastifyServerOptions['logger'];
  /** Requests per minute per client address on the API. Default 1200. */
  rateLimitPerMinute?: number;
}

/** What the app needs: the services' dependencies, and how mail is sent. */
export interface AppDeps extends ServiceDeps {
  /** Sender and Message-ID domain. Default: Hearback <hearback@localhost>. */
  identity?: MailIdentity;
  /** Serve the development mailbox at /dev/mail (only when it is the transport). Default false. */
  devMailbox?: boolean;
}

const DEFAULT_IDENTITY: MailIdentity = {
  from: { name: 'Hearback', address: 'hearback@localhost' },
  domain: 'localhost',
};

/** Build the HTTP app around the services. Listening is the caller's business. */
export async function buildApp(appDeps: AppDeps, options: AppOptions = {}): Promise<FastifyInstance> {
  const deps: MessagingDeps = {
    db: appDeps.db,
    clock: appDeps.clock,
    identity: appDeps.identity ?? DEFAULT_IDENTITY,
  };
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1_048_576,
    // Ids in error messages and logs, never stack traces in responses.
    return503OnClosing: true,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, problem('not_found', `No route ${request.method} ${request.url.split('?')[0]}.`)),
  );

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Hearback API',
        version: '1',
        description:
          'Interview follow-up that happens. Errors are application/problem+json with a stable `code`; ' +
          'lists use cursor pagination (`nextCursor`); POSTs accept an `Idempotency-Key` header.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());

  await app.register(homeRoutes(deps));
  if (appDeps.devMailbox) await app.register(devMailRoutes(deps));

  await app.register(
    async (api) => {
      await api.register(fastifyRateLimit, {
        max: options.rateLimitPerMinute ?? 1200,
        timeWindow: 60_000,
        errorResponseBuilder: (_req, context) => ({
          ...problem('rate_limited', `Too many requests; retry in ${Math.ceil(context.ttl / 1000)} s.`),
          statusCode: 429,
        }),
      });
      api.addHook('onRequest', bearerAuth(deps, new FailureLimiter(deps.clock, 20, 60_000)));
      registerIdempotency(api, deps);
      await api.register(organizationRoutes(deps));
      await api.register(membersRoutes(deps));
      await api.register(jobsRoutes(deps));
      await api.register(candidatesRoutes(deps));
      await api.register(applicationsRoutes(deps));
      await api.register(interviewsRoutes(deps));
      await api.register(followUpsRoutes(deps));
      await api.register(touchpointsRoutes(deps));
      await api.register(promisesRoutes());
      await api.register(messagesRoutes(deps));
      await api.register(templatesRoutes(deps));
    },
    { prefix: '/api/v1' },
  );
  return app;
}
