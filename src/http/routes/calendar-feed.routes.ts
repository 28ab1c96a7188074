import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { renderCalendarFeed } from '../../services/calendar.service.ts';
import type { ServiceDeps } from '../../services/deps.ts';
import type { MailIdentity } from '../../services/outbox.service.ts';
import type { WindowLimiter } from '../auth.ts';

/**
 * A member's private calendar feed, `GET /calendar/<token>.ics`: calendar apps cannot sign in,
 * so the unguessable token in the URL is the credential (stored hashed, revocable). Unknown and
 * revoked tokens get the same 404; attempts are rate-limited per address.
 */
export function calendarFeedRoutes(
  deps: ServiceDeps & { identity: MailIdentity; publicUrl: string },
  attempts: WindowLimiter,
): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/calendar/:file',
      { schema: { hide: true, params: z.object({ file: z.string().max(100) }) } },
      async (req, reply) => {
        void reply.header('referrer-policy', 'no-referrer').header('cache-control', 'private, max-age=300');
        if (!attempts.take(req.ip)) return reply.code(429).type('text/plain').send('Too many requests\n');
        const token = /^([A-Za-z0-9_-]{43})\.ics$/.exec(req.params.file)?.[1];
        const ics = token ? await renderCalendarFeed(deps, token) : null;
        if (!ics) return reply.code(404).type('text/plain').send('Not found\n');
        return reply.type('text/calendar; charset=utf-8').send(ics);
      },
    );
  };
}
