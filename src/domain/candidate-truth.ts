/**
 * What the candidate has been told (pure). The status page shows a decision only once it reached
 * the candidate — a delivered message or a logged call closed the outcome follow-up after the
 * decision was taken. Until then, as far as the candidate knows, the application is in progress:
 * they must learn an outcome from a person or a message, never from the page first.
 */
import type { ApplicationStatus } from './model.ts';

/** Statuses the candidate knows without being told: their own withdrawal, the work in progress, a hire. */
const ALWAYS_VISIBLE: ReadonlySet<ApplicationStatus> = new Set(['active', 'hired', 'withdrawn']);

/** The facts the rule needs about one application. */
export interface TellingState {
  status: ApplicationStatus;
  /** An outcome follow-up is still open: the team still owes the candidate the outcome. */
  outcomeOpen: boolean;
  /** When the latest decision was recorded, if any. */
  lastDecisionAt: Date | null;
  /** When the latest delivery of an outcome was recorded (its follow-up marked done), if any. */
  lastToldAt: Date | null;
}

/** The status the candidate may see: the real one once they have been told, else `active`. */
export function candidateVisibleStatus(s: TellingState): ApplicationStatus {
  if (ALWAYS_VISIBLE.has(s.status)) return s.status;
  if (s.outcomeOpen) return 'active';
  if (s.lastDecisionAt && (!s.lastToldAt || s.lastToldAt.getTime() < s.lastDecisionAt.getTime())) {
    return 'active';
  }
  return s.status;
}
