import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bounceSeverity,
  classifyInbound,
  originalMessageIdIn,
  parseDeliveryStatus,
  referencedMessageIds,
  replyAddressFor,
  replyTokenFrom,
  stripQuotedReply,
  withoutReplyToken,
  type InboundFacts,
} from './inbound-mail.ts';

const TOKEN = 'abcdefghijklmnopqrstuvwxyz';

describe('reply addresses', () => {
  it('put the token in a plus tag and find it again among the recipients', () => {
    const address = replyAddressFor('Replies@Hearback.Example', TOKEN);
    expect(address).toBe(`Replies+${TOKEN}@hearback.example`);
    expect(replyTokenFrom(['someone@else.test', address.toUpperCase()], 'replies@hearback.example')).toBe(
      TOKEN,
    );
    expect(withoutReplyToken(address)).toBe('Replies@hearback.example');
  });

  it.each([
    ['another domain', `replies+${TOKEN}@other.example`],
    ['another mailbox', `jobs+${TOKEN}@hearback.example`],
    ['no tag', 'replies@hearback.example'],
    ['a tag that is not a token', 'replies+hello@hearback.example'],
    ['a token with a forbidden letter', `replies+${TOKEN.slice(0, 25)}1@hearback.example`],
  ])('ignore %s', (_label, address) => {
    expect(replyTokenFrom([address], 'replies@hearback.example')).toBeNull();
  });

  it('round-trip any valid token', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z2-7]{26}$/), (token) => {
        expect(replyTokenFrom([replyAddressFor('in@x.test', token)], 'in@x.test')).toBe(token);
      }),
    );
  });
});

describe('referenced Message-IDs', () => {
  it('put In-Reply-To first, then References newest first, without repeats', () => {
    expect(referencedMessageIds('<c@x>', ['<a@x>', '<b@x> <c@x>'])).toEqual(['<c@x>', '<b@x>', '<a@x>']);
    expect(referencedMessageIds(null, [])).toEqual([]);
  });
});

const facts = (
  overrides: Partial<Omit<InboundFacts, 'headers'>> & { headers?: Record<string, string> },
): InboundFacts => ({
  contentType: 'text/plain',
  subject: 'Re: Your interview',
  fromAddress: 'casey@example.com',
  envelopeFrom: 'casey@example.com',
  partTypes: [],
  ...overrides,
  headers: new Map(Object.entries(overrides.headers ?? {})),
});

describe('classifying inbound mail', () => {
  it.each<[string, InboundFacts, string]>([
    ['a plain reply', facts({}), 'reply'],
    ['Auto-Submitted: no', facts({ headers: { 'auto-submitted': 'no' } }), 'reply'],
    ['Auto-Submitted: auto-replied', facts({ headers: { 'auto-submitted': 'auto-replied' } }), 'auto_reply'],
    ['X-Autoreply', facts({ headers: { 'x-autoreply': 'yes' } }), 'auto_reply'],
    ['Precedence: bulk', facts({ headers: { precedence: 'bulk' } }), 'auto_reply'],
    ['an out-of-office subject', facts({ subject: 'Out of Office: back Monday' }), 'auto_reply'],
    ['a German vacation notice', facts({ subject: 'Abwesenheitsnotiz: Re: Interview' }), 'auto_reply'],
    ['Automatic reply', facts({ subject: 'Automatic reply: Your interview' }), 'auto_reply'],
    [
      'a DSN',
      facts({ contentType: 'multipart/report; report-type=delivery-status; boundary="x"' }),
      'bounce',
    ],
    ['a delivery-status part', facts({ partTypes: ['text/plain', 'message/delivery-status'] }), 'bounce'],
    [
      'a daemon without a report',
      facts({ fromAddress: 'MAILER-DAEMON@mx.example', subject: 'Undelivered Mail Returned to Sender' }),
      'bounce',
    ],
    ['the null sender saying failure', facts({ envelopeFrom: '', subject: 'failure notice' }), 'bounce'],
  ])('%s', (_label, input, expected) => {
    expect(classifyInbound(input)).toBe(expected);
  });
});

