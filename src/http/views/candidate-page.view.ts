import { humanDate, humanDateTime } from '../../domain/format.ts';
import { describeStatusLinks } from '../../domain/sign-in-links.ts';
import { escapeHtml as e } from '../../domain/template-html.ts';
import type { StatusView } from '../../services/candidate-page.service.ts';

/** The page shell: mobile-first, no JavaScript, readable at any size. */
export function candidateShell(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${e(title)}</title>
<style>
*{box-sizing:border-box}body{font:17px/1.55 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;color:#1b1b1f;background:#f6f6f8}
main{max-width:40rem;margin:0 auto;padding:1rem}h1{font-size:1.5rem;line-height:1.25;margin:.5rem 0 1rem}h2{font-size:1.15rem;margin:0 0 .5rem}
section{background:#fff;border:1px solid #d9d9e0;border-radius:10px;padding:1rem;margin:0 0 1rem}
.promise{border-left:6px solid #2945c4}.lead{font-size:1.1rem}.muted{color:#4a4a55}
label{display:block;font-weight:600;margin:.6rem 0 .25rem}textarea,select,input[type=text]{font:inherit;width:100%;padding:.6rem;border:1px solid #6e6e7a;border-radius:8px}
textarea{min-height:8rem}button{font:inherit;min-height:44px;padding:.55rem 1.1rem;border:0;border-radius:8px;background:#2945c4;color:#fff;margin-top:.6rem;cursor:pointer}
button.secondary{background:#fff;color:#2945c4;border:2px solid #2945c4}button.danger{background:#a1131b}
.notice{background:#eef6ee;border:1px solid #2f7d32;border-radius:8px;padding:.6rem .8rem;margin:0 0 1rem}.error{background:#fdeeee;border:1px solid #a1131b;border-radius:8px;padding:.6rem .8rem;margin:0 0 1rem}
details{margin:.4rem 0}summary{cursor:pointer;font-weight:600}pre{white-space:pre-wrap;font:inherit;margin:.5rem 0}
fieldset{border:0;padding:0;margin:0}legend{font-weight:600;margin-bottom:.3rem}.stars label{display:inline-block;font-weight:400;margin-right:.8rem}
a{color:#2945c4}:focus-visible{outline:3px solid #ffb300;outline-offset:2px}
</style></head>
<body><main id="main">${body}</main></body></html>`;
}

/** The neutral answer for every link that does not work — wrong, expired, revoked or erased alike. */
export function invalidLinkPage(): string {
  return candidateShell(
    'This link does not work',
    `<h1>This link does not work</h1>
<section><p>It may have expired or been replaced by a newer one. The newest email from the hiring team has a link that works.</p>
<p class="muted">If you need help, reply to that email.</p></section>`,
  );
}

const NOTICES: Record<string, string> = {
  thank_you: 'Your thank-you note was sent to your interviewers.',
  check_in: 'Your message was sent. The team will answer by the end of the next business day.',
  confirm: 'Thank you — the team knows you are still interested.',
  withdraw: 'You withdrew your application. The team will not contact you about this role again.',
  feedback: 'Your request was sent. The team will answer within three business days.',
  rating: 'Thank you for rating your experience.',
  time_zone: 'Times on this page now use your time zone.',
  pool_join: 'Thank you — we will keep in touch, as you chose.',
  pool_decline: 'Understood — we will not contact you about other roles.',
  pool_leave: 'You left our talent pool. We will not contact you about other roles.',
};

/** The status page's forms: each posts to /s/<action> with the CSRF token, and a refused one gets its text back. */
interface StatusForms {
  form: (action: string, inner: string, button: string, cls?: string) => string;
  keptText: (action: string) => string;
}

/** Render the status page. `csrf` goes into every form; `notice`/`error` come from the last action. */
export function statusPage(
  v: StatusView,
  opts: {
    csrf: string;
    notice?: string | undefined;
    error?: string | undefined;
    zones: string[];
    /** What the candidate typed into a form that was refused: it goes back into that form. */
    kept?: { action: string; text: string } | undefined;
  },
): string {
  const hidden = `<input type="hidden" name="csrf" value="${e(opts.csrf)}">`;
  const f: StatusForms = {
    keptText: (action) => (opts.kept?.action === action ? e(opts.kept.text) : ''),
    form: (action, inner, button, cls = '') =>
      `<form method="post" action="/s/${action}">${hidden}${inner}<button type="submit"${cls ? ` class="${cls}"` : ''}>${e(button)}</button></form>`,
  };
  const parts: string[] = [];
  parts.push(`<h1>Your application for ${e(v.job.title)} at ${e(v.organizationName)}</h1>`);
  const notice = opts.notice ? NOTICES[opts.notice] : undefined;
  if (notice) parts.push(`<p class="notice" role="status">${e(notice)}</p>`);
  if (opts.error) parts.push(`<p class="error" role="alert">${e(opts.error)}</p>`);
  parts.push(...promiseSection(v), ...statusSection(v));
  // Once withdrawn or told the outcome, there is nothing left to send about this application.
  if (!v.withdrawn && !v.outcomeDelivered) {
    parts.push(...thankYouSection(v, f), ...checkInSection(v, f), ...interestSection(v, f));
  }
  parts.push(
    ...feedbackSection(v, f),
    ...ratingSection(v, f),
    ...poolSection(v, f),
    ...messagesSection(v),
    ...settingsSection(v, f, opts.zones),
  );
  return candidateShell(`Your application · ${v.organizationName}`, parts.join('\n'));
}

/** When the candidate will hear from us: the promise, or the outcome once told. */
function promiseSection(v: StatusView): string[] {
  const out: string[] = [];
  out.push(
    `<section class="promise" aria-labelledby="h-promise"><h2 id="h-promise">When you will hear from us</h2>`,
  );
  if (v.outcomeDelivered) {
    out.push(`<p class="lead">${e(v.status.words)}</p><p>${e(v.next)}</p>`);
  } else if (v.promise) {
    out.push(
      `<p class="lead">We promised to contact you by <strong>${e(v.promise.dueDate)}</strong>.</p>`,
      `<p class="muted">What we said: “${e(v.promise.statement)}”</p>`,
      `<p>Today is day ${v.promise.dayOfWait} since your interview. ${v.promise.overdue ? 'We are late, and we are sorry: the team has been reminded.' : e(v.next)}</p>`,
    );
  } else {
    out.push(`<p class="lead">${e(v.status.words)}</p><p>${e(v.next)}</p>`);
  }
  if (v.contact) out.push(`<p class="muted">Your contact: ${e(v.contact.name)}</p>`);
  out.push('</section>');
  return out;
}

/** Where things stand, and the interviews done. */
function statusSection(v: StatusView): string[] {
  const out: string[] = [];
  out.push(
    `<section aria-labelledby="h-status"><h2 id="h-status">Where things stand</h2><p>${e(v.status.words)}</p>`,
  );
  if (v.interviews.length > 0) {
    out.push(
      `<p>Interviews done:</p><ul>${v.interviews
        .map((i) => `<li>${e(i.title)}${i.at ? ` — ${e(humanDate(i.at, v.timeZone))}` : ''}</li>`)
        .join('')}</ul>`,
    );
  }
  out.push('</section>');
  return out;
}

/** The thank-you note: its form until one is sent. */
function thankYouSection(v: StatusView, { form, keptText }: StatusForms): string[] {
  const out: string[] = [];
  out.push(`<section aria-labelledby="h-thanks"><h2 id="h-thanks">Send a thank-you note</h2>`);
  if (v.thankYou.sent) {
    out.push('<p>You sent a thank-you note. Thank you!</p>');
  } else {
    out.push(
      v.thankYou.open
        ? `<p>Best sent within 48 hours of the interview: <strong>${v.thankYou.hoursLeft} hours left</strong>.</p>`
        : '<p>The best time (48 hours after the interview) has passed, but a short note is still welcome.</p>',
      `<p class="muted">Keep it short and specific: thanks, your interest, one or two points from the conversation, what you would bring. Up to ${v.thankYou.wordLimit} words. It is never a condition for anything.</p>`,
      form(
        'thank-you',
        `<label for="thank-you-text">Your note</label><textarea id="thank-you-text" name="text" required>${keptText('thank-you')}</textarea>`,
        'Send the note',
      ),
    );
  }
  out.push('</section>');
  return out;
}

/** Checking in: open once the promised date has passed, within the limit. */
function checkInSection(v: StatusView, { form, keptText }: StatusForms): string[] {
  const out: string[] = [];
  out.push(`<section aria-labelledby="h-checkin"><h2 id="h-checkin">Check in</h2>`);
  const c = v.checkIn;
  if (c.allowed) {
    out.push(
      `<p>The promised date has passed. You can send the team a short message (${c.remaining} left).</p>`,
      form(
        'check-in',
        `<label for="check-in-text">Your message</label><textarea id="check-in-text" name="text" required>${keptText('check-in')}</textarea>`,
        'Send',
      ),
    );
  } else if (c.reason === 'before_grace' || c.reason === 'too_soon') {
    out.push(
      `<p>You can check in from <strong>${e(humanDateTime(c.opensAt, v.timeZone))}</strong>. Until then there is no need: the team has a date to keep and is reminded before it.</p>`,
    );
  } else if (c.reason === 'limit_reached') {
    out.push('<p>You have checked in as often as you can here. The team will contact you.</p>');
  } else {
    out.push('<p>The team will contact you; there is nothing you need to do.</p>');
  }
  out.push('</section>');
  return out;
}

/** Still interested, or withdraw. */
function interestSection(v: StatusView, { form }: StatusForms): string[] {
  const out: string[] = [];
  out.push(
    `<section aria-labelledby="h-interest"><h2 id="h-interest">Still interested?</h2>`,
    v.interestConfirmed
      ? '<p>You told the team you are still interested.</p>'
      : form('confirm', '', 'Yes, I am still interested', 'secondary'),
    form(
      'withdraw',
      '<p class="muted">If you have accepted another offer or changed your mind, you can withdraw. The team will not contact you about this role again.</p>',
      'Withdraw my application',
      'danger',
    ),
    '</section>',
  );
  return out;
}

/** Asking for feedback, where the team offers it. */
function feedbackSection(v: StatusView, { form }: StatusForms): string[] {
  const out: string[] = [];
  if (!v.feedbackRequest.allowed) return out;

  out.push(
    `<section aria-labelledby="h-feedback"><h2 id="h-feedback">Feedback</h2>`,
    v.feedbackRequest.requested
      ? '<p>You asked for feedback; the team will answer.</p>'
      : form(
          'feedback',
          '<p>You can ask the team for more feedback on your interviews.</p>',
          'Ask for feedback',
          'secondary',
        ),
    '</section>',
  );
  return out;
}

/** Rating the experience, where it is asked. */
function ratingSection(v: StatusView, { form }: StatusForms): string[] {
  const out: string[] = [];
  if (!v.rating.allowed) return out;

  const stars = [1, 2, 3, 4, 5]
    .map(
      (n) =>
        `<label><input type="radio" name="rating" value="${n}" required${v.rating.given?.rating === n ? ' checked' : ''}> ${n}</label>`,
    )
    .join('');
  out.push(
    `<section aria-labelledby="h-rating"><h2 id="h-rating">How was your experience?</h2>`,
    form(
      'rating',
      `<fieldset class="stars"><legend>From 1 (poor) to 5 (excellent)</legend>${stars}</fieldset><label for="rating-comment">Anything to add? (optional)</label><textarea id="rating-comment" name="comment">${e(v.rating.given?.comment ?? '')}</textarea>`,
      v.rating.given ? 'Update my rating' : 'Send my rating',
    ),
    '</section>',
  );
  return out;
}

/** The talent pool: the invitation, the membership, or the refusal. */
function poolSection(v: StatusView, { form }: StatusForms): string[] {
  const out: string[] = [];
  if (!v.pool) return out;

  out.push(`<section aria-labelledby="h-pool"><h2 id="h-pool">Stay in touch?</h2>`);
  if (v.pool.status === 'invited') {
    const months = v.pool.monthChoices
      .map((n, i) => `<option value="${n}"${i === 0 ? ' selected' : ''}>${n} months</option>`)
      .join('');
    out.push(
      `<p>The team would like to keep in touch about ${e(v.pool.offer || 'future roles that fit you')}. It is your choice; nothing changes if you say no.</p>`,
      form(
        'pool-join',
        `<label for="pool-interests">What would you like to hear about? (optional)</label><textarea id="pool-interests" name="text" maxlength="1000"></textarea><label for="pool-months">For how long</label><select id="pool-months" name="months">${months}</select>`,
        'Yes, keep in touch',
      ),
      form('pool-decline', '', 'No, thank you', 'secondary'),
    );
  } else if (v.pool.status === 'opted_in') {
    out.push(
      `<p>You are in the team's talent pool${v.pool.consentUntil ? ` until ${e(humanDate(v.pool.consentUntil, v.timeZone))}` : ''}${v.pool.interests ? `, for: ${e(v.pool.interests)}` : ''}. After that, you leave it on your own.</p>`,
      form('pool-leave', '', 'Leave the talent pool', 'secondary'),
    );
  } else {
    out.push('<p>You chose not to stay in touch. We will not contact you about other roles.</p>');
  }
  out.push('</section>');
  return out;
}

/** The messages sent to the candidate. */
function messagesSection(v: StatusView): string[] {
  const out: string[] = [];
  out.push(`<section aria-labelledby="h-messages"><h2 id="h-messages">Messages we sent you</h2>`);
  if (v.messages.length === 0) out.push('<p>None yet.</p>');
  for (const m of v.messages) {
    out.push(
      `<details><summary>${e(m.subject)}${m.sentAt ? ` — ${e(humanDate(m.sentAt, v.timeZone))}` : ''}</summary><pre>${e(describeStatusLinks(m.bodyText))}</pre></details>`,
    );
  }
  out.push('</section>');
  return out;
}

/** The time zone, the data download and erasure. */
function settingsSection(v: StatusView, { form }: StatusForms, zones: string[]): string[] {
  const out: string[] = [];
  const options = zones.map((z) => `<option${z === v.timeZone ? ' selected' : ''}>${e(z)}</option>`).join('');
  out.push(
    `<section aria-labelledby="h-settings"><h2 id="h-settings">Your time zone and your data</h2>`,
    form(
      'time-zone',
      `<label for="tz">Times are shown in</label><select id="tz" name="timeZone">${options}</select>`,
      'Change time zone',
      'secondary',
    ),
    `<p><a href="/s/export.json" download="my-application.json">Download my data (JSON)</a></p>`,
    form(
      'erase',
      '<p class="muted">Erase my data: your name, contact details and messages are removed from our systems. This cannot be undone.</p>',
      'Erase my data',
      'danger',
    ),
    '</section>',
  );
  return out;
}

/** The page after an erasure. */
export function erasedPage(scheduledFor: Date | null): string {
  return candidateShell(
    'Your data',
    scheduledFor
      ? `<h1>Your data will be erased</h1><section><p>The law requires us to keep your application until ${e(scheduledFor.toISOString().slice(0, 10))}. It will be erased then, and nothing more will be sent to you.</p></section>`
      : '<h1>Your data was erased</h1><section><p>Your name, contact details and messages have been removed. This link no longer works.</p></section>',
  );
}

/**
 * The confirmation step before an irreversible action (withdraw, erase): works without JavaScript,
 * a second form that carries `confirmed=yes`, and a way back that changes nothing.
 */
export function confirmPage(action: 'withdraw' | 'erase', csrf: string, organizationName: string): string {
  const what =
    action === 'withdraw'
      ? {
          title: 'Withdraw your application?',
          body: 'The team will stop the process and will not contact you about this role again. You cannot undo this.',
          button: 'Yes, withdraw my application',
        }
      : {
          title: 'Erase your data?',
          body: 'Your name, contact details and messages will be removed from our systems. You will not be able to open this page again. You cannot undo this.',
          button: 'Yes, erase my data',
        };
  return candidateShell(
    `${what.title} · ${organizationName}`,
    [
      `<h1>${e(what.title)}</h1>`,
      `<section><p>${e(what.body)}</p>`,
      `<form method="post" action="/s/${action}"><input type="hidden" name="csrf" value="${e(csrf)}"><input type="hidden" name="confirmed" value="yes"><button type="submit" class="danger">${e(what.button)}</button></form>`,
      `<p><a href="/s">No, go back</a></p></section>`,
    ].join('\n'),
  );
}
