/**
 * Finding — a flood of check-ins (blocking): at the policy's cap (`maxCheckIns`, default 2) a
 * candidate's further check-in is refused; the team owes the answer.
 */
import type { CheckContext, Finding } from '../types.ts';

/** `flood` when a check-in would exceed the cap. */
export function findFlood(ctx: CheckContext): Finding[] {
  const { previousCheckIns, maxCheckIns } = ctx.options;
  if (ctx.kind !== 'check_in' || previousCheckIns === undefined || maxCheckIns === undefined) return [];
  if (previousCheckIns < maxCheckIns) return [];
  return [
    {
      code: 'flood',
      severity: 'error',
      message: `You have checked in ${previousCheckIns} times already; the team now owes you the answer.`,
      suggestion: 'Wait for the team’s reply; your recruiter or the status page will show any change.',
    },
  ];
}
