/**
 * The closure figures of one organization, queried from its tables after a run (bench/closure.ts):
 * promises (outcome follow-ups) against what reached the candidate (touchpoints the dispatcher
 * recorded for delivered emails, connected calls), the ladder's events, the team's own deadlines.
 * Nothing here reads the simulation's bookkeeping.
 */
import type { Db } from '../../src/db/db.ts';
import { nextBusinessSlot, type BusinessCalendar } from '../../src/domain/business-time.ts';
import { fmt, percentile, table } from './common.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A promise broken silently, with what is needed to trace it. */
export interface SilentBreak {
  followUpId: string;
  applicationId: string;
  promisedAt: Date;
  /** The latest time the candidate could have heard: their next business slot after the promise, plus two worker steps. */
  graceUntil: Date;
  status: string;
  cancelReason: string | null;
  /** The first outcome or update that reached them after the promise was made, if any. */
  firstWordAt: Date | null;
}

/** Everything bench/closure.ts prints. */
export interface ClosureFigures {
  interviews: number;
  interviewed: number;
  withdrawn: number;
  /** Interviewed, not withdrawn, and an outcome reached them after their last interview. */
  closed: number;
  stayed: number;
  promises: {
    /** Outcome follow-ups whose promised time passed during the run (and not ended before it by a withdrawal or a new promise). */
    due: number;
    kept: number;
    /** Passed without the outcome, but an honest update (or the outcome) reached the candidate at the first business moment after. */
    toldHonestly: number;
    brokenSilently: number;
    silent: SilentBreak[];
    /** Ended before their time: withdrawn, superseded by a later interview's promise. */
    endedBefore: number;
    /** Still ahead at the end of the run (or passed so late that the candidate's next business opening came after it). */
    ahead: number;
  };
  /** Per closed interview with a delivered outcome: interview → outcome, and the promised span, in days. */
  toOutcomeDays: number[];
  promisedDays: number[];
  /** Delivered − promised, in hours (negative: early). */
  lateHours: number[];
  /** Interviews (not withdrawn) whose outcome had not reached the candidate by the end. */
  noOutcome: number;
  updates: { automatic: number; byMembers: number };
  ladder: Record<string, { reminders: number; escalations: number }>;
  scorecards: { total: number; onTime: number; late: number; missing: number };
  decideBy: { total: number; onTime: number; late: number; open: number; cancelled: number };
  decisions: number;
  feedbackRequests: { total: number; answered: number; onTime: number };
  calls: { connected: number; notConnected: number };
  messagesSent: Record<string, number>;
  /** Outcome drafts the checks blocked, sent with a member's override. */
  checkOverrides: number;
  smtpReceived: number;
}

