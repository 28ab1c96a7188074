import { describe, expect, it } from 'vitest';
import { afterFailure, blockedForMs, SIGN_IN_BACKOFF } from './sign-in-backoff.ts';

const rule = SIGN_IN_BACKOFF.account_address;
const at = (minutes: number) => new Date(Date.UTC(2026, 11, 1, 15, minutes));

describe('sign-in backoff', () => {
  it('lets the free failures through, then blocks for 1, 2, 4 … minutes up to the ceiling', () => {
    let c = null;
    const blocks: number[] = [];
    for (let i = 0; i < 12; i++) {
      c = afterFailure(c, rule, at(0));
      blocks.push(blockedForMs(c, at(0)) / 60_000);
    }
    expect(blocks).toEqual([0, 0, 0, 0, 0, 1, 2, 4, 8, 15, 15, 15]);
  });

  it('is no longer blocked once the block has passed', () => {
    let c = null;
    for (let i = 0; i < 6; i++) c = afterFailure(c, rule, at(0));
    expect(blockedForMs(c, at(0))).toBe(60_000);
    expect(blockedForMs(c, at(1))).toBe(0);
    expect(blockedForMs(null, at(1))).toBe(0);
  });

  it('starts afresh after a quiet day', () => {
    let c = null;
    for (let i = 0; i < 9; i++) c = afterFailure(c, rule, at(0));
    const later = new Date(at(0).getTime() + 24 * 3_600_000);
    expect(afterFailure(c, rule, later)).toEqual({ failures: 1, lastFailureAt: later, blockedUntil: null });
  });

  it('gives the account-wide key far more room than one address', () => {
    expect(SIGN_IN_BACKOFF.account.freeFailures).toBeGreaterThan(
      10 * SIGN_IN_BACKOFF.account_address.freeFailures,
    );
  });
});
