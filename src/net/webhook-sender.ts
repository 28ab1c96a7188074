import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { isAllowedTarget } from '../domain/webhooks.ts';

/** One POST of a delivery. */
export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** Posts deliveries; resolves with the response status, rejects when no response came. */
export interface WebhookSender {
  post(request: WebhookRequest): Promise<{ statusCode: number }>;
}

/** Settings of the HTTP sender. */
export interface HttpSenderOptions {
  /** Allow loopback and private addresses (WEBHOOK_ALLOW_PRIVATE_TARGETS; tests). Default false. */
  allowPrivate: boolean;
  /** Give up on a request after this many milliseconds. Default 10,000. */
  timeoutMs?: number;
}

/** Thrown when a URL resolves to an address deliveries may not reach. */
export class ForbiddenTargetError extends Error {}

/**
 * POST over HTTP(S) with Node's own client, checking every address the host resolves to at
 * connection time (so a DNS answer that changes after registration — DNS rebinding — cannot
 * reach an internal service). Redirects are not followed: a 3xx is a failed attempt. The response
 * body is read up to 4 KiB and discarded.
 */
export function createHttpSender(options: HttpSenderOptions): WebhookSender {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const safeLookup = (
    hostname: string,
    lookupOptions: { all?: boolean },
    callback: (
      error: NodeJS.ErrnoException | null,
      address: string | LookupAddress[],
      family?: number,
    ) => void,
  ) => {
    dnsLookup(hostname, { all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const bad = addresses.find((a) => !isAllowedTarget(a.address, options.allowPrivate));
      if (bad) return callback(new ForbiddenTargetError(`${hostname} resolves to a forbidden address`), []);
      if (lookupOptions.all) return callback(null, addresses);
      return callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
  return {
    post(request) {
      const url = new URL(request.url);
      const host = url.hostname.replace(/^\[|\]$/g, '');
      if (isIP(host) && !isAllowedTarget(host, options.allowPrivate)) {
        return Promise.reject(new ForbiddenTargetError(`${host} is a forbidden address`));
      }
      const client = url.protocol === 'https:' ? https : http;
      return new Promise((resolve, reject) => {
        const req = client.request(
          url,
          {
            method: 'POST',
            headers: { ...request.headers, 'content-length': Buffer.byteLength(request.body).toString() },
            lookup: safeLookup,
            timeout: timeoutMs,
          },
          (res) => {
            let read = 0;
            res.on('data', (chunk: Buffer) => {
              read += chunk.length;
              if (read > 4096) res.destroy();
            });
            res.on('close', () => resolve({ statusCode: res.statusCode ?? 0 }));
            res.on('error', () => resolve({ statusCode: res.statusCode ?? 0 }));
          },
        );
        req.on('timeout', () => req.destroy(new Error(`no response within ${timeoutMs} ms`)));
        req.on('error', reject);
        req.end(request.body);
      });
    },
  };
}
