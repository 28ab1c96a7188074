/**
 * Zod schemas of the API's resources, shared by the route files and the OpenAPI document.
 * Requests are strict (unknown fields are a 400); responses describe exactly what is sent.
 */
import { NEXT_STEP_ACTIONS, NEXT_STEP_ROLES } from '../domain/next-step.ts';
import { CHECK_KINDS } from '../domain/message-check/index.ts';
import { z } from 'zod';
import {
  CHANNELS,
  FOLLOW_UP_KINDS,
  FOLLOW_UP_STATUSES,
  PARTIES,
  TOUCHPOINT_KINDS,
} from '../domain/follow-up.ts';
import {
  APPLICATION_STATUSES,
  DECISION_OUTCOMES,
  JOB_STATUSES,
  MEMBER_ROLES,
  MESSAGE_KINDS,
  MESSAGE_STATUSES,
  PROMISE_RESOLUTIONS,
  RECOMMENDATIONS,
  ROLE_KINDS,
} from '../domain/model.ts';
import { isTrackedInstant, TRACKED_YEARS, type DateOrInstant } from '../domain/business-time.ts';
import { NEXT_ACTION_KINDS, NEXT_ACTION_REASONS } from '../domain/follow-up-ladder.ts';
import { DEFAULT_JOB_STAGES, MAX_JOB_STAGES, MAX_STAGE_LENGTH } from '../domain/job-stages.ts';
import { TimeZoneSchema } from '../domain/policy.ts';
import { SCHEDULE_REASONS } from '../domain/schedule.ts';
import { TEXT_PROBLEM_MESSAGES, textProblem } from '../domain/text.ts';
import { PAGE_LIMIT } from '../services/pagination.ts';

export const IdSchema = z.uuid().describe('A resource id (UUID).');
export const IdParamsSchema = z.strictObject({ id: IdSchema });

// ---- text: every string that is stored or searched goes through one of these.
const safeText = (kind: 'line' | 'prose') => (value: string, ctx: z.RefinementCtx) => {
  const problem = textProblem(value, kind);
  if (problem) ctx.addIssue({ code: 'custom', message: TEXT_PROBLEM_MESSAGES[problem][kind] });
};

/** One line of text (a name, a title, a subject): trimmed, 1–`max` characters, no control characters. */
export const LineSchema = (max: number) => z.string().trim().min(1).max(max).superRefine(safeText('line'));

/**
 * Text that may span lines (notes, a message body, what was said): up to `max` characters, no
 * control characters but tab and line breaks. With `min` > 0 it is trimmed first.
 */
export const ProseSchema = (max: number, min = 0) =>
  (min > 0 ? z.string().trim().min(min) : z.string()).max(max).superRefine(safeText('prose'));

/** An email address (ASCII, at most 320 characters). */
export const EmailSchema = z.email().max(320);

// ---- time: only the years Hearback tracks (TRACKED_YEARS, in the domain: why these years).
const YEARS = `years ${TRACKED_YEARS.min}–${TRACKED_YEARS.max}`;
const inYears = isTrackedInstant;

/** An ISO 8601 instant with Z or an offset. */
export const InstantSchema = z.iso
  .datetime({ offset: true })
  .refine((s) => inYears(new Date(s)), `must be within ${YEARS}`)
  .transform((s) => new Date(s))
  .describe(`An ISO 8601 instant with a Z or an offset, e.g. 2026-12-04T17:00:00+01:00 (${YEARS}).`);

/** A local date, YYYY-MM-DD (a real calendar date: 2026-02-30 is refused, not rolled over). */
export const LocalDateSchema = z.iso
  .date()
  .refine((s) => inYears(new Date(`${s}T12:00:00Z`)), `must be within ${YEARS}`)
  .describe(`A local date, YYYY-MM-DD (${YEARS}).`);

const DATE_OR_INSTANT_PROBLEM = `must be a date (YYYY-MM-DD) or an ISO 8601 instant with a Z or an offset, ${YEARS}`;

/**
 * Where the API takes a moment: a full instant, or a plain date read in the organization's time
 * zone (each field says how: the start of that day, its end, or the close of that business day).
 */
