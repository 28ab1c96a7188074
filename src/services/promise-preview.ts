/**
 * The promise preview: a statement resolved to its due time without saving anything. A lower
 * module (pure: no database, no clock): the promise route and CLI show it, and the interview
 * service previews a close with it, so closing and previewing resolve a promise one way.
 */
import { DateTime } from 'luxon';
import {
  DEFAULT_CALENDAR,
  instantOf,
  localDateOf,
  type BusinessCalendar,
  type DateOrInstant,
} from '../domain/business-time.ts';
import {
  PROMISE_WARNING_TEXT,
  resolvePromise,
  type PromiseResolution,
  type PromiseWarning,
} from '../domain/promise.ts';

/** A statement to preview, as typed in the close form, the CLI or the API. */
export interface PromisePreviewInput {
  text: string;
  /** When it was said; a plain date is the start of that day in `timeZone`. */
  at: DateOrInstant;
  timeZone: string;
  holidays?: { country: string; region?: string | undefined } | null | undefined;
  workingDays?: number[] | undefined;
  businessHours?: { start: string; end: string } | undefined;
  defaultBusinessDays?: number | undefined;
}

/** What a statement resolves to, ready to show. */
export interface PromisePreview {
  /** ISO 8601 with the zone's offset, e.g. 2026-12-04T17:00:00.000-05:00. */
  dueAt: string;
  dueDate: string;
  timeZone: string;
  resolution: PromiseResolution;
  rule: string;
  matchedText: string | null;
  warnings: PromiseWarning[];
  /** For each warning, what it means and a better wording to use next time. */
  advice: string[];
}

/** Resolve a statement without saving anything: the live preview of the close form. */
export function previewPromise(input: PromisePreviewInput): PromisePreview {
  const calendar: BusinessCalendar = {
    ...DEFAULT_CALENDAR,
    timeZone: input.timeZone,
    holidays: input.holidays ?? null,
    ...(input.workingDays && { workingDays: input.workingDays }),
    ...(input.businessHours && { hours: input.businessHours }),
  };
  const resolved = resolvePromise({
    statement: input.text,
    at: instantOf(input.at, input.timeZone),
    calendar,
    defaultBusinessDays: input.defaultBusinessDays ?? 5,
  });
  return {
    dueAt: DateTime.fromJSDate(resolved.dueAt, { zone: input.timeZone }).toISO()!,
    dueDate: localDateOf(resolved.dueAt, input.timeZone),
    timeZone: input.timeZone,
    resolution: resolved.resolution,
    rule: resolved.rule,
    matchedText: resolved.matchedText,
    warnings: resolved.warnings,
    advice: resolved.warnings.map((w) => PROMISE_WARNING_TEXT[w]),
  };
}
