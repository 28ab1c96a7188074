/** How dates read to people, in their own time zone (pure). */
import { DateTime } from 'luxon';

/** "Friday 4 December" in `timeZone`. */
export function humanDate(instant: Date, timeZone: string): string {
  return DateTime.fromJSDate(instant, { zone: timeZone }).setLocale('en-GB').toFormat('cccc d LLLL');
}

/** "Friday 4 December, 17:00 (America/New_York)". */
export function humanDateTime(instant: Date, timeZone: string): string {
  const dt = DateTime.fromJSDate(instant, { zone: timeZone }).setLocale('en-GB');
  return `${dt.toFormat('cccc d LLLL, HH:mm')} (${timeZone})`;
}

/** "role_skills" → "Role skills". */
export function humanizeKey(key: string): string {
  const words = key.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
