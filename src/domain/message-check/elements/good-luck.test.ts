import { describe, expect, it } from 'vitest';
import { buildContext } from '../context.ts';
import { detectGoodLuck } from './good-luck.ts';

// Thanks or good wishes.
describe('detectGoodLuck', () => {
  it.each([
    'Thank you for your time.',
    'Thanks again.',
    'Good luck!',
    'We wish you every success.',
    'Best wishes, Dana',
    'We appreciate your interest in the role.',
    'Wishing you the very best for your search.',
  ])('finds it in %j', (text) => {
    expect(detectGoodLuck(buildContext('rejection', text))).not.toBeNull();
  });

  it.each(['We have decided not to move forward.', 'The role needs SQL.', 'Please apply again next year.'])(
    'does not find it in %j',
    (text) => {
      expect(detectGoodLuck(buildContext('rejection', text))).toBeNull();
    },
  );
});
