/**
 * The labelled closing statements in `promises.jsonl` (and the held-out `promises.holdout.jsonl`),
 * and how a run of `resolvePromise` over them is scored: exact local due date, resolution and
 * warnings. Used by the corpus regression test and by `npm run accuracy`.
 */
import { readFileSync } from 'node:fs';
import { DEFAULT_CALENDAR, type BusinessCalendar } from '../../src/domain/business-time.ts';
import { resolvePromise, type PromiseWarning } from '../../src/domain/promise.ts';

/** One labelled statement. */
export interface PromiseCase {
  id: string;
  statement: string;
  /** When the interview ended (ISO instant). */
  at: string;
  timeZone: string;
  /** "GB", "AU-NSW", … or null for no public holidays. */
  holidays: string | null;
  dueDate: string;
  resolution: 'parsed' | 'policy_default';
  warnings: PromiseWarning[];
}

/** What the engine said about one case, beside what was expected. */
export interface PromiseOutcome {
  case: PromiseCase;
  dueDate: string;
  resolution: string;
  warnings: PromiseWarning[];
  rule: string;
  dueDateOk: boolean;
  resolutionOk: boolean;
  warningsOk: boolean;
}

/** Reads a JSONL corpus file (path relative to this folder). */
export function loadPromiseCases(file: 'promises.jsonl' | 'promises.holdout.jsonl'): PromiseCase[] {
  const text = readFileSync(new URL(file, import.meta.url), 'utf8');
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as PromiseCase);
}

/** The organization calendar a case is resolved in. */
export function calendarOfCase(c: PromiseCase): BusinessCalendar {
  const [country, region] = c.holidays ? c.holidays.split('-') : [];
  return {
    ...DEFAULT_CALENDAR,
    timeZone: c.timeZone,
    holidays: country ? { country, ...(region ? { region } : {}) } : null,
  };
}

/** Resolves every case and compares it with its label. */
export function runPromiseCases(cases: PromiseCase[]): PromiseOutcome[] {
  return cases.map((c) => {
    const r = resolvePromise({ statement: c.statement, at: new Date(c.at), calendar: calendarOfCase(c) });
    const warnings = [...r.warnings].sort();
    return {
      case: c,
      dueDate: r.dueDate,
      resolution: r.resolution,
      warnings,
      rule: r.rule,
      dueDateOk: r.dueDate === c.dueDate,
      resolutionOk: r.resolution === c.resolution,
      warningsOk: JSON.stringify(warnings) === JSON.stringify([...c.warnings].sort()),
    };
  });
}

/** Share of outcomes for which `ok` holds, 0–1. */
export function shareOf(outcomes: PromiseOutcome[], ok: (o: PromiseOutcome) => boolean): number {
  return outcomes.length === 0 ? 1 : outcomes.filter(ok).length / outcomes.length;
}
