import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { escapeHtml } from '../../domain/template-html.ts';
import { AppError } from '../../errors.ts';
import { acceptInvite, MIN_PASSWORD_LENGTH, signInWithMagicLink } from '../../services/auth.service.ts';
import type { ServiceDeps } from '../../services/deps.ts';
import type { WindowLimiter } from '../auth.ts';
import { setSessionCookie, type CookieSettings } from '../session-cookie.ts';
import { prepareLinkPages, replyHtml } from './link-pages.ts';
import type { RouteApp } from './route-app.ts';

/** A plain page of Hearback's own (sign-in links, invitations, single sign-on errors): no script. */
export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Hearback</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem;color:#1b1b1f}
label{display:block;margin:.8rem 0 .2rem;font-weight:600}input{font:inherit;width:100%;padding:.5rem;border:1px solid #767680;border-radius:6px}
button{font:inherit;margin-top:1rem;padding:.6rem 1rem;border:0;border-radius:6px;background:#2945c4;color:#fff}
.error{color:#a1131b}</style></head>
<body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
}

/** Answer with an HTML page. */
const html = (reply: FastifyReply, status: number, title: string, body: string) =>
  replyHtml(reply, status, page(title, body));

/**
 * The pages behind emailed links. They work without JavaScript; the token travels in the URL
 * once and is exchanged at once (no-referrer, no-store), and the browser lands on "/" signed in.
 */
export function authPagesRoutes(
  deps: ServiceDeps,
  cookies: CookieSettings,
  perIp: WindowLimiter,
): FastifyPluginAsyncZod {
  return async (app) => {
    await prepareLinkPages(app);
    registerMagicLinkPage(app, deps, cookies, perIp);
    registerInvitePages(app, deps, cookies, perIp);
  };
}

/** The page a magic link opens. */
function registerMagicLinkPage(
  app: RouteApp,
  deps: ServiceDeps,
  cookies: CookieSettings,
  perIp: WindowLimiter,
): void {
  app.get(
    '/auth/magic-link',
    { schema: { hide: true, querystring: z.object({ token: z.string().max(200).default('') }) } },
    async (req, reply) => {
      if (!perIp.take(req.ip)) {
        return html(reply, 429, 'Slow down', '<p>Too many attempts; wait a few minutes.</p>');
      }
      try {
        const signedIn = await signInWithMagicLink(
          deps,
          req.query.token,
          req.headers['user-agent'] ?? '',
          cookies.policy,
        );
        setSessionCookie(reply, signedIn.token, cookies);
        return reply.redirect('/', 303);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        return html(
          reply,
          400,
          'This link does not work any more',
          '<p>Sign-in links work once, for 10 minutes. Ask for a new one from the sign-in page.</p>',
        );
      }
    },
  );
}

/** The invitation page and its form. */
function registerInvitePages(
  app: RouteApp,
  deps: ServiceDeps,
  cookies: CookieSettings,
  perIp: WindowLimiter,
): void {
  app.get(
    '/auth/invite',
    { schema: { hide: true, querystring: z.object({ token: z.string().max(200).default('') }) } },
    async (req, reply) =>
      reply.type('text/html; charset=utf-8').send(
        page(
          'Join your team on Hearback',
          `<form method="post" action="/auth/invite">
<input type="hidden" name="token" value="${escapeHtml(req.query.token)}">
<label for="password">Choose a password</label>
<input id="password" name="password" type="password" autocomplete="new-password" minlength="${MIN_PASSWORD_LENGTH}" required>
<p>At least ${MIN_PASSWORD_LENGTH} characters.</p>
<button type="submit">Join</button>
</form>`,
        ),
      ),
  );

  app.post(
    '/auth/invite',
    {
      schema: { hide: true, body: z.object({ token: z.string().max(200), password: z.string().max(256) }) },
    },
    async (req, reply) => {
      if (!perIp.take(req.ip)) {
        return html(reply, 429, 'Slow down', '<p>Too many attempts; wait a few minutes.</p>');
      }
      try {
        const signedIn = await acceptInvite(
          deps,
          { ...req.body, userAgent: req.headers['user-agent'] ?? '' },
          cookies.policy,
        );
        setSessionCookie(reply, signedIn.token, cookies);
        return reply.redirect('/', 303);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        return html(
          reply,
          400,
          'Could not join',
          `<p class="error" role="alert">${escapeHtml(error.message)}</p><p><a href="/auth/invite?token=${encodeURIComponent(req.body.token)}">Try again</a></p>`,
        );
      }
    },
  );
}
