import { isIP } from 'node:net';
import { z } from 'zod';

/**
 * The environment, validated once at boot. Every problem is reported at once so an operator fixes
 * a broken deployment in one pass. `.env.example` documents each variable with its default.
 */
const EnvSchema = z.object({
  /** TCP port of `hearback serve`. Default 3000. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Interface to listen on. Default 127.0.0.1 (set 0.0.0.0 in a container). */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** PostgreSQL connection string. Unset: embedded PGlite in DATA_DIR. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  /**
   * PostgreSQL login for tenant work: a role that is a member of hearback_app only (docs/SECURITY.md).
   * Unset: DATABASE_URL's login does both, and can switch to the cross-tenant role.
   */
  DATABASE_TENANT_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  /** Maximum connections in the PostgreSQL pool. Default 10. Ignored for PGlite. */
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(500).default(10),
  /**
   * Prepared statements on PostgreSQL: `on` (default) plans each statement once per connection;
   * `off` behind a pooler that cannot keep them (PgBouncer in transaction mode before 1.21).
   */
  DATABASE_PREPARED_STATEMENTS: z.enum(['on', 'off']).default('on'),
  /** Directory of the embedded PGlite database. Default ./data. Ignored when DATABASE_URL is set. */
  DATA_DIR: z.string().min(1).default('./data'),
  /** shared_buffers of the embedded PGlite database (resident memory from the start). Default 32MB. */
  PGLITE_SHARED_BUFFERS: z
    .string()
    .regex(/^\d{1,6}(kB|MB|GB)$/, 'must be a size such as 32MB')
    .default('32MB'),
  /** Public base URL of this server, used in links. Default http://localhost:PORT. */
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** SMTP relay, smtp:// or smtps:// with credentials. Unset: the dev mailbox (stored in the database, shown at /dev/mail). */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^/]+/, 'must be an smtp:// or smtps:// URL')
    .optional(),
  /** Pooled SMTP connections. Default 5. */
  SMTP_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(5),
  /** Sender address of every email, as "Name <address>" or an address. Default "Hearback <hearback@localhost>". */
  MAIL_FROM: z.string().min(3).default('Hearback <hearback@localhost>'),
  /** DKIM signing domain; set together with DKIM_SELECTOR and DKIM_PRIVATE_KEY. */
  DKIM_DOMAIN: z.string().min(1).optional(),
  /** DKIM selector. */
  DKIM_SELECTOR: z.string().min(1).optional(),
  /** DKIM private key, PEM (use \n for newlines in one-line environments). */
  DKIM_PRIVATE_KEY: z.string().min(1).optional(),
  /** How often the worker looks for due work, in milliseconds. Default 1000. */
  WORKER_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  /** Rows a worker claims per batch. Default 100. */
  WORKER_BATCH_SIZE: z.coerce.number().int().min(1).max(5000).default(100),
  /** Seconds a worker holds a claimed message; a crashed worker's messages are reclaimed after it. Default 60. */
  WORKER_LEASE_SECONDS: z.coerce.number().int().min(5).max(3600).default(60),
  /** Delivery attempts before a message is failed and its owner alerted. Default 8. */
  SEND_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  /**
   * Where replies come in, e.g. replies@hearback.example.com: every message to a candidate gets
   * Reply-To `replies+TOKEN@…` (plus-addressing). Unset: replies go to the owner's own address.
   */
  INBOUND_REPLY_ADDRESS: z.email().optional(),
  /** Port of the inbound SMTP listener (an MX or a forwarding rule points here). Unset: off. */
  INBOUND_SMTP_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** Interface of the inbound SMTP listener. Default: HOST. */
  INBOUND_SMTP_HOST: z.string().min(1).optional(),
  /** Largest inbound mail accepted, in bytes. Default 10485760 (10 MiB). */
  INBOUND_MAX_BYTES: z.coerce.number().int().min(10_000).max(100_000_000).default(10_485_760),
  /** Attachments listed per inbound mail (their content is never kept). Default 20. */
  INBOUND_MAX_ATTACHMENTS: z.coerce.number().int().min(0).max(200).default(20),
  /** IMAP mailbox to poll for replies, imap:// or imaps://user:pass@host:port/Folder. Unset: off. */
  IMAP_URL: z
    .string()
    .regex(/^imaps?:\/\/[^/]+/, 'must be an imap:// or imaps:// URL')
    .optional(),
  /** How often the IMAP mailbox is polled, in seconds. Default 60. */
  IMAP_POLL_SECONDS: z.coerce.number().int().min(5).max(3600).default(60),
  /** Let webhooks reach loopback and private addresses (tests, intranet-only installs). Default false. */
  WEBHOOK_ALLOW_PRIVATE_TARGETS: z.enum(['true', 'false']).default('false'),
  /** A webhook delivery gives up waiting for an answer after this many milliseconds. Default 10000. */
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(500).max(60_000).default(10_000),
  /** Attempts at a webhook delivery before it fails and its endpoint is disabled. Default 10 (about 4 hours). */
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(30).default(10),
  /**
   * The reverse proxies whose X-Forwarded-For is believed: addresses or CIDR ranges (or loopback,
   * linklocal, uniquelocal), comma-separated. Default none: the socket's address.
   */
  TRUST_PROXY: z
    .string()
    .refine((v) => parseTrustProxy(v) !== null, {
      message:
        'must be proxy addresses or CIDR ranges (or loopback, linklocal, uniquelocal), comma-separated; "true" (trust anyone) is refused',
    })
    .optional(),
  /** Log level: fatal, error, warn, info, debug, trace or silent. Default info. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** Every variable the configuration reads (each documented in .env.example). */
export const CONFIG_VARIABLES = Object.keys(EnvSchema.shape);

/** The validated configuration. */
export interface Config {
  port: number;
  host: string;
  database:
    | { kind: 'postgres'; url: string; tenantUrl?: string; poolMax: number; prepare: boolean }
    | { kind: 'pglite'; dataDir: string; sharedBuffers: string };
  /** Base URL of links: PUBLIC_URL, else http://localhost:PORT (or HOST's address when it names one). */
  publicUrl: string;
  /** Whether PUBLIC_URL was set (else links follow the real port). */
  publicUrlExplicit: boolean;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  mail: {
    transport: { kind: 'smtp'; url: string; poolSize: number } | { kind: 'dev_mailbox' };
    from: { name: string; address: string };
    dkim: { domainName: string; keySelector: string; privateKey: string } | undefined;
  };
  worker: { pollMs: number; batchSize: number; leaseSeconds: number; maxAttempts: number };
  inbound: {
    replyAddress: string | null;
    smtp: { port: number; host: string } | null;
    imap: { url: string; pollMs: number } | null;
    limits: { maxBytes: number; maxAttachments: number };
  };
  webhooks: { allowPrivateTargets: boolean; timeoutMs: number; maxAttempts: number };
  /** TRUST_PROXY: whose forwarded client address counts (rate limits, logs); false: none. */
  trustProxy: TrustProxy;
}

/** Trusted proxies: addresses, CIDR ranges and proxy-addr's range names. */
export type TrustProxy = string[] | false;

const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** Parse TRUST_PROXY; null when it is not a list of addresses and ranges. */
export function parseTrustProxy(value: string): TrustProxy | null {
  const entries = value.split(',').map((e) => e.trim());
  const valid = (e: string) => {
    if (PROXY_RANGE_NAMES.has(e)) return true;
    const [address, bits, extra] = e.split('/');
    const family = isIP(address ?? '');
    if (family === 0 || extra !== undefined) return false;
    if (bits === undefined) return true;
    const n = /^\d+$/.test(bits) ? Number(bits) : -1;
    return n >= 0 && n <= (family === 4 ? 32 : 128);
  };
  return entries.length > 0 && entries.every(valid) ? entries : null;
}

/** Thrown when the environment is invalid; `problems` lists every one of them. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    // One line, every problem: a terminal, a log line and a CI summary all show it whole.
    super(`invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

/** Validate the environment (default: process.env) and return the configuration, or throw ConfigError. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings mean "unset" (a common artefact of .env files and CI variables).
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  // Cross-field rules, checked on the raw values so they are reported with the rest.
  const from = parseMailbox(cleaned.MAIL_FROM ?? 'Hearback <hearback@localhost>');
  if (!from) problems.push('MAIL_FROM: must be an address or "Name <address>"');
  const dkimParts = ['DKIM_DOMAIN', 'DKIM_SELECTOR', 'DKIM_PRIVATE_KEY'].filter(
    (k) => cleaned[k] !== undefined,
  ).length;
  if (dkimParts !== 0 && dkimParts !== 3) {
    problems.push('DKIM_DOMAIN, DKIM_SELECTOR, DKIM_PRIVATE_KEY: set all three or none');
  }
  if (
    (cleaned.INBOUND_SMTP_PORT !== undefined || cleaned.IMAP_URL !== undefined) &&
    !cleaned.INBOUND_REPLY_ADDRESS
  ) {
    problems.push(
      'INBOUND_REPLY_ADDRESS: set it when INBOUND_SMTP_PORT or IMAP_URL is set (replies are routed by it)',
    );
  }
  if (cleaned.DATABASE_TENANT_URL !== undefined && cleaned.DATABASE_URL === undefined) {
    problems.push('DATABASE_TENANT_URL: set DATABASE_URL too (the tenant login is for PostgreSQL)');
  }
  if (problems.length > 0 || !parsed.success) throw new ConfigError(problems);
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? {
          kind: 'postgres',
          url: e.DATABASE_URL,
          ...(e.DATABASE_TENANT_URL && { tenantUrl: e.DATABASE_TENANT_URL }),
          poolMax: e.DATABASE_POOL_MAX,
          prepare: e.DATABASE_PREPARED_STATEMENTS === 'on',
        }
      : { kind: 'pglite', dataDir: e.DATA_DIR, sharedBuffers: e.PGLITE_SHARED_BUFFERS },
    publicUrl: (e.PUBLIC_URL ?? `http://${linkHost(e.HOST)}:${e.PORT}`).replace(/\/$/, ''),
    publicUrlExplicit: e.PUBLIC_URL !== undefined,
    logLevel: e.LOG_LEVEL,
    mail: {
      transport: e.SMTP_URL
        ? { kind: 'smtp', url: e.SMTP_URL, poolSize: e.SMTP_POOL_SIZE }
        : { kind: 'dev_mailbox' },
      from: from!,
      dkim:
        dkimParts === 3
          ? {
              domainName: e.DKIM_DOMAIN!,
              keySelector: e.DKIM_SELECTOR!,
              privateKey: e.DKIM_PRIVATE_KEY!.replace(/\\n/g, '\n'),
            }
          : undefined,
    },
    worker: {
      pollMs: e.WORKER_POLL_MS,
      batchSize: e.WORKER_BATCH_SIZE,
      leaseSeconds: e.WORKER_LEASE_SECONDS,
      maxAttempts: e.SEND_MAX_ATTEMPTS,
    },
    inbound: {
      replyAddress: e.INBOUND_REPLY_ADDRESS ?? null,
      smtp:
        e.INBOUND_SMTP_PORT !== undefined
          ? { port: e.INBOUND_SMTP_PORT, host: e.INBOUND_SMTP_HOST ?? e.HOST }
          : null,
      imap: e.IMAP_URL ? { url: e.IMAP_URL, pollMs: e.IMAP_POLL_SECONDS * 1000 } : null,
      limits: { maxBytes: e.INBOUND_MAX_BYTES, maxAttachments: e.INBOUND_MAX_ATTACHMENTS },
    },
    trustProxy: e.TRUST_PROXY === undefined ? false : parseTrustProxy(e.TRUST_PROXY)!,
    webhooks: {
      allowPrivateTargets: e.WEBHOOK_ALLOW_PRIVATE_TARGETS === 'true',
      timeoutMs: e.WEBHOOK_TIMEOUT_MS,
      maxAttempts: e.WEBHOOK_MAX_ATTEMPTS,
    },
  };
}

/** The host for links when PUBLIC_URL is unset: localhost for loopback and wildcard addresses. */
function linkHost(host: string): string {
  if (['127.0.0.1', '0.0.0.0', '::', '::1', 'localhost'].includes(host)) return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

/** Parse "Name <address>" or a bare address. */
function parseMailbox(value: string): { name: string; address: string } | null {
  const match = /^\s*(?:"?([^"<]*?)"?\s*<([^<>\s]+@[^<>\s]+)>|([^<>\s]+@[^<>\s]+))\s*$/.exec(value);
  if (!match) return null;
  return match[3] ? { name: '', address: match[3] } : { name: (match[1] ?? '').trim(), address: match[2]! };
}
