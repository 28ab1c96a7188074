/**
 * Time is injected: every service receives a Clock, so the whole system can be simulated at any
 * instant. This file is the only place that reads the wall clock.
 */
export interface Clock {
  /** The current instant. */
  now(): Date;
}

/** The real wall clock, used by `hearback serve` and the CLI. */
export const systemClock: Clock = {
  // eslint-disable-next-line no-restricted-syntax -- the one sanctioned wall-clock read
  now: () => new Date(),
};

/** A clock that stays where it is put; tests move it explicitly. */
export class ManualClock implements Clock {
  private current: Date;

  constructor(start: Date | string) {
    this.current = new Date(start);
  }

  now(): Date {
    return new Date(this.current.getTime());
  }

  /** Jump to an instant. */
  set(instant: Date | string): void {
    this.current = new Date(instant);
  }

  /** Move forward by a number of milliseconds. */
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/**
 * How far `clock` is ahead of the wall clock, in whole seconds. Libraries that read the wall clock
 * themselves (openid-client checks a token's expiry with Date.now) take this as their skew, so that
 * they judge time by the injected clock like everything else.
 */
export function secondsAheadOfWallClock(clock: Clock): number {
  return Math.round((clock.now().getTime() - systemClock.now().getTime()) / 1000);
}
