/**
 * A job's pipeline (pure): its applications as columns by stage. The job's own stages come first,
 * in its order, each shown even when empty so the board reads as the job's process; any other
 * stage an application is in (the list changed, an import, the API) follows by name, so no
 * candidate drops off the board.
 */

const DAY = 86_400_000;

/** The board's columns: the job's stages in order, then every other stage in use by name. */
export function pipelineStages(jobStages: readonly string[], inUse: readonly string[]): string[] {
  const own = new Set(jobStages);
  const others = [...new Set(inUse)].filter((s) => !own.has(s)).sort();
  return [...jobStages, ...others];
}

/** Whole days in a stage since `since` (0 on the day it moved). */
export function daysInStage(since: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - since.getTime()) / DAY));
}

/** Group cards by stage into the board's columns (every card lands in exactly one column). */
export function columnsOf<T extends { stage: string }>(
  jobStages: readonly string[],
  cards: readonly T[],
): { stage: string; cards: T[] }[] {
  return pipelineStages(
    jobStages,
    cards.map((c) => c.stage),
  ).map((stage) => ({
    stage,
    cards: cards.filter((c) => c.stage === stage),
  }));
}
