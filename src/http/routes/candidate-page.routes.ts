import '@fastify/cookie';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { answerPoolInvitation, leavePool } from '../../services/talent-pool.service.ts';
import { z } from 'zod';
import { isValidTimeZone } from '../../domain/business-time.ts';
import { AppError } from '../../errors.ts';
import { csrfTokenFor } from '../../services/auth.service.ts';
import {
  candidateAccess,
  openStatusLink,
  CANDIDATE_SESSION_MAX_DAYS,
} from '../../services/candidate-session.service.ts';
import { checkIn, requestFeedback, sendThankYou } from '../../services/candidate-notes.service.ts';
import {
  confirmCandidateInterest,
  getStatusView,
  rateExperience,
  setCandidateTimeZone,
  withdrawApplication,
} from '../../services/candidate-page.service.ts';
import { eraseCandidate, exportCandidateData } from '../../services/candidate-privacy.service.ts';
import { type CandidatePageDeps } from '../../services/candidate-access.ts';
import type { WindowLimiter } from '../auth.ts';
import type { CookieSettings } from '../session-cookie.ts';
import {
  candidateShell,
  confirmPage,
  erasedPage,
  invalidLinkPage,
  statusPage,
} from '../views/candidate-page.view.ts';
import { ProseSchema } from '../schemas.ts';
import { prepareLinkPages, replyHtml } from './link-pages.ts';
import type { RouteApp } from './route-app.ts';

const COOKIE = 'hb_candidate';
const ZONES = Intl.supportedValuesOf('timeZone');

/** The candidate the status-page cookie signs in, or null for a missing, wrong or expired one. */
async function access(deps: CandidatePageDeps, req: FastifyRequest) {
  const cookie = req.cookies[COOKIE];
  return cookie ? candidateAccess(deps, cookie) : null;
}

/**
 * The candidate's status page, server-rendered and usable without JavaScript. The emailed link's
 * token is exchanged for a cookie at once and the browser is sent to /s, so the token leaves the
 * address bar and history; every wrong, expired or revoked link gets the same neutral page.
 */
export function candidatePageRoutes(
  deps: CandidatePageDeps,
  cookies: CookieSettings,
  attempts: WindowLimiter,
): FastifyPluginAsyncZod {
  return async (app) => {
    await prepareLinkPages(app);
    registerStatusPageRoutes(app, deps, cookies, attempts);
    registerStatusPageActions(app, deps);
  };
}

/** The candidate's status page: the link that opens it, the page, and its export. */
function registerStatusPageRoutes(
  app: RouteApp,
  deps: CandidatePageDeps,
  cookies: CookieSettings,
  attempts: WindowLimiter,
): void {
  app.get(
    '/s/:token',
    { schema: { hide: true, params: z.object({ token: z.string().max(200) }) } },
    async (req, reply) => {
      // Every attempt counts, so guessing is as slow as the limit makes it.
      if (!attempts.take(req.ip))
        return replyHtml(
          reply,
          429,
          candidateShell(
            'Please wait',
            '<h1>Please wait a minute</h1><section><p>Too many attempts from your connection.</p></section>',
          ),
        );
      const session = await openStatusLink(deps, req.params.token);
      if (!session) return replyHtml(reply, 404, invalidLinkPage());
      void reply.setCookie(COOKIE, session, {
        httpOnly: true,
        sameSite: 'lax',
        secure: cookies.secure,
        path: '/s',
        // The server refuses it after this anyway; the browser need not keep it longer.
        maxAge: CANDIDATE_SESSION_MAX_DAYS * 86_400,
      });
      return reply.redirect('/s', 303);
    },
  );

  app.get(
    '/s',
    { schema: { hide: true, querystring: z.object({ done: z.string().max(30).optional() }) } },
    async (req, reply) => {
      const a = await access(deps, req);
      if (!a) return replyHtml(reply, 404, invalidLinkPage());
      const view = await getStatusView(deps, a);
      return replyHtml(
        reply,
        200,
        statusPage(view, {
          csrf: csrfTokenFor(req.cookies[COOKIE]!),
          notice: req.query.done,
          zones: ZONES,
        }),
      );
    },
  );

  app.get('/s/export.json', { schema: { hide: true } }, async (req, reply) => {
    const a = await access(deps, req);
    if (!a) return replyHtml(reply, 404, invalidLinkPage());
    return reply
      .header('content-disposition', 'attachment; filename="my-application.json"')
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(await exportCandidateData(deps, a), null, 2));
  });
}

