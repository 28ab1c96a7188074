import type { Config } from '../config.ts';
import { createDevMailboxTransport } from '../mail/dev-mailbox.transport.ts';
import { createSmtpTransport } from '../mail/smtp.transport.ts';
import type { MailTransport, OutgoingEmail } from '../mail/transport.ts';
import { createHttpSender, type WebhookSender } from '../net/webhook-sender.ts';
import type { WorkerOptions } from '../worker/worker.ts';
import type { Runtime } from './runtime.ts';

// What the long-running owners (serve, worker) and the demo need beyond an open database.

/**
 * The configured mail transport: SMTP when SMTP_URL is set, else the dev mailbox — which calls
 * `onDevMail` with each email it keeps (the server prints sign-in links from it). SMTP never does:
 * with a real relay, links and tokens stay out of the logs.
 */
export function createServingTransport(
  runtime: Runtime,
  onDevMail?: (email: OutgoingEmail) => void,
): MailTransport {
  const t = runtime.config.mail.transport;
  return t.kind === 'smtp'
    ? createSmtpTransport({ url: t.url, maxConnections: t.poolSize, dkim: runtime.config.mail.dkim })
    : createDevMailboxTransport(runtime.db, runtime.clock, onDevMail ? { onDelivered: onDevMail } : {});
}

/** Worker options from the configuration. */
export function workerOptions(config: Config): WorkerOptions {
  return {
    pollMs: config.worker.pollMs,
    batchSize: config.worker.batchSize,
    leaseMs: config.worker.leaseSeconds * 1000,
    maxAttempts: config.worker.maxAttempts,
    concurrency: config.mail.transport.kind === 'smtp' ? config.mail.transport.poolSize : 5,
    webhookMaxAttempts: config.webhooks.maxAttempts,
  };
}

/** The webhook sender from the configuration (SSRF rules, timeout). */
export function createWebhookSender(config: Config): WebhookSender {
  return createHttpSender({
    allowPrivate: config.webhooks.allowPrivateTargets,
    timeoutMs: config.webhooks.timeoutMs,
  });
}
