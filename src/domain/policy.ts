import { z } from 'zod';
import { isSupportedHolidayCountry, isValidTimeZone, type BusinessCalendar } from './business-time.ts';

const TimeOfDaySchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (24-hour)');

/** The holiday calendar: a country (ISO 3166-1 alpha-2) and optionally a region, as date-holidays names them. */
export const HolidayRegionSchema = z
  .strictObject({
    country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as US or DE'),
    region: z
      .string()
      .regex(/^[A-Za-z0-9]{1,10}$/, 'must be a region code such as BY')
      .optional(),
  })
  .refine((h) => isSupportedHolidayCountry(h.country, h.region), {
    message: 'unknown holiday country or region',
  });

/** An IANA time zone name such as Europe/Berlin. */
export const TimeZoneSchema = z
  .string()
  .max(64)
  .refine((tz) => isValidTimeZone(tz), { message: 'must be an IANA time zone such as Europe/Berlin' });

/** Whether closing an interview sends the written promise; off only with a reason. */
export const WrittenPromiseSettingSchema = z
  .strictObject({
    send: z.boolean(),
    reason: z.string().max(500).optional(),
  })
  .refine((w) => w.send || (w.reason ?? '').trim() !== '', {
    message: 'turning the written promise off needs a reason',
    path: ['reason'],
  });

/** A job's `writtenPromise` override that turns it off without saying why (none given, or blank). */
export function writtenPromiseOffWithoutReason(override: unknown): boolean {
  if (typeof override !== 'object' || override === null) return false;
  const { send, reason } = override as { send?: unknown; reason?: unknown };
  return send === false && (typeof reason !== 'string' || reason.trim() === '');
}

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
    /** Remind the owner this many business days before an outcome is due; 0 = never. Default 1. */
    reminderLeadBusinessDays: z.int().min(0).max(10).default(1),
    /**
     * Who hears about a broken promise, and when: business days after the due time. Default: the
     * job's hiring manager at once, then the admins two business days later.
     */
    escalation: z
      .array(
        z.strictObject({
          afterBusinessDays: z.int().min(0).max(30),
          to: z.enum(['hiring_manager', 'recruiter', 'admins']),
        }),
      )
      .max(5)
      .refine(
        (steps) => steps.every((s, i) => i === 0 || s.afterBusinessDays > steps[i - 1]!.afterBusinessDays),
        'steps must be in strictly increasing order of afterBusinessDays',
      )
      .default([
        { afterBusinessDays: 0, to: 'hiring_manager' },
        { afterBusinessDays: 2, to: 'admins' },
      ]),
    /**
     * When an outcome is overdue, tell the candidate honestly and give a new date, at most `max`
     * times per application, `extendBusinessDays` out. Default: once, 3 business days.
     */
    automaticUpdates: z
      .strictObject({ max: z.int().min(0).max(5), extendBusinessDays: z.int().min(1).max(20) })
      .default({ max: 1, extendBusinessDays: 3 }),
    /** Minutes an outcome waits after a decision before it may go out. Default 0. */
    sendDelayMinutes: z.int().min(0).max(10_080).default(0),
    /** Minutes a member can still cancel a message after pressing send. Default 10. */
    undoWindowMinutes: z.int().min(0).max(120).default(10),
    /**
     * Final-stage candidates hear the outcome by phone first: the email waits this many business
     * days for a connected call to be logged, then goes. 0 = email at once. Default 1.
     */
    phoneFirstBusinessDays: z.int().min(0).max(5).default(1),
    /** Local time (organization zone) of each member's daily digest; null = no digest. Default 08:00. */
    digestTime: TimeOfDaySchema.nullable().default('08:00'),
    /** Candidates may check in this many business days after the promised date has passed. Default 3. */
    checkInGraceBusinessDays: z.int().min(0).max(20).default(3),
    /** At most this many check-ins per application. Default 2. */
    maxCheckIns: z.int().min(0).max(10).default(2),
    /** Business days between two check-ins. Default 2. */
    checkInSpacingBusinessDays: z.int().min(0).max(20).default(2),
    /** Word limit of a candidate's thank-you note. Default 250. */
    thankYouWordLimit: z.int().min(20).max(1000).default(250),
    /** Days a candidate's data must be kept after they ask for erasure (a legal hold); 0 = erase at once. Default 0. */
    legalHoldDays: z.int().min(0).max(3650).default(0),
    /** Scheduling an interview sends calendar invitations (ICS) to the candidate and interviewers. Default true. */
    calendarInvitations: z.boolean().default(true),
    /**
     * The talent pool: how often the team keeps in touch (days), how long a candidate's consent
     * lasts unless they choose (months), and what expiry does — `remove` them from the pool, or
     * `erase` their personal data when they have no application still open. Default 90 days,
     * 12 months, erase.
     */
    talentPool: z
      .strictObject({
        cadenceDays: z.int().min(7).max(730),
        consentMonths: z.int().min(1).max(36),
        onExpiry: z.enum(['remove', 'erase']),
      })
      .default({ cadenceDays: 90, consentMonths: 12, onExpiry: 'erase' }),
    /**
     * The written promise: closing an interview emails the candidate what was promised (who, how,
     * by when) and their status link. On for the organization; a job may turn it off, only with a
     * `reason` (recorded on every close it skips). Default `{ send: true }`.
     */
    writtenPromise: WrittenPromiseSettingSchema.default({ send: true }),
    /**
     * Finalists: how many candidates a job keeps in its final stage. When one withdraws or is
     * turned down and fewer remain, the recruiter gets a `backfill` follow-up (due the next
     * business day) naming who is in earlier stages. 0 = not tracked. Default 2.
     */
    finalistTarget: z.int().min(0).max(10).default(2),
    /**
     * Deadlines inside the team. Each interviewer owes their scorecard (a `feedback_due` follow-up)
     * by the close of business this many business days after the interview (0 = the same day);
     * null = not tracked. Default 1 (see docs/API.md, "Deadlines inside the team").
     */
    feedbackDueBusinessDays: z.int().min(0).max(10).nullable().default(1),
    /**
     * The hiring manager owes the decision (a `decision_due` follow-up) by the close of business
     * this many business days before the candidate's promised time — the decide-by time — so the
     * candidate can be told in time (0 = by the promise itself; never before the interview's
     * close); null = not tracked. Default 1.
     */
    decideByBusinessDaysBefore: z.int().min(0).max(10).nullable().default(1),
  })
  .describe('Policy');
