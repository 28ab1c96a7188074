import { describe, expect, it } from 'vitest';
import { nextBusinessSlot, type BusinessCalendar } from './business-time.ts';
import { scheduleSend } from './schedule.ts';

const cal: BusinessCalendar = {
  timeZone: 'Europe/Berlin',
  workingDays: [1, 2, 3, 4, 5],
  hours: { start: '09:00', end: '17:00' },
  holidays: null,
};
const at = (iso: string) => new Date(iso);

describe('scheduleSend', () => {
  it('names the latest constraint', () => {
    expect(
      scheduleSend([
        { at: at('2026-12-01T10:00:00Z'), because: 'immediately' },
        { at: at('2026-12-01T10:10:00Z'), because: 'undo_window' },
        { at: at('2026-12-01T10:05:00Z'), because: 'requested_time' },
      ]),
    ).toEqual({ at: at('2026-12-01T10:10:00Z'), because: 'undo_window' });
  });

  it('prefers the first listed on a tie', () => {
    const t = at('2026-12-01T10:10:00Z');
    expect(
      scheduleSend([
        { at: t, because: 'phone_first_wait' },
        { at: t, because: 'undo_window' },
      ]).because,
    ).toBe('phone_first_wait');
  });

  it("says so when business hours move the time, and not when they don't", () => {
    const place = (d: Date) => nextBusinessSlot(d, cal);
    // Tuesday 18:10 in Berlin: after hours, so Wednesday 09:00.
    expect(scheduleSend([{ at: at('2026-12-01T17:10:00Z'), because: 'undo_window' }], place)).toEqual({
      at: at('2026-12-02T08:00:00Z'),
      because: 'candidate_business_hours',
    });
    expect(scheduleSend([{ at: at('2026-12-01T10:10:00Z'), because: 'undo_window' }], place)).toEqual({
      at: at('2026-12-01T10:10:00Z'),
      because: 'undo_window',
    });
  });
});
