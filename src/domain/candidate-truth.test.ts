import { describe, expect, it } from 'vitest';
import { candidateVisibleStatus, type TellingState } from './candidate-truth.ts';

const at = (iso: string) => new Date(iso);
const base: TellingState = { status: 'rejected', outcomeOpen: false, lastDecisionAt: null, lastToldAt: null };

describe('candidateVisibleStatus', () => {
  it.each<[string, Partial<TellingState>, string]>([
    [
      'a decision whose outcome is still owed',
      { outcomeOpen: true, lastDecisionAt: at('2026-12-01T10:00:00Z') },
      'active',
    ],
    ['a decision never delivered', { lastDecisionAt: at('2026-12-01T10:00:00Z') }, 'active'],
    [
      'a decision delivered before a newer decision',
      { lastDecisionAt: at('2026-12-02T10:00:00Z'), lastToldAt: at('2026-12-01T11:00:00Z') },
      'active',
    ],
    [
      'a decision delivered',
      { lastDecisionAt: at('2026-12-01T10:00:00Z'), lastToldAt: at('2026-12-01T11:00:00Z') },
      'rejected',
    ],
    ['an offer not yet told', { status: 'offered', outcomeOpen: true }, 'active'],
    ['a hold not yet told', { status: 'on_hold', lastDecisionAt: at('2026-12-01T10:00:00Z') }, 'active'],
    ['their own withdrawal', { status: 'withdrawn', outcomeOpen: true }, 'withdrawn'],
    ['a hire', { status: 'hired', outcomeOpen: true }, 'hired'],
  ])('%s', (_name, patch, expected) => {
    expect(candidateVisibleStatus({ ...base, ...patch })).toBe(expected);
  });
});
