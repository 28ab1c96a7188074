/**
 * A follow-up as people see it: the record with what is derived from it (overdue, kept, where it
 * stands, the ladder's next step) and the members it names. A lower module: the follow-up and
 * snooze services answer with this view without calling each other.
 */
import type { Queryable } from '../db/db.ts';
import { endOfLocalDay, localDateOf } from '../domain/business-time.ts';
import { dueWords } from '../domain/due-words.ts';
import { nextLadderAction, type NextAction } from '../domain/follow-up-ladder.ts';
import { followUpState, isKept, isOverdue, type FollowUpState } from '../domain/follow-up.ts';
import type { Member } from '../domain/model.ts';
import { nextStepOf, type NextStep } from '../domain/next-step.ts';
import { DEFAULT_POLICY, effectivePolicy, type Policy } from '../domain/policy.ts';
import { errors } from '../errors.ts';
import { findFollowUp, type FollowUpWithContext } from '../repositories/follow-up.repository.ts';
import { listMembersByIdsOrActiveRole } from '../repositories/member.repository.ts';
import { findOrganization } from '../repositories/organization.repository.ts';

/**
 * A follow-up as shown to people: its record plus derived overdue/kept, where it stands, and
 * what Hearback will do next on its own (and why).
 */
export interface FollowUpView extends FollowUpWithContext {
  overdue: boolean;
  kept: boolean;
  state: FollowUpState;
  nextAction: NextAction | null;
  /** Who owns it, by name. */
  owner: { id: string; name: string } | null;
  /** The zone the candidate's times are shown in: theirs if known, else the organization's. */
  candidateTimeZone: string;
  /** How far the due time is, in words, by the server's clock ("due in 2 hours"); null unless open. */
  dueWords: string | null;
  /** The next automatic step, to whom by name, and when; null when nothing more is automatic. */
  nextStep: NextStep | null;
}

/** The members a page of follow-ups mentions (owners, hiring managers, recruiters) and the active admins. */
export interface FollowUpPeople {
  members: Map<string, Member>;
  admins: Member[];
}

/** Load the people {@link viewFollowUp} names, in one statement for a whole page. */
export async function loadFollowUpPeople(
  q: Queryable,
  orgId: string,
  followUps: FollowUpWithContext[],
): Promise<FollowUpPeople> {
  const ids = new Set<string>();
  for (const f of followUps) {
    for (const id of [f.ownerId, f.job.hiringManagerId, f.job.recruiterId]) if (id) ids.add(id);
  }
  if (followUps.length === 0) return { members: new Map(), admins: [] };
  const found = await listMembersByIdsOrActiveRole(q, orgId, [...ids], 'admin');
  return {
    members: new Map(found.filter((m) => ids.has(m.id)).map((m) => [m.id, m])),
    admins: found.filter((m) => m.role === 'admin' && m.active),
  };
}

/** Add the derived fields; `orgPolicy` with the job's overrides is the policy the ladder follows. */
export function viewFollowUp(
  fu: FollowUpWithContext,
  now: Date,
  orgPolicy: Policy,
  people: FollowUpPeople,
): FollowUpView {
  const zone = orgPolicy.timeZone;
  const todayEnd = endOfLocalDay(localDateOf(now, zone), zone);
  const onLadder = fu.status === 'open' && fu.kind === 'outcome' && fu.owedTo === 'candidate';
  const ladderPolicy = effectivePolicy(orgPolicy, fu.job.policyOverrides);
  const person = (id: string | null) => {
    const m = id ? people.members.get(id) : undefined;
    return m ? { id: m.id, name: m.name, active: m.active } : null;
  };
  const owner = person(fu.ownerId);
  return {
    ...fu,
    overdue: isOverdue(fu, now),
    kept: isKept(fu),
    state: followUpState(fu, now, todayEnd),
    nextAction: onLadder ? nextLadderAction(fu, ladderPolicy, now) : null,
    owner: owner && { id: owner.id, name: owner.name },
    candidateTimeZone: fu.candidate.timeZone ?? zone,
    dueWords: fu.status === 'open' ? dueWords(fu.dueAt, now) : null,
    // Outcomes follow the job's ladder; the owned ladders the organization's calendar, as their sweeps do.
    nextStep: nextStepOf(
      fu,
      onLadder ? ladderPolicy : orgPolicy,
      {
        owner,
        hiringManager: person(fu.job.hiringManagerId),
        recruiter: person(fu.job.recruiterId),
        admins: people.admins.map((a) => ({ id: a.id, name: a.name, active: a.active })),
        candidateName: fu.candidate.name,
      },
      now,
      fu.candidate.timeZone,
    ),
  };
}

/** The organization's policy ("due today" means its today; the ladder follows it). */
export async function policyOf(q: Queryable, orgId: string): Promise<Policy> {
  return (await findOrganization(q, orgId))?.policy ?? DEFAULT_POLICY;
}

/** One follow-up as people see it, read in the caller's transaction; 404 when there is none. */
export async function readFollowUpView(
  q: Queryable,
  orgId: string,
  id: string,
  now: Date,
): Promise<FollowUpView> {
  const fu = await findFollowUp(q, orgId, id);
  if (!fu) throw errors.notFound('Follow-up', id);
  return viewFollowUp(fu, now, await policyOf(q, orgId), await loadFollowUpPeople(q, orgId, [fu]));
}
