import { describe, expect, it } from 'vitest';
import { buildContext } from '../context.ts';
import { detectStrengths } from './feedback.ts';

// A specific strength.
describe('detectStrengths', () => {
  it.each([
    'Your SQL was strong.',
    'The risk-based test plan for the payments flow was thorough.',
    'You built great rapport in the role-play.',
    'Strengths: your copy for the launch was punchy and on-brand.',
  ])('finds it in %j', (text) => {
    expect(detectStrengths(buildContext('feedback', text))).not.toBeNull();
  });

  it.each(['Thanks for asking.', 'It was just a gut feeling; good luck!', 'You did OK.'])(
    'does not find it in %j',
    (text) => {
      expect(detectStrengths(buildContext('feedback', text))).toBeNull();
    },
  );
});

import { detectGaps } from './feedback.ts';

describe('detectGaps', () => {
  it.each([
    'The dashboard design was weaker: the charts had no titles.',
    'The stakeholder answers lacked a concrete example.',
    'What held you back was the pricing section.',
  ])('finds it in %j', (text) => {
    expect(detectGaps(buildContext('feedback', text))).not.toBeNull();
  });
  it.each(['You did OK but it wasn’t quite enough.', 'Your SQL was strong.'])(
    'does not find it in %j',
    (text) => {
      expect(detectGaps(buildContext('feedback', text))).toBeNull();
    },
  );
});
