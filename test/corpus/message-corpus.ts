/**
 * The labelled messages in `messages.jsonl` (and the held-out `messages.holdout.jsonl`), and how a
 * run of `checkMessage` over them is scored: precision and recall per element (is it there?) and
 * per finding (is a finding with that code reported?). Used by the corpus regression test and by
 * `npm run accuracy`.
 */
import { readFileSync } from 'node:fs';
import { checkMessage, type FindingCode, type CheckKind } from '../../src/domain/message-check/index.ts';

/** One labelled message. */
export interface MessageCase {
  id: string;
  kind: CheckKind;
  text: string;
  /** Every element of the kind, and whether a careful reader finds it in the text. */
  elements: Record<string, boolean>;
  /** The finding codes a careful reader would raise (only the codes in {@link SCORED_FINDINGS}). */
  findings: FindingCode[];
}

/** Findings scored against the labels; the `missing_*` ones follow from the elements. */
export const SCORED_FINDINGS: FindingCode[] = [
  'protected_characteristic',
  'comparison_with_other',
  'vague_reason',
  'unkeepable_promise',
  'blame_or_condescension',
  'unfilled_placeholder',
  'gift',
  'friend_request',
  'ultimatum',
  'no_news',
  'too_long',
  'too_short',
];

/** Counts behind a precision/recall figure. */
export interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

/** Precision, recall (1 when there is nothing to find or nothing was claimed). */
export function rates(t: Tally): { precision: number; recall: number } {
  return {
    precision: t.tp + t.fp === 0 ? 1 : t.tp / (t.tp + t.fp),
    recall: t.tp + t.fn === 0 ? 1 : t.tp / (t.tp + t.fn),
  };
}

/** One disagreement between the engine and a label. */
export interface Miss {
  id: string;
  what: string;
  expected: boolean;
  text: string;
}

/** Per element (as `kind.element`) and per finding code. */
export interface MessageScore {
  elements: Map<string, Tally>;
  findings: Map<string, Tally>;
  misses: Miss[];
}

/** Reads a JSONL corpus file (path relative to this folder). */
export function loadMessageCases(file: 'messages.jsonl' | 'messages.holdout.jsonl'): MessageCase[] {
  return readFileSync(new URL(file, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as MessageCase);
}

function tally(map: Map<string, Tally>, key: string, expected: boolean, actual: boolean): void {
  const t = map.get(key) ?? { tp: 0, fp: 0, fn: 0 };
  if (expected && actual) t.tp++;
  else if (!expected && actual) t.fp++;
  else if (expected && !actual) t.fn++;
  map.set(key, t);
}

/** Checks every message and scores it against its labels. */
export function scoreMessageCases(cases: MessageCase[]): MessageScore {
  const score: MessageScore = { elements: new Map(), findings: new Map(), misses: [] };
  for (const c of cases) {
    const check = checkMessage(c.kind, c.text);
    for (const [element, expected] of Object.entries(c.elements)) {
      const actual = check.elements[element] === true;
      tally(score.elements, `${c.kind}.${element}`, expected, actual);
      if (expected !== actual)
        score.misses.push({ id: c.id, what: `${c.kind}.${element}`, expected, text: c.text });
    }
    const found = new Set(check.findings.map((f) => f.code));
    for (const code of SCORED_FINDINGS) {
      const expected = c.findings.includes(code);
      const actual = found.has(code);
      tally(score.findings, code, expected, actual);
      if (expected !== actual) score.misses.push({ id: c.id, what: code, expected, text: c.text });
    }
  }
  return score;
}

/** All tallies of a map added up. */
export function overall(map: Map<string, Tally>): Tally {
  const sum = { tp: 0, fp: 0, fn: 0 };
  for (const t of map.values()) {
    sum.tp += t.tp;
    sum.fp += t.fp;
    sum.fn += t.fn;
  }
  return sum;
}
