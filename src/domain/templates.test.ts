import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { checkMessage } from './message-check/index.ts';
import {
  DEFAULT_TEMPLATES,
  renderTemplate,
  sampleContext,
  TEMPLATE_KEYS,
  TEMPLATE_VARIABLES,
  TemplateError,
  textToHtml,
  unknownVariables,
  validateTemplate,
  type TemplateSource,
} from './templates.ts';

const context = {
  organization: { name: 'Northwind' },
  candidate: { name: 'Alex Morgan', first_name: 'Alex' },
  job: { title: 'Product Designer' },
  owner: { name: 'Sam Lee', email: 'sam.lee@northwind.example' },
  status_link: 'https://hearback.example/s/3f9c2a',
  reasons: ['The role needs deeper experience running user research independently.'],
  strengths: ['Your portfolio walkthrough was clear and well structured.'],
  recommendation: 'Leading a research project end to end would make a strong application next time.',
};

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

function renderError(source: TemplateSource, ctx: Record<string, unknown> = context): TemplateError {
  try {
    renderTemplate(source, ctx);
  } catch (error) {
    expect(error).toBeInstanceOf(TemplateError);
    return error as TemplateError;
  }
  throw new Error('expected a TemplateError');
}

const bodyOnly = (body: string): TemplateSource => ({ subject: 'Hello', body });

describe('default templates', () => {
  it.each(TEMPLATE_KEYS)('%s validates and renders its sample without leftovers', (key) => {
    expect(validateTemplate(key, DEFAULT_TEMPLATES[key])).toEqual({ ok: true });
    const email = renderTemplate(DEFAULT_TEMPLATES[key], sampleContext(key));
    for (const part of [email.subject, email.text]) {
      expect(part).not.toMatch(/\{\{|\{%|\}\}|%\}/);
      expect(part).not.toMatch(/\n{3}/);
    }
    expect(email.subject.length).toBeGreaterThan(0);
    expect(email.text).toContain('Northwind');
  });

  it('the rejection says not selected, why, a recommendation, thanks; short and signed', () => {
    const { subject, text } = renderTemplate(DEFAULT_TEMPLATES.rejection, context);
    expect(subject).toBe('Your application for Product Designer at Northwind');
    expect(text).toMatch(/^Hi Alex,/);
    expect(text).toContain('won’t be moving forward');
    expect(text).toContain(context.reasons[0]);
    expect(text).toContain(context.strengths[0]);
    expect(text).toContain(context.recommendation);
    expect(text.toLowerCase()).toContain('thank');
    expect(text).toContain('best of luck');
    expect(text).toContain('stay in touch');
    expect(text).toContain('Sam Lee\nNorthwind');
    expect(text).toContain(`You can check where things stand at any time: ${context.status_link}`);
    expect(text).not.toContain('[Add');
    expect(words(text)).toBeLessThan(150);
  });

  it('the rejection shows placeholders when the recommendation or reasons are missing', () => {
    const { text } = renderTemplate(DEFAULT_TEMPLATES.rejection, {
      ...context,
      reasons: [],
      strengths: [],
      recommendation: '  ',
      status_link: '',
    });
    expect(text).toContain('[Add a recommendation for the future]');
    expect(text).toContain('[Add the reasons for this decision]');
    expect(text).not.toContain('What stood out');
    expect(text).not.toContain('hearback.example');
    expect(text.endsWith('Sam Lee\nNorthwind')).toBe(true);
  });

  it('advance gives next steps and a timeline; update apologises and gives the new date', () => {
    const advance = renderTemplate(DEFAULT_TEMPLATES.advance, {
      ...context,
      next_steps: 'a portfolio session with the design team',
      timeline: 'by Friday 12 December',
    }).text;
    expect(advance).toContain('Next step: a portfolio session with the design team');
    expect(advance).toContain('Expected timeline: by Friday 12 December');

    const update = renderTemplate(DEFAULT_TEMPLATES.update, {
      ...context,
      promised_date: 'Friday 5 December',
      new_date: 'Wednesday 10 December',
      late: true,
    }).text;
    expect(update).toContain('by Friday 5 December');
    expect(update).toContain('sorry');
    expect(update).toContain('still deciding');
    expect(update).toContain('You’ll hear from us by Wednesday 10 December.');
  });

  it('job_closed tells filled from closed', () => {
    const filled = renderTemplate(DEFAULT_TEMPLATES.job_closed, { ...context, outcome: 'filled' }).text;
    const closed = renderTemplate(DEFAULT_TEMPLATES.job_closed, { ...context, outcome: 'closed' }).text;
    expect(filled).toContain('filled the position');
    expect(closed).toContain('close the position without hiring');
  });

  it('job_closed is a rejection with its four parts, worded for how far the candidate got', () => {
    for (const outcome of ['filled', 'closed']) {
      const texts = (['final', 'interviewed', 'applied'] as const).map((reach) => {
        const text = renderTemplate(DEFAULT_TEMPLATES.job_closed, { ...context, outcome, reach }).text;
        const check = checkMessage('rejection', text);
        expect(check.elements).toMatchObject({
          not_selected: true,
          reason: true,
          recommendation: true,
          good_luck: true,
        });
        expect(check.findings.filter((f) => f.severity !== 'info')).toEqual([]);
        return text;
      });
      expect(new Set(texts).size).toBe(3);
      expect(texts[0]).toContain('final interviews');
      expect(texts[1]).toContain('Thank you for interviewing');
      expect(texts[2]).toContain('Thank you for applying');
    }
  });

  it('escalation and digest handle numbers and lists', () => {
    const one = renderTemplate(DEFAULT_TEMPLATES.escalation, {
      ...sampleContext('escalation'),
      days_overdue: 1,
    });
    expect(one.subject).toContain('waiting 1 day past');
    const digest = renderTemplate(DEFAULT_TEMPLATES.digest, { ...sampleContext('digest'), due_today: [] });
    expect(digest.subject).toBe('Follow-ups: 1 overdue, 0 due today');
    expect(digest.text).toContain('- Alex Morgan, Product Designer (was due Friday 5 December)');
    expect(digest.text).toContain('Nothing is due today.');
  });

  it('documents every variable the defaults use, and each has a sample', () => {
    for (const key of TEMPLATE_KEYS) {
      const sample = sampleContext(key);
      for (const path of TEMPLATE_VARIABLES[key]) {
        const value = path
          .split('.')
          .reduce<unknown>((obj, name) => (obj as Record<string, unknown>)[name], sample);
        expect(value, `${key}: ${path}`).not.toBe('');
      }
    }
  });
});

