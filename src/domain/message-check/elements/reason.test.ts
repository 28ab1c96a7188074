import { describe, expect, it } from 'vitest';
import { buildContext } from '../context.ts';
import { detectReason } from './reason.ts';

// A specific reason about this application; vague phrases, protected characteristics, advice and rankings are not reasons.
describe('detectReason', () => {
  it.each([
    'The role requires hands-on experience running Kubernetes clusters in production.',
    'We were looking for someone who has led a migration to event sourcing.',
    'Another candidate had more concrete examples of running pricing experiments end to end.',
    'The position needs fluent written German for the DACH accounts, and the writing exercise had several grammar errors.',
    'In the take-home, two of the five test cases failed and the solution timed out on the large input.',
    'The deciding factor was the mock discovery call: you pitched before asking about the current process.',
    'You told us you can only work weekdays, and the shifts are overnight at weekends.',
    'Another profile more closely matched our need for hands-on Terraform and AWS networking work.',
  ])('finds it in %j', (text) => {
    expect(detectReason(buildContext('rejection', text))).not.toBeNull();
  });

  it.each([
    'We were looking for someone with more experience.',
    'We felt another applicant was a better fit.',
    'It was not a culture fit.',
    'Due to the high volume of applications we cannot progress your application.',
    "We've decided to go with someone younger.",
    'We felt a more junior profile would suit the team.',
    'Next time, bring printed copies, since the panel struggled to read the laptop screen.',
    'Compared to the other finalists, your case study was weaker.',
  ])('does not find it in %j', (text) => {
    expect(detectReason(buildContext('rejection', text))).toBeNull();
  });
});
