/**
 * The script for telling a candidate the outcome by phone (pure). Late-stage candidates hear it
 * from a person first (principle 4); the script keeps the call to the same four parts a good
 * rejection email has, or to next steps and a timeline when they advance.
 */
import type { DecisionOutcome } from './model.ts';

/** Numbered lines to say, in order. */
export function callScript(input: {
  outcome: DecisionOutcome;
  candidateFirstName: string;
  jobTitle: string;
  reasons: string[];
  recommendation: string;
}): string[] {
  const hello = `Hi ${input.candidateFirstName}, thank you for your time on the ${input.jobTitle} interviews. I'm calling with our decision.`;
  switch (input.outcome) {
    case 'reject':
      return [
        hello,
        "1. The decision: we won't be moving forward with your application.",
        `2. Why: ${input.reasons.length > 0 ? input.reasons.join('; ') : '(say specifically why, respectfully)'}.`,
        `3. For the future: ${input.recommendation || '(one concrete recommendation)'}.`,
        '4. Thanks, good luck, and may we stay in touch about future roles?',
        'Then: answer their questions, and say a written note will follow.',
      ];
    case 'advance':
    case 'offer':
      return [
        hello,
        input.outcome === 'offer'
          ? '1. The news: we would like to offer you the role.'
          : '1. The news: we would like you to move to the next step.',
        '2. What happens next, and who they will meet or hear from.',
        '3. When: the estimated timeline, as a date.',
        '4. Their questions; confirm they are still interested.',
      ];
    case 'hold':
      return [
        hello,
        "1. Honestly: we haven't decided yet.",
        '2. The new date by which they will hear from us.',
        '3. Thanks for their patience; their questions.',
      ];
  }
}

/**
 * The paragraph the written note after an outcome call adds: what was said, in the words the
 * member logged (the log form tells them it goes to the candidate).
 */
export function callSummaryParagraph(summary: string): string {
  return `From our call: ${summary.trim()}`;
}

/** The written note's text with what was said on the call added as its last paragraph. */
export function withCallSummary(body: string, summary: string): string {
  return `${body.trimEnd()}\n\n${callSummaryParagraph(summary)}`;
}

/** The note's text without the call's paragraph (the call was undone); unchanged when it has none. */
export function withoutCallSummary(body: string, summary: string): string {
  const suffix = `\n\n${callSummaryParagraph(summary)}`;
  return body.endsWith(suffix) ? body.slice(0, -suffix.length) : body;
}
