/**
 * Email templates: per-organization, user-editable Liquid sources with good defaults, rendered to
 * a plain-text and an HTML version.
 *
 * Sandbox (templates are written by users, rendered by the worker):
 * - No file system: `include`, `render` and `layout` are removed from the engine, so using them
 *   is a syntax error; as a second wall, `templates: {}` makes any lookup an in-memory miss.
 * - `ownPropertyOnly`: `{{ candidate.constructor }}` and other prototype members render empty.
 * - `strictFilters`: an unknown filter is a syntax error, not a silent no-op.
 * - DoS limits: {@link TEMPLATE_LIMITS} (source length, allocations such as ranges and string
 *   concatenation, render time, output length). No tag or filter that runs code is registered.
 * - Undefined variables render empty (a missing value must not block an outcome), but
 *   {@link validateTemplate} reports every variable the template's key does not document.
 *
 * Escaping: the text version is the raw Liquid output; the HTML version is `textToHtml(text)`, so
 * static template text and variables are escaped the same way and an author cannot inject markup.
 *
 * Pure: no I/O, no clock.
 */
import { Liquid, type Template } from 'liquidjs';

/** Every email Hearback sends from a template. */
export const TEMPLATE_KEYS = [
  'rejection',
  'advance',
  'offer',
  'update',
  'job_closed',
  'reminder',
  'escalation',
  'digest',
  'status_link',
  'failure_alert',
  'written_promise',
  'pool_invitation',
  'calendar_invitation',
  'calendar_update',
  'calendar_cancel',
] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

/** Liquid sources; the body is plain text, paragraphs separated by blank lines. */
export interface TemplateSource {
  subject: string;
  body: string;
}

/** A rendered email, ready for the outbox. */
export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/** Size and work limits; sources over `subject`/`body` fail validation. */
export const TEMPLATE_LIMITS = {
  /** Subject source and rendered subject, in characters. */
  subject: 200,
  /** Body source, in characters. */
  body: 20_000,
  /** Liquid `parseLimit`: characters parsed in one call (a backstop above `body`). */
  parse: 100_000,
  /** Liquid `memoryLimit`: allocations per render (range items, concatenated characters …). */
  memory: 200_000,
  /** Liquid `renderLimit`: milliseconds per render. */
  renderMs: 1_000,
  /** Rendered body, in characters. */
  output: 200_000,
} as const;

/** What went wrong: the source does not parse, it exceeds a limit, or rendering failed. */
export type TemplateErrorKind = 'syntax' | 'limit' | 'render';

/** A template that cannot be parsed or rendered; the message is written for the template author. */
export class TemplateError extends Error {
  constructor(
    message: string,
    readonly kind: TemplateErrorKind,
    readonly part: 'subject' | 'body',
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'TemplateError';
  }
}

// ---------------------------------------------------------------------------------------------
// Variables

const COMMON = [
  'organization.name',
  'candidate.name',
  'candidate.first_name',
  'job.title',
  'owner.name',
  'owner.email',
  'status_link',
];

/** A calendar email's variables: `when` is the interview's time in the recipient's zone, with the zone. */
const CALENDAR = [...COMMON, 'interview.title', 'when', 'location'];

/**
 * The variables each template can use. Candidate emails get the common set (organization,
 * candidate, job, owner, status link); team notices get `organization.name` and their own.
 * `reasons` and `strengths` are arrays of strings; `overdue` and `due_today` are arrays of
 * `{ candidate, job, due }`; `days_overdue` and `level` are numbers; `late` (the first promised date
 * has passed: only then does an update apologise) is a boolean; `reach` (job closed: how far the
 * candidate got, `final`, `interviewed` or `applied`) and the rest are strings.
 */
