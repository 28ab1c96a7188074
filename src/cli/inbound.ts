import { createImapFetcher } from '../mail/imap-fetcher.ts';
import { startSmtpListener, type SmtpListener } from '../mail/smtp-listener.ts';
import { pollImapMailbox, receiveEmail, type InboundDeps } from '../services/inbound-mail.service.ts';
import type { Runtime } from './runtime.ts';

/** The running inbound side of `hearback serve`. */
export interface RunningInbound {
  stop(): Promise<void>;
}

/**
 * Start what the configuration asks for: the SMTP listener when INBOUND_SMTP_PORT is set, the
 * IMAP poller when IMAP_URL is set; nothing otherwise. Both feed the same receiver.
 */
export async function startInbound(
  runtime: Runtime,
  log: { info(msg: string): void; error(obj: unknown, msg: string): void },
): Promise<RunningInbound | null> {
  const { config } = runtime;
  if (!config.inbound.replyAddress || (!config.inbound.smtp && !config.inbound.imap)) return null;
  const deps: InboundDeps = { ...runtime.deps, publicUrl: config.publicUrl, limits: config.inbound.limits };
  let listener: SmtpListener | null = null;
  if (config.inbound.smtp) {
    listener = await startSmtpListener({
      ...config.inbound.smtp,
      maxBytes: config.inbound.limits.maxBytes,
      domain: config.inbound.replyAddress.split('@')[1]!,
      onMail: async (raw, envelope) => {
        await receiveEmail(deps, raw, envelope);
      },
      log,
    });
    log.info(
      `inbound SMTP on ${config.inbound.smtp.host}:${listener.port} for ${config.inbound.replyAddress}`,
    );
  }
  let timer: NodeJS.Timeout | null = null;
  let polling: Promise<unknown> | null = null;
  if (config.inbound.imap) {
    const fetcher = createImapFetcher(config.inbound.imap.url);
    // One poll at a time: a slow mailbox skips a beat instead of piling polls up.
    const poll = () => {
      if (polling) return;
      polling = pollImapMailbox(deps, fetcher)
        .catch((error: unknown) => log.error({ err: error }, 'IMAP poll failed'))
        .finally(() => {
          polling = null;
        });
    };
    poll();
    timer = setInterval(poll, config.inbound.imap.pollMs);
    log.info(`polling IMAP ${fetcher.mailbox} every ${config.inbound.imap.pollMs / 1000} s`);
  }
  return {
    async stop() {
      if (timer) clearInterval(timer);
      await polling;
      await listener?.close();
    },
  };
}
