/**
 * Request and response schemas of placements, the client view and the desk's coverage. Shared
 * pieces come from ../schemas.ts and ./agency.schemas.ts.
 */
import { z } from 'zod';
import { SUBMISSION_STAGES } from '../../domain/agency.ts';
import { PARTIES } from '../../domain/follow-up.ts';
import { IdSchema, LocalDateSchema, PageQuerySchema, ProseSchema } from '../schemas.ts';
import { ClientContactSchema, ClientSchema } from './agency.schemas.ts';

export const PlacementFeeSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('percent'),
      percent: z.number().gt(0).max(100).describe("Percent of the candidate's first-year salary."),
    }),
    z.strictObject({
      kind: z.literal('fixed'),
      amount: z.number().gt(0).max(100_000_000).describe('A fixed fee.'),
      currency: z
        .string()
        .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR')
        .describe('ISO 4217, e.g. EUR.'),
    }),
  ])
  .meta({ id: 'PlacementFee' });

const CheckInSchema = z.object({
  id: IdSchema.describe('The follow-up (kind placement_check_in), owned by the recruiter.'),
  owedTo: z.enum(PARTIES).describe('candidate or client.'),
  status: z.enum(['open', 'done', 'cancelled']),
  dueAt: z.date(),
});

const PlacementFields = {
  id: IdSchema,
  submissionId: IdSchema,
  clientId: IdSchema,
  jobId: IdSchema,
  candidateId: IdSchema,
  applicationId: IdSchema,
  recruiterId: IdSchema.describe('The submitting recruiter: owns the check-ins.'),
  startDate: z.string().describe('YYYY-MM-DD.'),
  fee: PlacementFeeSchema,
  feeNote: z.string(),
  guaranteeDays: z.number().int(),
  guaranteeEndsOn: z.string().describe('YYYY-MM-DD: the last day the guarantee covers.'),
  fellThroughOn: z.string().nullable(),
  fallThroughReason: z.string().nullable(),
  fellWithinGuarantee: z.boolean().nullable(),
  replacementFollowUpId: IdSchema.nullable().describe(
    'The replacement search (a backfill follow-up), if one opened.',
  ),
  createdBy: IdSchema,
  createdAt: z.date(),
  updatedAt: z.date(),
};
export const PlacementSchema = z.object(PlacementFields).meta({ id: 'Placement' });
export const PlacementViewSchema = z
  .object({ ...PlacementFields, checkIns: z.array(CheckInSchema) })
  .meta({ id: 'PlacementView' });

export const PlacementCreateSchema = z.strictObject({
  startDate: LocalDateSchema.describe("The candidate's first day, YYYY-MM-DD."),
  fee: PlacementFeeSchema,
  feeNote: ProseSchema(1000).optional().describe('Anything else agreed about the fee.'),
  guaranteeDays: z
    .number()
    .int()
    .min(0)
    .max(365)
    .optional()
    .describe("Calendar days (30, 60 and 90 are common); default the client's agreed guarantee."),
});
export const PlacementListQuerySchema = PageQuerySchema.extend({ clientId: IdSchema.optional() }).strict();
export const PlacementFallThroughSchema = z.strictObject({
  on: LocalDateSchema.describe(
    "The day it fell through, YYYY-MM-DD (not after today in the organization's zone).",
  ),
  reason: ProseSchema(1000, 1),
});

const CandidatesSchema = z.object({
  earlier: z
    .array(z.object({ applicationId: IdSchema, candidateName: z.string(), stage: z.string() }))
    .describe('Candidates in earlier stages of the job, still in the running.'),
  pool: z
    .array(z.object({ candidateId: IdSchema, candidateName: z.string(), tags: z.array(z.string()) }))
    .describe('Opted-in talent-pool candidates not yet in the job.'),
});
export const PlacementFellThroughSchema = z.object({
  placement: PlacementViewSchema,
  replacement: CandidatesSchema.extend({ id: IdSchema, dueAt: z.date() })
    .nullable()
    .describe('The replacement search opened inside the guarantee; null after it.'),
});

export const ClientRecordSchema = z
  .object({
    client: ClientSchema,
    contacts: z.array(ClientContactSchema),
    openSubmissions: z.array(
      z.object({
        submissionId: IdSchema,
        stage: z.enum(SUBMISSION_STAGES),
        submittedAt: z.date(),
        candidateName: z.string(),
        jobTitle: z.string(),
        contactName: z.string(),
        feedbackDueAt: z.date().nullable().describe('The open client-feedback deadline, if one is owed.'),
        daysWaiting: z.number().int(),
        pastDeadline: z.boolean(),
      }),
    ),
    feedback: z
      .object({
        answered: z.number().int(),
        overdue: z.number().int().describe('Unanswered past the agreed deadline.'),
        medianDaysToFeedback: z.number().nullable(),
        shareWithinDeadline: z
          .number()
          .nullable()
          .describe('Of feedback answered or past its deadline, the share answered by the deadline (0–1).'),
      })
      .describe("The client's feedback record."),
  })
  .meta({ id: 'ClientRecord' });

export const DeskCoverageSchema = z
  .object({
    jobOrders: z.array(
      z.object({
        jobId: IdSchema,
        clientId: IdSchema,
        clientName: z.string(),
        title: z.string(),
        finalists: z.number().int(),
        target: z.number().int().describe("The job's finalist target (policy finalistTarget)."),
        short: z.boolean(),
        openBackfillId: IdSchema.nullable(),
        candidates: CandidatesSchema.nullable().describe('When short: who could fill the final stage.'),
      }),
    ),
    contactsWithoutNextContact: z.array(
      z.object({
        contactId: IdSchema,
        contactName: z.string(),
        clientId: IdSchema,
        clientName: z.string(),
        lastContactAt: z.date().nullable(),
      }),
    ),
    placements: z.array(
      z.object({
        placementId: IdSchema,
        submissionId: IdSchema,
        candidateName: z.string(),
        clientName: z.string(),
        jobTitle: z.string(),
        startDate: z.string(),
        guaranteeEndsOn: z.string(),
        fellThroughOn: z.string().nullable(),
        nextCheckInAt: z.date().nullable(),
        nextCheckInWith: z.enum(PARTIES).nullable(),
      }),
    ),
  })
  .meta({ id: 'DeskCoverage' });
