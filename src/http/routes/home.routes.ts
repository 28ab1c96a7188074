import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServiceDeps } from '../../services/deps.ts';
import { routesOn } from './route-app.ts';
import { checkHealth } from '../../services/health.service.ts';

const HOME = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Hearback</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:42rem;margin:3rem auto;padding:0 1rem;color:#1b1b1f}
code{background:#f1f1f4;padding:.1rem .3rem;border-radius:4px}a{color:#2945c4}</style></head>
<body><main>
<h1>Hearback is running</h1>
<p>No candidate left waiting: every interview ends with a promise, and every promise is tracked until the candidate has heard back.</p>
<ul>
<li><a href="/api/docs">API documentation</a> (OpenAPI 3.1 at <a href="/api/openapi.json">/api/openapi.json</a>)</li>
<li>Create an organization and its API token: <code>npx hearback org create "Acme"</code></li>
<li>Or explore a sample organization: <code>npx hearback demo</code></li>
<li><a href="/healthz">Health</a></li>
</ul>
</main></body></html>`;

/** The landing page (when the web app is not built) and the health check. */
export function homeRoutes(deps: ServiceDeps, options: { landing: boolean }): FastifyPluginAsyncZod {
  return async (app) => {
    if (options.landing) {
      app.get('/', { schema: { hide: true } }, (_req, reply) =>
        reply.type('text/html; charset=utf-8').send(HOME),
      );
    }
    const route = routesOn(app, ['health']);
    route('GET /healthz', 'checkHealth', {
      summary: 'Liveness and database reachability',
      schema: {
        security: [],
        response: { 200: z.object({ status: z.literal('ok'), database: z.string() }) },
      },
      handler: () => checkHealth(deps),
    });
  };
}
