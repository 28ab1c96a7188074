import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One message as the SMTP server received it. */
export interface ReceivedMail {
  /** When it arrived, by the test's clock. */
  at: Date;
  /** MAIL FROM ('' for the null sender). */
  envelopeFrom: string;
  envelopeTo: string[];
  headers: Map<string, string>;
  raw: string;
}

/** A real SMTP server on loopback that keeps what it receives (and can be told to refuse). */
export interface SmtpSink {
  url: string;
  received: ReceivedMail[];
  /** While set, every RCPT is refused with this 5xx/4xx reply text. */
  refuse: string | null;
  /** The reply code of a refusal (default 550; a 4xx is a temporary one). */
  refuseCode: number;
  /** Refuse at the end of DATA instead of at RCPT (the relay read the whole message, then said no). */
  refuseAfterData: boolean;
  close(): Promise<void>;
}

/** Parse the header block of a raw message (unfolding continuation lines); names are lower-cased. */
export function parseHeaders(raw: string): Map<string, string> {
  const head = raw.split(/\r?\n\r?\n/, 1)[0] ?? '';
  const headers = new Map<string, string>();
  let last: string | null = null;
  for (const line of head.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && last) {
      headers.set(last, `${headers.get(last)!} ${line.trim()}`);
    } else {
      const i = line.indexOf(':');
      if (i > 0) {
        last = line.slice(0, i).trim().toLowerCase();
        headers.set(last, line.slice(i + 1).trim());
      }
    }
  }
  return headers;
}

/** Start an SMTP server on 127.0.0.1 (random port). No TLS, no auth: a test relay. */
export async function startSmtpSink(now: () => Date = () => new Date(0)): Promise<SmtpSink> {
  const sink: SmtpSink = {
    url: '',
    received: [],
    refuse: null,
    refuseCode: 550,
    refuseAfterData: false,
    close: async () => {},
  };
  const refusal = () => {
    const error = new Error(sink.refuse!) as Error & { responseCode: number };
    error.responseCode = sink.refuseCode;
    return error;
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (sink.refuse && !sink.refuseAfterData) {
        callback(refusal());
      } else {
        callback();
      }
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (sink.refuse && sink.refuseAfterData) {
          callback(refusal());
          return;
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        sink.received.push({
          at: now(),
          envelopeFrom: session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address,
          envelopeTo: session.envelope.rcptTo.map((r) => r.address),
          headers: parseHeaders(raw),
          raw,
        });
        callback();
      });
    },
  });
  // A client killed mid-session resets its connection: expected in crash tests, not a failure.
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  sink.url = `smtp://127.0.0.1:${port}`;
  sink.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return sink;
}
