import { describe, expect, it } from 'vitest';
import { checkMessage } from './message-check/index.ts';
import { DEFAULT_TEMPLATES } from './template-copy.ts';
import {
  renderTemplate,
  sampleContext,
  TEMPLATE_KEYS,
  TEMPLATE_VARIABLES,
  unknownVariables,
  validateTemplate,
} from './template-engine.ts';
import { TEMPLATE_CONTEXT } from '../../test/support/template-context.ts';

const context = TEMPLATE_CONTEXT;

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

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
