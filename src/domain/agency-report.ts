/**
 * The agency report's arithmetic (pure): how responsive each client is (median time to feedback,
 * share answered within the agreed deadline), whether nudges got answers, how submissions turn
 * into interviews and placements, and whether placements held through their guarantee. The
 * repository supplies plain facts; every count, median and share is worked out here, so it is
 * tested without a database.
 */

const HOUR = 3_600_000;
const DAY = 86_400_000;

/** One piece of feedback a client owed: opened at `openedAt`, due at `dueAt`, answered at `answeredAt` (null: not yet). */
export interface FeedbackFact {
  groupKey: string;
  openedAt: Date;
  dueAt: Date;
  answeredAt: Date | null;
}

/** A nudge sent about a submission. */
export interface NudgeFact {
  groupKey: string;
  submissionId: string;
  sentAt: Date;
}

/** A client's answer about a submission (any answer: interview, decline, more time). */
export interface AnswerFact {
  submissionId: string;
  answeredAt: Date;
}

/** How far a submission went. */
export interface SubmissionFact {
  groupKey: string;
  /** The client interviewed the candidate (an interview recorded, or a stage at or past interviewing). */
  interviewed: boolean;
  offered: boolean;
  placed: boolean;
}

/** A placement and its guarantee. */
export interface PlacementFact {
  groupKey: string;
  /** When the guarantee started (the start date, or when the placement was recorded). */
  startAt: Date;
  guaranteeDays: number;
  /** When it fell through (the person left or was let go), null while it holds. */
  fellThroughAt: Date | null;
}

/** All the facts of one report period, each carrying the group it counts in. */
export interface AgencyReportFacts {
  feedback: FeedbackFact[];
  nudges: NudgeFact[];
  answers: AnswerFact[];
  submissions: SubmissionFact[];
  placements: PlacementFact[];
}

/** One line of the agency report: a client, a contact, or the whole agency. */
export interface AgencyReportFigures {
  submissions: number;
  interviewed: number;
  offered: number;
  placed: number;
  /** Interviewed of submitted, 0–1; null with no submissions. */
  interviewRate: number | null;
  /** Placed of interviewed, 0–1; null with nobody interviewed. */
  placementRate: number | null;
  /** Feedback the client owed in the period. */
  feedbackOwed: number;
  feedbackAnswered: number;
  /** Median hours from owing feedback to answering it (answered ones only). */
  medianHoursToFeedback: number | null;
  /** Answered by the agreed deadline. */
  answeredWithinDeadline: number;
  /** Answered within the deadline, of those answered or already past their deadline; null when none is. */
  withinDeadlineRate: number | null;
  /** Still unanswered and past the agreed deadline now. */
  waitingPastDeadline: number;
  nudges: number;
  /** Nudges followed by a client answer before the next nudge on the same submission. */
  nudgesAnswered: number;
  nudgesAnsweredRate: number | null;
  /** Placements whose guarantee ended with the person still there. */
  placementsKept: number;
  /** Placements still inside their guarantee. */
  placementsInGuarantee: number;
  /** Placements that fell through inside their guarantee. */
  placementsFellThrough: number;
}

/** The median of `values` (the mean of the middle two for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** `part` of `whole` as a share 0–1, to three decimals; null when `whole` is 0. */
export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 1000;
}

/**
 * Which nudges were answered: a nudge counts when the client answered the same submission after
 * it and before the next nudge on that submission (the answer belongs to the last nudge before it).
 * Returns the answered nudges.
 */
export function answeredNudges(nudges: readonly NudgeFact[], answers: readonly AnswerFact[]): NudgeFact[] {
  const bySubmission = new Map<string, NudgeFact[]>();
  for (const n of nudges) {
    const list = bySubmission.get(n.submissionId) ?? [];
    list.push(n);
    bySubmission.set(n.submissionId, list);
  }
  const answerTimes = new Map<string, number[]>();
  for (const a of answers) {
    const list = answerTimes.get(a.submissionId) ?? [];
    list.push(a.answeredAt.getTime());
    answerTimes.set(a.submissionId, list);
  }
  const answered: NudgeFact[] = [];
  for (const [submissionId, list] of bySubmission) {
    const sorted = [...list].sort((a, b) => a.sentAt.getTime() - b.sentAt.getTime());
    const times = answerTimes.get(submissionId) ?? [];
    sorted.forEach((nudge, i) => {
      const from = nudge.sentAt.getTime();
      const until = i + 1 < sorted.length ? sorted[i + 1]!.sentAt.getTime() : Infinity;
      if (times.some((t) => t > from && t <= until)) answered.push(nudge);
    });
  }
  return answered;
}