/** Query the figures of `orgId` at the end of a run. */
export async function closureFigures(
  db: Db,
  orgId: string,
  run: { end: Date; stepMs: number; calendar: BusinessCalendar; smtpReceived: number },
): Promise<ClosureFigures> {
  const q = async <T extends object>(sql: string, params: unknown[] = []) =>
    db.query<T>(sql, [orgId, ...params]);

  const apps = await q<{ id: string; status: string; time_zone: string | null }>(
    `SELECT a.id, a.status, c.time_zone FROM applications a
       JOIN candidates c ON c.org_id = a.org_id AND c.id = a.candidate_id WHERE a.org_id = $1`,
  );
  const zoneOf = new Map(apps.map((a) => [a.id, a.time_zone]));
  const statusOf = new Map(apps.map((a) => [a.id, a.status]));
  const interviews = await q<{ id: string; application_id: string; closed_at: Date; promise_due_at: Date }>(
    `SELECT id, application_id, closed_at, promise_due_at FROM interviews
      WHERE org_id = $1 AND closed_at IS NOT NULL ORDER BY application_id, closed_at`,
  );
  // What reached the candidate: delivered emails (recorded by the dispatcher) and connected calls, not undone.
  const words = await q<{ application_id: string; kind: string; channel: string; occurred_at: Date }>(
    `SELECT application_id, kind, channel, occurred_at FROM touchpoints
      WHERE org_id = $1 AND to_party = 'candidate' AND connected AND undone_at IS NULL
        AND kind IN ('outcome', 'update') ORDER BY occurred_at`,
  );
  const wordsOf = new Map<string, typeof words>();
  for (const w of words) wordsOf.set(w.application_id, [...(wordsOf.get(w.application_id) ?? []), w]);
  const outcomesOf = (id: string) => (wordsOf.get(id) ?? []).filter((w) => w.kind === 'outcome');

  // Interview → outcome, against the promise made at its close.
  const interviewsOf = new Map<string, typeof interviews>();
  for (const i of interviews)
    interviewsOf.set(i.application_id, [...(interviewsOf.get(i.application_id) ?? []), i]);
  const toOutcomeDays: number[] = [];
  const promisedDays: number[] = [];
  const lateHours: number[] = [];
  let noOutcome = 0;
  let closed = 0;
  let stayed = 0;
  for (const [appId, list] of interviewsOf) {
    const withdrawn = statusOf.get(appId) === 'withdrawn';
    list.forEach((iv, k) => {
      const until = list[k + 1]?.closed_at.getTime() ?? Infinity;
      const told = outcomesOf(appId).find(
        (w) => w.occurred_at.getTime() >= iv.closed_at.getTime() && w.occurred_at.getTime() < until,
      );
      if (told) {
        toOutcomeDays.push((told.occurred_at.getTime() - iv.closed_at.getTime()) / DAY);
        promisedDays.push((iv.promise_due_at.getTime() - iv.closed_at.getTime()) / DAY);
        lateHours.push((told.occurred_at.getTime() - iv.promise_due_at.getTime()) / HOUR);
      } else if (!withdrawn) noOutcome += 1;
    });
    if (!withdrawn) {
      stayed += 1;
      const last = list.at(-1)!;
      if (outcomesOf(appId).some((w) => w.occurred_at.getTime() >= last.closed_at.getTime())) closed += 1;
    }
  }

  // The promises: every outcome follow-up owed to a candidate, by the time they were promised.
  const promises = await q<{
    id: string;
    application_id: string;
    created_at: Date;
    promised: Date;
    status: string;
    cancel_reason: string | null;
    updated_at: Date;
  }>(
    `SELECT id, application_id, created_at, COALESCE(promised_due_at, due_at) AS promised, status,
            cancel_reason, updated_at
       FROM follow_ups WHERE org_id = $1 AND kind = 'outcome' AND owed_to = 'candidate'`,
  );
  const ledger = { due: 0, kept: 0, toldHonestly: 0, brokenSilently: 0, endedBefore: 0, ahead: 0 };
  const silent: SilentBreak[] = [];
  for (const p of promises) {
    const promisedAt = p.promised.getTime();
    // Ended before its time by something other than an honest update (which keeps it on the ledger).
    if (p.status === 'cancelled' && p.cancel_reason !== 'extended' && p.updated_at.getTime() <= promisedAt) {
      ledger.endedBefore += 1;
      continue;
    }
    if (promisedAt > run.end.getTime()) {
      ledger.ahead += 1;
      continue;
    }
    ledger.due += 1;
    const after = (wordsOf.get(p.application_id) ?? []).filter(
      (w) => w.occurred_at.getTime() >= p.created_at.getTime(),
    );
    if (after.some((w) => w.kind === 'outcome' && w.occurred_at.getTime() <= promisedAt)) {
      ledger.kept += 1;
      continue;
    }
    const zone = zoneOf.get(p.application_id) ?? run.calendar.timeZone;
    const slot = nextBusinessSlot(new Date(promisedAt + 1), { ...run.calendar, timeZone: zone });
    const graceUntil = new Date(slot.getTime() + 2 * run.stepMs);
    const first = after[0] ?? null;
    if (first && first.occurred_at.getTime() <= graceUntil.getTime()) {
      ledger.toldHonestly += 1;
    } else if (graceUntil.getTime() > run.end.getTime()) {
      // Passed just before the end, with the candidate's next business opening after it: undecided.
      ledger.due -= 1;
      ledger.ahead += 1;
    } else {
      ledger.brokenSilently += 1;
      silent.push({
        followUpId: p.id,
        applicationId: p.application_id,
        promisedAt: p.promised,
        graceUntil,
        status: p.status,
        cancelReason: p.cancel_reason,
        firstWordAt: first?.occurred_at ?? null,
      });
    }
  }

  const updates = await q<{ automatic: boolean; n: number }>(
    `SELECT automatic, count(*)::int AS n FROM messages
      WHERE org_id = $1 AND kind = 'update' AND audience = 'candidate' AND status = 'sent' GROUP BY automatic`,
  );
  const ladderRows = await q<{ type: string; kind: string; owed_to: string; n: number }>(
    `SELECT e.type, f.kind, f.owed_to, count(*)::int AS n
       FROM events e JOIN follow_ups f ON f.org_id = e.org_id AND f.id = e.follow_up_id
      WHERE e.org_id = $1 AND e.type IN ('reminder_sent', 'escalated') GROUP BY 1, 2, 3`,
  );
  const ladder: ClosureFigures['ladder'] = {};
  for (const r of ladderRows) {
    const name =
      r.kind === 'feedback_due' ? (r.owed_to === 'team' ? 'scorecard' : 'feedback request') : r.kind;
    ladder[name] ??= { reminders: 0, escalations: 0 };
    ladder[name][r.type === 'escalated' ? 'escalations' : 'reminders'] += r.n;
  }
  const internal = await q<{
    kind: string;
    owed_to: string;
    status: string;
    on_time: boolean | null;
    n: number;
  }>(
    `SELECT kind, owed_to, status, done_at <= due_at AS on_time, count(*)::int AS n FROM follow_ups
      WHERE org_id = $1 AND kind IN ('feedback_due', 'decision_due') GROUP BY 1, 2, 3, 4`,
  );
  const sum = (kind: string, owedTo: string, f: (r: (typeof internal)[number]) => boolean) =>
    internal.filter((r) => r.kind === kind && r.owed_to === owedTo && f(r)).reduce((n, r) => n + r.n, 0);
  const decisions = (await q<{ n: number }>(`SELECT count(*)::int AS n FROM decisions WHERE org_id = $1`))[0]!
    .n;
  const calls = await q<{ connected: boolean; n: number }>(
    `SELECT connected, count(*)::int AS n FROM touchpoints
      WHERE org_id = $1 AND channel = 'phone' AND kind = 'outcome' AND undone_at IS NULL GROUP BY connected`,
  );
  const sent = await q<{ kind: string; n: number }>(
    `SELECT kind, count(*)::int AS n FROM messages WHERE org_id = $1 AND status = 'sent' GROUP BY kind ORDER BY kind`,
  );

  const overrides = await q<{ n: number }>(
    `SELECT count(*)::int AS n FROM events WHERE org_id = $1 AND type = 'message_check_overridden'`,
  );

  return {
    interviews: interviews.length,
    interviewed: interviewsOf.size,
    withdrawn: [...interviewsOf.keys()].filter((id) => statusOf.get(id) === 'withdrawn').length,
    closed,
    stayed,
    promises: { ...ledger, silent },
    toOutcomeDays,
    promisedDays,
    lateHours,
    noOutcome,
    updates: {
      automatic: updates.find((u) => u.automatic)?.n ?? 0,
      byMembers: updates.find((u) => !u.automatic)?.n ?? 0,
    },
    ladder,
    scorecards: {
      total: sum('feedback_due', 'team', () => true),
      onTime: sum('feedback_due', 'team', (r) => r.status === 'done' && r.on_time === true),
      late: sum('feedback_due', 'team', (r) => r.status === 'done' && r.on_time === false),
      missing: sum('feedback_due', 'team', (r) => r.status !== 'done'),
    },
    decideBy: {
      total: sum('decision_due', 'team', () => true),
      onTime: sum('decision_due', 'team', (r) => r.status === 'done' && r.on_time === true),
      late: sum('decision_due', 'team', (r) => r.status === 'done' && r.on_time === false),
      open: sum('decision_due', 'team', (r) => r.status === 'open'),
      cancelled: sum('decision_due', 'team', (r) => r.status === 'cancelled'),
    },
    decisions,
    feedbackRequests: {
      total: sum('feedback_due', 'candidate', () => true),
      answered: sum('feedback_due', 'candidate', (r) => r.status === 'done'),
      onTime: sum('feedback_due', 'candidate', (r) => r.status === 'done' && r.on_time === true),
    },
    calls: {
      connected: calls.find((c) => c.connected)?.n ?? 0,
      notConnected: calls.find((c) => !c.connected)?.n ?? 0,
    },
    messagesSent: Object.fromEntries(sent.map((s) => [s.kind, s.n])),
    checkOverrides: overrides[0]!.n,
    smtpReceived: run.smtpReceived,
  };
}

