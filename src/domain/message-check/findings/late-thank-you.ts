/**
 * Finding — a thank-you sent more than 48 hours after the interview (info: still worth sending;
 * sooner reads better). Needs `interviewEndedAt` and `writtenAt` in the options.
 */
import type { CheckContext, Finding } from '../types.ts';

const WINDOW_MS = 48 * 3_600_000;

/** `late_thank_you` when a thank-you is written after the 48-hour window. */
export function findLateThankYou(ctx: CheckContext): Finding[] {
  const { interviewEndedAt, writtenAt } = ctx.options;
  if (ctx.kind !== 'thank_you' || !interviewEndedAt || !writtenAt) return [];
  if (writtenAt.getTime() - interviewEndedAt.getTime() <= WINDOW_MS) return [];
  return [
    {
      code: 'late_thank_you',
      severity: 'info',
      message: 'More than 48 hours have passed since the interview; a thank-you still helps, sent today.',
      suggestion: 'Send it now, short: thanks, one thing you valued, your interest.',
    },
  ];
}
