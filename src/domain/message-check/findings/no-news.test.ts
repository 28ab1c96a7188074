import { describe, expect, it } from 'vitest';
import { buildContext } from '../context.ts';
import { findNoNews } from './no-news.ts';

// A nudge without news is blocking.
describe('findNoNews', () => {
  it.each([
    ['Hi Sarah, just checking in — any update on Priya?', 'just checking in'],
    ['Following up on my last email about the shortlist.', 'Following up'],
    ['Hey Tom! Bumping this to the top of your inbox.', 'Bumping this'],
  ])('%j → a finding on %j', (text, excerpt) => {
    const found = findNoNews(buildContext('nudge', text), false);
    expect(found.map((f) => f.excerpt)).toContain(excerpt);
    for (const f of found) {
      expect(text.slice(f.start, f.end).replace(/\s+/g, ' ')).toBe(f.excerpt);
      expect(f.suggestion).toMatch(/\w/);
    }
  });

  it('is an error whose code contains no_news, with a suggestion of news to add', () => {
    const [f] = findNoNews(buildContext('nudge', 'Any update?'), false);
    expect(f).toMatchObject({ code: 'no_news', severity: 'error' });
    expect(f?.suggestion).toMatch(/offers|availability|candidate|market/);
  });

  it('says nothing when the nudge brings news', () => {
    expect(findNoNews(buildContext('nudge', 'She has a competing offer.'), true)).toEqual([]);
  });
});