describe('renderTemplate', () => {
  it('keeps the text unescaped and escapes variables and static text in the HTML', () => {
    const email = renderTemplate(bodyOnly('<script>alert(1)</script> Hi {{ candidate.name }} & co'), {
      candidate: { name: '<script>steal()</script> Tom & "Jerry"' },
    });
    expect(email.text).toBe('<script>alert(1)</script> Hi <script>steal()</script> Tom & "Jerry" & co');
    expect(email.html).not.toContain('<script');
    expect(email.html).toContain(
      '&lt;script&gt;alert(1)&lt;/script&gt; Hi &lt;script&gt;steal()&lt;/script&gt; Tom &amp; &quot;Jerry&quot; &amp; co',
    );
    expect(email.html).not.toContain('&amp;amp;');
  });

  it('collapses CR, LF and tabs in the subject and cuts it to 200 characters', () => {
    const injected = renderTemplate(
      { subject: 'Hi {{ candidate.name }}', body: 'x' },
      {
        candidate: { name: 'Alex\r\nBcc: x@y' },
      },
    );
    expect(injected.subject).toBe('Hi Alex Bcc: x@y');
    expect(
      renderTemplate({ subject: '\t Offer \r\n\r\n\t for\u2028you\u0000 ', body: 'x' }, {}).subject,
    ).toBe('Offer for you');
    const long = renderTemplate({ subject: '{{ s }}', body: 'x' }, { s: `${'a'.repeat(199)}😀tail` });
    expect(long.subject).toBe('a'.repeat(199));
  });

  it('renders undefined variables as empty', () => {
    expect(renderTemplate(bodyOnly('Hi {{ nobody.name }}!'), {}).text).toBe('Hi !');
  });

  it('throws a TemplateError with a readable message on syntax errors', () => {
    const unclosed = renderError(bodyOnly('Hi\n{% if candidate.name %}there'));
    expect(unclosed.kind).toBe('syntax');
    expect(unclosed.part).toBe('body');
    expect(unclosed.message).toBe('Body, line 2, column 1: tag {% if candidate.name %} not closed.');
    expect(unclosed.message).not.toMatch(/\n|at \w+ \(/);

    const tag = renderError({ subject: '{% shell "ls" %}', body: '' });
    expect(tag.part).toBe('subject');
    expect(tag.message).toBe('Subject, line 1, column 1: unknown tag {% shell %}.');
  });
});

describe('sandbox', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hearback-templates-'));
  const secretFile = join(dir, 'secret.liquid');
  writeFileSync(secretFile, 'TOP-SECRET-CONTENT');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    "{% include 'etc/passwd' %}",
    "{% render '/etc/passwd' %}",
    "{% layout '/etc/passwd' %}",
    `{% include '${secretFile}' %}`,
    `{% render '${secretFile}' %}`,
    `{% layout '${secretFile}' %}x`,
  ])('%s fails without reading files', (body) => {
    const error = renderError(bodyOnly(body));
    expect(error.kind).toBe('syntax');
    expect(error.message).toMatch(
      /^Body, line 1, column 1: \{% (include|render|layout) %\} is not available/,
    );
    expect(error.message).not.toContain('TOP-SECRET');
  });

  it('hides prototype members', () => {
    const { text } = renderTemplate(
      bodyOnly('[{{ candidate.constructor }}][{{ candidate.__proto__ }}][{{ reasons.constructor.name }}]'),
      context,
    );
    expect(text).toBe('[][][]');
  });

  it('rejects unknown filters', () => {
    const error = renderError(bodyOnly('{{ "x" | undefined_filter }}'));
    expect(error.kind).toBe('syntax');
    expect(error.message).toBe('Body, line 1, column 1: unknown filter "undefined_filter".');
  });

  it.each([
    '{% for i in (1..100000000) %}{{ i }}{% endfor %}',
    '{% for i in (1..1000) %}{% for j in (1..1000) %}x{% endfor %}{% endfor %}',
    '{% assign s = "aaaaaaaaaa" %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}{{ s }}',
  ])('stops runaway work: %s', (body) => {
    const error = renderError(bodyOnly(body));
    expect(error.kind).toBe('limit');
    expect(error.message).toMatch(/too much work/);
  });

  it('stops a render that runs too long', () => {
    const error = renderError(
      bodyOnly(
        '{% for i in (1..150000) %}{% for r in reasons %}{% for s in strengths %}x{% endfor %}{% endfor %}{% endfor %}',
      ),
      { reasons: Array.from({ length: 100 }, String), strengths: Array.from({ length: 100 }, String) },
    );
    expect(error.kind).toBe('limit');
  });
});

