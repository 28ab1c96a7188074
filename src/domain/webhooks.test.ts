import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  chatPayload,
  endpointUrlProblem,
  isAllowedTarget,
  signPayload,
  verifySignature,
  webhookRetryDelayMs,
  type WebhookEvent,
} from './webhooks.ts';

describe('signatures', () => {
  const body = '{"id":"e1","type":"outcome.delivered"}';
  it('verify what was signed, within the tolerance', () => {
    const header = signPayload('s3cret', 1_800_000_000, body);
    expect(header).toMatch(/^t=1800000000,v1=[0-9a-f]{64}$/);
    expect(verifySignature('s3cret', header, body, 1_800_000_100)).toBe(true);
  });
  it.each([
    ['another secret', 'other', body, 1_800_000_000],
    ['a changed body', 's3cret', `${body} `, 1_800_000_000],
    ['an old request', 's3cret', body, 1_800_000_301],
  ])('refuse %s', (_label, secret, received, now) => {
    expect(verifySignature(secret, signPayload('s3cret', 1_800_000_000, body), received, now)).toBe(false);
  });
  it('refuse malformed headers', () => {
    for (const header of ['', 't=abc,v1=00', 'v1=' + '0'.repeat(64), `t=1800000000,v1=${'z'.repeat(64)}`]) {
      expect(verifySignature('s3cret', header, body, 1_800_000_000)).toBe(false);
    }
  });
  it('round-trip any body and secret', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string(), (secret, text) => {
        expect(verifySignature(secret, signPayload(secret, 1000, text), text, 1000)).toBe(true);
      }),
    );
  });
});

describe('retry delays', () => {
  it('double from 30 seconds and stop at six hours', () => {
    expect([1, 2, 3, 10, 30].map(webhookRetryDelayMs)).toEqual([
      30_000, 60_000, 120_000, 15_360_000, 21_600_000,
    ]);
  });
});

describe('where an endpoint may point', () => {
  it.each([
    ['127.0.0.1', false],
    ['10.1.2.3', false],
    ['172.16.0.1', false],
    ['192.168.1.1', false],
    ['169.254.169.254', false],
    ['100.64.0.1', false],
    ['0.0.0.0', false],
    ['::1', false],
    ['fd00::1', false],
    ['fe80::1', false],
    ['::ffff:127.0.0.1', false],
    ['224.0.0.1', false],
    ['93.184.216.34', true],
    ['2606:2800:220:1:248:1893:25c8:1946', true],
    ['not an ip', false],
  ])('%s → %s', (ip, allowed) => {
    expect(isAllowedTarget(ip, false)).toBe(allowed);
  });
  it('allows private targets only when the deployment says so', () => {
    expect(isAllowedTarget('127.0.0.1', true)).toBe(true);
    expect(endpointUrlProblem('http://127.0.0.1:8080/hook', true)).toBeNull();
  });
  it.each([
    ['ftp://example.com/x', 'http'],
    ['https://user:pw@example.com/', 'credentials'],
    ['http://127.0.0.1/', 'private'],
    ['http://[::1]/', 'private'],
    ['http://localhost:3000/', 'local host'],
    ['nonsense', 'absolute'],
  ])('refuses %s', (url, problem) => {
    expect(endpointUrlProblem(url, false)).toContain(problem);
  });
  it('accepts a public https URL', () => {
    expect(endpointUrlProblem('https://hooks.example.com/hearback', false)).toBeNull();
  });
});

describe('chat payloads', () => {
  const event: WebhookEvent = {
    id: 'e1',
    type: 'promise.escalated',
    occurredAt: '2026-12-01T10:00:00Z',
    organizationId: 'o1',
    data: { candidate: { name: 'Casey <b>&</b>' }, job: { title: 'AE' }, dueAt: '2026-11-30', level: 2 },
  };
  it('Slack: text with an escaped name and a link', () => {
    const p = chatPayload('slack', event, 'https://hb.test/#/applications/a1');
    expect(p.text).toBe(
      'Escalation (level 2): the outcome for Casey &lt;b&gt;&amp;&lt;/b&gt; (AE) is overdue since 2026-11-30. <https://hb.test/#/applications/a1|Open in Hearback>',
    );
  });
  it('Teams: a MessageCard with an open action', () => {
    const p = chatPayload('teams', event, 'https://hb.test/#/applications/a1') as {
      potentialAction: { targets: { uri: string }[] }[];
    };
    expect(p).toMatchObject({ '@type': 'MessageCard' });
    expect(p.potentialAction[0]!.targets[0]!.uri).toBe('https://hb.test/#/applications/a1');
  });
});
