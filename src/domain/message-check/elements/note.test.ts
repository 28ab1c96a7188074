import { describe, expect, it } from 'vitest';
import { buildContext } from '../context.ts';
import { detectSpecific } from './note.ts';

// Something specific to the conversation.
describe('detectSpecific', () => {
  it.each([
    'I especially enjoyed hearing how your team moved invoicing onto the new ERP.',
    'Loved hearing about the rebrand.',
    'Thank you for walking me through the logistics dashboard.',
    'It was great to learn how the growth team runs weekly experiments.',
    'The platform migration sounds great.',
  ])('finds it in %j', (text) => {
    expect(detectSpecific(buildContext('thank_you', text))).not.toBeNull();
  });

  it.each([
    'Thank you for the interview.',
    'I appreciate your time and look forward to hearing from you.',
    'Thanks heaps for today, really appreciate it.',
  ])('does not find it in %j', (text) => {
    expect(detectSpecific(buildContext('thank_you', text))).toBeNull();
  });
});

import { detectInterest } from './note.ts';

describe('detectInterest', () => {
  it.each([
    'I am still very interested in the role.',
    'I remain keen on the position.',
    'Your role is my first choice.',
    'Just checking in, still super keen!',
    'I wanted to reaffirm my interest.',
  ])('finds it in %j', (text) => {
    expect(detectInterest(buildContext('check_in', text))).not.toBeNull();
  });
  it.each(['Any news on my application?', 'I am writing to enquire about the status of my application.'])(
    'does not find it in %j',
    (text) => {
      expect(detectInterest(buildContext('check_in', text))).toBeNull();
    },
  );
});
