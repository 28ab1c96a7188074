/**
 * Closure, measured (issue #13 item 6): a busy organization's month on the injected clock, driven
 * through the real services, the real worker tick (sweeps and delivery) and a real SMTP server on
 * loopback. Hundreds of candidates and interviews; members who answer late or forget with set
 * probabilities and act when the ladder nudges them; decisions that slip; candidates who withdraw
 * or ask for feedback from their status page; US holidays in the policy, and the team's own
 * deadlines (scorecards, decide-by) turned on. Every figure is queried from the tables after the
 * run (bench/lib/closure-figures.ts), never taken from the simulation's own bookkeeping.
 *
 *   npx tsx bench/closure.ts [--seed 1] [--candidates 150] [--weeks 4] [--drain-weeks 2]
 *                            [--step-minutes 30] [--postgres] [--max-minutes 15] [--no-write]
 */
import { simpleParser } from 'mailparser';
import { ManualClock } from '../src/clock.ts';
import { openDb, type Db } from '../src/db/db.ts';
import {
  addBusinessDays,
  endOfBusinessDay,
  isWithinBusinessHours,
  localDateOf,
  nextBusinessSlot,
  startOfBusinessDay,
  type BusinessCalendar,
} from '../src/domain/business-time.ts';
import { calendarOf, PolicySchema } from '../src/domain/policy.ts';
import type { Member } from '../src/domain/model.ts';
import { AppError } from '../src/errors.ts';
import { createSmtpTransport } from '../src/mail/smtp.transport.ts';
import { changeApplication, createApplication } from '../src/services/application.service.ts';
import { candidateAccess, openStatusLink } from '../src/services/candidate-session.service.ts';
import { requestFeedback } from '../src/services/candidate-notes.service.ts';
import { withdrawApplication } from '../src/services/candidate-page.service.ts';
import { createCandidate } from '../src/services/candidate.service.ts';
import { submitFeedback } from '../src/services/feedback.service.ts';
import { closeInterview, createInterview } from '../src/services/interview.service.ts';
import { createJob } from '../src/services/job.service.ts';
import { createMember } from '../src/services/member.service.ts';
import { createOrganization } from '../src/services/organization.service.ts';
import { logTouchpoint } from '../src/services/touchpoint.service.ts';
import { runWorkerTick } from '../src/worker/worker.ts';
import { decide, SIMULATED_WORKER, tellByPhone, tellOutcome } from '../test/support/lifecycle.ts';
import { startSmtpSink } from '../test/support/smtp-sink.ts';
import { closureFigures, closureTable, type ClosureFigures } from './lib/closure-figures.ts';
import {
  args,
  dropDatabase,
  fmt,
  freshDatabase,
  freshPglite,
  machine,
  numArg,
  peakRssMiB,
  since,
  writeSection,
} from './lib/common.ts';

const HOUR = 3_600_000;
const a = args();
const SEED = numArg(a, 'seed', 1);
const CANDIDATES = numArg(a, 'candidates', 150);
const WEEKS = numArg(a, 'weeks', 4);
const DRAIN_WEEKS = numArg(a, 'drain-weeks', 2);
const STEP_MINUTES = numArg(a, 'step-minutes', 30);
const MAX_MINUTES = numArg(a, 'max-minutes', 15);
const POSTGRES = a.has('postgres');