export const TEMPLATE_VARIABLES: Record<TemplateKey, string[]> = {
  rejection: [...COMMON, 'reasons', 'strengths', 'recommendation'],
  advance: [...COMMON, 'next_steps', 'timeline'],
  offer: [...COMMON, 'next_steps', 'timeline'],
  update: [...COMMON, 'promised_date', 'new_date', 'late', 'reason'],
  job_closed: [...COMMON, 'outcome', 'reach'],
  reminder: [
    'organization.name',
    'member.name',
    'candidate.name',
    'job.title',
    'due',
    'promise',
    'action_url',
  ],
  escalation: [
    'organization.name',
    'member.name',
    'owner.name',
    'candidate.name',
    'job.title',
    'due',
    'days_overdue',
    'level',
    'action_url',
  ],
  digest: ['organization.name', 'member.name', 'overdue', 'due_today', 'app_url'],
  status_link: [...COMMON],
  failure_alert: ['organization.name', 'member.name', 'candidate.name', 'subject', 'error'],
  written_promise: [...COMMON, 'interview.title', 'due', 'time_zone', 'contact_how', 'promise'],
  pool_invitation: [...COMMON, 'offer'],
  calendar_invitation: [...CALENDAR],
  calendar_update: [...CALENDAR],
  calendar_cancel: [...CALENDAR],
};

/**
 * Variables a template cannot do without: a written promise that does not say by when, or gives
 * no way to see where things stand, is not the promise (DESIGN.md, principle 1).
 */
export const REQUIRED_VARIABLES: Partial<Record<TemplateKey, string[]>> = {
  written_promise: ['due', 'status_link'],
  // The candidate answers on their page: an invitation without the link cannot be answered.
  pool_invitation: ['status_link'],
  // A calendar email that does not say when is not an invitation (nor says which one is cancelled).
  calendar_invitation: ['interview.title', 'when'],
  calendar_update: ['interview.title', 'when'],
  calendar_cancel: ['interview.title', 'when'],
};

const SAMPLE_VALUES: Record<string, unknown> = {
  'organization.name': 'Northwind',
  'candidate.name': 'Alex Morgan',
  'candidate.first_name': 'Alex',
  'job.title': 'Product Designer',
  'owner.name': 'Sam Lee',
  'owner.email': 'sam.lee@northwind.example',
  status_link: 'https://hearback.example/s/3f9c2a',
  reasons: ['We needed deeper experience running user research on your own.'],
  strengths: ['Your portfolio walkthrough was clear and well structured.'],
  recommendation: 'Leading a research project end to end would make a strong application next time.',
  next_steps: 'a 45-minute portfolio session with the design team',
  timeline: 'by Friday 12 December',
  promised_date: 'Friday 5 December',
  new_date: 'Wednesday 10 December',
  late: true,
  reason: 'one more interviewer is back from leave on Monday',
  outcome: 'filled',
  reach: 'final',
  'member.name': 'Jordan Park',
  due: 'Friday 5 December, 17:00',
  promise: "You'll hear from us by Friday.",
  days_overdue: 2,
  level: 1,
  overdue: [
    {
      candidate: 'Alex Morgan',
      job: 'Product Designer',
      due: 'Friday 5 December',
      url: 'https://hearback.example/#/applications/7d1e0c52-3b8f-4c1a-9a57-1f2e3d4c5b6a?next=decide',
    },
  ],
  due_today: [
    {
      candidate: 'Riley Chen',
      job: 'Data Engineer',
      due: 'today, 17:00',
      url: 'https://hearback.example/#/applications/0b9a8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d?next=update',
    },
  ],
  action_url: 'https://hearback.example/#/applications/7d1e0c52-3b8f-4c1a-9a57-1f2e3d4c5b6a?next=decide',
  app_url: 'https://hearback.example',
  subject: 'Your application for Product Designer at Northwind',
  error: 'Mailbox unavailable (550)',
  'interview.title': 'Portfolio review',
  time_zone: 'Europe/London',
  contact_how: 'by email',
  offer: 'design roles in our research team over the next year',
  when: 'Thursday 11 December 2026, 14:00–15:00 (Europe/London)',
  location: 'Northwind office, 5 Market Street, London',
};

