import { describe, expect, it } from 'vitest';
import { buildContext } from '../context.ts';
import { detectNextSteps } from './next-steps.ts';

// What happens next, named; "we will be in touch about next steps" does not say what they are.
describe('detectNextSteps', () => {
  it.each([
    "We'd like to invite you to a final interview.",
    'The next step is a take-home exercise.',
    'Next up is a design challenge with our lead designer.',
    "We'd like to move forward with references.",
    "You're through to the assessment centre stage: a group exercise and a presentation.",
    "We'd like you to come in for a trial shift.",
    'Next step: the written offer and a call about the start date.',
  ])('finds it in %j', (text) => {
    expect(detectNextSteps(buildContext('advance', text))).not.toBeNull();
  });

  it.each([
    'Our hiring manager will be in touch about next steps.',
    'You impressed the panel!',
    'We will be in touch shortly.',
    'More to come. Next step:',
  ])('does not find it in %j', (text) => {
    expect(detectNextSteps(buildContext('advance', text))).toBeNull();
  });
});

import { detectWho } from './next-steps.ts';

describe('detectWho', () => {
  it.each([
    'You will meet Priya, our CTO, next week.',
    'Our recruiter Jo will email you tomorrow.',
    'A chat with the hiring manager and the head of design.',
    'Lisa from our team will send the invite.',
  ])('finds it in %j', (text) => {
    expect(detectWho(buildContext('advance', text))).not.toBeNull();
  });
  it.each(['Hi Sam, great news!', 'We will send you the details within 2 business days.', 'Thanks, Dana'])(
    'does not find it in %j',
    (text) => {
      expect(detectWho(buildContext('advance', text))).toBeNull();
    },
  );
});
