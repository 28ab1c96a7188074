/**
 * The ladder that keeps a promise from breaking silently (principle 2), as a pure plan: given an
 * open outcome follow-up, the policy and the time, what must happen now and when to look again.
 * Before the due time the owner is reminded; when it passes, the candidate gets an honest update
 * with a new date (at most N times) and the escalation ladder starts — measured from the first
 * breach, so renewing the promise to the candidate does not reset the team's clock. When the
 * renewed promise breaks too, that is a second broken promise to the candidate: it is a breach of
 * its own, and the escalation ladder runs again from it (nothing passes silently).
 */
import {
  endOfBusinessDay,
  endOfBusinessDaysAfter,
  localDateOf,
  nextBusinessSlot,
  type BusinessCalendar,
  startOfBusinessDay,
  subtractBusinessDays,
} from './business-time.ts';
import { calendarOf, type Policy } from './policy.ts';

/** Where an open outcome follow-up stands on its ladder. */
export interface LadderState {
  /** The team's due time: reminders go by it. */
  dueAt: Date;
  /**
   * What the candidate was promised, when a decision pulled `dueAt` forward: the promise breaks,
   * and the candidate hears an update, only when this passes (they were told nothing earlier).
   */
  promisedDueAt?: Date | null | undefined;
  createdAt: Date;
  remindedAt: Date | null;
  /** When the first promise on this application broke (carried across automatic updates). */
  breachedAt: Date | null;
  /** How many escalation steps have been taken. */
  escalationLevel: number;
  /** How many automatic updates the candidate has had on this application. */
  updatesSent: number;
}

/** Something the sweep must do now. */
export type LadderAction =
  | { type: 'remind_owner' }
  | { type: 'send_update'; newDueAt: Date }
  | { type: 'escalate'; level: number; to: Policy['escalation'][number]['to'] };

/** The plan for one follow-up at one instant. */
export interface LadderPlan {
  actions: LadderAction[];
  /** The breach time to record (null while the promise holds). */
  breachedAt: Date | null;
  /** The escalation steps taken once these actions are done (back to the new ones after a second breach). */
  escalationLevel: number;
  /** When the sweep should look at this follow-up again; null when nothing more is automatic. */
  nextActionAt: Date | null;
}

const HOUR = 3_600_000;

/** When to remind the owner: the opening of the business day `lead` business days before the due date. */
export function reminderTime(state: Pick<LadderState, 'dueAt' | 'createdAt'>, policy: Policy): Date | null {
  const lead = policy.reminderLeadBusinessDays;
  if (lead === 0) return null;
  const cal = calendarOf(policy);
  const at = startOfBusinessDay(subtractBusinessDays(localDateOf(state.dueAt, cal.timeZone), lead, cal), cal);
  // A promise shorter than the lead still gets a reminder, an hour after it was made, if that is
  // before the due time; reminding at the very moment of the promise would be noise.
  const earliest = state.createdAt.getTime() + HOUR;
  const when = Math.max(at.getTime(), earliest);
  return when < state.dueAt.getTime() ? new Date(when) : null;
}

/** When escalation step `afterBusinessDays` is due, counted from the breach. */
export function escalationTime(breachedAt: Date, afterBusinessDays: number, policy: Policy): Date {
  if (afterBusinessDays === 0) return breachedAt;
  const cal = calendarOf(policy);
  return endOfBusinessDaysAfter(breachedAt, afterBusinessDays, cal);
}

/**
 * When an outcome is owed once it is decided (issue 13, "a decision pulls the promise forward"):
 * as soon as possible — by the close of the candidate's business day in which their next business
 * slot falls (`candidateCalendar`: the policy's calendar in the candidate's zone). Null when the
 * current due time already comes no later: a decision never pushes a promise back. The close of
 * that day rather than the slot itself, because a due time at the very moment of deciding would be
 * overdue before the undo window let any message go, and no reminder could come before it.
 */
export function decidedDueTime(dueAt: Date, now: Date, candidateCalendar: BusinessCalendar): Date | null {
  const slot = nextBusinessSlot(now, candidateCalendar);
  const due = endOfBusinessDay(localDateOf(slot, candidateCalendar.timeZone), candidateCalendar);
  return due.getTime() < dueAt.getTime() ? due : null;
}

/** The new due time an automatic update promises: `extendBusinessDays` business days from now, end of day. */
export function extendedDueTime(now: Date, policy: Policy): Date {
  const cal = calendarOf(policy);
  return endOfBusinessDaysAfter(now, policy.automaticUpdates.extendBusinessDays, cal);
}