/** The behaviour of the people in the simulation: every probability in one place (BENCHMARKS.md quotes them). */
export const BEHAVIOUR = {
  /** An interviewer's scorecard: on time (before its due time), late (within two business days after), else forgotten. */
  scorecard: { onTime: 0.65, late: 0.23 },
  /** The hiring manager's decision: by the decide-by time, before the promise, past the promise, a hold first, else forgotten. */
  decision: { byDecideBy: 0.55, beforePromise: 0.25, pastPromise: 0.12, holdFirst: 0.03 },
  /** Round 1: advance (to a final-stage round 2), else reject. Round 2: offer, else reject. */
  advance: 0.33,
  offer: 0.5,
  /** The recruiter tells a decision: within 3 business hours, the next business day, else forgotten. */
  tell: { soon: 0.75, nextDay: 0.18 },
  /** Final stage (phone first): the recruiter calls during the wait; the candidate picks up. */
  call: 0.7,
  callConnects: 0.75,
  /** Per round, the candidate withdraws before hearing (from their status page). */
  withdraw: 0.05,
  /** A rejected candidate asks for feedback from their page; the recruiter answers within a day, else forgets. */
  feedbackRequest: 0.2,
  feedbackAnswer: 0.85,
  /** A forgotten task is picked up when the ladder's reminder (or escalation) arrives. */
  reactToReminder: 0.5,
  reactToEscalation: 0.85,
} as const;

const ROUND1_PROMISES = [
  "We'll get back to you within 3 business days.",
  "You'll hear from us by Friday.",
  'We will let you know by the end of next week.',
  'You will hear from us within a week.',
  "Thanks for coming in — we'll be in touch.", // no timeline: the policy's default
  "We'll get back to you within 2 business days.",
];
const ROUND2_PROMISES = [
  'We will let you know by the end of next week.',
  "You'll hear from us within 5 business days.",
];
const ZONES: (string | null)[] = [
  'America/New_York',
  'America/New_York',
  'America/New_York',
  'America/Chicago',
  'America/Los_Angeles',
  'Europe/London',
  'Europe/Berlin',
  'Asia/Kolkata',
  null,
  null,
];

/** mulberry32: a small seeded PRNG, so a run is reproducible from `--seed`. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `hours` of working time after `from` in `cal` (a person's working day). */
function workHoursLater(from: Date, hours: number, cal: BusinessCalendar): Date {
  let t = nextBusinessSlot(from, cal);
  let left = hours * HOUR;
  for (let i = 0; i < 200; i++) {
    const close = endOfBusinessDay(localDateOf(t, cal.timeZone), cal);
    if (t.getTime() + left <= close.getTime()) return new Date(t.getTime() + left);
    left -= close.getTime() - t.getTime();
    t = nextBusinessSlot(new Date(close.getTime() + 60_000), cal);
  }
  return t;
}

interface Person {
  index: number;
  name: string;
  email: string;
  applicationId: string;
  job: number;
  round: number;
  interviewIds: string[];
  withdrawn: boolean;
  /** The round whose outcome was sent (or told by phone). */
  toldRound: number;
  decisionId: string | null;
  decidedRound: number;
}

interface Job {
  id: string;
  recruiterId: string;
  managerId: string;
}

type Scheduled = { at: number; seq: number; run: () => Promise<void> };