export const DateOrInstantSchema = (meaning: string) =>
  z
    .string()
    .max(40)
    .regex(/^\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:\d{2}))?$/i, DATE_OR_INSTANT_PROBLEM)
    .transform((s, ctx): DateOrInstant => {
      if (LocalDateSchema.safeParse(s).success) return { date: s };
      const instant = InstantSchema.safeParse(s);
      if (instant.success) return instant.data;
      ctx.addIssue({ code: 'custom', message: DATE_OR_INSTANT_PROBLEM });
      return z.NEVER;
    })
    .meta({ examples: ['2026-12-04', '2026-12-04T17:00:00Z', '2026-12-04T17:00:00+01:00'] })
    .describe(`A date (YYYY-MM-DD) or an ISO 8601 instant with a Z or an offset (${YEARS}). ${meaning}`);

/** How plain dates are read, said once per kind of field. */
export const DATE_MEANS = {
  start: "A plain date means the start of that day in the organization's time zone.",
  end: "A plain date is inclusive: it means the end of that day in the organization's time zone.",
  due: "A plain date means the close of that business day in the organization's (or the job's) calendar.",
} as const;

/** A report's period, as its query takes it: from (default 90 days ago) up to (default now). */
export const ReportPeriodQueryFields = {
  from: DateOrInstantSchema(DATE_MEANS.start)
    .optional()
    .describe(
      "Start of the period. Default: 90 days ago. A plain date means the start of that day in the organization's time zone.",
    ),
  to: DateOrInstantSchema(DATE_MEANS.end)
    .optional()
    .describe(
      "End of the period (exclusive), default now. A plain date is inclusive: the end of that day in the organization's time zone.",
    ),
};

// ---- lists
/** An opaque page cursor as this server issues them (base64url). */
export const CursorSchema = z
  .string()
  .max(500)
  .regex(/^[A-Za-z0-9_-]+$/, 'must be a nextCursor this server issued')
  .describe('The nextCursor of the previous page.');

export const PageQuerySchema = z.strictObject({
  cursor: CursorSchema.optional(),
  limit: z.coerce.number().int().min(1).max(PAGE_LIMIT.max).default(PAGE_LIMIT.default),
});

/** A page of items of the given schema. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    nextCursor: z
      .string()
      .nullable()
      .describe('Pass it as ?cursor= for the next page; null on the last page.'),
  });

/** The body of an action that takes no input: nothing, or an empty object. */
export const NoBodySchema = z.strictObject({}).optional().describe('No fields: send no body, or {}.');

/** A query flag: `true` or `false`, read as a boolean. */
export const BooleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string().describe('A stable error code; see docs/API.md.'),
    detail: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem' });

