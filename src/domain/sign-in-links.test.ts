import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textToHtml } from './template-html.ts';
import {
  describeStatusLinks,
  fillStatusLinks,
  hasStatusLinkPlaceholder,
  MASKED_TOKEN,
  maskSecretLinks,
  maskSignInLinks,
  maskStatusLinks,
  STATUS_LINK_PLACEHOLDER,
} from './sign-in-links.ts';

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

describe('status links', () => {
  const token = 'a'.repeat(20) + '_-' + 'B'.repeat(21);
  it('are masked in text and HTML, and a placeholder is filled only where it stands', () => {
    const text = `See https://hb.example/s/${token} or <a href="https://hb.example/s/${token}">here</a>`;
    expect(maskSecretLinks(text)).toBe(
      `See https://hb.example${STATUS_LINK_PLACEHOLDER} or <a href="https://hb.example${STATUS_LINK_PLACEHOLDER}">here</a>`,
    );
    expect(maskStatusLinks('/s/export.json and /s/short')).toBe('/s/export.json and /s/short');
    const masked = maskStatusLinks(textToHtml(`Hi\n\nhttps://hb.example/s/${token}`));
    expect(masked).not.toContain(token);
    expect(hasStatusLinkPlaceholder(masked)).toBe(true);
    expect(fillStatusLinks(masked, token)).toContain(`href="https://hb.example/s/${token}"`);
    expect(fillStatusLinks('/s/link-hiddenX', token)).toBe('/s/link-hiddenX');
  });
});

describe('describeStatusLinks', () => {
  it('reads a masked status link on the candidate page as the link to that page', () => {
    expect(describeStatusLinks('See where things stand: https://hire.acme.test/s/link-hidden. Thanks!')).toBe(
      'See where things stand: (your link to this page). Thanks!',
    );
    expect(describeStatusLinks('Link:\nhttp://localhost:3000/s/link-hidden')).toBe(
      'Link:\n(your link to this page)',
    );
    // Anything else is left as it is.
    expect(describeStatusLinks('https://hire.acme.test/s/link-hiddenX and /jobs')).toBe(
      'https://hire.acme.test/s/link-hiddenX and /jobs',
    );
  });
});
