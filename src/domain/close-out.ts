/**
 * Closing a job (DESIGN.md, principle 3: closing a job notifies everyone still in it): who is
 * still in process, grouped by stage, and how far each stage got — a candidate who reached the
 * final interviews is told differently from one who only applied.
 *
 * Pure: no I/O, no clock.
 */
import type { ApplicationStatus } from './model.ts';

/** Statuses of an application still in process: closing the job decides each of them. */
export const IN_PROCESS_STATUSES: readonly ApplicationStatus[] = ['active', 'on_hold', 'offered'];

/** How far a stage got: the final interviews, at least one interview, or no interview yet. */
export type CloseOutReach = 'final' | 'interviewed' | 'applied';

/** What the grouping needs to know of an application. */
export interface CloseOutMember {
  stage: string;
  finalStage: boolean;
  /** The candidate had at least one interview for this job. */
  interviewed: boolean;
}

/** One stage of a job being closed, with everyone still in it. */
export interface CloseOutGroup<T extends CloseOutMember> {
  stage: string;
  reach: CloseOutReach;
  members: T[];
}

const REACH_ORDER: Record<CloseOutReach, number> = { final: 0, interviewed: 1, applied: 2 };

/**
 * The reach of a stage's members, worded for everyone in it: final if any of them is in the
 * final stage, interviewed only if all of them were interviewed (thanking someone for an
 * interview they never had is not true), otherwise applied.
 */
export function reachOf(members: readonly CloseOutMember[]): CloseOutReach {
  if (members.some((m) => m.finalStage)) return 'final';
  if (members.length > 0 && members.every((m) => m.interviewed)) return 'interviewed';
  return 'applied';
}

/**
 * Group applications by stage, furthest first (final, then interviewed, then applied; by stage
 * name within each), keeping the given order inside a stage.
 *
 * @example
 * groupByStage([{ stage: 'onsite', finalStage: true, interviewed: true }])[0]!.reach; // 'final'
 */
export function groupByStage<T extends CloseOutMember>(members: readonly T[]): CloseOutGroup<T>[] {
  const byStage = new Map<string, T[]>();
  for (const m of members) {
    const list = byStage.get(m.stage);
    if (list) list.push(m);
    else byStage.set(m.stage, [m]);
  }
  return [...byStage.entries()]
    .map(([stage, list]) => ({ stage, reach: reachOf(list), members: list }))
    .sort((a, b) => REACH_ORDER[a.reach] - REACH_ORDER[b.reach] || a.stage.localeCompare(b.stage));
}
