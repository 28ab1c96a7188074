/**
 * SQL of the agency report: the plain facts of a period (feedback owed by clients, nudges, client
 * answers, submissions and how far they went, placements), each tagged with the group it counts
 * in. The arithmetic is in src/domain/agency-report.ts. Every statement filters by org_id.
 */
import type { Queryable } from '../db/db.ts';
import { planForTheseParameters } from '../db/sql.ts';
import type { AgencyReportFacts } from '../domain/agency-report.ts';

/** How the agency report is grouped. */
export type AgencyReportGroup = 'none' | 'client' | 'contact';

/** A group's key and what it is called. */
export interface AgencyReportGroupLabel {
  key: string;
  label: string;
}

// The group a row counts in, from the submission `s` (and, for feedback, the contact who owes it).
const KEY: Record<AgencyReportGroup, (contact: string) => string> = {
  none: () => `''`,
  client: () => `s.client_id::text`,
  contact: (contact) => `${contact}::text`,
};

/**
 * The facts of the agency report for [from, to): feedback owed by clients opened in the period,
 * nudges sent in it, submissions made in it, placements recorded in it; answers from `from` on
 * (an answer after the period still answers a nudge in it). A placement is its record
 * (`placements`): its start date, guarantee and fall-through, if any.
 */
export async function agencyReportFacts(
  q: Queryable,
  orgId: string,
  period: { from: Date; to: Date },
  group: AgencyReportGroup,
): Promise<AgencyReportFacts> {
  const args = [orgId, period.from, period.to];
  await planForTheseParameters(q);
  const feedback = await q.query<{ k: string; opened_at: Date; due_at: Date; answered_at: Date | null }>(
    // Cancelled feedback (the submission ended another way) was never answered nor missed.
    `SELECT ${KEY[group]('coalesce(f.client_contact_id, s.contact_id)')} AS k, f.created_at AS opened_at, f.due_at,
            CASE WHEN f.status = 'done' THEN f.done_at END AS answered_at
       FROM follow_ups f
       JOIN submissions s ON s.org_id = f.org_id AND s.id = f.submission_id
      WHERE f.org_id = $1 AND f.kind = 'client_feedback' AND f.status <> 'cancelled'
        AND f.created_at >= $2 AND f.created_at < $3`,
    args,
  );
  const nudges = await q.query<{ k: string; submission_id: string; sent_at: Date }>(
    `SELECT ${KEY[group]('l.contact_id')} AS k, l.submission_id, l.occurred_at AS sent_at
       FROM client_contact_logs l
       JOIN submissions s ON s.org_id = l.org_id AND s.id = l.submission_id
      WHERE l.org_id = $1 AND l.direction = 'outbound' AND l.occurred_at >= $2 AND l.occurred_at < $3`,
    args,
  );
  const answers = await q.query<{ submission_id: string; answered_at: Date }>(
    `SELECT s.id AS submission_id, t.occurred_at AS answered_at
       FROM touchpoints t
       JOIN submissions s ON s.org_id = t.org_id AND s.application_id = t.application_id
      WHERE t.org_id = $1 AND t.kind = 'client_feedback' AND t.from_party = 'client' AND t.occurred_at >= $2`,
    [orgId, period.from],
  );
  const submissions = await q.query<{ k: string; interviewed: boolean; offered: boolean; placed: boolean }>(
    `SELECT ${KEY[group]('s.contact_id')} AS k,
            (s.stage IN ('interviewing', 'offered', 'placed')
              OR EXISTS (SELECT 1 FROM interviews i WHERE i.org_id = s.org_id AND i.application_id = s.application_id))
              AS interviewed,
            s.stage IN ('offered', 'placed') AS offered,
            s.stage = 'placed' AS placed
       FROM submissions s
      WHERE s.org_id = $1 AND s.submitted_at >= $2 AND s.submitted_at < $3`,
    args,
  );
  // Dates become instants at UTC midnight in SQL, so no driver reads them in its own zone.
  const placements = await q.query<{
    k: string;
    start_at: Date;
    guarantee_days: number;
    fell_through_at: Date | null;
  }>(
    `SELECT ${KEY[group]('s.contact_id')} AS k, p.start_date::timestamp AT TIME ZONE 'UTC' AS start_at,
            p.guarantee_days, p.fell_through_on::timestamp AT TIME ZONE 'UTC' AS fell_through_at
       FROM placements p
       JOIN submissions s ON s.org_id = p.org_id AND s.id = p.submission_id
      WHERE p.org_id = $1 AND p.created_at >= $2 AND p.created_at < $3`,
    args,
  );
  return {
    feedback: feedback.map((r) => ({
      groupKey: r.k,
      openedAt: r.opened_at,
      dueAt: r.due_at,
      answeredAt: r.answered_at,
    })),
    nudges: nudges.map((r) => ({ groupKey: r.k, submissionId: r.submission_id, sentAt: r.sent_at })),
    answers: answers.map((r) => ({ submissionId: r.submission_id, answeredAt: r.answered_at })),
    submissions: submissions.map((r) => ({
      groupKey: r.k,
      interviewed: r.interviewed,
      offered: r.offered,
      placed: r.placed,
    })),
    placements: placements.map((r) => ({
      groupKey: r.k,
      startAt: r.start_at,
      guaranteeDays: Number(r.guarantee_days),
      fellThroughAt: r.fell_through_at,
    })),
  };
}

/** The groups' names, in the order the report lists them: clients by name, contacts by client then name. */
export async function agencyReportLabels(
  q: Queryable,
  orgId: string,
  group: AgencyReportGroup,
): Promise<AgencyReportGroupLabel[]> {
  if (group === 'none') return [{ key: '', label: 'All clients' }];
  if (group === 'client') {
    return q.query<AgencyReportGroupLabel>(
      `SELECT id::text AS key, name AS label FROM clients WHERE org_id = $1 ORDER BY name, id`,
      [orgId],
    );
  }
  return q.query<AgencyReportGroupLabel>(
    `SELECT cc.id::text AS key, cc.name || ' (' || c.name || ')' AS label
       FROM client_contacts cc JOIN clients c ON c.org_id = cc.org_id AND c.id = cc.client_id
      WHERE cc.org_id = $1 ORDER BY c.name, cc.name, cc.id`,
    [orgId],
  );
}
