/**
 * Finalists and backfill (pure). The practice: keep two or three candidates in every final stage,
 * and when one drops out, backfill at once from the earlier stages — a job with one finalist left
 * is one "no" away from starting over.
 */
import type { ApplicationStatus } from './model.ts';

/** Statuses of someone still in the running (not hired, turned down or gone). */
const IN_THE_RUNNING: readonly ApplicationStatus[] = ['active', 'on_hold', 'offered'];

/** Whether an application is a finalist: in the final stage and still in the running. */
export function isFinalist(a: { finalStage: boolean; status: ApplicationStatus }): boolean {
  return a.finalStage && IN_THE_RUNNING.includes(a.status);
}

/** Whether an application is still in the running, whatever its stage. */
export function isInTheRunning(status: ApplicationStatus): boolean {
  return IN_THE_RUNNING.includes(status);
}

/** What the backfill follow-up of a job should do after a change. */
export type BackfillStep = 'open' | 'settle' | 'none';

/**
 * Decide the backfill after a change to a job or one of its applications: `open` one when a
 * finalist just left (turned down or withdrew — not hired) of an open job and fewer than the
 * target remain; `settle` (close any open one) when the job is no longer open, the target is 0, or
 * the final stage is back at the target; else nothing.
 */
export function backfillStep(input: {
  jobOpen: boolean;
  target: number;
  finalists: number;
  /** A finalist left with this status in this change; null when none did. */
  leftAs: ApplicationStatus | null;
}): BackfillStep {
  if (!input.jobOpen || input.target === 0 || input.finalists >= input.target) return 'settle';
  if (input.leftAs !== null && input.leftAs !== 'hired') return 'open';
  return 'none';
}
