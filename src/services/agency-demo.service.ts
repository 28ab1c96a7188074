import { randomBytes } from 'node:crypto';
import type { ManualClock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import type { Job } from '../domain/model.ts';
import type { ClientContact } from '../repositories/agency.repository.ts';
import {
  createClient,
  createClientContact,
  createJobOrder,
  createSubmission,
  logClientContact,
  moveSubmission,
  recordClientAnswer,
  sendNudge,
} from './agency.service.ts';
import { setMemberPassword } from './auth.service.ts';
import { createCandidate } from './candidate.service.ts';
import { createMember } from './member.service.ts';
import { createOrganization } from './organization.service.ts';
import { placeSubmission } from './placement.service.ts';
import type { MailIdentity } from './outbox.service.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** What `hearback demo --agency` made. */
export interface AgencyDemoSummary {
  organizationId: string;
  name: string;
  apiToken: string;
  members: number;
  clients: number;
  jobOrders: number;
  candidates: number;
  submissions: number;
  /** Sign in as the agency's owner (its main recruiter) with these. */
  signIn: { email: string; password: string };
}

type ContactKey = 'mireille' | 'kofi' | 'rosa' | 'walt' | 'ben' | 'aiko';
type JobKey = 'automation' | 'clinicalData' | 'dispatch' | 'fleetSales' | 'memberServices';

/** The three clients: different terms, contacts in different time zones. */
const CLIENTS: {
  name: string;
  terms: {
    feedbackDaysAfterSubmission: number;
    feedbackDaysAfterInterview: number;
    updateCadenceDays: number;
    guaranteeDays: number;
  };
  contacts: {
    key: ContactKey;
    name: string;
    title: string;
    email: string;
    phone: string;
    preferredChannel: 'email' | 'phone';
    timeZone: string;
  }[];
  jobs: { key: JobKey; title: string; roleKind: Job['roleKind']; authority: ContactKey }[];
}[] = [
  {
    name: 'Lumen Biotech',
    terms: {
      feedbackDaysAfterSubmission: 2,
      feedbackDaysAfterInterview: 1,
      updateCadenceDays: 5,
      guaranteeDays: 90,
    },
    contacts: [
      {
        key: 'mireille',
        name: 'Mireille Dubois',
        title: 'Head of R&D',
        email: 'mireille.dubois@lumen-bio.example',
        phone: '+33 1 55 00 00 01',
        preferredChannel: 'email',
        timeZone: 'Europe/Paris',
      },
      {
        key: 'kofi',
        name: 'Kofi Mensah',
        title: 'Talent Partner',
        email: 'kofi.mensah@lumen-bio.example',
        phone: '+44 20 7946 0001',
        preferredChannel: 'phone',
        timeZone: 'Europe/London',
      },
    ],
    jobs: [
      {
        key: 'automation',
        title: 'Senior Lab Automation Engineer',
        roleKind: 'technical',
        authority: 'mireille',
      },
      { key: 'clinicalData', title: 'Clinical Data Manager', roleKind: 'other', authority: 'kofi' },
    ],
  },
  {
    // The slow one: three business days agreed, and it still runs late.
    name: 'Cobalt Freightworks',
    terms: {
      feedbackDaysAfterSubmission: 3,
      feedbackDaysAfterInterview: 2,
      updateCadenceDays: 10,
      guaranteeDays: 60,
    },
    contacts: [
      {
        key: 'rosa',
        name: 'Rosa Delgado',
        title: 'VP Operations',
        email: 'rosa.delgado@cobalt-freight.example',
        phone: '+1 213 555 0101',
        preferredChannel: 'phone',
        timeZone: 'America/Los_Angeles',
      },
      {
        key: 'walt',
        name: 'Walt Brennan',
        title: 'Sales Director',
        email: 'walt.brennan@cobalt-freight.example',
        phone: '+1 213 555 0102',
        preferredChannel: 'email',
        timeZone: 'America/Los_Angeles',
      },
    ],
    jobs: [
      { key: 'dispatch', title: 'Regional Dispatch Manager', roleKind: 'other', authority: 'rosa' },
      { key: 'fleetSales', title: 'Fleet Sales Executive', roleKind: 'sales', authority: 'walt' },
    ],
  },
  {
    name: 'Tidewater Credit Union',
    terms: {
      feedbackDaysAfterSubmission: 1,
      feedbackDaysAfterInterview: 1,
      updateCadenceDays: 3,
      guaranteeDays: 30,
    },
    contacts: [
      {
        key: 'ben',
        name: 'Ben Whitaker',
        title: 'Chief Operating Officer',
        email: 'ben.whitaker@tidewater-cu.example',
        phone: '+1 757 555 0141',
        preferredChannel: 'email',
        timeZone: 'America/New_York',
      },
      {
        key: 'aiko',
        name: 'Aiko Tanaka',
        title: 'HR Manager',
        email: 'aiko.tanaka@tidewater-cu.example',
        phone: '+1 808 555 0142',
        preferredChannel: 'phone',
        timeZone: 'Pacific/Honolulu',
      },
    ],
    jobs: [
      { key: 'memberServices', title: 'Member Services Lead', roleKind: 'client_facing', authority: 'ben' },
    ],
  },
];

/** What happens to a submission after it is made, in days before the end of the replay. */
type Event =
  | { daysAgo: number; do: 'answer_interview' }
  | { daysAgo: number; do: 'answer_decline'; reason: string }
  | { daysAgo: number; do: 'answer_more_time'; untilDaysAgo: number }
  | { daysAgo: number; do: 'move'; stage: 'offered' | 'placed' | 'withdrawn' }
  | { daysAgo: number; do: 'nudge'; text: string; nextContactDaysAgo: number };

/** One candidate's story: who, to which job, when, and what followed. */
const SUBMISSIONS: {
  candidate: { name: string; email: string; timeZone: string };
  job: JobKey;
  pitch: string;
  daysAgo: number;
  events: Event[];
}[] = [
  {
    candidate: { name: 'Nadia Petrov', email: 'nadia.petrov@example.com', timeZone: 'Europe/Berlin' },
    job: 'automation',
    pitch: 'Automated a 40-instrument screening lab end to end; wants a smaller team with more ownership.',
    daysAgo: 13,
    events: [
      { daysAgo: 12, do: 'answer_interview' },
      { daysAgo: 6, do: 'move', stage: 'offered' },
      { daysAgo: 2, do: 'move', stage: 'placed' },
    ],
  },
  {
    candidate: { name: 'Owen Gallagher', email: 'owen.gallagher@example.com', timeZone: 'Europe/Dublin' },
    job: 'automation',
    pitch: 'Robotics integrator moving into life sciences; strong on scheduling software.',
    daysAgo: 11,
    events: [
      {
        daysAgo: 9,
        do: 'answer_decline',
        reason: 'Needs more hands-on liquid-handling experience than he has.',
      },
    ],
  },
  {
    candidate: { name: 'Priyanka Sethi', email: 'priyanka.sethi@example.com', timeZone: 'Europe/London' },
    job: 'clinicalData',
    pitch: 'Ran data management for two phase II trials; CDISC fluent; available in four weeks.',
    daysAgo: 8,
    events: [
      { daysAgo: 7, do: 'answer_interview' },
      { daysAgo: 1, do: 'move', stage: 'offered' },
    ],
  },
  {
    candidate: { name: 'Marco Bellini', email: 'marco.bellini@example.com', timeZone: 'America/Phoenix' },
    job: 'dispatch',
    pitch: 'Runs a 60-truck regional dispatch desk today; cut empty miles by a fifth in two years.',
    daysAgo: 10,
    events: [
      {
        daysAgo: 4,
        do: 'nudge',
        text: 'Hi Rosa, Marco now has a second interview with another carrier next Tuesday, and he told me this role is still his first choice. Could we set up a first conversation before then?',
        nextContactDaysAgo: 1,
      },
    ],
  },
  {
    candidate: { name: 'Grace Okonkwo', email: 'grace.okonkwo@example.com', timeZone: 'America/Chicago' },
    job: 'dispatch',
    pitch: 'Dispatch supervisor at a cold-chain carrier; bilingual; open to relocating west.',
    daysAgo: 9,
    events: [{ daysAgo: 5, do: 'answer_more_time', untilDaysAgo: 2 }],
  },
  {
    candidate: { name: 'Tom Lindqvist', email: 'tom.lindqvist@example.com', timeZone: 'America/Denver' },
    job: 'fleetSales',
    pitch:
      'Closed the largest fleet-leasing deal in his region last year; knows the shippers on the I-5 corridor.',
    daysAgo: 8,
    events: [{ daysAgo: 3, do: 'move', stage: 'withdrawn' }],
  },
  {
    candidate: { name: 'Leah Abrams', email: 'leah.abrams@example.com', timeZone: 'America/Los_Angeles' },
    job: 'fleetSales',
    pitch: 'Eight years selling telematics to fleets; a book of mid-size carriers in California.',
    daysAgo: 6,
    events: [],
  },
  {
    candidate: { name: 'Sofia Ramirez', email: 'sofia.ramirez@example.com', timeZone: 'America/New_York' },
    job: 'memberServices',
    pitch: 'Leads a twelve-person member service team at a community bank; member satisfaction up 9 points.',
    daysAgo: 4,
    events: [{ daysAgo: 3, do: 'answer_interview' }],
  },
  {
    candidate: { name: 'Daniel Cho', email: 'daniel.cho@example.com', timeZone: 'America/New_York' },
    job: 'memberServices',
    pitch: 'Branch operations supervisor ready for a lead role; strong on coaching new hires.',
    daysAgo: 0,
    events: [],
  },
];

/** Logged contacts with client contacts, each setting the next contact (some of those now due). */
const CONTACT_LOGS: {
  contact: ContactKey;
  daysAgo: number;
  channel: 'email' | 'phone';
  summary: string;
  nextContactDaysAgo: number;
}[] = [
  {
    contact: 'mireille',
    daysAgo: 3,
    channel: 'phone',
    summary: 'Agreed the start date for Nadia; she wants one more automation profile next month.',
    nextContactDaysAgo: -4,
  },
  {
    contact: 'kofi',
    daysAgo: 7,
    channel: 'phone',
    summary: 'Walked through the clinical data shortlist and the interview panel.',
    nextContactDaysAgo: 1,
  },
  {
    contact: 'walt',
    daysAgo: 5,
    channel: 'email',
    summary: 'Sent the fleet sales market summary with two salary benchmarks.',
    nextContactDaysAgo: 2,
  },
  {
    contact: 'ben',
    daysAgo: 2,
    channel: 'email',
    summary: "Confirmed Sofia's interview panel and the timeline to a decision.",
    nextContactDaysAgo: -2,
  },
  {
    contact: 'aiko',
    daysAgo: 2,
    channel: 'phone',
    summary: 'Talked through the benefits summary the candidates ask about first.',
    nextContactDaysAgo: -6,
  },
];

type DemoDeps = { db: Db; clock: ManualClock; identity: MailIdentity };
type Actor = { memberId: string };
/** One event of the replay: what to run, and when on the manual clock. */
type Step = { when: Date; run: () => Promise<void> };
/** A time `daysAgo` days before the end of the replay, at an hour UTC. */
type DayAt = (daysAgo: number, hourUtc?: number) => Date;

/** Mid-morning in Chicago on the day `daysAgo` before `end` (never after the end). */
function agencyDayAt(end: Date): DayAt {
  return (daysAgo, hourUtc = 15) => {
    const d = new Date(end.getTime() - daysAgo * DAY);
    d.setUTCHours(hourUtc, 0, 0, 0);
    return daysAgo >= 0 && d.getTime() > end.getTime() ? new Date(end.getTime() - 2 * HOUR) : d;
  };
}

/** Create the agency, its owner (with a fresh password) and a second recruiter. */
async function seedAgencyTeam(deps: DemoDeps, name: string) {
  // The owner recruits herself: the printed token and sign-in see her desk.
  const {
    organization,
    admin: june,
    apiToken,
  } = await createOrganization(deps, {
    name,
    policy: { timeZone: 'America/Chicago', holidays: { country: 'US' } },
    admin: { email: 'june@harborpine.example', name: 'June Okafor', timeZone: 'America/Chicago' },
  });
  const org = organization.id;
  const password = randomBytes(9).toString('base64url');
  await setMemberPassword(deps, org, june.id, password);
  await createMember(deps, org, {
    email: 'ray@harborpine.example',
    name: 'Ray Castillo',
    role: 'recruiter',
    timeZone: 'America/Chicago',
  });
  return { org, june, apiToken, password };
}

/** Create the three clients with their contacts and job orders; June recruits every job. */
async function seedClients(deps: DemoDeps, org: string, recruiterId: string) {
  const contacts = new Map<ContactKey, ClientContact>();
  const jobs = new Map<JobKey, string>();
  for (const c of CLIENTS) {
    const client = await createClient(deps, org, { name: c.name, ...c.terms });
    for (const k of c.contacts) {
      const { key, ...input } = k;
      contacts.set(key, await createClientContact(deps, org, client.id, input));
    }
    for (const j of c.jobs) {
      const job = await createJobOrder(deps, org, client.id, {
        title: j.title,
        roleKind: j.roleKind,
        hiringAuthorityId: contacts.get(j.authority)!.id,
        recruiterId,
      });
      jobs.set(j.key, job.id);
    }
  }
  return { contacts, jobs };
}

/** Play one thing that happened to a submission: a client's answer, a move, a placement, a nudge. */
async function playSubmissionEvent(
  deps: DemoDeps,
  org: string,
  submissionId: string,
  e: Event,
  context: { at: DayAt; actor: Actor },
): Promise<void> {
  const { at, actor } = context;
  switch (e.do) {
    case 'answer_interview':
      await recordClientAnswer(deps, org, submissionId, { answer: 'interview', channel: 'phone' }, actor);
      return;
    case 'answer_decline':
      await recordClientAnswer(
        deps,
        org,
        submissionId,
        { answer: 'decline', reason: e.reason, channel: 'email' },
        actor,
      );
      return;
    case 'answer_more_time':
      await recordClientAnswer(
        deps,
        org,
        submissionId,
        { answer: 'more_time', until: at(e.untilDaysAgo, 22), channel: 'phone' },
        actor,
      );
      return;
    case 'move':
      // A placement is its own record (start date, fee, guarantee, check-ins).
      if (e.stage === 'placed') {
        // The candidate starts two weeks after accepting.
        const start = new Date(at(e.daysAgo, 15).getTime() + 14 * DAY).toISOString().slice(0, 10);
        await placeSubmission(
          deps,
          org,
          submissionId,
          { startDate: start, fee: { kind: 'percent', percent: 20 } },
          actor,
        );
      } else await moveSubmission(deps, org, submissionId, { stage: e.stage });
      return;
    case 'nudge':
      await sendNudge(
        deps,
        org,
        submissionId,
        { text: e.text, channel: 'email', nextContactAt: at(e.nextContactDaysAgo, 16) },
        actor,
      );
      return;
  }
}

/**
 * Add every story's candidate now, and plan its submission, what followed it, and every logged
 * client contact as steps for the replay.
 */
async function planAgencySteps(
  deps: DemoDeps,
  org: string,
  context: { contacts: Map<ContactKey, ClientContact>; jobs: Map<JobKey, string>; at: DayAt; actor: Actor },
): Promise<Step[]> {
  const { contacts, jobs, at, actor } = context;
  const steps: Step[] = [];
  for (const story of SUBMISSIONS) {
    const candidate = await createCandidate(deps, org, story.candidate);
    let submissionId = '';
    steps.push({
      when: at(story.daysAgo, story.daysAgo === 0 ? 13 : 15),
      run: async () => {
        const { submission } = await createSubmission(
          deps,
          org,
          {
            jobId: jobs.get(story.job)!,
            candidateId: candidate.id,
            pitch: story.pitch,
            consentNote: 'Agreed on a call to be sent to this client.',
          },
          actor,
        );
        submissionId = submission.id;
      },
    });
    for (const e of story.events) {
      steps.push({
        when: at(e.daysAgo, 17),
        run: () => playSubmissionEvent(deps, org, submissionId, e, { at, actor }),
      });
    }
  }
  for (const log of CONTACT_LOGS) {
    steps.push({
      when: at(log.daysAgo, 18),
      run: async () => {
        await logClientContact(
          deps,
          org,
          contacts.get(log.contact)!.id,
          {
            channel: log.channel,
            direction: 'outbound',
            summary: log.summary,
            nextContactAt: at(log.nextContactDaysAgo, 16),
          },
          actor,
        );
      },
    });
  }
  return steps;
}

/**
 * Run the steps in time order, hour by hour up to `end`, so the worker (when given) prompts and
 * escalates on time; steps planned after `end` run last; the clock ends at `end`.
 */
async function replayAgencySteps(
  clock: ManualClock,
  steps: Step[],
  end: Date,
  tick: (() => Promise<void>) | undefined,
): Promise<void> {
  // Every event in time order, so the clock only moves forward.
  steps.sort((a, b) => a.when.getTime() - b.when.getTime());
  let next = 0;
  for (let t = clock.now().getTime(); t <= end.getTime(); t += HOUR) {
    while (next < steps.length && steps[next]!.when.getTime() <= t) {
      clock.set(steps[next]!.when);
      await steps[next]!.run();
      next += 1;
    }
    clock.set(new Date(t));
    await tick?.();
  }
  while (next < steps.length) {
    clock.set(steps[next]!.when);
    await steps[next]!.run();
    next += 1;
  }
  clock.set(end);
  await tick?.();
}

/**
 * Build a sample agency through the real use cases, replaying two weeks on a manual clock: three
 * clients with different terms and contacts in New York, Honolulu, Los Angeles, London and Paris,
 * job orders, submissions in every stage, logged contacts that each set the next, and a slow client
 * past its agreed deadline — so the desk opens with nudges due. The clock ends where it started.
 */
export async function createAgencyDemoOrganization(
  deps: DemoDeps,
  options: { tick?: (orgId: string) => Promise<void> } = {},
): Promise<AgencyDemoSummary> {
  const end = deps.clock.now();
  const at = agencyDayAt(end);
  deps.clock.set(at(15, 14));
  const name = 'Harbor & Pine Talent (demo)';
  const { org, june, apiToken, password } = await seedAgencyTeam(deps, name);
  const actor = { memberId: june.id };
  const { contacts, jobs } = await seedClients(deps, org, june.id);
  const steps = await planAgencySteps(deps, org, { contacts, jobs, at, actor });
  const tick = options.tick;
  await replayAgencySteps(deps.clock, steps, end, tick && (() => tick(org)));
  return {
    organizationId: org,
    name,
    apiToken,
    members: 2,
    clients: CLIENTS.length,
    jobOrders: jobs.size,
    candidates: SUBMISSIONS.length,
    submissions: SUBMISSIONS.length,
    signIn: { email: june.email, password },
  };
}
