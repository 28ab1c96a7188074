import { describe, expect, it } from 'vitest';
import { buildContext } from '../context.ts';
import { detectNotSelected } from './not-selected.ts';

// Paraphrases of "not selected" count; conditions, "not yet" and good news do not.
describe('detectNotSelected', () => {
  it.each([
    'You have not been selected for the role.',
    'Unfortunately you were not selected.',
    "We won't be moving forward with your candidacy.",
    'We have decided not to proceed.',
    'We will not be progressing your application.',
    'We are unable to offer you the position.',
    'We have chosen to go with another candidate.',
    'The role went to someone else.',
    'The role has gone to an internal applicant.',
    "We've offered the position to someone whose experience is closer to the brief.",
    'The position has been filled.',
    "We've filled the vacancy.",
    'We are moving forward with other candidates.',
    "We've decided to go in a different direction.",
    'The team will be going in another direction.',
    'Your application was unsuccessful on this occasion.',
    "I'm sorry to say you haven't been successful this time.",
    "We won't be taking your application any further.",
    "We won't be moving you to the next round.",
    "We're going to pass this time.",
    "I'm sorry this isn't the news you were hoping for.",
    'We hired Rebecca for the role.',
    'We have now appointed an internal candidate.',
    "We won't be putting you forward to the client.",
    'WE WILL NOT BE MOVING FORWARD.',
  ])('finds it in %j', (text) => {
    expect(detectNotSelected(buildContext('rejection', text))).not.toBeNull();
  });

  it.each([
    'Thank you for interviewing with us.',
    'We are moving forward with your application to the next round.',
    'You were selected for the final interview.',
    'If you are not selected, we will let you know by Friday.',
    "We haven't moved forward with anyone yet.",
    'Other candidates have not been selected yet either.',
    'The successful part of your interview was the design discussion.',
    'We selected three topics for the interview.',
  ])('does not find it in %j', (text) => {
    expect(detectNotSelected(buildContext('rejection', text))).toBeNull();
  });
});
