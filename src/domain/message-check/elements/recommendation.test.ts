import { describe, expect, it } from 'vitest';
import { buildContext } from '../context.ts';
import { detectRecommendation } from './recommendation.ts';

// Something the candidate can do; a closing wish is not a recommendation.
describe('detectRecommendation', () => {
  it.each([
    'We recommend taking an advanced course in statistics.',
    "I'd suggest contributing to an open-source project.",
    'You might consider a role closer to data engineering.',
    'In the future, bring examples of work you led.',
    'Next time, walk us through your trade-offs.',
    'Try profiling a React Native app and writing up what you found.',
    'Building a small pipeline project with backfills would make a future application much stronger.',
    'A short conveyancing course would be a good next step.',
    'Please do apply for our graduate programme in September.',
    'We encourage you to apply again next spring.',
    'One piece of advice: bring metrics to your next interview.',
    'Gaining experience with on-call rotations is worthwhile.',
  ])('finds it in %j', (text) => {
    expect(detectRecommendation(buildContext('rejection', text))).not.toBeNull();
  });

  it.each([
    'We wish you every success in your future endeavours.',
    "We hope you find a role that's a great match for your skills.",
    'Best of luck with your search.',
    'All the best, and thank you for your time.',
    "I'm sure you'll find the right opportunity soon.",
    'We considered your application carefully.',
    'We will consider you for other roles.',
    'Please feel free to contact me if you would like to talk it through.',
    'Take care.',
  ])('does not find it in %j', (text) => {
    expect(detectRecommendation(buildContext('rejection', text))).toBeNull();
  });
});
