/**
 * Request and response schemas of the agency desk's routes (clients, contacts, job orders,
 * submissions, client contacts logged, nudges, the desk). Shared pieces come from ../schemas.ts.
 */
import { z } from 'zod';
import { CLIENT_LOG_CHANNELS, CONTACT_CHANNELS, SUBMISSION_STAGES } from '../../domain/agency.ts';
import { CHANNELS, FOLLOW_UP_KINDS, PARTIES } from '../../domain/follow-up.ts';
import { JOB_STATUSES, ROLE_KINDS } from '../../domain/model.ts';
import { TimeZoneSchema } from '../../domain/policy.ts';
import {
  CandidateCreateSchema,
  DateOrInstantSchema,
  EmailSchema,
  IdSchema,
  LineSchema,
  MessageCheckSchema,
  PageQuerySchema,
  ProseSchema,
} from '../schemas.ts';

const Days = (max: number, what: string) => z.number().int().min(0).max(max).describe(what);
const CONTACT_ZONE =
  "A plain date means the close of that business day in the client contact's time zone (the agency's working days).";

// ---- clients
export const ClientSchema = z
  .object({
    id: IdSchema,
    name: z.string(),
    feedbackDaysAfterSubmission: z.number().int(),
    feedbackDaysAfterInterview: z.number().int(),
    updateCadenceDays: z.number().int(),
    guaranteeDays: z.number().int(),
    ownershipDays: z
      .number()
      .int()
      .describe('Calendar days a submission keeps the candidate ours at this client: no second one inside.'),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'Client' });
export const ClientCreateSchema = z.strictObject({
  name: LineSchema(200),
  feedbackDaysAfterSubmission: Days(
    60,
    'Business days the client agreed to answer a submission in (default 2).',
  ).optional(),
  feedbackDaysAfterInterview: Days(
    60,
    'Business days the client agreed to decide after an interview in (default 1).',
  ).optional(),
  updateCadenceDays: z
    .number()
    .int()
    .min(1)
    .max(60)
    .optional()
    .describe('Business days between updates the client wants (default 5).'),
  guaranteeDays: Days(365, 'The placement guarantee, in calendar days (default 90).').optional(),
  ownershipDays: z
    .number()
    .int()
    .min(1)
    .max(1095)
    .optional()
    .describe(
      'How long a submission keeps the candidate ours at this client, in calendar days (default 180): a second submission inside it is refused.',
    ),
});
export const ClientPatchSchema = ClientCreateSchema.partial().strict();

// ---- contacts
export const ClientContactSchema = z
  .object({
    id: IdSchema,
    clientId: IdSchema,
    name: z.string(),
    title: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    preferredChannel: z.enum(CONTACT_CHANNELS),
    timeZone: z.string().nullable().describe("Null: the organization's."),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'ClientContact' });
export const ClientContactCreateSchema = z.strictObject({
  name: LineSchema(200),
  title: LineSchema(200).optional(),
  email: EmailSchema.nullable().optional(),
  phone: CandidateCreateSchema.shape.phone,
  preferredChannel: z.enum(CONTACT_CHANNELS).optional(),
  timeZone: TimeZoneSchema.nullable().optional(),
});
export const ClientContactPatchSchema = ClientContactCreateSchema.partial().strict();

// ---- job orders
export const JobOrderSchema = z
  .object({
    id: IdSchema.describe('The job id.'),
    clientId: IdSchema,
    hiringAuthorityId: IdSchema.nullable(),
    title: z.string(),
    roleKind: z.enum(ROLE_KINDS),
    status: z.enum(JOB_STATUSES),
    recruiterId: IdSchema.nullable(),
    createdAt: z.date(),
  })
  .meta({ id: 'JobOrder' });
export const JobOrderCreateSchema = z.strictObject({
  title: LineSchema(200),
  roleKind: z.enum(ROLE_KINDS).default('other'),
  hiringAuthorityId: IdSchema.nullable().optional().describe('A contact of this client.'),
  recruiterId: IdSchema.nullable().optional(),
});

