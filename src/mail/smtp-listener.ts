import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { InboundEnvelope } from '../services/inbound-mail.service.ts';

/** Settings of the inbound SMTP listener (INBOUND_SMTP_PORT, INBOUND_SMTP_HOST, INBOUND_MAX_BYTES). */
export interface SmtpListenerOptions {
  port: number;
  host: string;
  maxBytes: number;
  /** Only mail to this domain is accepted (the inbound address's); others are refused at RCPT. */
  domain: string;
  /** Handle one mail; a rejection answers 451 so the sending server tries again later. */
  onMail: (raw: Buffer, envelope: InboundEnvelope) => Promise<void>;
  log: { error(obj: unknown, msg: string): void };
}

/** A running listener. */
export interface SmtpListener {
  port: number;
  close(): Promise<void>;
}

/**
 * Receive mail over SMTP (an MX record or a forwarding rule pointing at Hearback). No relay and
 * no authentication: recipients outside the inbound domain are refused, mail over the size limit
 * is refused with 552, and a mail is acknowledged only once it is recorded.
 */
export async function startSmtpListener(options: SmtpListenerOptions): Promise<SmtpListener> {
  const domain = options.domain.toLowerCase();
  const server = new SMTPServer({
    name: domain,
    banner: 'Hearback inbound mail',
    size: options.maxBytes,
    authOptional: true,
    disabledCommands: ['AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.toLowerCase().endsWith(`@${domain}`)) return callback();
      const error = new Error('Relay access denied') as Error & { responseCode: number };
      error.responseCode = 550;
      return callback(error);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded) {
          const error = new Error(`Message exceeds the ${options.maxBytes}-byte limit`) as Error & {
            responseCode: number;
          };
          error.responseCode = 552;
          return callback(error);
        }
        const mailFrom = session.envelope.mailFrom;
        options
          .onMail(Buffer.concat(chunks), {
            source: 'smtp',
            envelopeFrom: mailFrom === false ? '' : mailFrom.address,
            envelopeTo: session.envelope.rcptTo.map((r) => r.address),
          })
          .then(
            () => callback(),
            (error: unknown) => {
              options.log.error({ err: error }, 'inbound mail could not be recorded');
              const temporary = new Error('Try again later') as Error & { responseCode: number };
              temporary.responseCode = 451;
              callback(temporary);
            },
          );
      });
    },
  });
  // A client resetting its connection is the client's problem, not a crash.
  server.on('error', (error) => options.log.error({ err: error }, 'inbound SMTP connection error'));
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
