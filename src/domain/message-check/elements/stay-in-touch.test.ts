import { describe, expect, it } from 'vitest';
import { buildContext } from '../context.ts';
import { detectStayInTouch } from './stay-in-touch.ts';

// An invitation to stay in touch about future roles; "we will be in touch about the outcome" is not one.
describe('detectStayInTouch', () => {
  it.each([
    'Please stay in touch.',
    "We'd like to keep your CV on file for future openings.",
    "We'll let you know if a similar role opens up.",
    'We encourage you to apply for future roles.',
    "Let's keep in touch.",
  ])('finds it in %j', (text) => {
    expect(detectStayInTouch(buildContext('rejection', text))).not.toBeNull();
  });

  it.each([
    'We will be in touch about the outcome soon.',
    'Thank you for your time.',
    "We won't be moving forward.",
  ])('does not find it in %j', (text) => {
    expect(detectStayInTouch(buildContext('rejection', text))).toBeNull();
  });
});
