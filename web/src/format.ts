import { dueWords as dueWordsAt } from '../../src/domain/due-words.ts';

/** An instant for people, in `timeZone` (default: the browser's): "Tue 8 Dec, 10:00 CET". */
export function when(iso: string, timeZone?: string | null): string {
  return new Date(iso).toLocaleString(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
    ...(timeZone && { timeZone }),
  });
}

// The server's clock as last read (the session's `now`), carried forward by the page's monotonic
// clock: due times are worded against the server's time (its clock decides what is overdue), never
// the browser's wall clock, which may be wrong or, in a test, real.
let serverAt = { serverMs: 0, pageMs: 0 };

/** Align with the server's clock (the session's `now`, read just now). */
export function setServerNow(iso: string): void {
  serverAt = { serverMs: new Date(iso).getTime(), pageMs: performance.now() };
}

/** The server's time now, as far as the page can tell. */
export function serverNow(): number {
  return serverAt.serverMs + (performance.now() - serverAt.pageMs);
}

/**
 * How far a due time is, in words ("due in 3 hours", "1 day late"), against the server's clock:
 * the API's own rule (`src/domain/due-words.ts`), so a screen never words a time differently.
 */
export function dueWords(iso: string, now: number = serverNow()): string {
  return dueWordsAt(new Date(iso), new Date(now));
}
