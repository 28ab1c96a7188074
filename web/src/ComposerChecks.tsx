import type React from 'react';
import type { Schema } from './api.ts';

type Finding = Schema<'Finding'>;

/** A check of the text as it was when checked: its spans point into `text`. */
export type CheckedText = Schema<'MessageCheck'> & { text: string };

const ELEMENT_WORDS: Record<string, string> = {
  not_selected: 'Says they were not selected',
  reason: 'Gives a specific reason',
  recommendation: 'Recommends something for the future',
  good_luck: 'Thanks them and wishes them well',
  stay_in_touch: 'Invites them to stay in touch',
  next_steps: 'Describes the next steps',
  who: 'Says whom they will meet or hear from',
  timeline: 'Gives a timeline',
  still_deciding: 'Says the decision is still being made',
  new_date: 'Gives a new date',
};

/** The text with each finding's span marked, for the "where" view beside the checks. */
function markedText(text: string, findings: Finding[]) {
  const spans = findings
    .filter((f) => f.start !== undefined && f.end !== undefined && f.end <= text.length && f.start < f.end)
    .sort((a, b) => a.start! - b.start!);
  const parts: React.ReactNode[] = [];
  let at = 0;
  spans.forEach((f, i) => {
    if (f.start! < at) return; // overlapping spans: the first one is marked
    parts.push(text.slice(at, f.start));
    parts.push(
      <mark key={i} className={f.severity === 'error' ? 'error' : 'warning'} title={f.message}>
        {text.slice(f.start, f.end)}
      </mark>,
    );
    at = f.end!;
  });
  parts.push(text.slice(at));
  return parts;
}

/** One finding: must fix or consider, its suggestion, and where it is (or the sentence to add). */
function FindingItem({
  f,
  fresh,
  onShow,
  onInsert,
}: {
  f: Finding;
  fresh: boolean;
  onShow: (f: Finding) => void;
  onInsert: (text: string) => void;
}) {
  return (
    <div className="finding">
      <p className={f.severity === 'error' ? 'error' : 'warning'}>
        {f.severity === 'error' ? 'Must fix: ' : 'Consider: '}
        {f.message}
      </p>
      {f.suggestion && <p className="meta">Suggestion: {f.suggestion}</p>}
      {fresh && f.start !== undefined && (
        <button type="button" className="secondary" onClick={() => onShow(f)}>
          Show “{f.excerpt ?? 'it'}” in the message
        </button>
      )}
      {f.start === undefined && f.suggestion && !f.suggestion.includes('…') && (
        <button type="button" className="secondary" onClick={() => onInsert(f.suggestion!)}>
          Add this sentence
        </button>
      )}
    </div>
  );
}

/** The checks beside the message: the parts it has, each finding, and where in the text they point. */
export function ComposerChecks({
  check,
  checkError,
  body,
  onShow,
  onInsert,
}: {
  check: CheckedText | null;
  checkError: string;
  body: string;
  onShow: (f: Finding) => void;
  onInsert: (text: string) => void;
}) {
  // Spans point into the text that was checked; while the check catches up they are not shown.
  const fresh = check !== null && check.text === body;
  return (
    <div aria-live="polite">
      {checkError && (
        <p className="warning">
          The checks could not run on this text ({checkError}); they run again as you edit.
        </p>
      )}
      {check && (
        <ul aria-label="Checks">
          {Object.entries(check.elements).map(([k, ok]) => (
            <li key={k}>
              {ok ? '✓' : '✗'} {ELEMENT_WORDS[k] ?? k}
            </li>
          ))}
        </ul>
      )}
      {check?.findings.map((f) => (
        <FindingItem
          key={`${f.code}-${f.start ?? ''}-${f.message}`}
          f={f}
          fresh={fresh}
          onShow={onShow}
          onInsert={onInsert}
        />
      ))}
      {fresh && check.findings.some((f) => f.start !== undefined) && (
        <details open>
          <summary>Where the checks point</summary>
          <p className="marked" style={{ whiteSpace: 'pre-wrap' }}>
            {markedText(body, check.findings)}
          </p>
        </details>
      )}
    </div>
  );
}
