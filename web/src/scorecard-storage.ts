import type { Schema } from './api.ts';

/** A scorecard's recommendation; '' while not chosen. */
export type Recommendation = Schema<'Feedback'>['recommendation'] | '';

/** What is typed in a scorecard form and not saved yet, kept in the tab across a reload. */
export interface UnsavedScorecard {
  recommendation: Recommendation;
  ratings: { communication: number; role_skills: number };
  notes: string;
}

/** Where a member's unsaved scorecard for an interview is kept in the tab. */
export const unsavedKey = (interviewId: string, memberId: string) =>
  `hearback:scorecard:${interviewId}:${memberId}`;

/** The unsaved scorecard kept in the tab, if any. */
export function readUnsaved(key: string): UnsavedScorecard | null {
  try {
    const raw = sessionStorage.getItem(key);
    return raw ? (JSON.parse(raw) as UnsavedScorecard) : null;
  } catch {
    return null; // storage off or a value from another version: nothing to restore
  }
}

/** Keep (or, with null, forget) the unsaved scorecard in the tab. */
export function writeUnsaved(key: string, value: UnsavedScorecard | null): void {
  try {
    if (value) sessionStorage.setItem(key, JSON.stringify(value));
    else sessionStorage.removeItem(key);
  } catch {
    // Storage off (private mode, quota): the form still works, only a reload loses unsaved text.
  }
}

/** The two ratings the form asks for, 3 where none was given. */
export const ratingsOf = (r: Record<string, number>) => ({
  communication: r.communication ?? 3,
  role_skills: r.role_skills ?? 3,
});