describe('delivery-status reports', () => {
  const report = [
    'Reporting-MTA: dns; mx.example.com',
    'Arrival-Date: Mon, 7 Dec 2026 10:00:00 +0000',
    '',
    'Final-Recipient: rfc822; casey@example.com',
    'Original-Recipient: rfc822;casey@example.com',
    'Action: failed',
    'Status: 5.1.1',
    'Diagnostic-Code: smtp; 550 5.1.1 <casey@example.com>: Recipient address',
    '  rejected: User unknown',
    '',
  ].join('\r\n');

  it('read each recipient, with folded lines unfolded', () => {
    expect(parseDeliveryStatus(report)).toEqual([
      {
        recipient: 'casey@example.com',
        action: 'failed',
        status: '5.1.1',
        diagnostic: '550 5.1.1 <casey@example.com>: Recipient address rejected: User unknown',
      },
    ]);
  });

  it('tell hard from soft', () => {
    expect(bounceSeverity(parseDeliveryStatus(report))).toBe('hard');
    expect(
      bounceSeverity([{ recipient: 'a@b.c', action: 'delayed', status: '4.4.7', diagnostic: null }]),
    ).toBe('soft');
    expect(bounceSeverity([], 'The mail server said: 550 mailbox unavailable')).toBe('hard');
    expect(bounceSeverity([], 'will retry for 4 days')).toBe('soft');
  });

  it('find the original Message-ID in the returned headers', () => {
    expect(originalMessageIdIn('Subject: x\nMessage-ID: <abc@acme.test>\n')).toBe('<abc@acme.test>');
    expect(originalMessageIdIn('nothing here')).toBeNull();
  });
});

describe('stripping quoted history and signatures', () => {
  it.each([
    [
      'Gmail',
      'Thanks, Friday works for me.\n\nOn Mon, 7 Dec 2026 at 10:00, Riley <r@acme.test> wrote:\n> Can you do Friday?',
      'Thanks, Friday works for me.',
    ],
    [
      'a header split over two lines',
      'Yes please.\n\nOn Mon, 7 Dec 2026 at 10:00, Riley Recruiter <r@acme.test>\nwrote:\n> Shall we?',
      'Yes please.',
    ],
    [
      'Outlook',
      'Works for me.\r\n\r\n________________________________\r\nFrom: Riley\r\nSent: Monday\r\nSubject: Interview',
      'Works for me.',
    ],
    [
      'Outlook without a rule',
      'Sounds good.\n\nFrom: Riley <r@acme.test>\nSent: Monday, December 7\nTo: Casey\nSubject: Interview',
      'Sounds good.',
    ],
    ['a signature', 'See you then.\n-- \nCasey Candidate\n+44 20 7946 0000', 'See you then.'],
    ['a phone', 'Great, thanks!\n\nSent from my iPhone', 'Great, thanks!'],
    ['French', 'Merci !\n\nLe lun. 7 déc. 2026 à 10:00, Riley a écrit :\n> Bonjour', 'Merci !'],
    ['German', 'Danke!\n\nAm Mo., 7. Dez. 2026 um 10:00 Uhr schrieb Riley <r@acme.test>:\n> Hallo', 'Danke!'],
    ['all quote', '> only the quote', '> only the quote'],
    [
      'a line that merely mentions From:',
      'From: my side, all good.\nThanks',
      'From: my side, all good.\nThanks',
    ],
  ])('%s', (_label, input, expected) => {
    expect(stripQuotedReply(input)).toBe(expected);
  });

  it('never returns more than it was given, nor nothing for non-blank text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const out = stripQuotedReply(text);
        expect(out.length).toBeLessThanOrEqual(
          text.replace(/\r\n?/g, '\n').trim().length || text.trim().length,
        );
        if (text.trim().length > 0) expect(out.length).toBeGreaterThan(0);
      }),
    );
  });
});