async function main(): Promise<void> {
  const wallStart = performance.now();
  const guardMs = MAX_MINUTES * 60_000;
  const random = prng(SEED);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const between = (lo: number, hi: number) => lo + random() * (hi - lo);

  const dbName = 'bench_closure';
  const db: Db = POSTGRES
    ? await openDb({ kind: 'postgres', url: await freshDatabase(dbName), poolMax: 4 })
    : await freshPglite();
  const clock = new ManualClock('2026-11-02T13:00:00Z'); // Monday 2 November, 08:00 in New York
  const sink = await startSmtpSink(() => clock.now());
  const transport = createSmtpTransport({ url: sink.url, maxConnections: 2 });
  const identity = {
    from: { name: 'Brightline Hiring', address: 'hiring@brightline.test' },
    domain: 'brightline.test',
  };
  const publicUrl = 'http://localhost:3000';
  const deps = { db, clock, identity, publicUrl };
  const workerDeps = { db, clock, transport, identity, appUrl: publicUrl };

  const policyInput = {
    timeZone: 'America/New_York',
    holidays: { country: 'US' },
    feedbackDueBusinessDays: 1,
    decideByBusinessDaysBefore: 1,
  };
  const cal = calendarOf(PolicySchema.parse(policyInput));
  const { organization } = await createOrganization(deps, {
    name: 'Brightline',
    policy: policyInput,
    admin: { email: 'admin@brightline.test', name: 'Avery Admin' },
  });
  const org = organization.id;
  await createMember(deps, org, { email: 'ops@brightline.test', name: 'Orin Ops', role: 'admin' });
  const member = (role: 'recruiter' | 'hiring_manager' | 'interviewer', i: number) =>
    createMember(deps, org, { email: `${role}-${i}@brightline.test`, name: `${role} ${i}`, role });
  const recruiters: Member[] = [];
  for (let i = 0; i < 4; i++) recruiters.push(await member('recruiter', i));
  const managers: Member[] = [];
  for (let i = 0; i < 6; i++) managers.push(await member('hiring_manager', i));
  const interviewers: Member[] = [];
  for (let i = 0; i < 12; i++) interviewers.push(await member('interviewer', i));
  const jobs: Job[] = [];
  for (let i = 0; i < 12; i++) {
    const recruiterId = recruiters[i % recruiters.length]!.id;
    const managerId = managers[i % managers.length]!.id;
    const job = await createJob(deps, org, {
      title: `Role ${i + 1}`,
      roleKind: pick(['sales', 'client_facing', 'technical', 'other'] as const),
      recruiterId,
      hiringManagerId: managerId,
    });
    jobs.push({ id: job.id, recruiterId, managerId });
  }

  // The schedule: what people will do, by time. Ties run in the order they were planned.
  const queue: Scheduled[] = [];
  let seq = 0;
  let unsorted = false;
  const at = (when: Date, run: () => Promise<void>) => {
    queue.push({ at: when.getTime(), seq: seq++, run });
    unsorted = true;
  };
  // Tasks a person forgot: done only when the ladder nudges them (a reminder or an escalation).
  const forgotten = new Map<string, () => void>();
  const refused = new Map<string, number>();
  const tolerate = async (what: string, run: () => Promise<void>) => {
    try {
      await run();
    } catch (error) {
      // The service said no (the candidate withdrew meanwhile, say): a person would read it and stop.
      if (!(error instanceof AppError)) throw error;
      refused.set(`${what}: ${error.code}`, (refused.get(`${what}: ${error.code}`) ?? 0) + 1);
    }
  };

  const start = clock.now();
  const days: string[] = [];
  for (let d = localDateOf(start, cal.timeZone), i = 0; i < WEEKS * 5; i++) {
    d = i === 0 ? d : addBusinessDays(d, 1, cal);
    days.push(d);
  }
  const lastInterviewAt = endOfBusinessDay(days.at(-1)!, cal).getTime() + 7 * 24 * HOUR;
  const people: Person[] = [];
  for (let i = 0; i < CANDIDATES; i++) {
    const zone = pick(ZONES);
    const name = `Candidate ${i + 1}`;
    const email = `c${i + 1}@candidates.test`;
    const candidate = await createCandidate(deps, org, { name, email, timeZone: zone });
    const job = Math.floor(random() * jobs.length);
    const application = await createApplication(deps, org, {
      jobId: jobs[job]!.id,
      candidateId: candidate.id,
    });
    const p: Person = {
      index: i,
      name,
      email,
      applicationId: application.id,
      job,
      round: 0,
      interviewIds: [],
      withdrawn: false,
      toldRound: 0,
      decisionId: null,
      decidedRound: 0,
    };
    people.push(p);
    const day = pick(days);
    at(new Date(startOfBusinessDay(day, cal).getTime() + between(1, 7.5) * HOUR), () => interview(p));
  }
  const byApplication = new Map(people.map((p) => [p.applicationId, p]));

  /** The candidate opens the link in the latest email they received: a session on their status page. */
  async function openPage(p: Person) {
    const mail = [...sink.received].reverse().find((m) => m.envelopeTo.includes(p.email));
    if (!mail) return null;
    const text = (await simpleParser(mail.raw)).text ?? '';
    const token = /\/s\/([A-Za-z0-9_-]{43})/.exec(text)?.[1];
    if (!token) return null;
    const session = await openStatusLink(deps, token);
    return session ? candidateAccess(deps, session) : null;
  }

  async function interview(p: Person): Promise<void> {
    if (p.withdrawn) return;
    const job = jobs[p.job]!;
    p.round += 1;
    const round = p.round;
    const now = clock.now();
    const panel = [pick(interviewers).id];
    if (random() < 0.5) panel.push(round === 2 ? job.managerId : pick(interviewers).id);
    const team = [...new Set(panel)];
    if (round === 2) await changeApplication(deps, org, p.applicationId, { finalStage: true });
    const iv = await createInterview(deps, org, {
      applicationId: p.applicationId,
      title: round === 1 ? 'First interview' : 'Final interview',
      endsAt: now,
      interviewerIds: team,
      sendInvitations: false,
    });
    p.interviewIds.push(iv.id);
    const closed = await closeInterview(
      deps,
      org,
      iv.id,
      { statement: pick(round === 1 ? ROUND1_PROMISES : ROUND2_PROMISES) },
      { memberId: job.recruiterId },
    );
    const promised = closed.promise.dueAt;
    const decideBy =
      (
        await db.query<{ due_at: Date }>(
          `SELECT due_at FROM follow_ups WHERE org_id = $1 AND application_id = $2 AND kind = 'decision_due' AND status = 'open'`,
          [org, p.applicationId],
        )
      )[0]?.due_at ?? promised;

    // Scorecards.
    const feedbackDue = endOfBusinessDay(addBusinessDays(localDateOf(now, cal.timeZone), 1, cal), cal);
    for (const interviewerId of team) {
      const submit = () =>
        tolerate('scorecard', async () => {
          await submitFeedback(
            deps,
            org,
            iv.id,
            {
              recommendation: pick(['strong_yes', 'yes', 'no', 'strong_no'] as const),
              ratings: { communication: 1 + Math.floor(random() * 5), craft: 1 + Math.floor(random() * 5) },
              notes: 'Scorecard from the simulation.',
            },
            { memberId: interviewerId },
          );
        });
      const r = random();
      if (r < BEHAVIOUR.scorecard.onTime) {
        at(new Date(between(now.getTime() + HOUR / 2, feedbackDue.getTime())), submit);
      } else if (r < BEHAVIOUR.scorecard.onTime + BEHAVIOUR.scorecard.late) {
        at(workHoursLater(feedbackDue, between(1, 16), cal), submit);
      } else {
        forgotten.set(`score:${iv.id}:${interviewerId}`, () =>
          at(workHoursLater(clock.now(), between(0.5, 4), cal), submit),
        );
      }
    }

    // The decision.
    const decideNow = () => decision(p, round);
    const d = BEHAVIOUR.decision;
    const r = random();
    if (r < d.byDecideBy) {
      at(
        new Date(between(now.getTime() + HOUR, Math.max(now.getTime() + HOUR, decideBy.getTime()))),
        decideNow,
      );
    } else if (r < d.byDecideBy + d.beforePromise) {
      at(
        new Date(between(decideBy.getTime(), Math.max(decideBy.getTime(), promised.getTime() - HOUR))),
        decideNow,
      );
    } else if (r < d.byDecideBy + d.beforePromise + d.pastPromise) {
      at(workHoursLater(promised, between(2, 40), cal), decideNow);
    } else if (r < d.byDecideBy + d.beforePromise + d.pastPromise + d.holdFirst) {
      at(decideBy, () =>
        tolerate('hold', async () => {
          if (p.withdrawn || p.round !== round) return;
          await decide(
            deps,
            org,
            p.applicationId,
            { outcome: 'hold', reasons: ['Waiting for another panel'] },
            job.managerId,
          );
        }),
      );
      at(workHoursLater(promised, between(8, 48), cal), decideNow);
    } else {
      forgotten.set(`decide:${p.applicationId}`, () =>
        at(workHoursLater(clock.now(), between(0.5, 6), cal), decideNow),
      );
    }

    // A withdrawal, before hearing.
    if (random() < BEHAVIOUR.withdraw) {
      at(new Date(between(now.getTime() + 4 * HOUR, promised.getTime() + 24 * HOUR)), () =>
        withdraw(p, round),
      );
    }
  }

  async function decision(p: Person, round: number): Promise<void> {
    if (p.withdrawn || p.round !== round || p.decidedRound === round) return;
    const job = jobs[p.job]!;
    const outcome =
      round === 1
        ? random() < BEHAVIOUR.advance
          ? 'advance'
          : 'reject'
        : random() < BEHAVIOUR.offer
          ? 'offer'
          : 'reject';
    await tolerate('decision', async () => {
      const recorded = await decide(
        deps,
        org,
        p.applicationId,
        {
          outcome,
          reasons:
            outcome === 'reject'
              ? ['Another candidate had more hands-on experience with the core of this role']
              : [],
          recommendation:
            outcome === 'reject'
              ? 'Leading one project of this kind end to end would make a strong case next time.'
              : '',
        },
        job.managerId,
      );
      p.decisionId = recorded.id;
      p.decidedRound = round;
      forgotten.delete(`decide:${p.applicationId}`);
      const tellNow = () => tell(p, round, outcome);
      const r = random();
      if (r < BEHAVIOUR.tell.soon) at(workHoursLater(clock.now(), between(0.1, 3), cal), tellNow);
      else if (r < BEHAVIOUR.tell.soon + BEHAVIOUR.tell.nextDay)
        at(workHoursLater(clock.now(), between(4, 12), cal), tellNow);
      else
        forgotten.set(`tell:${p.applicationId}`, () =>
          at(workHoursLater(clock.now(), between(0.5, 4), cal), tellNow),
        );
    });
  }

  async function tell(p: Person, round: number, outcome: 'advance' | 'reject' | 'offer'): Promise<void> {
    if (p.withdrawn || p.round !== round || p.toldRound === round) return;
    const job = jobs[p.job]!;
    forgotten.delete(`tell:${p.applicationId}`);
    await tolerate('tell', async () => {
      const sent = await tellOutcome(
        deps,
        org,
        p.applicationId,
        job.recruiterId,
        outcome === 'advance'
          ? { nextSteps: 'a final interview with the hiring manager', timeline: 'within two weeks' }
          : outcome === 'offer'
            ? { nextSteps: 'the written offer and a call about the start date', timeline: 'this week' }
            : {},
      );
      p.toldRound = round;
      const sendAt = sent.message.scheduledFor ? new Date(sent.message.scheduledFor) : clock.now();
      // Final stage: phone first, during the wait before the email goes.
      if (sent.callScript && random() < BEHAVIOUR.call) {
        const connected = random() < BEHAVIOUR.callConnects;
        at(
          new Date(
            between(
              clock.now().getTime() + 10 * 60_000,
              Math.max(clock.now().getTime() + 10 * 60_000, sendAt.getTime() - HOUR),
            ),
          ),
          () =>
            tolerate('call', async () => {
              if (p.withdrawn) return;
              await tellByPhone(deps, org, p.applicationId, p.decisionId!, job.recruiterId, connected);
            }),
        );
      }
      if (outcome === 'advance') {
        const next = workHoursLater(sendAt, between(16, 40), cal);
        if (next.getTime() <= lastInterviewAt) at(next, () => interview(p));
      }
      if (outcome === 'reject' && random() < BEHAVIOUR.feedbackRequest) {
        at(workHoursLater(sendAt, between(2, 24), { ...cal, timeZone: cal.timeZone }), () =>
          askForFeedback(p),
        );
      }
    });
  }

  async function withdraw(p: Person, round: number): Promise<void> {
    if (p.withdrawn || p.round !== round || p.toldRound === round) return;
    await tolerate('withdraw', async () => {
      const access = await openPage(p);
      if (access) await withdrawApplication(deps, access);
      // No email reached them yet: they tell the recruiter, who records it.
      else await changeApplication(deps, org, p.applicationId, { status: 'withdrawn' });
      p.withdrawn = true;
    });
  }

  async function askForFeedback(p: Person): Promise<void> {
    if (p.withdrawn) return;
    const job = jobs[p.job]!;
    await tolerate('feedback request', async () => {
      const access = await openPage(p);
      if (!access) return;
      await requestFeedback(deps, access);
      const answer = () =>
        tolerate('feedback answer', async () => {
          await logTouchpoint(
            deps,
            org,
            {
              applicationId: p.applicationId,
              channel: 'email',
              kind: 'feedback_due',
              fromParty: 'team',
              toParty: 'candidate',
              summary: 'Wrote back with the panel’s feedback and what to work on.',
            },
            { memberId: job.recruiterId },
          );
        });
      if (random() < BEHAVIOUR.feedbackAnswer) at(workHoursLater(clock.now(), between(2, 8), cal), answer);
      else
        forgotten.set(`answer:${p.applicationId}`, () =>
          at(workHoursLater(clock.now(), between(0.5, 4), cal), answer),
        );
    });
  }

  // The ladder's nudges, read as a member reads their mail: a forgotten task may now be done.
  let seenUpTo = new Date(0);
  async function readNudges(): Promise<void> {
    const nudges = await db.query<{
      type: string;
      at: Date;
      kind: string;
      owed_to: string;
      application_id: string | null;
      interview_id: string | null;
      owner_id: string | null;
    }>(
      `SELECT e.type, e.at, f.kind, f.owed_to, f.application_id, f.interview_id, f.owner_id
         FROM events e JOIN follow_ups f ON f.org_id = e.org_id AND f.id = e.follow_up_id
        WHERE e.org_id = $1 AND e.type IN ('reminder_sent', 'escalated') AND e.at > $2`,
      [org, seenUpTo],
    );
    if (nudges.length === 0) return;
    const key = (n: (typeof nudges)[number]) => {
      if (n.kind === 'feedback_due' && n.owed_to === 'team') return `score:${n.interview_id}:${n.owner_id}`;
      if (n.kind === 'feedback_due') return `answer:${n.application_id}`;
      if (n.kind === 'decision_due') return `decide:${n.application_id}`;
      if (n.kind === 'outcome')
        return forgotten.has(`decide:${n.application_id}`)
          ? `decide:${n.application_id}`
          : `tell:${n.application_id}`;
      return null;
    };
    // A stable order (ids are random): by time, then candidate, then what it is about.
    const rows = nudges
      .map((n) => ({ n, k: key(n), who: byApplication.get(n.application_id ?? '')?.index ?? -1 }))
      .sort(
        (x, y) =>
          x.n.at.getTime() - y.n.at.getTime() ||
          x.who - y.who ||
          (x.k ?? '').localeCompare(y.k ?? '') ||
          x.n.type.localeCompare(y.n.type),
      );
    for (const { n, k } of rows) {
      if (n.at.getTime() > seenUpTo.getTime()) seenUpTo = n.at;
      const act = k ? forgotten.get(k) : undefined;
      if (!act) continue;
      if (random() < (n.type === 'escalated' ? BEHAVIOUR.reactToEscalation : BEHAVIOUR.reactToReminder)) {
        forgotten.delete(k!);
        act();
      }
    }
  }

  // The month, step by step, as the worker would see it.
  const stepMs = STEP_MINUTES * 60_000;
  const end = start.getTime() + (WEEKS + DRAIN_WEEKS) * 7 * 24 * HOUR;
  const state = { lastDigestAt: null as number | null };
  // Digests and the worker's housekeeping once an hour (a digest goes out at most an hour after its time).
  const worker = { ...SIMULATED_WORKER, digestEveryMs: HOUR };
  const maxRounds = Math.ceil((end - start.getTime()) / stepMs) + 1; // the most steps there can be
  let rounds = 0;
  let actions = 0;
  let lastReport = performance.now();
  // Where nobody works (weekends, the hours between Los Angeles' evening and Kolkata's morning), the
  // ladder only plans and nothing is delivered: four times longer steps there.
  const calendars = [...new Set(ZONES.map((z) => z ?? cal.timeZone))].map((timeZone) => ({
    ...cal,
    timeZone,
  }));
  const quiet = (t: number) => !calendars.some((c) => isWithinBusinessHours(new Date(t), c));
  for (let t = start.getTime(); t <= end; t += quiet(t) && quiet(t + 4 * stepMs) ? 4 * stepMs : stepMs) {
    if (++rounds > maxRounds) throw new Error('round limit reached');
    if (performance.now() - wallStart > guardMs)
      throw new Error(`time guard: still running after ${MAX_MINUTES} min`);
    for (;;) {
      if (unsorted) queue.sort((x, y) => x.at - y.at || x.seq - y.seq);
      unsorted = false;
      const next = queue[0];
      if (!next || next.at > t) break;
      queue.shift();
      clock.set(new Date(Math.max(next.at, clock.now().getTime())));
      await next.run();
      actions += 1;
    }
    clock.set(new Date(t));
    await runWorkerTick(workerDeps, worker, state);
    await readNudges();
    if (performance.now() - lastReport > 15_000) {
      lastReport = performance.now();
      console.log(
        `  … ${clock.now().toISOString().slice(0, 16)} simulated, ${fmt(actions)} actions, ${fmt(since(wallStart), 0)} s`,
      );
    }
  }
  const simSeconds = since(wallStart);

  const figures = await closureFigures(db, org, {
    end: new Date(end),
    stepMs,
    calendar: cal,
    smtpReceived: sink.received.length,
  });
  await transport.close();
  await sink.close();
  await db.close();
  if (POSTGRES) await dropDatabase(dbName);

  await report(figures, {
    simSeconds,
    actions,
    rounds,
    refused,
  });
}

