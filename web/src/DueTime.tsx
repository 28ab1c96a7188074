import { dueWords, when } from './format.ts';

/**
 * A due time as people read it: how far it is in words ("due in 3 hours", "1 day late"), with the
 * absolute time on hover and for assistive technology (`title`, `dateTime`). `words` are the
 * server's when it sent them (a follow-up's `dueWords`); otherwise they are worded here against the
 * server's clock.
 */
export function DueTime({
  at,
  timeZone,
  words,
}: {
  at: string;
  /** The zone the absolute time is shown in (default: the browser's). */
  timeZone?: string | null | undefined;
  words?: string | null | undefined;
}) {
  const absolute = when(at, timeZone);
  return (
    <time dateTime={at} title={absolute}>
      {words ?? dueWords(at)}
    </time>
  );
}
