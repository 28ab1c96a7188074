/**
 * Email HTML: plain text turned into an escaped, linkified HTML document. Static template text and
 * variables are escaped the same way, so an author cannot inject markup. Pure.
 */

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes the five HTML-significant characters; safe in text and in quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'`]+/gi;
const TRAILING_PUNCTUATION = /[.,;:!?*_~\]]$/;

/** The URL without sentence punctuation after it ("see https://x.example/a." ends before "."). */
function trimUrl(url: string): string {
  let end = url;
  for (;;) {
    if (TRAILING_PUNCTUATION.test(end)) end = end.slice(0, -1);
    else if (end.endsWith(')') && end.split('(').length < end.split(')').length) end = end.slice(0, -1);
    else return end;
  }
}

function linkifyLine(line: string): string {
  let html = '';
  let last = 0;
  for (const match of line.matchAll(URL_PATTERN)) {
    const url = trimUrl(match[0]);
    if (!/^https?:\/\/[^/?#]+/i.test(url)) continue;
    const start = match.index;
    html += escapeHtml(line.slice(last, start));
    html += `<a href="${escapeHtml(url)}" style="${LINK_STYLE}">${escapeHtml(url)}</a>`;
    last = start + url.length;
  }
  return html + escapeHtml(line.slice(last));
}

const FONT = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
const BODY_STYLE = `margin:0;padding:24px 16px;background-color:#ffffff;color:#1f2328;font-family:${FONT};font-size:16px;line-height:1.6`;
const CONTAINER_STYLE = 'max-width:600px;margin:0 auto';
const PARAGRAPH_STYLE = 'margin:0 0 16px 0';
const LINK_STYLE = 'color:#0b57d0;text-decoration:underline';

/**
 * The HTML version of a plain-text email: everything escaped, blank lines → paragraphs, single
 * line breaks → `<br>`, http(s) URLs → links, in a minimal accessible document.
 */
export function textToHtml(text: string, options: { title?: string } = {}): string {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n(?:[ \t]*\n)+/)
    .map((paragraph) => paragraph.replace(/^\n+|\n+$/g, ''))
    .filter((paragraph) => paragraph.trim() !== '')
    .map(
      (paragraph) =>
        `<p style="${PARAGRAPH_STYLE}">${paragraph.split('\n').map(linkifyLine).join('<br>\n')}</p>`,
    );
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(options.title ?? '')}</title>`,
    '</head>',
    `<body style="${BODY_STYLE}">`,
    `<div style="${CONTAINER_STYLE}">`,
    ...paragraphs,
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
