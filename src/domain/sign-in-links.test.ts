import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textToHtml } from './templates.ts';
import { MASKED_TOKEN, maskSignInLinks } from './sign-in-links.ts';

describe('maskSignInLinks', () => {
  it.each([
    [
      'http://localhost:3000/auth/magic-link?token=abc_DEF-123',
      `http://localhost:3000/auth/magic-link?token=${MASKED_TOKEN}`,
    ],
    [
      'https://hb.example/auth/invite?token=xyz. Thanks',
      `https://hb.example/auth/invite?token=${MASKED_TOKEN} Thanks`,
    ],
    [
      'see /auth/magic-link?next=%2F&token=abc end',
      `see /auth/magic-link?next=%2F&token=${MASKED_TOKEN} end`,
    ],
    [
      '<a href="/auth/invite?token=abc">/auth/invite?token=abc</a>',
      `<a href="/auth/invite?token=${MASKED_TOKEN}">/auth/invite?token=${MASKED_TOKEN}</a>`,
    ],
    ['/s/abc?token=keep', '/s/abc?token=keep'], // a status link is not a sign-in link
  ])('%s', (input, expected) => {
    expect(maskSignInLinks(input)).toBe(expected);
  });

  it('leaves no token behind in the text or the HTML of an email', () => {
    fc.assert(
      fc.property(
        fc.base64String({ minLength: 8, maxLength: 64 }),
        fc.constantFrom('magic-link', 'invite'),
        (raw, kind) => {
          const token = raw.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '') || 'x';
          const text = `Hi,\n\nSign in with this link:\n\nhttp://localhost:3000/auth/${kind}?token=${token}\n\nBye`;
          for (const shown of [maskSignInLinks(text), maskSignInLinks(textToHtml(text))]) {
            expect(shown).not.toContain(`token=${token}`);
            expect(shown).toContain(MASKED_TOKEN);
          }
        },
      ),
    );
  });
});