/** Plan the ladder for an open outcome follow-up at `now`. */
export function planLadder(state: LadderState, policy: Policy, now: Date): LadderPlan {
  const actions: LadderAction[] = [];
  const future: number[] = [];
  const t = now.getTime();
  const due = state.dueAt.getTime();
  const promised = (state.promisedDueAt ?? state.dueAt).getTime();

  const remindAt = reminderTime(state, policy);
  if (remindAt && !state.remindedAt) {
    if (t >= remindAt.getTime() && t < due) actions.push({ type: 'remind_owner' });
    else if (t < remindAt.getTime()) future.push(remindAt.getTime());
  }

  let breachedAt = state.breachedAt;
  let escalationLevel = state.escalationLevel;
  if (t < promised) {
    future.push(promised);
  } else {
    if (isRenewedPromise(state, promised)) {
      // The date the candidate was given in an update has passed too: a breach of its own.
      breachedAt = new Date(promised);
      escalationLevel = 0;
    }
    breachedAt ??= state.promisedDueAt ?? state.dueAt;
    if (state.updatesSent < policy.automaticUpdates.max) {
      actions.push({ type: 'send_update', newDueAt: extendedDueTime(now, policy) });
    }
  }

  if (breachedAt) {
    const from = breachedAt;
    policy.escalation.forEach((step, i) => {
      if (i < escalationLevel) return;
      const at = escalationTime(from, step.afterBusinessDays, policy).getTime();
      if (t >= at) actions.push({ type: 'escalate', level: i + 1, to: step.to });
      else future.push(at);
    });
  }
  for (const action of actions) if (action.type === 'escalate') escalationLevel = action.level;

  return {
    actions,
    breachedAt,
    escalationLevel,
    nextActionAt: future.length > 0 ? new Date(Math.min(...future)) : null,
  };
}

/**
 * Whether this follow-up's promise is a renewed one: an automatic update carried an earlier
 * breach, older than the promise itself. Once its time passes, it has broken in turn.
 */
function isRenewedPromise(state: LadderState, promised: number): boolean {
  return state.breachedAt !== null && state.breachedAt.getTime() < promised;
}

/** What the ladder does on its own. */
export const NEXT_ACTION_KINDS = ['reminder', 'update', 'escalation'] as const;
export type NextActionKind = (typeof NEXT_ACTION_KINDS)[number];

/** Why it happens then. */
export const NEXT_ACTION_REASONS = [
  /** The owner is reminded `reminderLeadBusinessDays` business days before the due time. */
  'reminder_lead',
  /** The due time passes without an outcome: the candidate gets an honest update with a new date. */
  'promise_due',
  /** An escalation step: `afterBusinessDays` after the promise broke. */
  'escalation_step',
] as const;
export type NextActionReason = (typeof NEXT_ACTION_REASONS)[number];

/** The next thing the ladder will do for an open outcome follow-up, when, why, and who hears. */
export interface NextAction {
  kind: NextActionKind;
  /** When; in the past when it is due and waits for the next sweep. */
  at: Date;
  because: NextActionReason;
  /** The reason in words. */
  detail: string;
  to: 'owner' | 'candidate' | Policy['escalation'][number]['to'];
}

const days = (n: number) => `${n} business day${n === 1 ? '' : 's'}`;

/**
 * What the ladder ({@link planLadder}) will do next on its own for an open outcome follow-up, or
 * null when nothing more is automatic: the earliest step not yet taken (a step already due comes
 * first; on a tie, a reminder before an update before an escalation).
 */
export function nextLadderAction(state: LadderState, policy: Policy, now: Date): NextAction | null {
  const steps: NextAction[] = [];
  const due = state.dueAt.getTime();
  const remindAt = reminderTime(state, policy);
  if (remindAt && !state.remindedAt && now.getTime() < due) {
    steps.push({
      kind: 'reminder',
      at: remindAt,
      because: 'reminder_lead',
      detail: `${days(policy.reminderLeadBusinessDays)} before the due time`,
      to: 'owner',
    });
  }
  if (state.updatesSent < policy.automaticUpdates.max) {
    steps.push({
      kind: 'update',
      at: state.promisedDueAt ?? state.dueAt,
      because: 'promise_due',
      detail: `the due time passes without an outcome: the candidate hears honestly, with a new date ${days(policy.automaticUpdates.extendBusinessDays)} later`,
      to: 'candidate',
    });
  }
  const promised = state.promisedDueAt ?? state.dueAt;
  const escalations = (from: Date, level: number, what: string) =>
    policy.escalation.forEach((step, i) => {
      if (i < level) return;
      steps.push({
        kind: 'escalation',
        at: escalationTime(from, step.afterBusinessDays, policy),
        because: 'escalation_step',
        detail:
          step.afterBusinessDays === 0
            ? `${what} is broken`
            : `${days(step.afterBusinessDays)} after ${what} broke`,
        to: step.to,
      });
    });
  escalations(state.breachedAt ?? promised, state.escalationLevel, 'the promise');
  // A renewed promise that breaks in turn starts the team's ladder again from its own breach.
  if (isRenewedPromise(state, promised.getTime())) escalations(promised, 0, 'the renewed promise');
  let next: NextAction | null = null;
  for (const step of steps) if (!next || step.at.getTime() < next.at.getTime()) next = step;
  return next;
}
