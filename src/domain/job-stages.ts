/**
 * A job's stages (pure): the ordered steps its candidates move through, which its pipeline shows
 * as columns. Names are compared without case, so "Screen" and "screen" are one stage, not two
 * columns a recruiter has to tell apart.
 */

/** The stages a job starts with when none are given (and the first is where candidates start). */
export const DEFAULT_JOB_STAGES = ['applied', 'screen', 'interview', 'final', 'offer'] as const;

/** The most stages a job has (a board wider than this is not read at a glance). */
export const MAX_JOB_STAGES = 20;

/** The longest stage name. */
export const MAX_STAGE_LENGTH = 60;

/**
 * Each entry of a stage list that repeats an earlier one (compared trimmed and without case), with
 * its position, so a form can mark the very row; empty when every name is distinct.
 */
export function duplicateStages(stages: readonly string[]): { index: number; stage: string }[] {
  const seen = new Set<string>();
  const repeats: { index: number; stage: string }[] = [];
  stages.forEach((stage, index) => {
    const key = stage.trim().toLowerCase();
    if (seen.has(key)) repeats.push({ index, stage: stage.trim() });
    seen.add(key);
  });
  return repeats;
}