/** A realistic context for a template key, for previews and trial renders. */
export function sampleContext(key: TemplateKey): Record<string, unknown> {
  const context: Record<string, unknown> = {};
  for (const path of TEMPLATE_VARIABLES[key]) {
    const segments = path.split('.');
    let target = context;
    for (const segment of segments.slice(0, -1)) {
      const next = target[segment];
      if (typeof next === 'object' && next !== null) target = next as Record<string, unknown>;
      else target = target[segment] = {};
    }
    target[segments[segments.length - 1]!] = structuredClone(SAMPLE_VALUES[path] ?? '');
  }
  return context;
}

// ---------------------------------------------------------------------------------------------
// Defaults

const SIGNATURE = ['Best regards,', '{{ owner.name }}', '{{ organization.name }}'].join('\n');
const STATUS_LINE =
  '{%- if status_link != blank %}\n\nYou can check where things stand at any time: {{ status_link }}\n{%- endif %}';

const CALENDAR_STATUS_LINE =
  '{%- if status_link != blank %}\n\nYour status page: {{ status_link }}\n{%- endif %}';

function body(...paragraphs: string[]): string {
  return paragraphs.join('\n\n');
}

/** The templates an organization starts with; principle 4 of DESIGN.md, in words. */
export const DEFAULT_TEMPLATES: Record<TemplateKey, TemplateSource> = {
  rejection: {
    subject: 'Your application for {{ job.title }} at {{ organization.name }}',
    body:
      body(
        'Hi {{ candidate.first_name }},',
        'Thank you for taking the time to interview for the {{ job.title }} role. I’m sorry to tell you that we won’t be moving forward with your application.',
        [
          'We made this decision because:',
          '{%- for reason in reasons %}',
          '- {{ reason }}',
          '{%- else %}',
          '- [Add the reasons for this decision]',
          '{%- endfor %}',
          '{%- if strengths.size > 0 %}',
          '',
          'What stood out to us:',
          '{%- for strength in strengths %}',
          '- {{ strength }}',
          '{%- endfor %}',
          '{%- endif %}',
        ].join('\n'),
        'For the future: {% if recommendation != blank %}{{ recommendation }}{% else %}[Add a recommendation for the future]{% endif %}',
        'Thank you again for your interest in {{ organization.name }}. We wish you the best of luck in your search, and we’d be glad to stay in touch about future roles.',
        SIGNATURE,
      ) + STATUS_LINE,
  },
  advance: {
    subject: 'Next steps for the {{ job.title }} role at {{ organization.name }}',
    body:
      body(
        'Hi {{ candidate.first_name }},',
        'Thank you for interviewing for the {{ job.title }} role. We enjoyed meeting you, and I’m happy to tell you that we’d like to move forward with your application.',
        'Next step: {% if next_steps != blank %}{{ next_steps }}{% else %}[Describe the next steps]{% endif %}',
        'Expected timeline: {% if timeline != blank %}{{ timeline }}{% else %}[Add an estimated timeline]{% endif %}',
        'If you have any questions in the meantime, just reply to this email.',
        SIGNATURE,
      ) + STATUS_LINE,
  },
  offer: {
    subject: 'An offer for the {{ job.title }} role at {{ organization.name }}',
    body:
      body(
        'Hi {{ candidate.first_name }},',
        'I’m delighted to tell you that we’d like to offer you the {{ job.title }} role at {{ organization.name }}. Everyone you met was impressed, and we’d love to have you on the team.',
        'Next step: {% if next_steps != blank %}{{ next_steps }}{% else %}[Describe the next steps]{% endif %}',
        'Expected timeline: {% if timeline != blank %}{{ timeline }}{% else %}[Add an estimated timeline]{% endif %}',
        'If you have any questions about the offer, just reply to this email or ask me for a call.',
        SIGNATURE,
      ) + STATUS_LINE,
  },
  update: {
    subject: 'An update on your application for {{ job.title }}',
    body:
      body(
        'Hi {{ candidate.first_name }},',
        '{% if late %}We said you would hear from us by {{ promised_date }} about the {{ job.title }} role. I’m sorry for the delay: we haven’t been able to keep that date.{% else %}A short update on the {{ job.title }} role, before the date we gave you ({{ promised_date }}).{% endif %}',
        'We’re still deciding{% if reason != blank %}, because {{ reason }}{% endif %}, and I didn’t want to leave you waiting without news. {% if new_date != blank and new_date != promised_date %}You’ll hear from us by {{ new_date }}.{% elsif late %}You’ll hear from us by [Add the new date].{% else %}You’ll still hear from us by {{ promised_date }}.{% endif %}',
        'Thank you for your patience. If anything changes on your side in the meantime, just reply to this email.',
        SIGNATURE,
      ) + STATUS_LINE,
  },
  job_closed: {
    subject: 'Your application for {{ job.title }} at {{ organization.name }}',
    body:
      body(
        'Hi {{ candidate.first_name }},',
        '{% if reach == "final" %}Thank you for the time you gave us through every round, up to the final interviews, for the {{ job.title }} role.{% elsif reach == "interviewed" %}Thank you for interviewing for the {{ job.title }} role.{% else %}Thank you for applying for the {{ job.title }} role.{% endif %} I’m sorry to tell you that we won’t be moving forward with your application: {% if outcome == "filled" %}we have now filled the position{% else %}we have decided to close the position without hiring{% endif %}.',
        'We made this decision because {% if outcome == "filled" %}the role had a single opening{% if reach == "final" %}, and after the final round we offered it to the person whose experience matched what the team needs most right now. It was a close decision{% else %}, and it is now taken, so we are not continuing with the other applications{% endif %}{% else %}the team’s plans changed and the {{ job.title }} role is no longer open, so we are not continuing with any applications for it{% endif %}.',
        'For the future: {% if reach == "final" %}you came close, and we would welcome an application from you when a similar role opens; keep building on the work you showed us in the final round.{% elsif reach == "interviewed" %}keep building on the experience you told us about in your interview, and apply again when a role that matches it opens here.{% else %}watch our careers page for new roles that match your experience, and apply again when one opens.{% endif %}',
        'Thank you again for your interest in {{ organization.name }}. We wish you the best of luck in your search, and we’d be glad to stay in touch about future roles.',
        SIGNATURE,
      ) + STATUS_LINE,
  },
  status_link: {
    subject: 'Your application status at {{ organization.name }}',
    body: body(
      'Hi {{ candidate.first_name }},',
      'Thank you for interviewing for the {{ job.title }} role. You can follow your application on your private status page:',
      '{{ status_link }}',
      'There you’ll see where things stand and when to expect news from us, and you can send us a message. The link is personal, so please don’t share it.',
      SIGNATURE,
    ),
  },
  reminder: {
    subject: 'Reminder: {{ candidate.name }} is due to hear from you by {{ due }}',
    body: body(
      'Hi {{ member.name }},',
      '{{ candidate.name }} was promised an outcome for the {{ job.title }} role by {{ due }}, and you own this follow-up.{% if promise != blank %} What was said: “{{ promise }}”{% endif %}',
      'Please send the outcome before then. If the decision isn’t made yet, send an honest update with a new date: a promise is never broken silently.',
      'Decide and send it here: {{ action_url }}',
      '— Hearback for {{ organization.name }}',
    ),
  },
  escalation: {
    subject:
      'Overdue: {{ candidate.name }} is waiting {{ days_overdue }} day{% if days_overdue != 1 %}s{% endif %} past the promised date',
    body: body(
      'Hi {{ member.name }},',
      '{{ candidate.name }} was promised an outcome for the {{ job.title }} role by {{ due }}. That was {{ days_overdue }} day{% if days_overdue != 1 %}s{% endif %} ago, and {{ owner.name }}, who owns the follow-up, hasn’t sent it yet.',
      'Please check in with {{ owner.name }} so that {{ candidate.name }} hears from us today: the outcome, or an honest update with a new date.',
      'Decide it, or hand it on, here: {{ action_url }}',
      '— Hearback for {{ organization.name }} (escalation level {{ level }})',
    ),
  },
  digest: {
    subject: 'Follow-ups: {{ overdue.size }} overdue, {{ due_today.size }} due today',
    body: body(
      'Hi {{ member.name }},',
      [
        '{% if overdue.size > 0 %}Overdue:',
        '{%- for item in overdue %}',
        '- {{ item.candidate }}, {{ item.job }} (was due {{ item.due }}): {{ item.url }}',
        '{%- endfor %}',
        '{%- else %}Nothing is overdue.{% endif %}',
      ].join('\n'),
      [
        '{% if due_today.size > 0 %}Due today:',
        '{%- for item in due_today %}',
        '- {{ item.candidate }}, {{ item.job }} (due {{ item.due }}): {{ item.url }}',
        '{%- endfor %}',
        '{%- else %}Nothing is due today.{% endif %}',
      ].join('\n'),
      'Open Hearback: {{ app_url }}',
      '— Hearback for {{ organization.name }}',
    ),
  },
  written_promise: {
    subject: 'Thank you for your time: when you will hear from us about {{ job.title }}',
    body:
      body(
        'Hi {{ candidate.first_name }},',
        'Thank you for interviewing for the {{ job.title }} role at {{ organization.name }}. We appreciated the time you gave us.',
        'What happens next: the interviewers share their feedback, and we decide on the next step.',
        '{{ owner.name }} will contact you {{ contact_how }} by {{ due }}{% if time_zone != blank %} ({{ time_zone }} time){% endif %}, with the outcome or, if we need longer, an honest update and a new date.',
        'If you have any questions in the meantime, just reply to this email.',
        SIGNATURE,
      ) + STATUS_LINE,
  },
  pool_invitation: {
    subject: 'Stay in touch with {{ organization.name }}?',
    body: body(
      'Hi {{ candidate.first_name }},',
      'Thank you again for your time with us on the {{ job.title }} role. We would like to keep in touch about {% if offer != blank %}{{ offer }}{% else %}future roles that fit you{% endif %}.',
      'If you would like that, say so on your page — you choose for how long, and you can change your mind at any time:\n{{ status_link }}',
      'If we do not hear from you, we will not contact you about other roles.',
      '{{ owner.name }}\n{{ organization.name }}',
    ),
  },
  calendar_invitation: {
    subject: 'Invitation: {{ interview.title }}: {{ job.title }} — {{ organization.name }}',
    body:
      body(
        'Hi {{ candidate.first_name }},',
        '{{ interview.title }} for the {{ job.title }} role: {{ when }}.{% if location != blank %}\nWhere: {{ location }}{% endif %}',
        'The invitation is attached for your calendar. If the time does not suit you, just reply to this email.',
        SIGNATURE,
      ) + CALENDAR_STATUS_LINE,
  },
  calendar_update: {
    subject: 'Updated: {{ interview.title }}: {{ job.title }} — {{ organization.name }}',
    body:
      body(
        'Hi {{ candidate.first_name }},',
        'Your {{ interview.title }} for the {{ job.title }} role has changed. It is now: {{ when }}.{% if location != blank %}\nWhere: {{ location }}{% endif %}',
        'The updated invitation is attached and replaces the earlier one in your calendar. If the new time does not suit you, just reply to this email.',
        SIGNATURE,
      ) + CALENDAR_STATUS_LINE,
  },
  calendar_cancel: {
    subject: 'Cancelled: {{ interview.title }}: {{ job.title }} — {{ organization.name }}',
    body:
      body(
        'Hi {{ candidate.first_name }},',
        'The {{ interview.title }} for the {{ job.title }} role on {{ when }} is cancelled. We will be in touch about what happens next.',
        SIGNATURE,
      ) + CALENDAR_STATUS_LINE,
  },
  failure_alert: {
    subject: 'Not delivered: your email to {{ candidate.name }}',
    body: body(
      'Hi {{ member.name }},',
      'Your email “{{ subject }}” to {{ candidate.name }} could not be delivered:',
      '{{ error }}',
      '{{ candidate.name }} has not received it, so the follow-up stays open. Please check the address, or reach them another way, for example by phone, and log the call.',
      '— Hearback for {{ organization.name }}',
    ),
  },
};

