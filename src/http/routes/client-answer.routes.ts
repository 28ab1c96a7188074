import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CLIENT_LINK_ANSWERS } from '../../domain/client-links.ts';
import {
  answerThroughLink,
  getClientPage,
  isPageError,
  revokeClientLinks,
} from '../../services/client-answer.service.ts';
import type { ServiceDeps } from '../../services/deps.ts';
import type { WindowLimiter } from '../auth.ts';
import { IdParamsSchema, ProseSchema } from '../schemas.ts';
import { routesOn } from './route-app.ts';
import { prepareLinkPages, replyHtml } from './link-pages.ts';
import {
  clientAnswerPage,
  clientAnsweredPage,
  clientLinkClosedPage,
  clientTooManyPage,
} from '../views/client-answer.view.ts';

const TokenParams = z.object({ token: z.string().max(100) });

/**
 * The client's answer page, server-rendered and usable without JavaScript. GET only reads (mail
 * scanners fetch links); the answer is a POST from the page. The token itself is the only
 * credential — no cookie rides along, so another site cannot make a browser answer — and every
 * request from an address counts against its limit, so guessing is as slow as the limit makes it.
 */
export function clientAnswerPageRoutes(
  deps: ServiceDeps & { publicUrl: string },
  attempts: WindowLimiter,
): FastifyPluginAsyncZod {
  return async (app) => {
    await prepareLinkPages(app);

    app.get(
      '/c/:token',
      {
        schema: {
          hide: true,
          params: TokenParams,
          querystring: z.object({ answer: z.string().max(30).optional() }),
        },
      },
      async (req, reply) => {
        if (!attempts.take(req.ip)) return replyHtml(reply, 429, clientTooManyPage());
        const page = await getClientPage(deps, req.params.token);
        if (page.state !== 'open')
          return replyHtml(reply, page.state === 'unknown' ? 404 : 410, clientLinkClosedPage(page));
        return replyHtml(reply, 200, clientAnswerPage(page, { choice: req.query.answer }));
      },
    );

    const Form = z.object({
      answer: z.enum(CLIENT_LINK_ANSWERS).optional(),
      reason: ProseSchema(1000).optional(),
      date: z.string().max(40).optional(),
    });
    const origin = new URL(deps.publicUrl).origin;

    app.post('/c/:token', { schema: { hide: true, params: TokenParams, body: Form } }, async (req, reply) => {
      if (!attempts.take(req.ip)) return replyHtml(reply, 429, clientTooManyPage());
      // A browser names the site a form came from: another site's is refused. (The page's own
      // no-referrer policy makes Chromium send "null"; the token, not the origin, is the credential.)
      const from = req.headers.origin;
      if (from && from !== 'null' && from !== origin)
        return replyHtml(reply, 403, clientLinkClosedPage({ state: 'unknown' }));
      const form = req.body;
      const kept = { reason: form.reason, date: form.date };
      try {
        if (!form.answer) {
          const page = await getClientPage(deps, req.params.token);
          if (page.state !== 'open') return replyHtml(reply, 410, clientLinkClosedPage(page));
          return replyHtml(
            reply,
            400,
            clientAnswerPage(page, { error: 'Choose one of the three answers.', kept }),
          );
        }
        const done = await answerThroughLink(deps, req.params.token, {
          answer: form.answer,
          ...(form.answer === 'decline' ? { reason: form.reason } : { note: form.reason }),
          date: form.date,
        });
        if (!done.recorded) {
          const page = done.page;
          if (page.state === 'open') throw new Error('an open link always records');
          return replyHtml(reply, page.state === 'unknown' ? 404 : 410, clientLinkClosedPage(page));
        }
        const page = await getClientPage(deps, req.params.token);
        const name = page.state !== 'open' && page.state !== 'unknown' ? page.candidateName : '';
        return replyHtml(reply, 200, clientAnsweredPage(form.answer, done.recruiterName, name));
      } catch (error) {
        if (!isPageError(error)) throw error;
        const page = await getClientPage(deps, req.params.token);
        if (page.state !== 'open') return replyHtml(reply, 410, clientLinkClosedPage(page));
        return replyHtml(
          reply,
          400,
          clientAnswerPage(page, { choice: form.answer, error: error.message, kept }),
        );
      }
    });
  };
}

/** The recruiter's side of the answer links: revoke them. */
export function clientAnswerApiRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const route = routesOn(app, ['agency']);
    route('POST /submissions/:id/client-links/revoke', 'revokeClientLinks', {
      summary:
        "Revoke the client's answer links of a submission that have not answered yet; they show 'withdrawn' from then on",
      schema: {
        params: IdParamsSchema,
        response: {
          200: z
            .object({ revoked: z.number().int().describe('Links revoked by this call.') })
            .meta({ id: 'ClientLinksRevoked' }),
        },
      },
      handler: (req) => revokeClientLinks(deps, req.principal.orgId, req.params.id),
    });
  };
}
