import { describe, expect, it } from 'vitest';
import { candidateTemplateContext, firstNameOf } from './candidate-context.ts';

describe('candidateTemplateContext', () => {
  it('names the organization, candidate (with first name), job, owner and link', () => {
    expect(
      candidateTemplateContext({
        organizationName: 'Acme',
        candidateName: 'Alex van Doe',
        jobTitle: 'Engineer',
        owner: { name: 'Jo', email: 'jo@acme.test' },
        statusLink: 'https://hb.test/s/x',
      }),
    ).toEqual({
      organization: { name: 'Acme' },
      candidate: { name: 'Alex van Doe', first_name: 'Alex' },
      job: { title: 'Engineer' },
      owner: { name: 'Jo', email: 'jo@acme.test' },
      status_link: 'https://hb.test/s/x',
    });
  });
  it('reads a missing owner as empty', () => {
    const c = candidateTemplateContext({
      organizationName: 'A',
      candidateName: 'B',
      jobTitle: 'C',
      owner: null,
      statusLink: '',
    });
    expect(c.owner).toEqual({ name: '', email: '' });
  });
  it.each([
    ['Alex', 'Alex'],
    ['Alex  Doe', 'Alex'],
    ['Mary-Jane Watson', 'Mary-Jane'],
  ])('first name of %j is %j', (name, first) => expect(firstNameOf(name)).toBe(first));
});
