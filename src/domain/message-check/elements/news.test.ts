import { describe, expect, it } from 'vitest';
import { buildContext } from '../context.ts';
import { detectNews } from './news.ts';

// A nudge brings news, not a status request.
describe('detectNews', () => {
  it.each([
    'Wei has now received a competing offer with a deadline of Monday.',
    "She's had a second-round interview elsewhere.",
    'Her notice period has been cut to two weeks.',
    'A new candidate for the role: Tom, who ran peak season for a 3PL.',
    'The three similar roles I placed closed at 15% above your band.',
    'His references are back and both were excellent.',
    'She can interview on Wednesday.',
  ])('finds it in %j', (text) => {
    expect(detectNews(buildContext('nudge', text))).not.toBeNull();
  });

  it.each([
    'Just checking in — any update on Priya?',
    'Following up on my last email. Have you had a chance to review?',
    'Circling back on this one.',
  ])('does not find it in %j', (text) => {
    expect(detectNews(buildContext('nudge', text))).toBeNull();
  });
});
