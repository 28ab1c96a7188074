import { randomBytes } from 'node:crypto';
import type { ManualClock } from '../clock.ts';
import { setMemberPassword } from './auth.service.ts';
import type { Db } from '../db/db.ts';
import type { Job, Member } from '../domain/model.ts';
import { changeApplication, createApplication } from './application.service.ts';
import { createCandidate } from './candidate.service.ts';
import { recordDecision } from './decision.service.ts';
import { submitFeedback } from './feedback.service.ts';
import { closeInterview, createInterview } from './interview.service.ts';
import { createJob } from './job.service.ts';
import { createMember } from './member.service.ts';
import { createOrganization } from './organization.service.ts';
import { draftOutcomeMessage, sendMessage } from './message.service.ts';
import type { MailIdentity } from './outbox.service.ts';
import { logTouchpoint } from './touchpoint.service.ts';

const DAY = 86_400_000;

/** What `hearback demo` made. */
export interface DemoSummary {
  organizationId: string;
  name: string;
  apiToken: string;
  members: number;
  jobs: number;
  candidates: number;
  interviewsClosed: number;
  /** Sign in as the demo's admin with these. */
  signIn: { email: string; password: string };
}

interface Story {
  candidate: { name: string; email: string; timeZone: string | null };
  job: 'sales' | 'backend' | 'success';
  /** Days before now that the (last) interview ended. */
  interviewDaysAgo: number | null;
  statement: string;
  /** What happened after the interview, in days after it. */
  then?: { afterDays: number; action: 'reject_call' | 'advance_email' | 'voicemail' | 'withdraw' }[];
  secondInterview?: { daysAgo: number; statement: string };
}

const STORIES: Story[] = [
  {
    candidate: { name: 'Priya Raman', email: 'priya.raman@example.com', timeZone: 'America/Chicago' },
    job: 'sales',
    interviewDaysAgo: 18,
    statement: "We'll get back to you within 5 business days.",
    then: [{ afterDays: 4, action: 'reject_call' }],
  },
  {
    candidate: { name: 'Marcus Oyelaran', email: 'marcus.o@example.com', timeZone: 'America/New_York' },
    job: 'sales',
    interviewDaysAgo: 15,
    statement: "You'll hear from us by Friday.",
  },
  {
    candidate: { name: 'Lena Fischer', email: 'lena.fischer@example.com', timeZone: 'Europe/Berlin' },
    job: 'backend',
    interviewDaysAgo: 10,
    statement: "Thanks for coming in, we'll be in touch.",
  },
  {
    candidate: { name: 'Diego Alvarez', email: 'diego.alvarez@example.com', timeZone: 'America/Los_Angeles' },
    job: 'backend',
    interviewDaysAgo: 8,
    statement: "If you don't hear from us in two weeks, assume we've gone another way.",
  },
  {
    candidate: { name: 'Hannah Kim', email: 'hannah.kim@example.com', timeZone: 'America/New_York' },
    job: 'success',
    interviewDaysAgo: 3,
    statement: "We'll let you know by the end of next week.",
  },
  {
    candidate: { name: 'Tomás Novak', email: 'tomas.novak@example.com', timeZone: null },
    job: 'sales',
    interviewDaysAgo: 2,
    statement: 'Expect a call within 24 hours.',
  },
  {
    candidate: { name: 'Aisha Bello', email: 'aisha.bello@example.com', timeZone: 'Europe/London' },
    job: 'backend',
    interviewDaysAgo: 1,
    statement: 'The panel meets Tuesday and we will call you the day after.',
  },
  {
    candidate: { name: 'Grace Liu', email: 'grace.liu@example.com', timeZone: 'America/New_York' },
    job: 'success',
    interviewDaysAgo: 0,
    statement: 'We aim to decide in roughly 3–5 business days.',
  },
  {
    candidate: { name: 'Samuel Osei', email: 'samuel.osei@example.com', timeZone: 'America/Denver' },
    job: 'success',
    interviewDaysAgo: 6,
    statement: 'Give us a week or two.',
    then: [{ afterDays: 5, action: 'voicemail' }],
  },
  {
    candidate: { name: 'Noor Haddad', email: 'noor.haddad@example.com', timeZone: 'Asia/Dubai' },
    job: 'backend',
    interviewDaysAgo: 12,
    statement: "We'll get back to you in about ten working days.",
    then: [{ afterDays: 3, action: 'withdraw' }],
  },
  {
    candidate: { name: 'Olivia Brennan', email: 'olivia.brennan@example.com', timeZone: 'America/New_York' },
    job: 'sales',
    interviewDaysAgo: 20,
    statement: "We'll let you know within three business days.",
    then: [{ afterDays: 2, action: 'advance_email' }],
    secondInterview: { daysAgo: 4, statement: "We'll come back to you early next week with a final answer." },
  },
  {
    candidate: { name: 'Felix Wagner', email: 'felix.wagner@example.com', timeZone: 'Europe/Vienna' },
    job: 'backend',
    interviewDaysAgo: null,
    statement: '',
  },
];

