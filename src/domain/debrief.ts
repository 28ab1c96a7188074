/**
 * The candidate side of the agency desk, as pure rules: when the client's feedback after an
 * interview at the client is due (the agreed terms, or the client's own promise when it is
 * earlier or was given as a date), when the debrief is due (the same business day, in the
 * candidate's zone), the thank-you note a debrief suggests, and the client nudge drafted from
 * what is new. Nothing here invents news: a draft with nothing new says what could be added.
 */
import { endOfBusinessDaysAfter, type BusinessCalendar } from './business-time.ts';
import type { PromiseResolutionKind } from './model.ts';

/** The client's promise at an interview, as the promise engine resolved it. */
export interface ClientPromise {
  dueAt: Date;
  resolution: PromiseResolutionKind;
}

/**
 * When the client's feedback after an interview is due: the agreed deadline, unless the client
 * named a time that is earlier, or gave an explicit date (their word replaces the terms). A vague
 * promise (the policy default) changes nothing: the terms were agreed up front.
 */
export function clientFeedbackDueAfterInterview(promise: ClientPromise, termsDueAt: Date): Date {
  if (promise.resolution === 'explicit') return promise.dueAt;
  if (promise.resolution === 'parsed' && promise.dueAt.getTime() < termsDueAt.getTime()) return promise.dueAt;
  return termsDueAt;
}

/**
 * When the debrief is due: close of the candidate's business day of the interview; an interview
 * that ended after that close (or on a day off) is debriefed by the next business day's close.
 */
export function debriefDue(interviewAt: Date, candidateCalendar: BusinessCalendar): Date {
  const sameDay = endOfBusinessDaysAfter(interviewAt, 0, candidateCalendar);
  return sameDay.getTime() > interviewAt.getTime()
    ? sameDay
    : endOfBusinessDaysAfter(interviewAt, 1, candidateCalendar);
}

/** What the recruiter learnt in a debrief, as the guided form asks it. */
export interface DebriefPoints {
  /** What went well, in the candidate's words. */
  impressions: string;
  /** What surprised them (the role, the team, the process). */
  surprises: string;
  /** 1 (not interested any more) to 5 (wants it). */
  interestLevel: number;
  nextSteps: string;
  questionsForClient: string;
  availability: string;
}

/** How the debrief form words each interest level. */
export const INTEREST_WORDS: Record<number, string> = {
  1: 'no longer interested',
  2: 'lukewarm',
  3: 'interested, with doubts',
  4: 'keen',
  5: 'very keen',
};

/** A thank-you note the recruiter passes on to the candidate, with why it reads as it does. */
export interface ThankYouSuggestion {
  /** Null when the candidate is not interested any more: a note would reaffirm what is not true. */
  text: string | null;
  /** One line for the recruiter: what to tell the candidate with it. */
  advice: string;
}

/** First sentence of a free-text point, without its closing punctuation, for quoting inline. */
function firstPoint(text: string): string {
  const first = text.trim().split(/(?<=[.!?])\s+|\n/)[0] ?? '';
  return first.replace(/[.!?;:,\s]+$/, '');
}

/** Lower-case the first letter unless the word looks like a name or an acronym. */
function inline(text: string): string {
  if (/^[A-Z][a-z]/.test(text) && !/^(I|I'm|I've)\b/.test(text))
    return text[0]!.toLowerCase() + text.slice(1);
  return text;
}

/**
 * The thank-you note a debrief suggests: short, specific (one point the candidate enjoyed), the
 * open question as a line of interest, and the interest reaffirmed only as far as it is true.
 * The recruiter hands it to the candidate to send in their own name (within 48 hours).
 */
export function suggestThankYou(input: {
  candidateName: string;
  interviewers: string[];
  jobTitle: string;
  clientName: string;
  points: DebriefPoints;
}): ThankYouSuggestion {
  const { points } = input;
  if (points.interestLevel <= 1) {
    return {
      text: null,
      advice:
        'The candidate is no longer interested: no thank-you note that says otherwise. Agree with them how the client is told.',
    };
  }
  const greeting =
    input.interviewers.length === 0
      ? 'Hello,'
      : input.interviewers.length === 1
        ? `Dear ${input.interviewers[0]},`
        : `Dear ${input.interviewers.slice(0, -1).join(', ')} and ${input.interviewers.at(-1)},`;
  const highlight = firstPoint(points.impressions);
  const question = firstPoint(points.questionsForClient);
  const lines = [
    greeting,
    '',
    `Thank you for your time today and for the conversation about the ${input.jobTitle} role.` +
      (highlight ? ` I especially valued ${inline(highlight)}.` : ''),
  ];
  if (question) lines.push(`I would be glad to hear more about ${inline(question)} when we next speak.`);
  lines.push(
    points.interestLevel >= 4
      ? `I am very interested in joining ${input.clientName} and look forward to the next step.`
      : `I am interested in the role at ${input.clientName} and look forward to hearing from you.`,
    '',
    'Best regards,',
    input.candidateName,
  );
  return {
    text: lines.join('\n'),
    advice:
      points.interestLevel >= 4
        ? 'Pass this on for the candidate to make their own and send within 48 hours of the interview.'
        : 'The candidate has doubts: let them soften or drop the line of interest before they send it, within 48 hours.',
  };
}