// ---------------------------------------------------------------------------------------------
// Engine

const engine = new Liquid({
  templates: {},
  ownPropertyOnly: true,
  strictFilters: true,
  strictVariables: false,
  parseLimit: TEMPLATE_LIMITS.parse,
  renderLimit: TEMPLATE_LIMITS.renderMs,
  memoryLimit: TEMPLATE_LIMITS.memory,
});
// Partials and layouts would read other files; a template is one self-contained source.
const FILE_TAGS = ['include', 'render', 'layout'];
for (const tag of FILE_TAGS) delete engine.tags[tag];
// Date filters can read the wall clock ("now"); time is injected, so dates arrive pre-formatted.
for (const filter of Object.keys(engine.filters).filter((f) => /date/i.test(f)))
  delete engine.filters[filter];

type Part = TemplateError['part'];

function describeLiquidError(error: unknown, part: Part, phase: 'parse' | 'render'): TemplateError {
  const raw = error instanceof Error ? error.message : String(error);
  const position = /^(.*?), line:(\d+), col:(\d+)(?:, file:.*)?$/s.exec(raw);
  const detail = (position?.[1] ?? raw).split('\n')[0]!;
  const where = `${part === 'subject' ? 'Subject' : 'Body'}${position ? `, line ${position[2]}, column ${position[3]}` : ''}`;

  let kind: TemplateErrorKind = phase === 'parse' ? 'syntax' : 'render';
  let message = detail;
  const tag = /^tag "?([\w-]+)"? not found/.exec(detail);
  const filter = /^undefined filter: ([\w-]+)/.exec(detail);
  if (tag && FILE_TAGS.includes(tag[1]!)) {
    message = `{% ${tag[1]} %} is not available in email templates`;
  } else if (tag) {
    message = `unknown tag {% ${tag[1]} %}`;
  } else if (filter) {
    message = `unknown filter "${filter[1]}"`;
  } else if (/limit exceeded/.test(detail)) {
    kind = 'limit';
    message = 'the template does too much work (too long, or a loop that is too large)';
  } else if (/ENOENT|Failed to lookup/.test(detail)) {
    message = 'templates cannot read other files';
  }
  return new TemplateError(`${where}: ${message}.`, kind, part, { cause: error });
}