type DemoDeps = { db: Db; clock: ManualClock; identity: MailIdentity };
type People = Record<'riley' | 'morgan' | 'sam' | 'ines' | 'theo', Member>;
/** One event of the replay: what to run, and when on the manual clock. */
type Step = { when: Date; run: () => Promise<void> };
/** `daysAgo` days before `end` at `hourUtc`, never later than an hour before `end`. */
type DayAt = (daysAgo: number, hourUtc?: number) => Date;

/** The time `daysAgo` days before `end` at an hour UTC, clamped to an hour before `end`. */
function dayAtFrom(end: Date): DayAt {
  return (daysAgo, hourUtc = 19) => {
    const d = new Date(end.getTime() - daysAgo * DAY);
    d.setUTCHours(hourUtc, 0, 0, 0);
    return d.getTime() > end.getTime() ? new Date(end.getTime() - 3_600_000) : d;
  };
}

/** Create the demo organization, its admin's password and its five other members. */
async function seedDemoTeam(deps: DemoDeps, name: string) {
  // The demo's API token acts as Avery, its admin.
  const {
    organization,
    admin: avery,
    apiToken,
  } = await createOrganization(deps, {
    name,
    policy: { timeZone: 'America/New_York', holidays: { country: 'US' } },
    admin: { email: 'avery@northwind.example', name: 'Avery Chen', timeZone: 'America/New_York' },
  });
  const org = organization.id;
  const member = (email: string, n: string, role: Member['role']) =>
    createMember(deps, org, { email, name: n, role, timeZone: 'America/New_York' });
  // A fresh random password per demo, printed once, so the web app can be explored signed in.
  const password = randomBytes(9).toString('base64url');
  await setMemberPassword(deps, org, avery.id, password);
  const people: People = {
    riley: await member('riley@northwind.example', 'Riley Park', 'recruiter'),
    morgan: await member('morgan@northwind.example', 'Morgan Diaz', 'hiring_manager'),
    sam: await member('sam@northwind.example', 'Sam Whitfield', 'hiring_manager'),
    ines: await member('ines@northwind.example', 'Inès Laurent', 'interviewer'),
    theo: await member('theo@northwind.example', 'Theo Okafor', 'interviewer'),
  };
  return { org, avery, apiToken, password, people };
}

/** Open the demo's three jobs, each with its hiring manager and Riley as recruiter. */
async function seedDemoJobs(deps: DemoDeps, org: string, people: People): Promise<Record<Story['job'], Job>> {
  const { riley, morgan, sam } = people;
  return {
    sales: await createJob(deps, org, {
      title: 'Account Executive',
      roleKind: 'sales',
      hiringManagerId: sam.id,
      recruiterId: riley.id,
    }),
    backend: await createJob(deps, org, {
      title: 'Senior Backend Engineer',
      roleKind: 'technical',
      hiringManagerId: morgan.id,
      recruiterId: riley.id,
    }),
    success: await createJob(deps, org, {
      title: 'Customer Success Manager',
      roleKind: 'client_facing',
      hiringManagerId: morgan.id,
      recruiterId: riley.id,
    }),
  };
}

/** Hold an interview ending now, close it with the statement and file the first interviewer's scorecard. */
async function holdDemoInterview(
  deps: DemoDeps,
  org: string,
  applicationId: string,
  interview: { daysAgo: number; statement: string; title: string; interviewerIds: string[] },
): Promise<void> {
  const { daysAgo, statement, title, interviewerIds } = interview;
  const ends = deps.clock.now();
  const created = await createInterview(deps, org, {
    applicationId,
    title,
    scheduledAt: new Date(ends.getTime() - 3_600_000),
    endsAt: ends,
    interviewerIds,
  });
  await closeInterview(deps, org, created.id, { statement });
  await submitFeedback(
    deps,
    org,
    created.id,
    {
      recommendation: daysAgo % 2 === 0 ? 'yes' : 'no',
      ratings: { communication: 4, role_skills: daysAgo % 2 === 0 ? 4 : 2 },
      notes: 'Clear communicator; see scorecard for specifics.',
    },
    { memberId: interviewerIds[0]! },
  );
}

