/**
 * The talent-pool invitation as the candidate's status page shows it. A lower module: the
 * candidate page reads it without calling the talent-pool service, which sends and answers it.
 */
import type { Queryable } from '../db/db.ts';
import { findApplication } from '../repositories/application.repository.ts';
import type { CandidateAccess } from '../repositories/candidate-page.repository.ts';
import { findMembership, type PoolMembership } from '../repositories/pool.repository.ts';
import { applicationPolicy } from './stay-in-touch.ts';

/** The invitation a candidate sees on their page, if one is open or answered. */
export interface PoolInvitationView {
  status: PoolMembership['status'];
  offer: string;
  interests: string;
  consentUntil: Date | null;
  /** The durations the candidate can choose, in months; the first is the suggested one. */
  monthChoices: number[];
}

/** The candidate's invitation (for their status page), or null when there is none. */
export async function poolInvitationFor(
  q: Queryable,
  access: CandidateAccess,
): Promise<PoolInvitationView | null> {
  const application = await findApplication(q, access.orgId, access.applicationId);
  if (!application) return null;
  const m = await findMembership(q, access.orgId, application.candidateId);
  if (!m || m.status === 'removed' || m.status === 'expired') return null;
  const policy = await applicationPolicy(q, access.orgId, application);
  // While invited, `consentMonths` is the team's suggestion; once answered, the candidate's choice.
  const def = m.consentMonths ?? policy.talentPool.consentMonths;
  return {
    status: m.status,
    offer: m.offer,
    interests: m.interests,
    consentUntil: m.consentUntil,
    monthChoices: [...new Set([def, 6, 12, 24])].filter((n) => n >= 1 && n <= 36),
  };
}
