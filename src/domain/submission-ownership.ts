/**
 * No double submissions (issue #16, item 9), pure: a submission keeps the candidate the agency's
 * at that client for the client's ownership window; after it, a new submission is allowed and the
 * earlier one is history. A candidate's word that another agency already submitted them to the
 * client blocks too, for the same window from the day they gave (or for good when they gave none).
 */

const DAY = 86_400_000;

/** Whether an earlier submission made at `submittedAt` still owns the candidate at `now`. */
export function withinOwnership(submittedAt: Date, ownershipDays: number, now: Date): boolean {
  return submittedAt.getTime() + ownershipDays * DAY > now.getTime();
}

/**
 * Whether a candidate's declaration blocks a submission at `now`: one without a date always does
 * (nobody knows when the other agency's claim ends); one with a date does inside the window.
 */
export function declarationBlocks(submittedOn: string | null, ownershipDays: number, now: Date): boolean {
  if (!submittedOn) return true;
  return withinOwnership(new Date(`${submittedOn}T00:00:00Z`), ownershipDays, now);
}
