import { humanDate, humanDateTime } from '../../domain/format.ts';
import type { ClientLinkAnswer } from '../../domain/client-links.ts';
import { escapeHtml as e } from '../../domain/template-html.ts';
import type { ClientPage } from '../../services/client-answer.service.ts';
import { candidateShell } from './candidate-page.view.ts';

const CHOICES: { value: ClientLinkAnswer; label: string }[] = [
  { value: 'interview', label: 'Interview this candidate' },
  { value: 'decline', label: 'Decline' },
  { value: 'more_time', label: 'I need more time' },
];

/** Why a link no longer answers, in plain words; never a bare error. */
function closedText(page: Exclude<ClientPage, { state: 'open' }>): { title: string; body: string } {
  if (page.state === 'unknown') {
    return {
      title: 'This link does not work',
      body: 'Check that the whole link was copied from the email, or reply to the email to answer.',
    };
  }
  const who = e(page.recruiterName);
  const when = page.at ? ` on ${e(humanDateTime(page.at, 'UTC'))} (UTC)` : '';
  switch (page.state) {
    case 'used':
      return {
        title: 'Your answer is already recorded',
        body: `This link was used to answer about ${e(page.candidateName)}${when}. ${who} has it; to change it, reply to the email.`,
      };
    case 'revoked':
      return {
        title: 'This link was withdrawn',
        body: `${who} withdrew this link${when}. Reply to the email to answer.`,
      };
    case 'expired':
      return {
        title: 'This link has expired',
        body: `Answer links work for a limited time. Reply to the email and ${who} will record your answer.`,
      };
    case 'closed':
      return {
        title: 'This submission is closed',
        body: `There is nothing left to answer about ${e(page.candidateName)} here. ${who} can help if anything changed.`,
      };
  }
}

/** The page for a link that does not answer (unknown, used, revoked, expired, closed). */
export function clientLinkClosedPage(page: Exclude<ClientPage, { state: 'open' }>): string {
  const t = closedText(page);
  return candidateShell(t.title, `<h1>${e(t.title)}</h1><section><p>${t.body}</p></section>`);
}

/** "Too many attempts" for the rate limit. */
export function clientTooManyPage(): string {
  return candidateShell(
    'Please wait',
    '<h1>Please wait a minute</h1><section><p>Too many attempts from your connection.</p></section>',
  );
}

/**
 * The answer form for one submission: who, for which job, the pitch and the agreed deadline —
 * nothing about other candidates, no contact details of the candidate. Works without JavaScript.
 */
export function clientAnswerPage(
  page: Extract<ClientPage, { state: 'open' }>,
  opts: {
    choice?: string | undefined;
    error?: string | undefined;
    kept?: { reason?: string | undefined; date?: string | undefined } | undefined;
  },
): string {
  const f = page.facts;
  const choice = CHOICES.some((c) => c.value === opts.choice) ? opts.choice : undefined;
  const radios = CHOICES.map(
    (c) =>
      `<label class="choice"><input type="radio" name="answer" value="${c.value}" required${
        c.value === choice ? ' checked' : ''
      }> ${e(c.label)}</label>`,
  ).join('\n');
  const deadline = f.feedbackDueAt
    ? `<p>We agreed on an answer by <strong>${e(humanDate(f.feedbackDueAt, page.timeZone))}</strong>.</p>`
    : '';
  return candidateShell(
    `Your answer about ${f.candidateName}`,
    `<h1>${e(f.candidateName)} for ${e(f.jobTitle)}</h1>
${opts.error ? `<p class="error" role="alert">${e(opts.error)}</p>` : ''}
<section aria-labelledby="h-who"><h2 id="h-who">Why ${e(f.recruiterName)} put ${e(f.candidateName)} forward</h2>
<pre>${e(f.pitch)}</pre>${deadline}
<p class="muted">For ${e(f.clientName)}, sent to ${e(f.contactName)} by ${e(f.recruiterName)} (${e(f.organizationName)}).</p></section>
<section aria-labelledby="h-answer"><h2 id="h-answer">Your answer</h2>
<form method="post">
<fieldset><legend>What would you like to do?</legend>
${radios}
</fieldset>
<label for="answer-date">Date — the day you will answer by (more time), or a day you propose for the interview</label>
<input type="date" id="answer-date" name="date" value="${e(opts.kept?.date ?? '')}">
<label for="answer-reason">Reason (needed for a decline; it helps us tell the candidate) or a note</label>
<textarea id="answer-reason" name="reason" maxlength="1000">${e(opts.kept?.reason ?? '')}</textarea>
<button type="submit">Send my answer</button>
<p class="muted">Nothing is recorded until you send. This page is private to this candidate and works once.</p>
</form></section>`,
  );
}

/** After the answer: what happens next. */
export function clientAnsweredPage(
  answer: ClientLinkAnswer,
  recruiterName: string,
  candidateName: string,
): string {
  const what =
    answer === 'interview'
      ? `${e(recruiterName)} will arrange the interview with ${e(candidateName)}.`
      : answer === 'decline'
        ? `${e(recruiterName)} will let ${e(candidateName)} know.`
        : `${e(recruiterName)} will tell ${e(candidateName)} and wait for your answer by the date you gave.`;
  return candidateShell(
    'Thank you',
    `<h1>Thank you — your answer is recorded</h1><section><p class="notice" role="status">${what}</p></section>`,
  );
}
