import { describe, expect, it } from 'vitest';
import {
  loadMessageCases,
  overall,
  rates,
  scoreMessageCases,
  SCORED_FINDINGS,
} from '../../../test/corpus/message-corpus.ts';
import { MESSAGE_ELEMENTS, CHECK_KINDS } from './index.ts';

// The labelled corpus (test/corpus/messages.jsonl) and the part held out while the rules were
// written (messages.holdout.jsonl). Floors come from the figures in docs/ACCURACY.md, a little
// under them so a new phrasing that costs one message fails loudly but a rounding does not.
const main = loadMessageCases('messages.jsonl');
const holdout = loadMessageCases('messages.holdout.jsonl');
const mainScore = scoreMessageCases(main);
const holdoutScore = scoreMessageCases(holdout);

describe('message checks over the main corpus', () => {
  it.each([...mainScore.elements.entries(), ...mainScore.findings.entries()])(
    '%s: precision ≥ 95%, recall ≥ 90% (the issue’s targets)',
    (_name, tally) => {
      const r = rates(tally);
      expect(r.precision).toBeGreaterThanOrEqual(0.95);
      expect(r.recall).toBeGreaterThanOrEqual(0.9);
    },
  );
  it('overall: precision and recall of elements and findings ≥ 99%', () => {
    for (const t of [overall(mainScore.elements), overall(mainScore.findings)]) {
      expect(rates(t).precision).toBeGreaterThanOrEqual(0.99);
      expect(rates(t).recall).toBeGreaterThanOrEqual(0.99);
    }
  });
});

describe('message checks over the held-out corpus', () => {
  it('overall: precision and recall of elements and findings ≥ 95%', () => {
    for (const t of [overall(holdoutScore.elements), overall(holdoutScore.findings)]) {
      expect(rates(t).precision).toBeGreaterThanOrEqual(0.95);
      expect(rates(t).recall).toBeGreaterThanOrEqual(0.95);
    }
  });
});

describe('the corpus itself', () => {
  it('has at least 250 messages, every kind, and labels every element of its kind', () => {
    expect(main.length + holdout.length).toBeGreaterThanOrEqual(250);
    expect(new Set(main.map((c) => c.kind))).toEqual(new Set(CHECK_KINDS));
    for (const c of [...main, ...holdout]) {
      expect(Object.keys(c.elements)).toEqual([...MESSAGE_ELEMENTS[c.kind]]);
      for (const f of c.findings) expect(SCORED_FINDINGS).toContain(f);
    }
  });
  it('has every scored finding at least once', () => {
    for (const code of SCORED_FINDINGS) expect(main.some((c) => c.findings.includes(code))).toBe(true);
  });
  it('has unique ids and texts', () => {
    const all = [...main, ...holdout];
    expect(new Set(all.map((c) => c.id)).size).toBe(all.length);
    expect(new Set(all.map((c) => c.text)).size).toBe(all.length);
  });
});
