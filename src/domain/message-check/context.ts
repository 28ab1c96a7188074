/** Builds the context every element and finding rule reads. */
import { analyzeText, normalizeText } from '../language/analyze.ts';
import type { CheckContext, CheckMessageOptions, CheckKind } from './types.ts';

/** Reads `text` once (sentences, clauses, tags) for the rules of `kind`. */
export function buildContext(kind: CheckKind, text: string, options: CheckMessageOptions = {}): CheckContext {
  const analysis = analyzeText(text);
  return {
    kind,
    text,
    lower: normalizeText(text).toLowerCase(),
    analysis,
    sentences: analysis.sentences,
    clauses: analysis.sentences.flatMap((s) => s.clauses),
    options,
  };
}