// Parsed templates, by source: the sweep renders the same few templates thousands of times, and
// parsing was a large share of its CPU. A parsed template is immutable, so sharing it is safe;
// the map is bounded (oldest entry out first) because custom sources come from users.
const PARSED_CACHE_SIZE = 256;
const parsed = new Map<string, Template[]>();

function parsePart(source: string, part: Part): Template[] {
  const cached = parsed.get(source);
  if (cached) return cached;
  let templates: Template[];
  try {
    templates = engine.parse(source);
  } catch (error) {
    throw describeLiquidError(error, part, 'parse');
  }
  if (parsed.size >= PARSED_CACHE_SIZE) parsed.delete(parsed.keys().next().value!);
  parsed.set(source, templates);
  return templates;
}

function renderPart(templates: Template[], context: Record<string, unknown>, part: Part): string {
  let output: string;
  try {
    output = String(engine.renderSync(templates, context));
  } catch (error) {
    throw describeLiquidError(error, part, 'render');
  }
  if (output.length > TEMPLATE_LIMITS.output) {
    throw new TemplateError(
      `${part === 'subject' ? 'Subject' : 'Body'}: the rendered text is too long (over ${TEMPLATE_LIMITS.output} characters).`,
      'limit',
      part,
    );
  }
  return output;
}

