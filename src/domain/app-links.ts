// Links in the team's email lead to the screen where the action is done (issue 17): the web app
// routes on the URL's hash, and a member who is signed out signs in first and lands there.
import type { FollowUpKind } from './follow-up.ts';

/** The part of a follow-up a link needs. */
export interface LinkedFollowUp {
  kind: FollowUpKind;
  owedTo: string;
  applicationId: string | null;
}

/** Which form an application's screen opens with for a follow-up kind (the queue's `?next=`). */
const NEXT: Partial<Record<FollowUpKind, string>> = {
  outcome: 'decide',
  decision_due: 'decide',
  update: 'update',
  feedback_due: 'feedback',
  check_in: 'call',
  debrief: 'call',
};

function nextOf(f: LinkedFollowUp): string | null {
  // Owed to the candidate, feedback is their request, answered by a contact that reaches them.
  if (f.kind === 'feedback_due' && f.owedTo === 'candidate') return 'answer-feedback';
  return NEXT[f.kind] ?? null;
}

/**
 * The web app's address for acting on a follow-up: its application's screen with the right form
 * open, or the agency desk for a follow-up with no application (a next contact with a client).
 */
export function followUpLink(appUrl: string, f: LinkedFollowUp): string {
  const base = appUrl.replace(/\/+$/, '');
  if (!f.applicationId) return `${base}/#/desk`;
  const next = nextOf(f);
  return `${base}/#/applications/${f.applicationId}${next ? `?next=${next}` : ''}`;
}
