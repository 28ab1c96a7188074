import { describe, expect, it } from 'vitest';
import { buildContext } from '../context.ts';
import { detectTimeline } from './timeline.ts';

// An update's new date is when the candidate will hear; "soon" and the times of other events are not.
describe('detectTimeline', () => {
  it.each([
    'You will hear from us by Friday.',
    'Expect our answer on 14 June.',
    'Expect our answer by 28 May.',
    'We will revert by 22nd October.',
    'within 3 business days',
    'Next week.',
    "We'll have a decision for you next week.",
    "We'll call at 10:30.",
  ])('finds it in %j', (text) => {
    expect(detectTimeline(buildContext('update', text))).not.toBeNull();
  });

  it.each([
    'We will get back to you soon.',
    'We will update you in the coming days.',
    'Our hiring manager is travelling this week, so it is taking longer.',
    'Our team works 24/7 on this.',
    'Thank you for meeting us today.',
  ])('does not find it in %j', (text) => {
    expect(detectTimeline(buildContext('update', text))).toBeNull();
  });
});