// C0 controls, DEL, NEL and the Unicode line/paragraph separators all end a header line somewhere.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const HEADER_BREAKS = /\s*[\u0000-\u001f\u007f\u0085\u2028\u2029]+\s*/g;

/** A rendered subject made safe for a header: one line, trimmed, at most 200 characters. */
function cleanSubject(subject: string): string {
  let clean = subject.replace(HEADER_BREAKS, ' ').trim();
  if (clean.length > TEMPLATE_LIMITS.subject) {
    clean = clean.slice(0, TEMPLATE_LIMITS.subject);
    // Never leave half of a surrogate pair at the cut.
    if (/[\ud800-\udbff]$/.test(clean)) clean = clean.slice(0, -1);
    clean = clean.trimEnd();
  }
  return clean;
}

/**
 * Renders a template: the subject on one header-safe line, the body as text and as HTML.
 * Throws {@link TemplateError} on a syntax error, an unknown filter or an exceeded limit.
 *
 * @example renderTemplate(DEFAULT_TEMPLATES.update, context).text
 */
export function renderTemplate(source: TemplateSource, context: Record<string, unknown>): RenderedEmail {
  const subject = cleanSubject(renderPart(parsePart(source.subject, 'subject'), context, 'subject'));
  const text = renderPart(parsePart(source.body, 'body'), context, 'body');
  return { subject, text, html: textToHtml(text, { title: subject }) };
}