/** Play what happened after a story's interview: a rejection call, an advance email, a voicemail, a withdrawal. */
async function playStoryAction(
  deps: DemoDeps,
  org: string,
  applicationId: string,
  action: NonNullable<Story['then']>[number]['action'],
  people: People,
): Promise<void> {
  const { riley, sam } = people;
  switch (action) {
    case 'reject_call': {
      const { decision } = await recordDecision(
        deps,
        org,
        applicationId,
        {
          outcome: 'reject',
          reasons: ['Less depth in enterprise deal cycles than the role needs right now'],
        },
        { memberId: sam.id },
      );
      await logTouchpoint(
        deps,
        org,
        {
          applicationId,
          channel: 'phone',
          kind: 'outcome',
          fromParty: 'team',
          toParty: 'candidate',
          connected: true,
          summary: 'Called with the outcome, the reason and a recommendation; she thanked us.',
          decisionId: decision.id,
        },
        { memberId: riley.id },
      );
      return;
    }
    case 'advance_email': {
      // Through the composer and the outbox, like a recruiter would: the worker delivers it.
      await recordDecision(deps, org, applicationId, { outcome: 'advance' }, { memberId: sam.id });
      const draft = await draftOutcomeMessage(
        deps,
        org,
        {
          applicationId,
          nextSteps: 'a final interview with the sales panel (60 minutes, video)',
          timeline: 'within the next two weeks',
        },
        { memberId: riley.id },
      );
      await sendMessage(deps, org, draft.id, {}, { memberId: riley.id });
      return;
    }
    case 'voicemail':
      await logTouchpoint(
        deps,
        org,
        {
          applicationId,
          channel: 'phone',
          kind: 'outcome',
          fromParty: 'team',
          toParty: 'candidate',
          connected: false,
          summary: 'Left a voicemail asking for a call back.',
        },
        { memberId: riley.id },
      );
      return;
    case 'withdraw':
      await changeApplication(deps, org, applicationId, { status: 'withdrawn' });
      return;
  }
}

/**
 * Add every story's candidate and application now, and plan its interviews and what followed as
 * steps for the replay; `closed.count` counts the interviews closed as the steps run.
 */
async function planStorySteps(
  deps: DemoDeps,
  org: string,
  context: { jobs: Record<Story['job'], Job>; people: People; at: DayAt; closed: { count: number } },
): Promise<Step[]> {
  const { jobs, people, at, closed } = context;
  const steps: Step[] = [];
  for (const story of STORIES) {
    const candidate = await createCandidate(deps, org, story.candidate);
    const application = await createApplication(deps, org, {
      jobId: jobs[story.job].id,
      candidateId: candidate.id,
    });
    if (story.interviewDaysAgo === null) continue;
    const interviewerIds =
      story.job === 'backend' ? [people.theo.id, people.morgan.id] : [people.ines.id, people.sam.id];
    const interview = (daysAgo: number, statement: string, title: string) =>
      steps.push({
        when: at(daysAgo),
        run: async () => {
          await holdDemoInterview(deps, org, application.id, { daysAgo, statement, title, interviewerIds });
          closed.count += 1;
        },
      });
    interview(story.interviewDaysAgo, story.statement, 'First interview');
    if (story.secondInterview) {
      interview(story.secondInterview.daysAgo, story.secondInterview.statement, 'Final interview');
    }
    for (const t of story.then ?? []) {
      steps.push({
        when: at(story.interviewDaysAgo - t.afterDays, 16),
        run: () => playStoryAction(deps, org, application.id, t.action, people),
      });
    }
  }
  return steps;
}

/**
 * Run the steps in time order, hour by hour up to `end`, so the worker (when given) reminds,
 * updates, escalates and delivers on time; the clock ends at `end`.
 */
async function replaySteps(
  clock: ManualClock,
  steps: Step[],
  end: Date,
  tick: (() => Promise<void>) | undefined,
): Promise<void> {
  // Replay every story's events in time order, so the clock only moves forward.
  steps.sort((a, b) => a.when.getTime() - b.when.getTime());
  let next = 0;
  for (let t = clock.now().getTime(); t <= end.getTime(); t += 3_600_000) {
    while (next < steps.length && steps[next]!.when.getTime() <= t) {
      clock.set(steps[next]!.when);
      await steps[next]!.run();
      next += 1;
    }
    clock.set(new Date(t));
    await tick?.();
  }
  clock.set(end);
  await tick?.();
}

/**
 * Build a sample organization through the real use cases, replaying three weeks of activity on
 * a manual clock: closed interviews with varied promises, kept, overdue and superseded follow-ups,
 * a voicemail that closed nothing, a withdrawal. The clock ends where it started.
 */
export async function createDemoOrganization(
  deps: DemoDeps,
  options: { tick?: (orgId: string) => Promise<void> } = {},
): Promise<DemoSummary> {
  const end = deps.clock.now();
  const at = dayAtFrom(end);
  deps.clock.set(at(25, 14));
  const name = 'Northwind Outfitters (demo)';
  const { org, avery, apiToken, password, people } = await seedDemoTeam(deps, name);
  const jobs = await seedDemoJobs(deps, org, people);
  const closed = { count: 0 };
  const steps = await planStorySteps(deps, org, { jobs, people, at, closed });
  const tick = options.tick;
  await replaySteps(deps.clock, steps, end, tick && (() => tick(org)));
  return {
    organizationId: org,
    name,
    apiToken,
    members: 6,
    jobs: Object.keys(jobs).length,
    candidates: STORIES.length,
    interviewsClosed: closed.count,
    signIn: { email: avery.email, password },
  };
}