async function report(
  f: ClosureFigures,
  run: {
    simSeconds: number;
    actions: number;
    rounds: number;
    refused: Map<string, number>;
  },
): Promise<void> {
  const cmd =
    `npx tsx bench/closure.ts --seed ${SEED} --candidates ${CANDIDATES} --weeks ${WEEKS} ` +
    `--drain-weeks ${DRAIN_WEEKS} --step-minutes ${STEP_MINUTES}${POSTGRES ? ' --postgres' : ''}`;
  const table = closureTable(f);
  console.log(`\nClosure over a simulated month (${POSTGRES ? 'PostgreSQL' : 'PGlite'}, seed ${SEED})\n`);
  console.log(table);
  const refusals = [...run.refused].map(([k, n]) => `${k} ×${n}`).join(', ') || 'none';
  const tail =
    `${fmt(run.rounds)} worker ticks of ${STEP_MINUTES} simulated minutes, ${fmt(run.actions)} people's actions; ` +
    `${fmt(run.simSeconds, 0)} s wall clock, peak RSS ${fmt(peakRssMiB())} MiB. ` +
    `Refused by the services (a person would read the answer and stop): ${refusals}.`;
  console.log(`\n${tail}`);
  console.log(`promises broken silently: ${f.promises.brokenSilently}`);
  for (const s of f.promises.silent) {
    console.log(
      `  follow-up ${s.followUpId} (application ${s.applicationId}): promised ${s.promisedAt.toISOString()}, ` +
        `heard nothing by ${s.graceUntil.toISOString()} (first word ${s.firstWordAt?.toISOString() ?? 'never'}; ` +
        `now ${s.status}${s.cancelReason ? `, ${s.cancelReason}` : ''})`,
    );
  }
  writeSection(
    'closure',
    `Command: \`${cmd}\` (${POSTGRES ? 'PostgreSQL' : 'PGlite, in process'})\n\n` +
      `Machine: ${await machine()}\n\n${table}\n\n${tail}\n`,
  );
}

await main();