describe('validateTemplate', () => {
  it('reports unknown variables and accepts documented ones, their properties and locals', () => {
    const source = {
      subject: 'Hi {{ candidate.frist_name }}',
      body: [
        '{{ candidate.name | upcase }} {{ reasons.size }} {{ reasons[0] }}',
        '{% for r in reasons %}{{ r }} {{ forloop.index }}{% endfor %}',
        '{% assign n = candidate.first_name %}{{ n }}',
        '{{ secret }} {{ candidate }} {{ owner.phone }}',
      ].join('\n'),
    };
    expect(unknownVariables('rejection', source.body)).toEqual(['candidate', 'owner.phone', 'secret']);
    expect(validateTemplate('rejection', source)).toEqual({
      ok: false,
      errors: [
        'Subject: unknown variable {{ candidate.frist_name }}; see the list of variables for this template.',
        'Body: unknown variable {{ candidate }}; see the list of variables for this template.',
        'Body: unknown variable {{ owner.phone }}; see the list of variables for this template.',
        'Body: unknown variable {{ secret }}; see the list of variables for this template.',
      ],
    });
  });

  it('knows which variables belong to which template', () => {
    expect(unknownVariables('update', '{{ new_date }} {{ reasons }}')).toEqual(['reasons']);
    expect(unknownVariables('reminder', '{{ member.name }} {{ status_link }}')).toEqual(['status_link']);
  });

  it('reports syntax errors in subject and body', () => {
    const result = validateTemplate('advance', {
      subject: '{{ job.title | nope }}',
      body: '{% for x in y %}',
    });
    expect(result).toEqual({
      ok: false,
      errors: [
        'Subject, line 1, column 1: unknown filter "nope".',
        'Body, line 1, column 1: tag {% for x in y %} not closed.',
      ],
    });
  });

  it('reports sizes and empty parts', () => {
    const result = validateTemplate('advance', { subject: 'x'.repeat(201), body: 'y'.repeat(20_001) });
    expect(result).toEqual({
      ok: false,
      errors: ['Subject: 201 characters; the limit is 200.', 'Body: 20001 characters; the limit is 20000.'],
    });
    expect(validateTemplate('advance', { subject: ' ', body: '' })).toEqual({
      ok: false,
      errors: ['Subject: it is empty.', 'Body: it is empty.'],
    });
  });

  it('catches runaway loops with a trial render', () => {
    const result = validateTemplate('advance', {
      subject: 'x',
      body: '{% for i in (1..100000000) %}{{ i }}{% endfor %}',
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]).toMatch(
      /^Body, line 1, column 1: the template does too much work/,
    );
  });
});