// ---- members
export const MemberSchema = z
  .object({
    id: IdSchema,
    email: z.string(),
    name: z.string(),
    role: z.enum(MEMBER_ROLES),
    timeZone: z.string().nullable(),
    active: z.boolean(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'Member' });
export const MemberCreateSchema = z.strictObject({
  email: EmailSchema,
  name: LineSchema(200),
  role: z.enum(MEMBER_ROLES),
  timeZone: TimeZoneSchema.nullable().optional(),
});
export const MemberPatchSchema = MemberCreateSchema.partial()
  .extend({ active: z.boolean().optional() })
  .strict();
export const MemberListQuerySchema = PageQuerySchema.extend({
  role: z.enum(MEMBER_ROLES).optional(),
}).strict();

// ---- jobs
/** A job's stages: 1–20 names, each trimmed, 1–60 characters; a repeat is a 400 `duplicate_stage`. */
const JobStagesSchema = z.array(LineSchema(MAX_STAGE_LENGTH)).min(1).max(MAX_JOB_STAGES);
export const JobSchema = z
  .object({
    id: IdSchema,
    title: z.string(),
    roleKind: z.enum(ROLE_KINDS),
    status: z.enum(JOB_STATUSES),
    hiringManagerId: IdSchema.nullable(),
    recruiterId: IdSchema.nullable(),
    policyOverrides: z.record(z.string(), z.unknown()).describe('Policy fields this job overrides.'),
    stages: z
      .array(z.string())
      .describe(
        "Its stages in order: the pipeline's columns, left to right; the first is where candidates start.",
      ),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'Job' });
export const JobCreateSchema = z.strictObject({
  title: LineSchema(200),
  roleKind: z.enum(ROLE_KINDS).default('other'),
  status: z.enum(JOB_STATUSES).optional(),
  hiringManagerId: IdSchema.nullable().optional(),
  recruiterId: IdSchema.nullable().optional(),
  stages: JobStagesSchema.optional().describe(
    `Its stages in order. Default: ${DEFAULT_JOB_STAGES.join(', ')}.`,
  ),
});
export const JobPatchSchema = z.strictObject({
  policyOverrides: z
    .record(z.string(), z.unknown())
    .optional()
    .describe("Policy fields to override for this job (validated against the organization's policy)."),
  title: LineSchema(200).optional(),
  roleKind: z.enum(ROLE_KINDS).optional(),
  status: z.enum(JOB_STATUSES).optional(),
  hiringManagerId: IdSchema.nullable().optional(),
  recruiterId: IdSchema.nullable().optional(),
  stages: JobStagesSchema.optional().describe(
    'Replaces the list. An application whose stage is not in it keeps its stage (shown after the list).',
  ),
});
export const JobListQuerySchema = PageQuerySchema.extend({
  status: z.enum(JOB_STATUSES).optional(),
  q: LineSchema(100).optional().describe('Only jobs whose title contains this (case-insensitive).'),
}).strict();

// ---- candidates
export const CandidateSchema = z
  .object({
    id: IdSchema,
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    timeZone: z.string().nullable(),
    source: z
      .string()
      .nullable()
      .describe('Where they came from (a referral, a job board, an agency …); null when not known.'),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'Candidate' });
export const CandidateCreateSchema = z.strictObject({
  name: LineSchema(200),
  email: EmailSchema.nullable().optional(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ().-]{5,30}$/, 'must be a phone number')
    .nullable()
    .optional(),
  timeZone: TimeZoneSchema.nullable().optional(),
  source: LineSchema(100)
    .nullable()
    .optional()
    .describe('Where they came from, e.g. "referral", "job board", "agency", "sourced", "careers site".'),
});
export const CandidatePatchSchema = CandidateCreateSchema.partial().strict();
export const CandidateListQuerySchema = PageQuerySchema.extend({
  email: EmailSchema.optional().describe('Only the candidate with this email (case-insensitive).'),
  q: LineSchema(100)
    .optional()
    .describe('Only candidates whose name or email contains this (case-insensitive).'),
}).strict();

