/**
 * Zod schemas of the API's resources, shared by the route files and the OpenAPI document.
 * Requests are strict (unknown fields are a 400); responses describe exactly what is sent.
 */
import { MESSAGE_KINDS as CHECK_KINDS } from '../domain/message-check/index.ts';
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
import { TimeZoneSchema } from '../domain/policy.ts';
import { PAGE_LIMIT } from '../services/pagination.ts';

export const IdSchema = z.uuid().describe('A resource id (UUID).');
export const IdParamsSchema = z.strictObject({ id: IdSchema });
export const InstantSchema = z.iso
  .datetime({ offset: true })
  .transform((s) => new Date(s))
  .describe('An ISO 8601 instant with a Z or an offset, e.g. 2026-12-04T17:00:00+01:00.');
export const LocalDateSchema = z.iso.date().describe('A local date, YYYY-MM-DD.');
const Text = (max: number) => z.string().trim().min(1).max(max);

export const PageQuerySchema = z.strictObject({
  cursor: z.string().max(500).optional().describe('The nextCursor of the previous page.'),
  limit: z.coerce.number().int().min(1).max(PAGE_LIMIT.max).default(PAGE_LIMIT.default),
});

/** A page of items of the given schema. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

const BooleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

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
  email: z.email().max(320),
  name: Text(200),
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
export const JobSchema = z
  .object({
    id: IdSchema,
    title: z.string(),
    roleKind: z.enum(ROLE_KINDS),
    status: z.enum(JOB_STATUSES),
    hiringManagerId: IdSchema.nullable(),
    recruiterId: IdSchema.nullable(),
    policyOverrides: z.record(z.string(), z.unknown()).describe('Policy fields this job overrides.'),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'Job' });
export const JobCreateSchema = z.strictObject({
  title: Text(200),
  roleKind: z.enum(ROLE_KINDS).default('other'),
  status: z.enum(JOB_STATUSES).optional(),
  hiringManagerId: IdSchema.nullable().optional(),
  recruiterId: IdSchema.nullable().optional(),
});
export const JobPatchSchema = z.strictObject({
  policyOverrides: z
    .record(z.string(), z.unknown())
    .optional()
    .describe("Policy fields to override for this job (validated against the organization's policy)."),
  title: Text(200).optional(),
  roleKind: z.enum(ROLE_KINDS).optional(),
  status: z.enum(JOB_STATUSES).optional(),
  hiringManagerId: IdSchema.nullable().optional(),
  recruiterId: IdSchema.nullable().optional(),
});
export const JobListQuerySchema = PageQuerySchema.extend({
  status: z.enum(JOB_STATUSES).optional(),
}).strict();

// ---- candidates
export const CandidateSchema = z
  .object({
    id: IdSchema,
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    timeZone: z.string().nullable(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'Candidate' });
export const CandidateCreateSchema = z.strictObject({
  name: Text(200),
  email: z.email().max(320).nullable().optional(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ().-]{5,30}$/, 'must be a phone number')
    .nullable()
    .optional(),
  timeZone: TimeZoneSchema.nullable().optional(),
});
export const CandidatePatchSchema = CandidateCreateSchema.partial().strict();
export const CandidateListQuerySchema = PageQuerySchema.extend({
  email: z.string().max(320).optional(),
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
export const ApplicationCreateSchema = z.strictObject({
  jobId: IdSchema,
  candidateId: IdSchema,
  stage: Text(100).optional(),
});
export const ApplicationPatchSchema = z.strictObject({
  agencyRecruiter: z
    .strictObject({ name: Text(200), email: z.email().max(320) })
    .nullable()
    .optional()
    .describe('The agency recruiter the candidate came through: their contact, who gets their check-ins.'),
  finalStage: z.boolean().optional().describe('Final-stage candidates hear the outcome by phone first.'),
  stage: Text(100).optional(),
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
    promise: InterviewPromiseSchema.nullable(),
    createdAt: z.date(),
  })
  .meta({ id: 'Interview' });
export const InterviewCreateSchema = z.strictObject({
  applicationId: IdSchema,
  title: Text(200).default('Interview'),
  scheduledAt: InstantSchema.optional(),
  endsAt: InstantSchema.optional(),
  interviewerIds: z.array(IdSchema).max(50).optional(),
});
export const InterviewCloseSchema = z.strictObject({
  statement: z
    .string()
    .max(2000)
    .describe('What the interviewer told the candidate about next steps, as said.'),
  dueAt: InstantSchema.optional().describe('An explicit due time; overrides the statement.'),
  ownerId: IdSchema.optional().describe("Default: the job's recruiter, else its hiring manager."),
  endedAt: InstantSchema.optional().describe('When the interview ended. Default: its endsAt, else now.'),
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
    dueAt: z.date(),
    status: z.enum(FOLLOW_UP_STATUSES),
    doneAt: z.date().nullable(),
    doneByTouchpointId: IdSchema.nullable(),
    cancelReason: z.string().nullable(),
    supersededById: IdSchema.nullable(),
    escalationLevel: z.number().int(),
    breachedAt: z.date().nullable(),
    remindedAt: z.date().nullable(),
    updatesSent: z.number().int(),
    nextActionAt: z.date().nullable(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'FollowUp' });
export const FollowUpViewSchema = FollowUpSchema.extend({
  candidate: z.object({ id: IdSchema, name: z.string() }),
  job: z.object({ id: IdSchema, title: z.string() }),
  promiseStatement: z.string().nullable(),
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
  dueBefore: InstantSchema.optional(),
}).strict();
export const FollowUpCreateSchema = z.strictObject({
  applicationId: IdSchema,
  kind: z.enum(FOLLOW_UP_KINDS),
  owedBy: z.enum(PARTIES),
  owedTo: z.enum(PARTIES),
  ownerId: IdSchema.optional(),
  dueAt: InstantSchema.optional(),
  dueDate: LocalDateSchema.optional().describe("End of that business day in the organization's zone."),
});
export const FollowUpCancelSchema = z.strictObject({ reason: Text(500) });

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
  })
  .meta({ id: 'Feedback' });
export const FeedbackCreateSchema = z.strictObject({
  interviewerId: IdSchema,
  recommendation: z.enum(RECOMMENDATIONS),
  ratings: z.record(z.string().min(1).max(100), z.int().min(1).max(5)).optional(),
  notes: z.string().max(10_000).optional(),
});
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
  reasons: z.array(Text(1000)).max(20).optional().describe('Why, specifically: these go into the message.'),
  recommendation: z.string().max(2000).optional().describe('Advice for the future, for the candidate.'),
  notes: z.string().max(10_000).optional().describe('Internal notes; never shown to the candidate.'),
  decidedBy: IdSchema,
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
    memberId: IdSchema.nullable(),
    occurredAt: z.date(),
    summary: z.string(),
    createdAt: z.date(),
  })
  .meta({ id: 'Touchpoint' });
export const TouchpointCreateSchema = z.strictObject({
  applicationId: IdSchema,
  channel: z.enum(CHANNELS),
  kind: z.enum(TOUCHPOINT_KINDS),
  fromParty: z.enum(PARTIES),
  toParty: z.enum(PARTIES),
  connected: z.boolean().optional().describe('Required for phone: did the call reach the person?'),
  memberId: IdSchema.optional(),
  occurredAt: InstantSchema.optional(),
  summary: z.string().max(10_000).optional(),
  followUpId: IdSchema.optional(),
});

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
    sendAt: z.date().nullable(),
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
  text: z.string().max(100_000),
});
export const MessageDraftSchema = z.strictObject({
  decisionId: IdSchema.optional().describe("Default: the application's latest decision."),
  authorId: IdSchema.describe('The member writing the message.'),
  nextSteps: z.string().max(2000).optional(),
  timeline: z.string().max(500).optional(),
});
export const MessagePatchSchema = z.strictObject({
  subject: Text(200).optional(),
  bodyText: z.string().trim().min(1).max(50_000).optional(),
});
export const MessageSendSchema = z.strictObject({
  memberId: IdSchema.describe('The member sending it.'),
  sendAt: InstantSchema.optional().describe('Not before this instant (still within business hours).'),
  override: z
    .strictObject({ reason: Text(1000) })
    .optional()
    .describe('Send despite blocking findings; the reason is recorded.'),
});
export const MessageCancelSchema = z.strictObject({ memberId: IdSchema });
export const MessageListQuerySchema = PageQuerySchema.extend({
  applicationId: IdSchema.optional(),
  status: z.enum(MESSAGE_STATUSES).optional(),
}).strict();
