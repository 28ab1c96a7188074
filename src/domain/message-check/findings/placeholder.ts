/**
 * Finding — an unfilled template placeholder of any form: "[Name]", "[Describe the reason]",
 * "{{first_name}}", "${role}", "{% … %}", "<NAME>", "%FIRST_NAME%", "XXX", "TBD", "lorem ipsum",
 * "______". Square and angle brackets count when their content looks like a field (capitalised
 * words, all caps, or starting with insert/your/add/describe…); "[sic]", "[1]" and Markdown links
 * do not. Each distinct placeholder once.
 */
import { excerptOf } from '../text.ts';
import type { CheckContext, Finding, Span } from '../types.ts';

const FIELD_WORD =
  /^(?:insert|your|add|enter|fill|describe|explain|include|mention|list|give|write|state|specific|reason|first|last|full|name|candidate|company|role|position|job|title|date|time|day|link|url|interviewer|recruiter|manager|team|location|salary|feedback|recommendation|x+)\b/i;

function isTemplateField(inner: string): boolean {
  const s = inner.trim();
  if (s.length === 0 || /^(?:sic|\d+|[a-z]|\.\.\.|…)$/i.test(s)) return false;
  if (FIELD_WORD.test(s)) return true;
  const letters = s.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase())
    return true;
  return /^\p{Lu}[\p{L}\p{N}'-]*(?:[\s_]+(?:\p{Lu}[\p{L}\p{N}'-]*|&|of|or|and|the|a))*$/u.test(s);
}

const RULES: { pattern: RegExp; accept?: (inner: string) => boolean }[] = [
  { pattern: /\{\{[^{}\n]{0,80}\}\}/g },
  { pattern: /\$\{[^{}\n]{0,80}\}/g },
  { pattern: /\{%[^%\n]{0,80}%\}/g },
  { pattern: /\{\s*[\p{L}_][\p{L}\p{N}_.]*\s*\}/gu },
  { pattern: /\[([^[\]\n]{1,80})\](?!\()/g, accept: isTemplateField },
  { pattern: /<\s*([^<>\n/="]{2,40})\s*>/g, accept: isTemplateField },
  { pattern: /%[A-Z][A-Z_]+%/g },
  { pattern: /(?<![\p{L}\p{N}_])[Xx]{3,}(?![\p{L}\p{N}_])/gu },
  { pattern: /(?<![\p{L}\p{N}_])(?:TBD|TBC|tbd|tbc|TODO|FIXME|TK)(?![\p{L}\p{N}_])/gu },
  { pattern: /lorem ipsum(?: dolor)?(?: sit amet)?/gi },
  { pattern: /_{3,}/g },
];

/** Unfilled placeholders, each distinct one once; nested matches ("{x}" in "{{x}}") are one. */
export function findPlaceholders(ctx: CheckContext): Finding[] {
  const spans: Span[] = [];
  for (const rule of RULES) {
    for (const m of ctx.text.matchAll(rule.pattern)) {
      if (rule.accept && !rule.accept(m[1] ?? '')) continue;
      spans.push({ start: m.index, end: m.index + m[0].length });
    }
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Span[] = [];
  for (const s of spans) {
    const last = kept[kept.length - 1];
    if (last && s.start < last.end) continue;
    kept.push(s);
  }
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const span of kept) {
    const excerpt = excerptOf(ctx.text, span);
    if (seen.has(excerpt)) continue;
    seen.add(excerpt);
    out.push({
      code: 'unfilled_placeholder',
      severity: 'error',
      message: `Placeholder "${excerpt}" was never filled in.`,
      excerpt,
      ...span,
      suggestion: 'Replace it with the real text, or delete it.',
    });
  }
  return out;
}