// ---- submissions
export const SubmissionSchema = z
  .object({
    id: IdSchema,
    clientId: IdSchema,
    jobId: IdSchema,
    candidateId: IdSchema,
    applicationId: IdSchema.describe('The candidate in the job: interviews and touchpoints hang off it.'),
    contactId: IdSchema,
    recruiterId: IdSchema.describe('The member who submitted; owns the follow-ups.'),
    pitch: z.string(),
    consentAt: z.date(),
    consentNote: z.string(),
    stage: z.enum(SUBMISSION_STAGES),
    declinedBy: z.enum(['client', 'candidate']).nullable(),
    declineReason: z.string().nullable(),
    submittedAt: z.date(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'Submission' });
export const SubmissionCreateSchema = z.strictObject({
  jobId: IdSchema.describe('A job order (a job of a client).'),
  candidateId: IdSchema,
  contactId: IdSchema.optional().describe("Default: the job order's hiring authority."),
  pitch: ProseSchema(2000, 1).describe('Why this candidate, in a few lines.'),
  consent: z.literal(true).describe('The candidate agreed to be sent to this client.'),
  consentAt: DateOrInstantSchema(
    "When the candidate agreed; default now. A plain date means the start of that day in the organization's time zone.",
  ).optional(),
  consentNote: ProseSchema(500).optional().describe('How consent was given (a call, an email).'),
});
export const SubmissionListQuerySchema = PageQuerySchema.extend({
  clientId: IdSchema.optional(),
  stage: z.enum(SUBMISSION_STAGES).optional(),
}).strict();
const DueSchema = z.object({ id: IdSchema.describe('The follow-up.'), dueAt: z.date() });
/** An earlier submission of the same candidate to the same client: in a 409's details, or as history. */
export const EarlierSubmissionSchema = z
  .object({
    id: IdSchema,
    jobId: IdSchema,
    jobTitle: z.string(),
    contactId: IdSchema,
    stage: z.enum(SUBMISSION_STAGES),
    submittedAt: z.string().describe('ISO instant.'),
    recruiterId: IdSchema,
    recruiterName: z.string(),
  })
  .meta({ id: 'EarlierSubmission' });
export const SubmissionCreatedSchema = z.object({
  submission: SubmissionSchema,
  feedbackFollowUp: DueSchema.describe(
    "The client's feedback, owed to the recruiter, due per the client's terms.",
  ),
  earlierSubmissions: z
    .array(EarlierSubmissionSchema)
    .describe(
      "Earlier submissions of this candidate to this client, outside the client's ownership window: history.",
    ),
});
export const SubmissionStageSchema = z.strictObject({
  stage: z.enum(SUBMISSION_STAGES),
  declinedBy: z.enum(['client', 'candidate']).optional().describe('Required for a decline.'),
  reason: ProseSchema(1000, 1).optional().describe("The client's reason; required for a client's decline."),
});
export const ClientAnswerSchema = z.discriminatedUnion('answer', [
  z.strictObject({
    answer: z.literal('interview'),
    channel: z.enum(CHANNELS),
    summary: ProseSchema(2000).optional(),
  }),
  z.strictObject({
    answer: z.literal('decline'),
    reason: ProseSchema(1000, 1),
    channel: z.enum(CHANNELS),
    summary: ProseSchema(2000).optional(),
  }),
  z.strictObject({
    answer: z.literal('more_time'),
    until: DateOrInstantSchema(CONTACT_ZONE),
    channel: z.enum(CHANNELS),
    summary: ProseSchema(2000).optional(),
  }),
]);
export const ClientAnswerRecordedSchema = z.object({
  submission: SubmissionSchema,
  closedFollowUpIds: z.array(IdSchema),
  tellCandidate: DueSchema.describe(
    "The recruiter's follow-up to tell the candidate, within one business day.",
  ),
  nextClientFeedback: DueSchema.nullable().describe("For more time: the client's new deadline."),
});

// ---- contacts logged, nudges
const NextContactFields = {
  nextContactAt: DateOrInstantSchema(CONTACT_ZONE).optional().describe('When to contact them next.'),
  noNextContactReason: LineSchema(500).optional().describe('Instead of a next contact: why there is none.'),
};
export const ClientContactLogCreateSchema = z.strictObject({
  channel: z.enum(CLIENT_LOG_CHANNELS),
  direction: z.enum(['inbound', 'outbound']),
  summary: ProseSchema(5000, 1),
  occurredAt: DateOrInstantSchema(
    "Default now. A plain date means the start of that day in the contact's time zone.",
  ).optional(),
  submissionId: IdSchema.optional(),
  ...NextContactFields,
});
export const ClientContactLogSchema = z
  .object({
    id: IdSchema,
    contactId: IdSchema,
    submissionId: IdSchema.nullable(),
    memberId: IdSchema,
    channel: z.enum(CLIENT_LOG_CHANNELS),
    direction: z.enum(['inbound', 'outbound']),
    summary: z.string(),
    occurredAt: z.date(),
    nextContactAt: z.date().nullable(),
    noNextContactReason: z.string().nullable(),
    nextFollowUpId: IdSchema.nullable(),
    createdAt: z.date(),
  })
  .meta({ id: 'ClientContactLog' });
export const ClientContactLoggedSchema = z.object({
  log: ClientContactLogSchema,
  nextContact: DueSchema.nullable(),
  closedFollowUpIds: z.array(IdSchema).describe('Earlier next contacts with this person that this one kept.'),
});
export const NudgeCreateSchema = z.strictObject({
  text: ProseSchema(5000, 1),
  channel: z.enum(CLIENT_LOG_CHANNELS),
  ...NextContactFields,
});
export const NudgeSentSchema = ClientContactLoggedSchema.extend({ check: MessageCheckSchema });

// ---- the desk
export const DeskSchema = z
  .object({
    followUps: z.array(
      z.object({
        id: IdSchema,
        kind: z.enum(FOLLOW_UP_KINDS),
        owedBy: z.enum(PARTIES),
        owedTo: z.enum(PARTIES),
        dueAt: z.date(),
        ladderSteps: z.number().int().describe('Prompts and escalations already sent.'),
        escalationLevel: z.number().int(),
        nextActionAt: z.date().nullable(),
        applicationId: IdSchema.nullable(),
        submissionId: IdSchema.nullable(),
        clientContactId: IdSchema.nullable(),
        candidateName: z.string().nullable(),
        jobTitle: z.string().nullable(),
        contactName: z.string().nullable(),
        clientName: z.string().nullable(),
        overdue: z.boolean(),
      }),
    ),
    waiting: z.array(
      z.object({
        submissionId: IdSchema,
        stage: z.enum(SUBMISSION_STAGES),
        submittedAt: z.date(),
        candidateName: z.string(),
        jobTitle: z.string(),
        clientName: z.string(),
        contactName: z.string(),
        contactTimeZone: z.string().nullable(),
        followUpId: IdSchema,
        feedbackDueAt: z.date(),
        ladderSteps: z.number().int().describe('Nudge prompts sent to the recruiter so far.'),
        daysWaiting: z.number().int().describe('Whole days since the submission.'),
        pastDeadline: z.boolean().describe("The client's agreed deadline has passed."),
      }),
    ),
    clients: z.array(
      ClientSchema.extend({ contacts: z.array(ClientContactSchema), jobOrders: z.array(JobOrderSchema) }),
    ),
  })
  .meta({ id: 'Desk' });