/** What a candidate can do from their status page (one form, one action each). */
function registerStatusPageActions(app: RouteApp, deps: CandidatePageDeps): void {
  const Form = z.object({
    csrf: z.string().max(100),
    // What a candidate writes is stored: the same text rules as the API (no NUL or other controls).
    text: ProseSchema(20_000).optional(),
    rating: z.coerce.number().int().min(1).max(5).optional(),
    comment: ProseSchema(5000).optional(),
    timeZone: z.string().max(100).optional(),
    confirmed: z.literal('yes').optional(),
    months: z.coerce.number().int().min(1).max(36).optional(),
  });
  type Form = z.infer<typeof Form>;
  const actions: Record<
    string,
    (a: NonNullable<Awaited<ReturnType<typeof access>>>, form: Form) => Promise<unknown>
  > = {
    'thank-you': (a, f) => sendThankYou(deps, a, f.text ?? ''),
    'check-in': (a, f) => checkIn(deps, a, f.text ?? ''),
    confirm: (a) => confirmCandidateInterest(deps, a),
    withdraw: (a) => withdrawApplication(deps, a),
    feedback: (a) => requestFeedback(deps, a),
    rating: (a, f) => {
      if (!f.rating) throw new AppError('validation_failed', 'Choose a rating from 1 to 5.');
      return rateExperience(deps, a, f.rating, f.comment ?? '');
    },
    'pool-join': (a, f) =>
      answerPoolInvitation(deps, a, { accept: true, interests: f.text ?? '', months: f.months ?? 12 }),
    'pool-decline': (a) => answerPoolInvitation(deps, a, { accept: false }),
    'pool-leave': (a) => leavePool(deps, a),
    'time-zone': (a, f) => {
      if (!f.timeZone || !isValidTimeZone(f.timeZone))
        throw new AppError('validation_failed', 'Choose a time zone from the list.');
      return setCandidateTimeZone(deps, a, f.timeZone);
    },
  };

  app.post(
    '/s/:action',
    { schema: { hide: true, params: z.object({ action: z.string().max(30) }), body: Form } },
    async (req, reply) => {
      const a = await access(deps, req);
      if (!a) return replyHtml(reply, 404, invalidLinkPage());
      // Forms carry the session's CSRF token; SameSite=Lax already keeps other sites' posts cookieless.
      if (req.body.csrf !== csrfTokenFor(req.cookies[COOKIE]!))
        return replyHtml(reply, 403, invalidLinkPage());
      // Irreversible steps ask first: the page's button leads to a confirmation, not the act.
      if ((req.params.action === 'erase' || req.params.action === 'withdraw') && !req.body.confirmed) {
        const view = await getStatusView(deps, a);
        return replyHtml(reply, 200, confirmPage(req.params.action, req.body.csrf, view.organizationName));
      }
      const act = actions[req.params.action];
      if (!act && req.params.action !== 'erase') return replyHtml(reply, 404, invalidLinkPage());
      try {
        if (!act) {
          const result = await eraseCandidate(deps, a);
          if (result.erasedAt) void reply.clearCookie(COOKIE, { path: '/s' });
          return replyHtml(reply, 200, erasedPage(result.scheduledFor));
        }
        await act(a, req.body);
        return reply.redirect(`/s?done=${req.params.action.replaceAll('-', '_')}`, 303);
      } catch (error) {
        if (!(error instanceof AppError) || error.status >= 500) throw error;
        const view = await getStatusView(deps, a);
        return replyHtml(
          reply,
          400,
          statusPage(view, {
            csrf: req.body.csrf,
            error: error.message,
            zones: ZONES,
            kept: req.body.text ? { action: req.params.action, text: req.body.text } : undefined,
          }),
        );
      }
    },
  );
}