// ---------------------------------------------------------------------------------------------
// Validation

type Segment = string | number | Segment[];

function formatPath(segments: Segment[]): string {
  return segments
    .map((segment, index) => {
      if (Array.isArray(segment)) return `[${formatPath(segment)}]`;
      if (typeof segment === 'number') return `[${segment}]`;
      return index === 0 ? segment : `.${segment}`;
    })
    .join('');
}

/**
 * The variables a source uses that the template key does not document, as written
 * (`candidate.nmae`, `foo`). Properties of a documented variable (`reasons.size`,
 * `candidate.name | upcase`) and loop or assigned locals are fine. Sorted, without duplicates.
 * Throws {@link TemplateError} when the source does not parse.
 */
export function unknownVariables(key: TemplateKey, source: string, part: Part = 'body'): string[] {
  const known = TEMPLATE_VARIABLES[key].map((path) => path.split('.'));
  const used = engine.globalVariableSegmentsSync(parsePart(source, part)) as Segment[][];
  const unknown = new Set<string>();
  for (const segments of used) {
    const staticPath: string[] = [];
    for (const segment of segments) {
      if (Array.isArray(segment)) break;
      staticPath.push(String(segment));
    }
    const isKnown = known.some(
      (path) => path.length <= staticPath.length && path.every((name, i) => name === staticPath[i]),
    );
    if (!isKnown) unknown.add(formatPath(segments));
  }
  return [...unknown].sort();
}

/** Whether a (parsing) body reads the variable `name` anywhere, as itself or through a property. */
function usesVariable(source: string, name: string): boolean {
  const used = engine.globalVariableSegmentsSync(parsePart(source, 'body')) as Segment[][];
  const path = name.split('.');
  return used.some((segments) => path.every((segment, i) => segments[i] === segment));
}

/**
 * Checks a source before it is saved: sizes, syntax, unknown variables, and a trial render with
 * {@link sampleContext} that catches exceeded limits. Every problem is listed, for people.
 */