describe('textToHtml', () => {
  const body = (html: string) => /<div[^>]*>\n([\s\S]*)\n<\/div>/.exec(html)?.[1] ?? '';

  it('builds paragraphs, line breaks and an accessible document', () => {
    const html = textToHtml('Hi Alex,\r\n\r\n\r\nLine one\nLine two\n  \nBye', { title: 'A & B' });
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<title>A &amp; B</title>');
    expect(body(html).replace(/ style="[^"]*"/g, '')).toBe(
      '<p>Hi Alex,</p>\n<p>Line one<br>\nLine two</p>\n<p>Bye</p>',
    );
  });

  it('escapes every special character exactly once', () => {
    expect(body(textToHtml(`& < > " ' &amp;`)).replace(/ style="[^"]*"/g, '')).toBe(
      '<p>&amp; &lt; &gt; &quot; &#39; &amp;amp;</p>',
    );
  });

  it.each([
    ['See https://example.com/a?b=1&c=2.', '<a href="https://example.com/a?b=1&amp;c=2"', 'c=2</a>.'],
    ['(https://example.com/x_(y)) ok', '<a href="https://example.com/x_(y)"', '(y)</a>) ok'],
    ['HTTP://EXAMPLE.COM, then', '<a href="HTTP://EXAMPLE.COM"', '</a>, then'],
    ['x https://ex.com/"><script>', '<a href="https://ex.com/"', '</a>&quot;&gt;&lt;script&gt;'],
  ])('links %s', (text, anchor, after) => {
    const html = textToHtml(text);
    expect(html).toContain(anchor);
    expect(html).toContain(after);
  });

  it('does not link other schemes or bare prefixes', () => {
    for (const text of ['javascript:alert(1)', 'ftp://example.com', 'https://', 'mailto:a@b.c']) {
      expect(textToHtml(text)).not.toContain('<a ');
    }
  });

  it('never lets a < from the input through (property)', () => {
    const ours = /<\/?(?:html|head|meta|title|body|div|p|br|a)\b[^<>]*>|<!doctype html>/g;
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.string(),
            fc.constantFrom(
              '<',
              '>',
              '&',
              '"',
              "'",
              '\n',
              '\n\n',
              'https://x.example/',
              '<p>',
              '</a>',
              '<br>',
            ),
          ),
        ),
        (pieces) => {
          const html = textToHtml(pieces.join(''), { title: pieces.join('') });
          expect(html.replace(ours, '')).not.toContain('<');
        },
      ),
    );
  });
});

describe('renderTemplate (properties)', () => {
  it('returns a body without Liquid syntax unchanged as text', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom('a', 'B', ' ', '\n', '\r', '\t', '<', '&', '%', '}', '{', '-', 'é', '😀'),
        }),
        (text) => {
          fc.pre(!text.includes('{{') && !text.includes('{%'));
          expect(renderTemplate({ subject: 'x', body: text }, context).text).toBe(text);
        },
      ),
    );
  });
});

describe('time is injected', () => {
  it('has no date filters, which could read the wall clock', () => {
    expect(() => renderTemplate({ subject: 'x', body: '{{ "now" | date: "%Y" }}' }, {})).toThrow(
      TemplateError,
    );
  });
});

describe('the update template says the honest thing', () => {
  const base = {
    candidate: { first_name: 'Alex' },
    job: { title: 'Product Designer' },
    organization: { name: 'Northwind' },
    owner: { name: 'Sam Lee', email: 'sam@northwind.example' },
    promised_date: 'Friday 5 December',
  };
  it('before the promised date: no apology, the date still stands, and why', () => {
    const { text } = renderTemplate(DEFAULT_TEMPLATES.update, {
      ...base,
      new_date: '',
      late: false,
      reason: 'one more interviewer is back on Monday',
    });
    expect(text).not.toMatch(/sorry/i);
    expect(text).toContain('because one more interviewer is back on Monday');
    expect(text).toContain('You’ll still hear from us by Friday 5 December.');
  });
  it('after the promised date: sorry for the delay, and the new date', () => {
    const { text } = renderTemplate(DEFAULT_TEMPLATES.update, {
      ...base,
      new_date: 'Wednesday 10 December',
      late: true,
    });
    expect(text).toContain('sorry for the delay');
    expect(text).toContain('You’ll hear from us by Wednesday 10 December.');
    expect(text.match(/Friday 5 December/g)).toHaveLength(1); // the old date is not repeated as the new one
  });
  it('late without a new date: the draft asks for one instead of repeating the old date', () => {
    const { text } = renderTemplate(DEFAULT_TEMPLATES.update, { ...base, new_date: '', late: true });
    expect(text).toContain('[Add the new date]');
  });
});

