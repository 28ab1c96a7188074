import { z } from 'zod';
import { isSupportedHolidayCountry, isValidTimeZone, type BusinessCalendar } from './business-time.ts';

const TimeOfDaySchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (24-hour)');

/** The holiday calendar: a country (ISO 3166-1 alpha-2) and optionally a region, as date-holidays names them. */
export const HolidayRegionSchema = z
  .strictObject({
    country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as US or DE'),
    region: z.string().min(1).max(10).optional(),
  })
  .refine((h) => isSupportedHolidayCountry(h.country, h.region), {
    message: 'unknown holiday country or region',
  });

/** An IANA time zone name such as Europe/Berlin. */
export const TimeZoneSchema = z
  .string()
  .refine((tz) => isValidTimeZone(tz), { message: 'must be an IANA time zone such as Europe/Berlin' });

/**
 * An organization's follow-up policy. Every field has a default, so `{}` is a valid policy.
 * Later issues extend it (reminders, escalation, send delay); unknown fields are rejected.
 */
export const PolicySchema = z
  .strictObject({
    /** The organization's time zone. Default UTC. */
    timeZone: TimeZoneSchema.default('UTC'),
    /** ISO weekdays the team works, 1 = Monday … 7 = Sunday. Default Monday–Friday. */
    workingDays: z
      .array(z.int().min(1).max(7))
      .min(1)
      .refine((d) => new Set(d).size === d.length, 'must not repeat a day')
      .default([1, 2, 3, 4, 5]),
    /** Business hours, local time. Default 09:00–17:00. */
    businessHours: z
      .strictObject({ start: TimeOfDaySchema, end: TimeOfDaySchema })
      .refine((h) => h.start < h.end, 'start must be before end')
      .default({ start: '09:00', end: '17:00' }),
    /** Public holidays to skip. Default none. */
    holidays: HolidayRegionSchema.nullable().default(null),
    /** Business days a promise gets when the interviewer set no timeline. Default 5. */
    defaultPromiseBusinessDays: z.int().min(1).max(60).default(5),
  })
  .describe('Policy');
export type Policy = z.infer<typeof PolicySchema>;

/** The policy every new organization starts with. */
export const DEFAULT_POLICY: Policy = PolicySchema.parse({});

/** The working calendar a policy describes. */
export function calendarOf(policy: Policy): BusinessCalendar {
  return {
    timeZone: policy.timeZone,
    workingDays: policy.workingDays,
    hours: policy.businessHours,
    holidays: policy.holidays,
  };
}
