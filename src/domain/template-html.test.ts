import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textToHtml } from './template-html.ts';

describe('textToHtml', () => {
  const body = (html: string) => /<div[^>]*>\n([\s\S]*)\n<\/div>/.exec(html)?.[1] ?? '';

  it('builds paragraphs, line breaks and an accessible document', () => {
    const html = textToHtml('Hi Alex,\r\n\r\n\r\nLine one\nLine two\n  \nBye', { title: 'A & B' });
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<title>A &amp; B</title>');
    expect(body(html).replace(/ style="[^"]*"/g, '')).toBe(
      '<p>Hi Alex,</p>\n<p>Line one<br>\nLine two</p>\n<p>Bye</p>',
    );
  });

  it('escapes every special character exactly once', () => {
    expect(body(textToHtml(`& < > " ' &amp;`)).replace(/ style="[^"]*"/g, '')).toBe(
      '<p>&amp; &lt; &gt; &quot; &#39; &amp;amp;</p>',
    );
  });

  it.each([
    ['See https://example.com/a?b=1&c=2.', '<a href="https://example.com/a?b=1&amp;c=2"', 'c=2</a>.'],
    ['(https://example.com/x_(y)) ok', '<a href="https://example.com/x_(y)"', '(y)</a>) ok'],
    ['HTTP://EXAMPLE.COM, then', '<a href="HTTP://EXAMPLE.COM"', '</a>, then'],
    ['x https://ex.com/"><script>', '<a href="https://ex.com/"', '</a>&quot;&gt;&lt;script&gt;'],
  ])('links %s', (text, anchor, after) => {
    const html = textToHtml(text);
    expect(html).toContain(anchor);
    expect(html).toContain(after);
  });

  it('does not link other schemes or bare prefixes', () => {
    for (const text of ['javascript:alert(1)', 'ftp://example.com', 'https://', 'mailto:a@b.c']) {
      expect(textToHtml(text)).not.toContain('<a ');
    }
  });

  it('never lets a < from the input through (property)', () => {
    const ours = /<\/?(?:html|head|meta|title|body|div|p|br|a)\b[^<>]*>|<!doctype html>/g;
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.string(),
            fc.constantFrom(
              '<',
              '>',
              '&',
              '"',
              "'",
              '\n',
              '\n\n',
              'https://x.example/',
              '<p>',
              '</a>',
              '<br>',
            ),
          ),
        ),
        (pieces) => {
          const html = textToHtml(pieces.join(''), { title: pieces.join('') });
          expect(html.replace(ours, '')).not.toContain('<');
        },
      ),
    );
  });
});