export type Policy = z.infer<typeof PolicySchema>;

/**
 * Compliance fields: what a job may override only with the right to change the organization's
 * policy (admins) — else a recruiter could lift a legal hold or the undo window, or stop the
 * candidates of one job hearing in writing what they were promised.
 */
export const COMPLIANCE_POLICY_FIELDS = [
  'legalHoldDays',
  'undoWindowMinutes',
  'writtenPromise',
] as const satisfies readonly (keyof Policy)[];

/** The compliance fields whose override differs between two sets of job overrides. */
export function changedComplianceOverrides(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): string[] {
  return COMPLIANCE_POLICY_FIELDS.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}

type PolicyShape = typeof PolicySchema.shape;

/**
 * The policy with every field required and no defaults: what replacing the policy takes (a
 * replacement that leaves a field out is refused, never silently reset to its default).
 */
export const PolicyReplaceSchema = z.strictObject(
  Object.fromEntries(Object.entries(PolicySchema.shape).map(([key, field]) => [key, field.unwrap()])) as {
    [K in keyof PolicyShape]: ReturnType<PolicyShape[K]['unwrap']>;
  },
);

/** Some policy fields: what changing the policy takes (each given field replaces its value whole). */
export const PolicyPatchSchema = PolicyReplaceSchema.partial();

/** The policy every new organization starts with. */
export const DEFAULT_POLICY: Policy = PolicySchema.parse({});

/** What a job may override: any policy field. */
export const PolicyOverridesSchema = z.record(z.string(), z.unknown()).describe('PolicyOverrides');

/**
 * The policy in force for a job: the organization's, with the job's overrides on top. Overrides
 * are validated when saved; a stale one that no longer validates is ignored field by field
 * rather than breaking the sweep.
 */
export function effectivePolicy(org: Policy, overrides: Record<string, unknown> | null | undefined): Policy {
  if (!overrides || Object.keys(overrides).length === 0) return org;
  const merged = PolicySchema.safeParse({ ...org, ...overrides });
  if (merged.success) return merged.data;
  const bad = new Set(merged.error.issues.map((i) => String(i.path[0])));
  const good = Object.fromEntries(Object.entries(overrides).filter(([k]) => !bad.has(k)));
  return PolicySchema.parse({ ...org, ...good });
}

/** The working calendar a policy describes. */
export function calendarOf(policy: Policy): BusinessCalendar {
  return {
    timeZone: policy.timeZone,
    workingDays: policy.workingDays,
    hours: policy.businessHours,
    holidays: policy.holidays,
  };
}
