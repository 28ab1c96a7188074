// Pure and dependency-free: the web app imports it too, so the queue and the API word a due
// time the same way.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * How far a due time is from `now`, in words: "due in 2 hours", "due in 3 days", "45 minutes
 * late", "due now". Minutes under an hour, hours under two days, then days (rounded down, so
 * "due in 1 day" never means 47 hours). Units are worded by Intl, built into Node and browsers.
 */
export function dueWords(dueAt: Date, now: Date): string {
  const diff = dueAt.getTime() - now.getTime();
  const abs = Math.abs(diff);
  if (abs < MINUTE) return 'due now';
  const [value, unit] =
    abs < HOUR
      ? [Math.floor(abs / MINUTE), 'minute']
      : abs < 2 * DAY
        ? [Math.floor(abs / HOUR), 'hour']
        : [Math.floor(abs / DAY), 'day'];
  const amount = new Intl.NumberFormat('en', { style: 'unit', unit, unitDisplay: 'long' }).format(value);
  return diff > 0 ? `due in ${amount}` : `${amount} late`;
}