/** The candidate's other interviews or offers in this organization, as a nudge may mention them. */
export interface OtherProcess {
  kind: 'interview' | 'offer';
  at: Date;
}

/** Everything new since the last contact with the client that a nudge could carry. */
export interface NudgeNews {
  contactName: string;
  candidateName: string;
  jobTitle: string;
  /** The candidate's other interviews and offers since then (never the other clients' names). */
  otherProcesses: OtherProcess[];
  /** Whether the candidate said, in a debrief, that those may be mentioned to this client. */
  mayMentionOtherProcesses: boolean;
  /** The latest debrief since then, if any. */
  debrief: Pick<DebriefPoints, 'interestLevel' | 'questionsForClient' | 'availability'> | null;
  /** Other candidates submitted to the same job since then. */
  newCandidates: number;
  /** Facts the recruiter adds (market, references, anything the client would want). */
  facts: string[];
}

/** A nudge draft: the text (null when nothing is new), the news it carries, and what could be added. */
export interface NudgeDraft {
  text: string | null;
  /** One line per piece of news used, for the composer to show. */
  news: string[];
  /** What the recruiter could find out or add; the whole answer when there is no news. */
  couldAdd: string[];
}

/**
 * Draft a client nudge from what is new. Each piece of news is one line, worded so the client sees
 * a reason to answer now; the candidate's other processes are mentioned only with their say-so
 * and never name the other company. With nothing new, no text: the draft lists what could be added.
 */
export function draftNudge(n: NudgeNews): NudgeDraft {
  const news: string[] = [];
  const couldAdd: string[] = [];
  const first = n.candidateName.split(/\s+/)[0] ?? n.candidateName;
  const interviews = n.otherProcesses.filter((p) => p.kind === 'interview').length;
  const offers = n.otherProcesses.filter((p) => p.kind === 'offer').length;
  if (n.otherProcesses.length > 0 && n.mayMentionOtherProcesses) {
    if (offers > 0) news.push(`${first} has received another offer, so timing matters on our side.`);
    if (interviews > 0) {
      news.push(
        `${first} is also interviewing elsewhere (${interviews === 1 ? 'one other process' : `${interviews} other processes`} moved forward since we spoke).`,
      );
    }
  } else if (n.otherProcesses.length > 0) {
    couldAdd.push(
      `Ask ${first} whether you may mention their other interviews or offers (${n.otherProcesses.length} since your last contact); record their answer in the debrief.`,
    );
  } else {
    couldAdd.push(`Ask ${first} about other interviews or offers they have in progress.`);
  }
  if (n.debrief) {
    const level = INTEREST_WORDS[n.debrief.interestLevel] ?? '';
    news.push(
      `An update from the candidate after the interview: ${first} is ${level} (${n.debrief.interestLevel} of 5).`,
    );
    const q = n.debrief.questionsForClient.trim();
    if (q) news.push(`${first} has questions for you: ${q.replace(/\s+/g, ' ')}`);
    const a = n.debrief.availability.trim();
    if (a) news.push(`New availability: ${a.replace(/\s+/g, ' ')}`);
    else couldAdd.push(`Give ${first}'s availability for a next round, or their notice period.`);
  } else {
    couldAdd.push(
      `Debrief ${first} (interest level, questions for the client, availability): it is news for the client.`,
    );
  }
  if (n.newCandidates > 0) {
    news.push(
      `I have submitted ${n.newCandidates === 1 ? 'a new candidate' : `${n.newCandidates} new candidates`} for the ${n.jobTitle} role since we spoke.`,
    );
  } else {
    couldAdd.push('Submit another candidate to this job, if you have one: coverage is news.');
  }
  for (const f of n.facts.map((x) => x.trim()).filter(Boolean)) news.push(f);
  if (n.facts.length === 0)
    couldAdd.push('Add a fact of the market (salary range, a competitor hiring, references back).');
  if (news.length === 0) return { text: null, news, couldAdd };
  const contactFirst = n.contactName.split(/\s+/)[0] ?? n.contactName;
  const text = [
    `Hello ${contactFirst},`,
    '',
    `Some news on ${n.candidateName} for the ${n.jobTitle} role:`,
    ...news.map((l) => `- ${l}`),
    '',
    'Could we talk this week about the next step?',
  ].join('\n');
  return { text, news, couldAdd };
}
