import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { roleAllows } from '../../domain/permissions.ts';
import { escapeHtml } from '../../domain/template-html.ts';
import type { SessionPolicy } from '../../services/auth.service.ts';
import type { ServiceDeps } from '../../services/deps.ts';
import { listDevMailPage } from '../../services/dev-mail.service.ts';
import { sessionPrincipal, withPrincipal } from '../auth.ts';
import { CursorSchema } from '../schemas.ts';

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1b1b1f}
article{border:1px solid #d0d0d7;border-radius:8px;padding:1rem;margin:1rem 0}h2{font-size:1.1rem;margin:0 0 .5rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.1rem .8rem;margin:0 0 .5rem}dt{color:#555}dd{margin:0}
iframe{width:100%;min-height:16rem;border:1px solid #eee;border-radius:4px}pre{white-space:pre-wrap}a{color:#2945c4}`;

function page(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store')
    .send(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Dev mailbox · Hearback</title><style>${STYLE}</style></head>
<body><main><h1>Dev mailbox</h1>
${body}
</main></body></html>`);
}

/**
 * /dev/mail: what the development mailbox received, for an admin trying Hearback locally.
 * Registered only when the dev mailbox is the transport (SMTP_URL unset). It needs an admin's
 * session and shows that organization's mail only, with sign-in and invitation links masked
 * (the API's GET /api/v1/dev/mail follows the same rules). Every value is escaped, and the HTML
 * bodies are shown in sandboxed iframes so no email can script the page.
 */
export function devMailRoutes(deps: ServiceDeps, sessionPolicy: SessionPolicy): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/dev/mail',
      {
        schema: {
          hide: true,
          querystring: z.strictObject({
            limit: z.coerce.number().int().min(1).max(200).default(100),
            cursor: CursorSchema.optional(),
          }),
        },
      },
      async (req, reply) => {
        const principal = await sessionPrincipal(deps, req, sessionPolicy);
        if (!principal) {
          return page(
            reply,
            401,
            '<p>Sign in as an admin of your organization to read its dev mailbox.</p><p><a href="/">Sign in</a></p>',
          );
        }
        if (!roleAllows(principal.role, 'dev_mail:read')) {
          return page(reply, 403, "<p>Only your organization's admins can read its dev mailbox.</p>");
        }
        const { items, nextCursor } = await withPrincipal(principal, req.ip, () =>
          listDevMailPage(deps, principal.orgId, req.query),
        );
        const rows = items
          .map(
            (m) => `<article>
  <h2>${escapeHtml(m.subject)}</h2>
  <dl>
    <dt>To</dt><dd>${escapeHtml(m.headers.To ?? m.envelopeTo)}</dd>
    <dt>From</dt><dd>${escapeHtml(m.headers.From ?? '')}</dd>
    ${m.headers['Reply-To'] ? `<dt>Reply-To</dt><dd>${escapeHtml(m.headers['Reply-To'])}</dd>` : ''}
    <dt>Delivered</dt><dd><time datetime="${m.deliveredAt.toISOString()}">${escapeHtml(m.deliveredAt.toISOString())}</time></dd>
    <dt>Message-ID</dt><dd><code>${escapeHtml(m.messageId)}</code></dd>
    ${m.headers['Auto-Submitted'] ? '<dt>Auto-Submitted</dt><dd>auto-generated</dd>' : ''}
  </dl>
  <details><summary>Plain text</summary><pre>${escapeHtml(m.bodyText)}</pre></details>
  <iframe title="${escapeHtml(m.subject)}" sandbox="" srcdoc="${escapeHtml(m.bodyHtml)}"></iframe>
</article>`,
          )
          .join('\n');
        const older = nextCursor
          ? `<p><a href="/dev/mail?limit=${req.query.limit}&amp;cursor=${encodeURIComponent(nextCursor)}">Older mail</a></p>`
          : '';
        return page(
          reply,
          200,
          `<p>Emails Hearback "delivered" for your organization while no SMTP server is configured (<code>SMTP_URL</code> unset). Newest first; sign-in and invitation links are hidden.</p>
${rows || '<p>No mail yet.</p>'}
${older}`,
        );
      },
    );
  };
}
