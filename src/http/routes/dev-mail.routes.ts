import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { escapeHtml } from '../../domain/templates.ts';
import type { ServiceDeps } from '../../services/deps.ts';
import { latestDevMail } from '../../services/dev-mail.service.ts';

/**
 * /dev/mail: what the development mailbox received, for a person trying Hearback locally.
 * Registered only when the dev mailbox is the transport (SMTP_URL unset); every value is
 * escaped, and the HTML bodies are shown in sandboxed iframes so no email can script the page.
 */
export function devMailRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/dev/mail',
      {
        schema: {
          hide: true,
          querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
        },
      },
      async (req, reply) => {
        const mails = await latestDevMail(deps, req.query.limit);
        const rows = mails
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
        return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store')
          .send(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Dev mailbox · Hearback</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1b1b1f}
article{border:1px solid #d0d0d7;border-radius:8px;padding:1rem;margin:1rem 0}h2{font-size:1.1rem;margin:0 0 .5rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.1rem .8rem;margin:0 0 .5rem}dt{color:#555}dd{margin:0}
iframe{width:100%;min-height:16rem;border:1px solid #eee;border-radius:4px}pre{white-space:pre-wrap}</style></head>
<body><main><h1>Dev mailbox</h1>
<p>Emails Hearback "delivered" while no SMTP server is configured (<code>SMTP_URL</code> unset). Newest first.</p>
${rows || '<p>No mail yet.</p>'}
</main></body></html>`);
      },
    );
  };
}
