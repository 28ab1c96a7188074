import { describe, expect, it } from 'vitest';
import { buildContext } from '../context.ts';
import { detectStillDeciding } from './update.ts';

// The decision is still being made.
describe('detectStillDeciding', () => {
  it.each([
    "We haven't made a decision yet.",
    "We're still interviewing.",
    'The final decision is pending due to budget approval.',
    'We need a few more days.',
    "We're not quite ready to decide.",
    'The interview panel is yet to finalise its decision.',
    'The process is running a bit behind.',
  ])('finds it in %j', (text) => {
    expect(detectStillDeciding(buildContext('update', text))).not.toBeNull();
  });

  it.each(['You will hear from us by Friday.', 'Thanks for your patience.'])(
    'does not find it in %j',
    (text) => {
      expect(detectStillDeciding(buildContext('update', text))).toBeNull();
    },
  );
});

import { detectUpdateReason } from './update.ts';

describe('detectUpdateReason', () => {
  it.each([
    'It is taking longer because our hiring manager is travelling.',
    'Two more candidates interview on Monday.',
    'The decision is pending budget sign-off from the board.',
    'One panel member is away until Thursday.',
  ])('finds it in %j', (text) => {
    expect(detectUpdateReason(buildContext('update', text))).not.toBeNull();
  });
  it.each([
    'You will hear from us by Friday.',
    'The panel wanted to know if you are planning to get married, as the role has travel.',
  ])('does not find it in %j', (text) => {
    expect(detectUpdateReason(buildContext('update', text))).toBeNull();
  });
});