// ---- applications
export const ApplicationSchema = z
  .object({
    id: IdSchema,
    jobId: IdSchema,
    candidateId: IdSchema,
    stage: z.string(),
    status: z.enum(APPLICATION_STATUSES),
    finalStage: z.boolean(),
    agencyRecruiter: z.object({ name: z.string(), email: z.string() }).nullable(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'Application' });
const AgencyRecruiterSchema = z
  .strictObject({ name: LineSchema(200), email: EmailSchema })
  .nullable()
  .describe('The agency recruiter the candidate came through: their contact, who gets their check-ins.');
const FinalStageSchema = z.boolean().describe('Final-stage candidates hear the outcome by phone first.');
export const ApplicationCreateSchema = z.strictObject({
  jobId: IdSchema,
  candidateId: IdSchema,
  stage: LineSchema(100).optional().describe("Default: the job's first stage ('applied' unless changed)."),
  finalStage: FinalStageSchema.optional().describe(
    'Default false. Final-stage candidates hear the outcome by phone first.',
  ),
  agencyRecruiter: AgencyRecruiterSchema.optional(),
});
export const ApplicationPatchSchema = z.strictObject({
  agencyRecruiter: AgencyRecruiterSchema.optional(),
  finalStage: FinalStageSchema.optional(),
  stage: LineSchema(100).optional(),
  status: z.enum(APPLICATION_STATUSES).optional(),
});
export const ApplicationListQuerySchema = PageQuerySchema.extend({
  jobId: IdSchema.optional(),
  candidateId: IdSchema.optional(),
  status: z.enum(APPLICATION_STATUSES).optional(),
}).strict();

// ---- interviews
export const PromiseWarningSchema = z.enum(['vague', 'silent_rejection', 'past_date', 'far_future']);
export const InterviewPromiseSchema = z
  .object({
    statement: z.string(),
    dueAt: z.date(),
    ownerId: IdSchema,
    resolution: z.enum(PROMISE_RESOLUTIONS),
    rule: z.string(),
    warnings: z.array(PromiseWarningSchema),
  })
  .meta({ id: 'InterviewPromise' });
export const InterviewSchema = z
  .object({
    id: IdSchema,
    applicationId: IdSchema,
    title: z.string(),
    scheduledAt: z.date().nullable(),
    endsAt: z.date().nullable(),
    closedAt: z.date().nullable(),
    interviewerIds: z.array(IdSchema),
    location: z.string().describe('Where, as the calendar invitation says it; empty when unknown.'),
    cancelledAt: z.date().nullable(),
    promise: InterviewPromiseSchema.nullable(),
    createdAt: z.date(),
  })
  .meta({ id: 'Interview' });
export const InterviewCreateSchema = z.strictObject({
  applicationId: IdSchema,
  title: LineSchema(200).default('Interview'),
  scheduledAt: DateOrInstantSchema(DATE_MEANS.start).optional(),
  endsAt: DateOrInstantSchema(DATE_MEANS.start).optional(),
  location: LineSchema(500).optional().describe('Where: sent in the calendar invitations.'),
  interviewerIds: z.array(IdSchema).max(50).optional().describe('The members who interview.'),
});
export const InterviewCloseSchema = z.strictObject({
  statement: ProseSchema(2000).describe('What the interviewer told the candidate about next steps, as said.'),
  dueAt: DateOrInstantSchema(DATE_MEANS.due)
    .optional()
    .describe(
      'An explicit due time; overrides the statement. A plain date means the close of that business day.',
    ),
  ownerId: IdSchema.optional().describe(
    "Who owes the candidate the outcome. Default: the job's recruiter, else its hiring manager.",
  ),
  endedAt: DateOrInstantSchema(DATE_MEANS.start)
    .optional()
    .describe(
      'When the interview ended. Default: its endsAt, else now. A plain date means the start of that day.',
    ),
});

// ---- follow-ups
export const FollowUpSchema = z
  .object({
    id: IdSchema,
    applicationId: IdSchema,
    interviewId: IdSchema.nullable(),
    kind: z.enum(FOLLOW_UP_KINDS),
    owedBy: z.enum(PARTIES),
    owedTo: z.enum(PARTIES),
    ownerId: IdSchema.nullable(),
    dueAt: z.date().describe("The team's due time: the queue, reminders and overdue go by it."),
    promisedDueAt: z
      .date()
      .nullable()
      .describe(
        'What the candidate was promised, when a decision pulled dueAt forward (null otherwise): their page, automatic updates and kept go by it.',
      ),
    status: z.enum(FOLLOW_UP_STATUSES),
    doneAt: z.date().nullable(),
    doneByTouchpointId: IdSchema.nullable(),
    cancelReason: z.string().nullable(),
    supersededById: IdSchema.nullable(),
    escalationLevel: z.number().int(),
    breachedAt: z.date().nullable(),
    remindedAt: z.date().nullable(),
    updatesSent: z.number().int(),
    snoozedUntil: z
      .date()
      .nullable()
      .describe('Its reminders wait until then (POST /follow-ups/{id}/snooze); null when never snoozed.'),
    snoozeReason: z.string().nullable().describe('Why it was snoozed, as the member said it.'),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'FollowUp' });
export const NextActionSchema = z
  .object({
    kind: z.enum(NEXT_ACTION_KINDS),
    at: z.date().describe('When it happens (past: at the next sweep).'),
    because: z.enum(NEXT_ACTION_REASONS),
    detail: z.string().describe('The reason in words, e.g. "1 business day before the due time".'),
    to: z.enum(['owner', 'candidate', 'hiring_manager', 'recruiter', 'admins']).describe('Who hears.'),
  })
  .meta({ id: 'NextAction' });
export const NextStepSchema = z
  .object({
    action: z.enum(NEXT_STEP_ACTIONS),
    at: z.date().describe("When the mail goes: the step's time, in the recipient's business hours."),
    toRole: z.enum(NEXT_STEP_ROLES).describe('Who hears, by role.'),
    to: z
      .string()
      .describe("Who hears, by name (admins joined with commas); empty when the role's member is inactive."),
  })
  .meta({ id: 'NextStep' });
export const FollowUpViewSchema = FollowUpSchema.extend({
  candidate: z.object({
    id: IdSchema,
    name: z.string(),
    timeZone: z.string().nullable().describe("The candidate's own zone, if known."),
  }),
  job: z.object({ id: IdSchema, title: z.string() }),
  interview: z
    .object({
      id: IdSchema,
      title: z.string(),
      scheduledAt: z.date().nullable(),
      endsAt: z.date().nullable(),
    })
    .nullable()
    .describe('The interview it comes from (a scorecard is owed on it), by title and time; null when none.'),
  promiseStatement: z.string().nullable(),
  owner: z.object({ id: IdSchema, name: z.string() }).nullable().describe('Who owns it, by name.'),
  candidateTimeZone: z
    .string()
    .describe("The zone to show the candidate's times in: theirs if known, else the organization's."),
  decidedNotTold: z
    .boolean()
    .describe(
      "An open outcome whose application's latest decision (not a hold) has not reached the candidate yet.",
    ),
  dueWords: z
    .string()
    .nullable()
    .describe(
      'How far the due time is, by the server\'s clock: "due in 2 hours", "3 days late"; null unless open.',
    ),
  nextStep: NextStepSchema.nullable().describe(
    'The next automatic step (reminder, update, escalation), to whom by name, and when; null when nothing more is automatic.',
  ),
  nextAction: NextActionSchema.nullable().describe(
    'What Hearback will do next on its own, when and why (open outcome follow-ups); null when nothing is planned.',
  ),
  overdue: z.boolean().describe('Open and past its due time.'),
  kept: z.boolean().describe('Done no later than its due time.'),
  state: z
    .enum(['upcoming', 'due_today', 'overdue', 'kept', 'late', 'cancelled'])
    .describe("Where it stands now; 'due_today' is today in the organization's time zone."),
}).meta({ id: 'FollowUpView' });
export const FollowUpListQuerySchema = PageQuerySchema.extend({
  status: z.enum(FOLLOW_UP_STATUSES).optional(),
  ownerId: IdSchema.optional(),
  kind: z.enum(FOLLOW_UP_KINDS).optional(),
  applicationId: IdSchema.optional(),
  overdue: BooleanQuery.optional().describe('true: open and past due; false: everything else.'),
  dueBefore: DateOrInstantSchema(DATE_MEANS.start)
    .optional()
    .describe('Due strictly before this moment. A plain date means the start of that day.'),
  hiringManagerId: IdSchema.optional().describe(
    'Only follow-ups on jobs this member is the hiring manager of.',
  ),
  escalatedTo: IdSchema.optional().describe(
    'Only follow-ups escalated to this member (an escalation that named them, not since handed to another owner).',
  ),
}).strict();
export const FollowUpCreateSchema = z.strictObject({
  applicationId: IdSchema,
  kind: z.enum(FOLLOW_UP_KINDS),
  owedBy: z.enum(PARTIES),
  owedTo: z.enum(PARTIES),
  ownerId: IdSchema.optional().describe('Who owns it. Default: you, when the team or a recruiter owes it.'),
  dueAt: DateOrInstantSchema(DATE_MEANS.due),
});
export const FollowUpCancelSchema = z.strictObject({ reason: LineSchema(500) });
export const FollowUpReassignSchema = z.strictObject({
  ownerId: IdSchema.describe('The active member who owns it from now on (not an interviewer).'),
  reason: LineSchema(500).optional().describe('Why it is handed on; kept in the audit log and its events.'),
});

// ---- feedback, decisions, touchpoints
export const FeedbackSchema = z
  .object({
    id: IdSchema,
    interviewId: IdSchema,
    interviewerId: IdSchema,
    recommendation: z.enum(RECOMMENDATIONS),
    ratings: z.record(z.string(), z.number()),
    notes: z.string(),
    submittedAt: z.date(),
    version: z.int().min(1).describe('1 for the first save; each later save by the author adds one.'),
  })
  .meta({ id: 'Feedback' });
export const FeedbackCreateSchema = z
  .strictObject({
    recommendation: z.enum(RECOMMENDATIONS),
    ratings: z
      .record(z.string().min(1).max(100).superRefine(safeText('line')), z.int().min(1).max(5))
      .optional()
      .describe('Scores 1–5 by criterion, e.g. {"communication": 4}.'),
    notes: ProseSchema(10_000).optional(),
    baseVersion: z
      .int()
      .min(0)
      .optional()
      .describe(
        'The version you edited (0 if you had none): if it is no longer the current one the save is refused (409 `conflict`, the current `currentVersion`) rather than overwriting a save you have not seen.',
      ),
  })
  .describe('Your scorecard: it is recorded as yours (the interviewer is who you are).');
export const FeedbackDraftSchema = z
  .object({
    id: IdSchema,
    interviewId: IdSchema,
    interviewerId: IdSchema,
    recommendation: z.enum(RECOMMENDATIONS).nullable().describe('null while not chosen.'),
    ratings: z.record(z.string(), z.number()),
    notes: z.string(),
    baseVersion: z.int().min(0).describe('The submitted version the draft was written over (0: none).'),
    savedAt: z.date(),
  })
  .meta({ id: 'FeedbackDraft' })
  .describe('A scorecard saved but not submitted: seen by its author only, not feedback given.');
export const FeedbackDraftReplaceSchema = z
  .strictObject({
    recommendation: z.enum(RECOMMENDATIONS).nullable().describe('null while not chosen.'),
    ratings: FeedbackCreateSchema.shape.ratings,
    notes: ProseSchema(10_000),
    baseVersion: z
      .int()
      .min(0)
      .describe(
        'The submitted version your form loaded (0 if none): if it is no longer the current one the draft is refused (409 `conflict`, the current `currentVersion`).',
      ),
  })
  .describe('Your draft scorecard: replaces your earlier draft on this interview.');
export const MyFeedbackSchema = z
  .object({
    draft: FeedbackDraftSchema.nullable().describe(
      'Your draft, if you saved one since your last submission.',
    ),
    submitted: FeedbackSchema.nullable().describe('Your latest submitted version, if any.'),
  })
  .meta({ id: 'MyFeedback' });
export const DecisionSchema = z
  .object({
    id: IdSchema,
    applicationId: IdSchema,
    outcome: z.enum(DECISION_OUTCOMES),
    reasons: z.array(z.string()),
    recommendation: z.string(),
    notes: z.string(),
    decidedBy: IdSchema,
    decidedAt: z.date(),
  })
  .meta({ id: 'Decision' });
export const DecisionCreateSchema = z.strictObject({
  outcome: z.enum(DECISION_OUTCOMES),
  reasons: z
    .array(ProseSchema(1000, 1))
    .max(20)
    .optional()
    .describe('Why, specifically: these go into the message.'),
  recommendation: ProseSchema(2000).optional().describe('Advice for the future, for the candidate.'),
  notes: ProseSchema(10_000).optional().describe('Internal notes; never shown to the candidate.'),
});
export const TouchpointSchema = z
  .object({
    id: IdSchema,
    applicationId: IdSchema,
    direction: z.enum(['inbound', 'outbound']),
    channel: z.enum(CHANNELS),
    kind: z.enum(TOUCHPOINT_KINDS),
    fromParty: z.enum(PARTIES),
    toParty: z.enum(PARTIES),
    connected: z.boolean(),
    memberId: IdSchema.nullable().describe(
      "The team member who made the contact (who logged it, or who wrote the email); null for the candidate's own.",
    ),
    occurredAt: z.date(),
    summary: z.string(),
    createdAt: z.date(),
    decisionId: IdSchema.nullable()
      .optional()
      .describe('For an outcome told by hand: the decision that was told.'),
    undoneAt: z.date().nullable().optional().describe('Set when the member undid logging it.'),
  })
  .meta({ id: 'Touchpoint' });
export const TouchpointCreateSchema = z.strictObject({
  applicationId: IdSchema,
  channel: z.enum(CHANNELS),
  kind: z.enum(TOUCHPOINT_KINDS),
  fromParty: z.enum(PARTIES),
  toParty: z.enum(PARTIES),
  connected: z.boolean().optional().describe('Required for phone: did the call reach the person?'),
  occurredAt: DateOrInstantSchema(DATE_MEANS.start)
    .optional()
    .describe('When it happened. Default: now. A plain date means the start of that day.'),
  summary: ProseSchema(10_000).optional(),
  followUpId: IdSchema.optional().describe('Close this follow-up specifically.'),
  decisionId: IdSchema.optional().describe(
    'Required for a connected outcome call or meeting: the decision you told. With a summary of at least 20 characters.',
  ),
  skipWrittenNote: z
    .strictObject({ reason: ProseSchema(500) })
    .optional()
    .describe('After an outcome call the scheduled written note still goes; this stops it, with a reason.'),
});
export const WrittenNoteSchema = z
  .discriminatedUnion('status', [
    z.object({
      status: z.literal('scheduled'),
      messageId: IdSchema,
      sendAt: z.date().nullable().describe('null while it is a draft: it goes once sent from the composer.'),
      to: z.string().describe("The candidate's address it goes to."),
      timeZone: z
        .string()
        .describe("The zone its time is placed in: the candidate's, else the organization's."),
      text: z.string().describe('The note as it will go; its last paragraph is the summary of the call.'),
    }),
    z.object({ status: z.literal('cancelled'), messageId: IdSchema, reason: z.string() }),
    z.object({ status: z.literal('none') }),
  ])
  .meta({ id: 'WrittenNote' });

// ---- messages
export const FindingSchema = z
  .object({
    code: z.string(),
    severity: z.enum(['error', 'warning', 'info']),
    message: z.string(),
    excerpt: z.string().optional().describe('The text the finding is about, as written.'),
    start: z.number().int().optional().describe('Offset of that text in the message (UTF-16 code units).'),
    end: z.number().int().optional().describe('Offset just after it.'),
    suggestion: z.string().optional().describe('One thing to write instead (or to add, for a missing part).'),
  })
  .meta({ id: 'Finding' });
export const MessageCheckSchema = z
  .object({
    elements: z.record(z.string(), z.boolean()),
    findings: z.array(FindingSchema),
    wordCount: z.number().int(),
  })
  .meta({ id: 'MessageCheck' });
export const MessageSchema = z
  .object({
    id: IdSchema,
    applicationId: IdSchema.nullable(),
    followUpId: IdSchema.nullable(),
    decisionId: IdSchema.nullable(),
    kind: z.enum(MESSAGE_KINDS),
    audience: z.enum(['candidate', 'member']),
    toMemberId: IdSchema.nullable(),
    toAddress: z.string(),
    toName: z.string(),
    replyTo: z.string().nullable(),
    subject: z.string(),
    bodyText: z.string(),
    bodyHtml: z.string(),
    automatic: z.boolean(),
    status: z.enum(MESSAGE_STATUSES),
    scheduledFor: z
      .date()
      .nullable()
      .describe('When it goes (or went) out; null for drafts and cancelled drafts.'),
    scheduledBecause: z
      .enum(SCHEDULE_REASONS)
      .nullable()
      .describe(
        'Why it goes at that time: immediately, the undo window, the send delay after the decision, the ' +
          "phone-first wait, the time asked for, the candidate's or the team's business hours, or a retry.",
      ),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    messageId: z.string().describe('RFC 5322 Message-ID, the same on every retry.'),
    inReplyTo: z.string().nullable(),
    references: z.array(z.string()),
    overrideReason: z.string().nullable(),
    cancelReason: z.string().nullable(),
    sentAt: z.date().nullable(),
    createdAt: z.date(),
    updatedAt: z.date(),
    check: MessageCheckSchema.extend({ blocking: z.boolean() }).nullable(),
  })
  .meta({ id: 'Message' });
export const MessageCheckRequestSchema = z.strictObject({
  kind: z.enum(CHECK_KINDS),
  text: ProseSchema(100_000),
});
export const MessageDraftSchema = z
  .strictObject({
    decisionId: IdSchema.optional().describe("Default: the application's latest decision."),
    nextSteps: ProseSchema(2000).optional(),
    timeline: ProseSchema(500).optional(),
  })
  .optional();
export const MessagePatchSchema = z.strictObject({
  subject: LineSchema(200).optional(),
  bodyText: ProseSchema(50_000, 1).optional(),
});
export const MessageSendSchema = z
  .strictObject({
    sendAt: DateOrInstantSchema(DATE_MEANS.start)
      .optional()
      .describe(
        "Not before this moment (then into the candidate's business hours). A plain date means the start of that day.",
      ),
    override: z
      .strictObject({ reason: ProseSchema(1000, 1) })
      .optional()
      .describe('Send despite blocking findings; the reason is recorded.'),
  })
  .optional();
export const MessageListQuerySchema = PageQuerySchema.extend({
  applicationId: IdSchema.optional(),
  jobId: IdSchema.optional().describe("Messages about this job's applications."),
  status: z.enum(MESSAGE_STATUSES).optional(),
}).strict();