/** Where a placement stands at `now`: kept (guarantee over), in guarantee, or fell through inside it. */
export function placementStanding(p: PlacementFact, now: Date): 'kept' | 'in_guarantee' | 'fell_through' {
  const guaranteeEnds = p.startAt.getTime() + p.guaranteeDays * DAY;
  if (p.fellThroughAt && p.fellThroughAt.getTime() < guaranteeEnds) return 'fell_through';
  return now.getTime() >= guaranteeEnds ? 'kept' : 'in_guarantee';
}

/** The figures of one set of facts at `now`. */
export function agencyFigures(facts: AgencyReportFacts, now: Date): AgencyReportFigures {
  const t = now.getTime();
  const answered = facts.feedback.filter((f) => f.answeredAt !== null);
  const within = answered.filter((f) => f.answeredAt!.getTime() <= f.dueAt.getTime());
  const waitingPast = facts.feedback.filter((f) => f.answeredAt === null && f.dueAt.getTime() < t);
  const nudgesAnswered = answeredNudges(facts.nudges, facts.answers).length;
  const standings = facts.placements.map((p) => placementStanding(p, now));
  const count = <T>(xs: readonly T[], pred: (x: T) => boolean) => xs.filter(pred).length;
  const submissions = facts.submissions.length;
  const interviewed = count(facts.submissions, (s) => s.interviewed);
  const hours = median(answered.map((f) => (f.answeredAt!.getTime() - f.openedAt.getTime()) / HOUR));
  return {
    submissions,
    interviewed,
    offered: count(facts.submissions, (s) => s.offered),
    placed: count(facts.submissions, (s) => s.placed),
    interviewRate: share(interviewed, submissions),
    placementRate: share(
      count(facts.submissions, (s) => s.placed),
      interviewed,
    ),
    feedbackOwed: facts.feedback.length,
    feedbackAnswered: answered.length,
    medianHoursToFeedback: hours === null ? null : Math.round(hours * 10) / 10,
    answeredWithinDeadline: within.length,
    // Unanswered feedback past its deadline has already missed it; feedback not yet due has not.
    withinDeadlineRate: share(within.length, answered.length + waitingPast.length),
    waitingPastDeadline: waitingPast.length,
    nudges: facts.nudges.length,
    nudgesAnswered,
    nudgesAnsweredRate: share(nudgesAnswered, facts.nudges.length),
    placementsKept: count(standings, (s) => s === 'kept'),
    placementsInGuarantee: count(standings, (s) => s === 'in_guarantee'),
    placementsFellThrough: count(standings, (s) => s === 'fell_through'),
  };
}

/**
 * The facts split by their group key, in first-seen order of `order` (keys with no facts at all are
 * left out). Answers carry no group: they follow their submission's nudges into every group.
 */
export function groupFacts(
  facts: AgencyReportFacts,
  order: readonly string[],
): Map<string, AgencyReportFacts> {
  const groups = new Map<string, AgencyReportFacts>();
  const get = (key: string) => {
    let g = groups.get(key);
    if (!g) {
      g = { feedback: [], nudges: [], answers: facts.answers, submissions: [], placements: [] };
      groups.set(key, g);
    }
    return g;
  };
  for (const f of facts.feedback) get(f.groupKey).feedback.push(f);
  for (const n of facts.nudges) get(n.groupKey).nudges.push(n);
  for (const s of facts.submissions) get(s.groupKey).submissions.push(s);
  for (const p of facts.placements) get(p.groupKey).placements.push(p);
  const ordered = new Map<string, AgencyReportFacts>();
  for (const key of order) {
    const g = groups.get(key);
    if (g) ordered.set(key, g);
  }
  for (const [key, g] of groups) if (!ordered.has(key)) ordered.set(key, g);
  return ordered;
}
