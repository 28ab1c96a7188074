/**
 * The template engine: the keys, their variables and limits, and the sandboxed Liquid engine that
 * parses, validates and renders a per-organization, user-editable source to a plain-text and an HTML
 * version. The default texts live in `template-copy.ts`, the HTML output in `template-html.ts`.
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
import { textToHtml } from './template-html.ts';

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
