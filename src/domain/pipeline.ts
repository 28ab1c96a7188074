/**
 * A job's pipeline (pure): its applications as columns by stage. Stages are free text on an
 * application; the usual ones come in hiring order, any others after them by name, so a board
 * reads left to right as candidates move forward.
 */

/** The usual stages, earliest first. */
export const USUAL_STAGES = [
  'applied',
  'screen',
  'phone_screen',
  'interview',
  'interviewing',
  'technical',
  'onsite',
  'final',
  'offer',
  'offered',
] as const;

const DAY = 86_400_000;

/** The board's columns: the usual stages in order, then every other stage in use by name. */
export function pipelineStages(inUse: readonly string[]): string[] {
  const used = new Set(inUse);
  const usual: string[] = USUAL_STAGES.filter((s) => used.has(s));
  const others = [...used].filter((s) => !(USUAL_STAGES as readonly string[]).includes(s)).sort();
  // The first column is always there, so an empty job still shows where candidates start.
  return usual.length === 0 && others.length === 0 ? ['applied'] : [...usual, ...others];
}

/** Whole days in a stage since `since` (0 on the day it moved). */
export function daysInStage(since: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - since.getTime()) / DAY));
}

/** Group cards by stage into the board's columns (every card lands in exactly one column). */
export function columnsOf<T extends { stage: string }>(cards: readonly T[]): { stage: string; cards: T[] }[] {
  return pipelineStages(cards.map((c) => c.stage)).map((stage) => ({
    stage,
    cards: cards.filter((c) => c.stage === stage),
  }));
}
