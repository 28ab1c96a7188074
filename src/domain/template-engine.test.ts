import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';

import {
  renderTemplate,
  TemplateError,
  unknownVariables,
  validateTemplate,
  type TemplateSource,
} from './template-engine.ts';
import { TEMPLATE_CONTEXT } from '../../test/support/template-context.ts';

const context = TEMPLATE_CONTEXT;

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
