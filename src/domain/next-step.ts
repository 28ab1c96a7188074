/**
 * Every screen states its truth (issue 13): for one follow-up, what happens next on its own, when,
 * and to whom by name — "reminder to Dana tomorrow 09:00", "escalates to Lee on Friday" — and how
 * far the due time is, in words. Pure: the caller gives the time, the policy and the people.
 */
import { OWNED_LADDERS, ownedStepTime } from './agency.ts';
import { nextBusinessSlot, type BusinessCalendar } from './business-time.ts';
import { nextLadderAction, type LadderState } from './follow-up-ladder.ts';
import type { FollowUpKind, FollowUpStatus, Party } from './follow-up.ts';
import { calendarOf, type Policy } from './policy.ts';

/** What the next automatic step does. */
export const NEXT_STEP_ACTIONS = ['reminder', 'update', 'escalation'] as const;
export type NextStepAction = (typeof NEXT_STEP_ACTIONS)[number];

/** Who hears it, by role. */
export const NEXT_STEP_ROLES = ['owner', 'candidate', 'hiring_manager', 'recruiter', 'admins'] as const;
export type NextStepRole = (typeof NEXT_STEP_ROLES)[number];

/** A person the step may reach. */
export interface StepPerson {
  id: string;
  name: string;
  active: boolean;
}

/** The people around a follow-up. */
export interface StepPeople {
  owner: StepPerson | null;
  hiringManager: StepPerson | null;
  recruiter: StepPerson | null;
  /** The organization's active admins: who hears an escalation when the named role is unfilled or gone. */
  admins: StepPerson[];
  candidateName: string;
}

/** The facts about a follow-up the next step depends on. */
export interface StepFollowUp extends LadderState {
  kind: FollowUpKind;
  owedTo: Party;
  status: FollowUpStatus;
  /** Steps an owned ladder (agency kinds, updates, debriefs) has taken. */
  ladderSteps: number;
}

/** The next thing Hearback does on its own for a follow-up. */
export interface NextStep {
  action: NextStepAction;
  /** When the mail goes: the step's time moved into the recipient's business hours. */
  at: Date;
  /** Who hears it, by role. */
  toRole: NextStepRole;
  /** Who hears it, by name ("Dana Reyes"; several admins joined with commas); empty when nobody can. */
  to: string;
}

const names = (people: StepPerson[]) =>
  people
    .filter((p) => p.active)
    .map((p) => p.name)
    .join(', ');

/**
 * The next automatic step for `fu` at `now`, or null when nothing more is automatic (a follow-up
 * that is done or cancelled, a ladder walked to its end). `policy` is the one its ladder follows
 * (the job's for an outcome, the organization's for an owned ladder); `candidateZone` places an
 * update in the candidate's business hours, as the sweep does. Recipients are resolved as the
 * sweep resolves them: an escalation to an unfilled or inactive role goes to the admins.
 */
export function nextStepOf(
  fu: StepFollowUp,
  policy: Policy,
  people: StepPeople,
  now: Date,
  candidateZone: string | null = null,
): NextStep | null {
  if (fu.status !== 'open') return null;
  const cal = calendarOf(policy);
  const ownerName = people.owner?.active ? people.owner.name : '';
  const escalationTo = (role: 'hiring_manager' | 'recruiter' | 'admins'): Pick<NextStep, 'to' | 'toRole'> => {
    const named =
      role === 'hiring_manager' ? people.hiringManager : role === 'recruiter' ? people.recruiter : null;
    if (named?.active) return { toRole: role, to: named.name };
    return { toRole: 'admins', to: names(people.admins) };
  };
  // The team hears in its business hours; a step already due goes at the next sweep.
  const teamTime = (at: Date) => nextBusinessSlot(laterOf(at, now), cal);

  if (fu.kind === 'outcome' && fu.owedTo === 'candidate') {
    const step = nextLadderAction(fu, policy, now);
    if (!step) return null;
    switch (step.kind) {
      case 'reminder':
        return { action: 'reminder', at: teamTime(step.at), toRole: 'owner', to: ownerName };
      case 'update': {
        const candidateCal: BusinessCalendar = { ...cal, timeZone: candidateZone ?? cal.timeZone };
        return {
          action: 'update',
          at: nextBusinessSlot(laterOf(step.at, now), candidateCal),
          toRole: 'candidate',
          to: people.candidateName,
        };
      }
      case 'escalation':
        return {
          action: 'escalation',
          at: teamTime(step.at),
          ...escalationTo(step.to === 'owner' || step.to === 'candidate' ? 'admins' : step.to),
        };
    }
  }

  // Feedback owed to the candidate (their request) is answered by a contact, not walked by a ladder.
  const ladder = fu.kind === 'feedback_due' && fu.owedTo !== 'team' ? undefined : OWNED_LADDERS[fu.kind];
  const step = ladder?.[fu.ladderSteps];
  if (!step) return null;
  const at = teamTime(ownedStepTime(fu.dueAt, step.afterBusinessDays, cal));
  return step.action === 'remind'
    ? { action: 'reminder', at, toRole: 'owner', to: ownerName }
    : { action: 'escalation', at, ...escalationTo(step.to ?? 'admins') };
}

const laterOf = (a: Date, b: Date) => (a.getTime() >= b.getTime() ? a : b);
