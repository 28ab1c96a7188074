/**
 * Calendar files (pure): an interview as an iTIP invitation (RFC 5546) for one recipient, in
 * their time zone, and a member's private feed. One UID per interview for its whole life; every
 * change raises SEQUENCE, so calendars replace the event instead of adding a second one, and a
 * cancellation (METHOD:CANCEL, STATUS:CANCELLED) removes it.
 */
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
} from 'ical-generator';
import { DateTime } from 'luxon';

// ical-generator writes a native Date's UTC fields under the TZID unchanged; a zoned luxon
// DateTime is written as the wall-clock time of that zone, which is what TZID means.
const inZone = (d: Date, zone: string) => DateTime.fromJSDate(d, { zone });

/**
 * DTSTAMP must be UTC (RFC 5545 §3.8.7.2), but with an event time zone ical-generator writes it
 * as that zone's wall-clock time without a TZID (a floating time): write it again, in UTC.
 */
function utcStamps(ics: string, stamp: Date): string {
  const utc = DateTime.fromJSDate(stamp, { zone: 'UTC' }).toFormat("yyyyMMdd'T'HHmmss'Z'");
  return ics.replace(/^DTSTAMP:[^\r\n]*/gm, `DTSTAMP:${utc}`);
}

/** A person on an invitation. */
export interface CalendarPerson {
  name: string;
  email: string;
}

/** What an invitation says about an interview. */
export interface InterviewInvitation {
  /** Stable for the interview: `interview-<id>@<mail domain>`. */
  uid: string;
  sequence: number;
  method: 'REQUEST' | 'CANCEL';
  title: string;
  description: string;
  location: string;
  start: Date;
  end: Date;
  /** The recipient's zone: times are written in it (with its VTIMEZONE). */
  timeZone: string;
  organizer: CalendarPerson;
  attendees: CalendarPerson[];
  /** When this version was made (DTSTAMP). */
  stamp: Date;
  url?: string | undefined;
}

/** The UID of an interview's event. */
export function interviewUid(interviewId: string, domain: string): string {
  return `interview-${interviewId}@${domain}`;
}

/** Build the .ics of an invitation (or its cancellation). */
export function buildInvitationIcs(inv: InterviewInvitation): string {
  const calendar = ical({
    prodId: { company: 'Hearback', product: 'Hearback', language: 'EN' },
    method: inv.method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
    timezone: { name: inv.timeZone, generator: getVtimezoneComponent },
  });
  calendar.createEvent({
    id: inv.uid,
    sequence: inv.sequence,
    stamp: inZone(inv.stamp, 'UTC'),
    start: inZone(inv.start, inv.timeZone),
    end: inZone(inv.end, inv.timeZone),
    timezone: inv.timeZone,
    summary: inv.title,
    description: inv.description,
    location: inv.location || null,
    url: inv.url ?? null,
    status: inv.method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: { name: inv.organizer.name, email: inv.organizer.email },
    attendees: inv.attendees.map((a) => ({
      name: a.name,
      email: a.email,
      rsvp: inv.method === 'REQUEST',
      role: ICalAttendeeRole.REQ,
      status: ICalAttendeeStatus.NEEDSACTION,
    })),
  });
  return utcStamps(calendar.toString(), inv.stamp);
}

/** One entry of a member's feed. */
export type FeedEntry =
  | {
      type: 'interview';
      uid: string;
      sequence: number;
      title: string;
      start: Date;
      end: Date;
      location: string;
      cancelled: boolean;
      url: string;
    }
  | { type: 'follow_up'; uid: string; title: string; due: Date; url: string };

/**
 * A member's private feed: their interviews, and each open follow-up they own as a 15-minute
 * event ending at its due time (most calendars ignore VTODO, so a to-do would not show).
 */
export function buildFeedIcs(input: {
  name: string;
  timeZone: string;
  stamp: Date;
  entries: FeedEntry[];
}): string {
  const calendar = ical({
    prodId: { company: 'Hearback', product: 'Hearback', language: 'EN' },
    name: input.name,
    timezone: { name: input.timeZone, generator: getVtimezoneComponent },
    ttl: 15 * 60,
  });
  for (const e of input.entries) {
    if (e.type === 'interview') {
      calendar.createEvent({
        id: e.uid,
        sequence: e.sequence,
        stamp: inZone(input.stamp, 'UTC'),
        start: inZone(e.start, input.timeZone),
        end: inZone(e.end, input.timeZone),
        timezone: input.timeZone,
        summary: e.cancelled ? `Cancelled: ${e.title}` : e.title,
        location: e.location || null,
        url: e.url,
        status: e.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      });
    } else {
      calendar.createEvent({
        id: e.uid,
        stamp: inZone(input.stamp, 'UTC'),
        start: inZone(new Date(e.due.getTime() - 15 * 60_000), input.timeZone),
        end: inZone(e.due, input.timeZone),
        timezone: input.timeZone,
        summary: e.title,
        url: e.url,
      });
    }
  }
  return utcStamps(calendar.toString(), input.stamp);
}
