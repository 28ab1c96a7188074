import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { headerValue, isEmailAddress, mailDomainOf, messageIdFor, threadHeaders } from './email.ts';

describe('headerValue', () => {
  it.each([
    ['Offer update', 'Offer update'],
    ['Hi\r\nBcc: attacker@example.com', 'Hi Bcc: attacker@example.com'],
    ['Line\nbreak\rand\ttab', 'Line break and tab'],
    ['  padded  ', 'padded'],
    ['unicode\u2028separator', 'unicode separator'],
  ])('%j → %j', (input, expected) => {
    expect(headerValue(input)).toBe(expected);
  });

  it('never lets CR or LF through (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(headerValue(s)).not.toMatch(/[\r\n]/);
      }),
    );
  });
});

describe('Message-IDs and threads', () => {
  it('builds a stable id from the message id and the domain', () => {
    expect(messageIdFor('3f1c', 'hearback.example.com')).toBe('<3f1c@hearback.example.com>');
    expect(messageIdFor('a\r\nb', 'x.test')).toBe('<ab@x.test>');
    expect(mailDomainOf('https://hire.acme.test:8443/x')).toBe('hire.acme.test');
    expect(mailDomainOf('not a url')).toBe('localhost');
  });

  it('replies to the latest message and references the root', () => {
    expect(threadHeaders([])).toEqual({ inReplyTo: null, references: [] });
    expect(threadHeaders(['<a@x>', '<b@x>'])).toEqual({ inReplyTo: '<b@x>', references: ['<a@x>', '<b@x>'] });
    const long = Array.from({ length: 15 }, (_, i) => `<${i}@x>`);
    const t = threadHeaders(long);
    expect(t.references).toHaveLength(10);
    expect(t.references[0]).toBe('<0@x>');
    expect(t.inReplyTo).toBe('<14@x>');
  });

  it.each([
    ['priya@example.com', true],
    ['first.last+tag@sub.example.co.uk', true],
    ['no-at.example.com', false],
    ['a@b', false],
    ['a@b.c\r\nBcc: x@y.z', false],
    ['"Name" <a@b.c>', false],
  ])('isEmailAddress(%j) = %s', (value, ok) => {
    expect(isEmailAddress(value)).toBe(ok);
  });
});