describe('the talent pool and calendar templates', () => {
  it('the pool invitation says what for, how to answer, and that silence means no', () => {
    const r = renderTemplate(DEFAULT_TEMPLATES.pool_invitation, sampleContext('pool_invitation'));
    expect(r.subject).toBe('Stay in touch with Northwind?');
    expect(r.text).toContain('Hi Alex,');
    expect(r.text).toContain('keep in touch about design roles in our research team over the next year.');
    expect(r.text).toContain('https://hearback.example/s/3f9c2a');
    expect(r.text).toContain('we will not contact you about other roles');
    const noOffer = renderTemplate(DEFAULT_TEMPLATES.pool_invitation, {
      ...sampleContext('pool_invitation'),
      offer: '',
    });
    expect(noOffer.text).toContain('keep in touch about future roles that fit you.');
  });

  it('a pool invitation without its link to answer is refused', () => {
    const result = validateTemplate('pool_invitation', {
      subject: 'Stay in touch?',
      body: 'Hi {{ candidate.first_name }}, we would like to keep in touch about {{ offer }}.',
    });
    expect(result).toEqual({
      ok: false,
      errors: ['Body: it must use {{ status_link }}; this email is not complete without it.'],
    });
    expect(
      validateTemplate('pool_invitation', {
        subject: 'Stay in touch?',
        body: 'Answer here: {{ status_link }}',
      }),
    ).toEqual({ ok: true });
  });

  it('the calendar emails say which interview, when and where; the update and cancel say what changed', () => {
    const ctx = sampleContext('calendar_invitation');
    const invite = renderTemplate(DEFAULT_TEMPLATES.calendar_invitation, ctx);
    expect(invite.subject).toBe('Invitation: Portfolio review: Product Designer — Northwind');
    expect(invite.text).toContain(
      'Portfolio review for the Product Designer role: Thursday 11 December 2026',
    );
    expect(invite.text).toContain('Where: Northwind office');
    expect(invite.text).toContain('Your status page: https://hearback.example/s/3f9c2a');
    const update = renderTemplate(DEFAULT_TEMPLATES.calendar_update, ctx);
    expect(update.subject).toMatch(/^Updated: /);
    expect(update.text).toContain('has changed. It is now: Thursday 11 December 2026');
    const cancel = renderTemplate(DEFAULT_TEMPLATES.calendar_cancel, ctx);
    expect(cancel.subject).toMatch(/^Cancelled: /);
    expect(cancel.text).toContain('on Thursday 11 December 2026, 14:00–15:00 (Europe/London) is cancelled');
    // No place, no "Where:"; no link, no status line.
    const bare = renderTemplate(DEFAULT_TEMPLATES.calendar_invitation, {
      ...ctx,
      location: '',
      status_link: '',
    });
    expect(bare.text).not.toContain('Where:');
    expect(bare.text).not.toContain('status page');
  });

  it('a calendar email must say which interview and when', () => {
    for (const key of ['calendar_invitation', 'calendar_update', 'calendar_cancel'] as const) {
      const result = validateTemplate(key, {
        subject: 'Interview',
        body: 'See you soon, {{ candidate.name }}.',
      });
      expect(result.ok).toBe(false);
      expect(!result.ok && result.errors).toEqual([
        'Body: it must use {{ interview.title }}; this email is not complete without it.',
        'Body: it must use {{ when }}; this email is not complete without it.',
      ]);
      expect(validateTemplate(key, DEFAULT_TEMPLATES[key])).toEqual({ ok: true });
    }
  });

  it('the calendar templates know their own variables, not the pool invitation’s', () => {
    expect(unknownVariables('calendar_update', '{{ when }} {{ location }} {{ offer }}')).toEqual(['offer']);
    expect(unknownVariables('pool_invitation', '{{ offer }} {{ when }}')).toEqual(['when']);
  });
});