export function validateTemplate(
  key: TemplateKey,
  source: TemplateSource,
): { ok: true } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  if (source.subject.length > TEMPLATE_LIMITS.subject) {
    errors.push(`Subject: ${source.subject.length} characters; the limit is ${TEMPLATE_LIMITS.subject}.`);
  }
  if (source.subject.trim() === '') errors.push('Subject: it is empty.');
  if (source.body.length > TEMPLATE_LIMITS.body) {
    errors.push(`Body: ${source.body.length} characters; the limit is ${TEMPLATE_LIMITS.body}.`);
  }
  if (source.body.trim() === '') errors.push('Body: it is empty.');
  if (errors.length > 0) return { ok: false, errors };

  const parts: [Part, string][] = [
    ['subject', source.subject],
    ['body', source.body],
  ];
  for (const [part, text] of parts) {
    try {
      const label = part === 'subject' ? 'Subject' : 'Body';
      for (const name of unknownVariables(key, text, part)) {
        errors.push(`${label}: unknown variable {{ ${name} }}; see the list of variables for this template.`);
      }
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      errors.push(error.message);
    }
  }
  for (const name of REQUIRED_VARIABLES[key] ?? []) {
    if (!usesVariable(source.body, name)) {
      errors.push(`Body: it must use {{ ${name} }}; this email is not complete without it.`);
    }
  }
  if (errors.length > 0) return { ok: false, errors };

  try {
    renderTemplate(source, sampleContext(key));
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    errors.push(error.message);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true };
}

// ---------------------------------------------------------------------------------------------
// HTML

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes the five HTML-significant characters; safe in text and in quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'`]+/gi;
const TRAILING_PUNCTUATION = /[.,;:!?*_~\]]$/;

/** The URL without sentence punctuation after it ("see https://x.example/a." ends before "."). */
function trimUrl(url: string): string {
  let end = url;
  for (;;) {
    if (TRAILING_PUNCTUATION.test(end)) end = end.slice(0, -1);
    else if (end.endsWith(')') && end.split('(').length < end.split(')').length) end = end.slice(0, -1);
    else return end;
  }
}

function linkifyLine(line: string): string {
  let html = '';
  let last = 0;
  for (const match of line.matchAll(URL_PATTERN)) {
    const url = trimUrl(match[0]);
    if (!/^https?:\/\/[^/?#]+/i.test(url)) continue;
    const start = match.index;
    html += escapeHtml(line.slice(last, start));
    html += `<a href="${escapeHtml(url)}" style="${LINK_STYLE}">${escapeHtml(url)}</a>`;
    last = start + url.length;
  }
  return html + escapeHtml(line.slice(last));
}

const FONT = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
const BODY_STYLE = `margin:0;padding:24px 16px;background-color:#ffffff;color:#1f2328;font-family:${FONT};font-size:16px;line-height:1.6`;
const CONTAINER_STYLE = 'max-width:600px;margin:0 auto';
const PARAGRAPH_STYLE = 'margin:0 0 16px 0';
const LINK_STYLE = 'color:#0b57d0;text-decoration:underline';

/**
 * The HTML version of a plain-text email: everything escaped, blank lines → paragraphs, single
 * line breaks → `<br>`, http(s) URLs → links, in a minimal accessible document.
 */
export function textToHtml(text: string, options: { title?: string } = {}): string {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n(?:[ \t]*\n)+/)
    .map((paragraph) => paragraph.replace(/^\n+|\n+$/g, ''))
    .filter((paragraph) => paragraph.trim() !== '')
    .map(
      (paragraph) =>
        `<p style="${PARAGRAPH_STYLE}">${paragraph.split('\n').map(linkifyLine).join('<br>\n')}</p>`,
    );
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(options.title ?? '')}</title>`,
    '</head>',
    `<body style="${BODY_STYLE}">`,
    `<div style="${CONTAINER_STYLE}">`,
    ...paragraphs,
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
