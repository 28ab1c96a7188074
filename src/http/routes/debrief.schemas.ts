/**
 * Request and response schemas of the candidate side of the agency desk: interviews at the
 * client, debriefs, and nudge drafts. Shared pieces come from ../schemas.ts.
 */
import { z } from 'zod';
import { CLIENT_LOG_CHANNELS } from '../../domain/agency.ts';
import {
  DateOrInstantSchema,
  IdSchema,
  InterviewPromiseSchema,
  LineSchema,
  MessageCheckSchema,
  ProseSchema,
} from '../schemas.ts';
import { SubmissionSchema } from './agency.schemas.ts';

const DueSchema = z.object({ id: IdSchema.describe('The follow-up.'), dueAt: z.date() });

// ---- interviews at the client
export const ClientInterviewCreateSchema = z.strictObject({
  at: DateOrInstantSchema(
    "When the interview took place (not in the future). A plain date means the start of that day in the client contact's time zone.",
  ),
  title: LineSchema(200).optional().describe('Default "Interview at <client>".'),
  interviewers: z
    .array(LineSchema(200))
    .min(1)
    .max(20)
    .describe("The client's people who interviewed, by name (they are not members)."),
  promise: ProseSchema(1000, 1).describe(
    'What the client said about when they will decide, as said ("We\'ll decide by Friday"); resolved in the contact\'s business time.',
  ),
  promiseDueAt: DateOrInstantSchema(
    "Overrides the statement's date (resolution explicit). A plain date means the close of that business day in the client contact's time zone.",
  ).optional(),
});
export const ClientInterviewSchema = z
  .object({
    id: IdSchema,
    submissionId: IdSchema,
    applicationId: IdSchema,
    title: z.string(),
    at: z.date(),
    interviewers: z.array(z.string()),
    closedAt: z.date().describe('When it was recorded.'),
    promise: InterviewPromiseSchema.describe(
      "The client's promise; its owner is the submission's recruiter.",
    ),
    createdAt: z.date(),
  })
  .meta({ id: 'ClientInterview' });
export const ClientInterviewRecordedSchema = z.object({
  interview: ClientInterviewSchema,
  submission: SubmissionSchema,
  clientFeedback: DueSchema.describe(
    "The client's feedback, owed to the recruiter: due per the terms after an interview, or by the promise when earlier or explicit.",
  ),
  debrief: DueSchema.describe(
    "The debrief owed to the candidate: the same business day, in the candidate's zone.",
  ),
  closedFollowUpIds: z
    .array(IdSchema)
    .describe('Feedback the client owed on the submission, answered by this interview.'),
});

// ---- debriefs
const CANDIDATE_ZONE = "A plain date means the close of that business day in the candidate's time zone.";
export const DebriefCreateSchema = z.strictObject({
  interviewId: IdSchema.optional().describe('The interview at the client; default the latest.'),
  channel: z.enum(CLIENT_LOG_CHANNELS),
  impressions: ProseSchema(2000, 1).describe("What went well, in the candidate's words."),
  surprises: ProseSchema(2000).optional(),
  interestLevel: z.number().int().min(1).max(5).describe('1 (no longer interested) to 5 (very keen).'),
  nextSteps: ProseSchema(2000).optional(),
  questionsForClient: ProseSchema(2000).optional(),
  availability: ProseSchema(500).optional().describe('New availability or notice period the candidate gave.'),
  mayMentionOtherProcesses: z
    .boolean()
    .optional()
    .describe(
      'The candidate agreed that their other interviews and offers may be mentioned to this client (default false).',
    ),
  occurredAt: DateOrInstantSchema(
    "Default now. A plain date means the start of that day in the candidate's time zone.",
  ).optional(),
  nextContactAt: DateOrInstantSchema(CANDIDATE_ZONE)
    .optional()
    .describe('When to contact the candidate next (a follow-up you own).'),
  noNextContactReason: LineSchema(500).optional().describe('Instead of a next contact: why there is none.'),
});
export const DebriefSchema = z
  .object({
    id: IdSchema,
    submissionId: IdSchema,
    interviewId: IdSchema,
    memberId: IdSchema,
    touchpointId: IdSchema,
    channel: z.enum(CLIENT_LOG_CHANNELS),
    impressions: z.string(),
    surprises: z.string(),
    interestLevel: z.number().int(),
    nextSteps: z.string(),
    questionsForClient: z.string(),
    mayMentionOtherProcesses: z.boolean(),
    availability: z.string(),
    occurredAt: z.date(),
    nextContactAt: z.date().nullable(),
    noNextContactReason: z.string().nullable(),
    nextFollowUpId: IdSchema.nullable(),
    createdAt: z.date(),
  })
  .meta({ id: 'Debrief' });
export const DebriefLoggedSchema = z.object({
  debrief: DebriefSchema,
  closedFollowUpIds: z.array(IdSchema).describe('The debriefs owed that this one fulfilled.'),
  nextContact: DueSchema.nullable(),
  thankYou: z
    .object({
      text: z
        .string()
        .nullable()
        .describe(
          'A thank-you note for the candidate to make their own; null when they are no longer interested.',
        ),
      advice: z.string(),
    })
    .describe("The candidate's thank-you note, suggested from the debrief's points."),
});

// ---- nudge drafts
export const NudgeDraftCreateSchema = z
  .strictObject({
    facts: z
      .array(LineSchema(500))
      .max(10)
      .optional()
      .describe('Facts the recruiter adds (market, references, anything the client would want).'),
  })
  .optional();
export const NudgeDraftSchema = z
  .object({
    text: z.string().nullable().describe('The draft; null when nothing is new (see couldAdd).'),
    news: z.array(z.string()).describe('The news the draft carries, one line each.'),
    couldAdd: z.array(z.string()).describe('What could be found out or added.'),
    since: z
      .date()
      .describe('News counts from the last contact with the client contact (or the submission).'),
    check: MessageCheckSchema.nullable().describe('The nudge check of the text (null without text).'),
  })
  .meta({ id: 'NudgeDraft' });

export const CandidateContactCreateSchema = z
  .strictObject({
    channel: z.enum(CLIENT_LOG_CHANNELS),
    summary: ProseSchema(2000, 1).describe('What was said (the timeline shows it).'),
    followUpId: IdSchema.optional().describe(
      'The follow-up owed to the candidate this contact fulfils; default every open update on the submission.',
    ),
    occurredAt: DateOrInstantSchema(
      "Default now. A plain date means the start of that day in the candidate's time zone.",
    ).optional(),
    nextContactAt: DateOrInstantSchema(CANDIDATE_ZONE)
      .optional()
      .describe('When to contact the candidate next (a follow-up you own).'),
    noNextContactReason: LineSchema(500).optional().describe('Instead of a next contact: why there is none.'),
  })
  .meta({ id: 'CandidateContactCreate' });
export const CandidateContactLoggedSchema = z
  .object({
    touchpointId: IdSchema,
    closedFollowUpIds: z
      .array(IdSchema)
      .describe('The follow-ups owed to the candidate this contact fulfilled.'),
    nextContact: DueSchema.nullable(),
  })
  .meta({ id: 'CandidateContactLogged' });