const pct = (n: number, d: number) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)} %`);
const p = (values: number[], q: number, digits = 1) =>
  values.length === 0 ? 'n/a' : fmt(percentile(values, q), digits);

/** The figures as the markdown table bench/closure.ts prints and writes. */
export function closureTable(f: ClosureFigures): string {
  const l = (name: string) => f.ladder[name] ?? { reminders: 0, escalations: 0 };
  const rows: (string | number)[][] = [
    ['interviews closed (candidates interviewed)', `${fmt(f.interviews)} (${fmt(f.interviewed)})`],
    [
      'interviewed candidates who received an outcome (by the end)',
      `${fmt(f.closed)} of ${fmt(f.stayed)} who stayed: **${pct(f.closed, f.stayed)}**; ${fmt(f.withdrawn)} withdrew`,
    ],
    [
      '**promises broken silently**',
      `**${fmt(f.promises.brokenSilently)}** of ${fmt(f.promises.due)} promises due`,
    ],
    [
      'promises kept on time (outcome delivered by the promised time)',
      `${fmt(f.promises.kept)} (${pct(f.promises.kept, f.promises.due)})`,
    ],
    [
      'promises passed, candidate told honestly at their next business opening (update or outcome)',
      `${fmt(f.promises.toldHonestly)} (${pct(f.promises.toldHonestly, f.promises.due)})`,
    ],
    [
      'promises not yet due at the end / ended before their time (withdrawal, new promise)',
      `${fmt(f.promises.ahead)} / ${fmt(f.promises.endedBefore)}`,
    ],
    [
      'interview → outcome delivered, p50 / p90 (days)',
      `${p(f.toOutcomeDays, 50)} / ${p(f.toOutcomeDays, 90)}`,
    ],
    ['interview → promised time, p50 / p90 (days)', `${p(f.promisedDays, 50)} / ${p(f.promisedDays, 90)}`],
    [
      'delivered − promised, p50 / p90 (hours; negative = early)',
      `${p(f.lateHours, 50)} / ${p(f.lateHours, 90)}`,
    ],
    ['interviews whose outcome had not reached the candidate by the end (not withdrawn)', fmt(f.noOutcome)],
    [
      'honest updates sent (automatic / written by members)',
      `${fmt(f.updates.automatic)} / ${fmt(f.updates.byMembers)}`,
    ],
    ['outcome reminders / escalations', `${fmt(l('outcome').reminders)} / ${fmt(l('outcome').escalations)}`],
    [
      'scorecards owed: on time / late / never given',
      `${fmt(f.scorecards.total)}: ${fmt(f.scorecards.onTime)} / ${fmt(f.scorecards.late)} / ${fmt(f.scorecards.missing)}`,
    ],
    [
      'scorecards reminded / escalated (to the hiring manager)',
      `${fmt(l('scorecard').reminders)} / ${fmt(l('scorecard').escalations)}`,
    ],
    [
      'decide-by times: met / late / still open / cancelled',
      `${fmt(f.decideBy.total)}: ${fmt(f.decideBy.onTime)} / ${fmt(f.decideBy.late)} / ${fmt(f.decideBy.open)} / ${fmt(f.decideBy.cancelled)}`,
    ],
    [
      'decide-by reminders / escalations (to the admins)',
      `${fmt(l('decision_due').reminders)} / ${fmt(l('decision_due').escalations)}`,
    ],
    ['withdrawals (interviewed candidates)', fmt(f.withdrawn)],
    [
      'feedback requests from candidates: answered (on time)',
      `${fmt(f.feedbackRequests.total)}: ${fmt(f.feedbackRequests.answered)} (${fmt(f.feedbackRequests.onTime)})`,
    ],
    ['outcome calls logged: connected / not', `${fmt(f.calls.connected)} / ${fmt(f.calls.notConnected)}`],
    ['decisions recorded', fmt(f.decisions)],
    ['outcome drafts the checks blocked, sent with an override', fmt(f.checkOverrides)],
    [
      'emails sent, by kind (SMTP server received)',
      `${Object.entries(f.messagesSent)
        .map(([k, n]) => `${k} ${fmt(n)}`)
        .join(', ')} (${fmt(f.smtpReceived)})`,
    ],
  ];
  return table(['figure', 'value'], rows);
}
