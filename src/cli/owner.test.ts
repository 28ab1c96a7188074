import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import type { LockOwner } from '../db/data-dir-lock.ts';
import { alreadyOwnedMessage } from './owner.ts';

const server: LockOwner = {
  pid: 4242,
  processStart: '123',
  bootId: 'b',
  host: hostname(),
  command: 'serve',
  since: '2026-11-30T10:00:00.000Z',
  controlSocket: '/data/hearback.sock',
  url: 'http://localhost:3000',
  worker: true,
  nonce: 'n',
};

describe('the line a second owner exits with', () => {
  it('names the owner, its pid and URL, and the way to run several processes', () => {
    const second = alreadyOwnedMessage({ command: 'serve' }, server, './data');
    expect(second).toBe(
      './data is already served by `hearback serve` (pid 4242, since 2026-11-30T10:00:00.000Z, http://localhost:3000): one process per PGlite directory; stop it first, or use PostgreSQL (DATABASE_URL) to run several processes',
    );
    expect(alreadyOwnedMessage({ command: 'worker' }, server, './data')).toMatch(
      /served by `hearback serve` \(pid 4242.*which already runs the worker; use PostgreSQL/,
    );
    expect(alreadyOwnedMessage({ command: 'worker' }, { ...server, worker: false }, './data')).toMatch(
      /without the worker.*restart it with the worker/,
    );
    expect(
      alreadyOwnedMessage({ command: 'serve' }, { ...server, command: 'worker', url: null }, './data'),
    ).toMatch(
      /in use by `hearback worker` \(pid 4242.*\): stop it first \(`hearback serve` runs the worker itself\)/,
    );
  });

  it('says how to clear a lock whose pid cannot be checked (no /proc)', () => {
    expect(alreadyOwnedMessage({ command: 'serve' }, { ...server, processStart: null }, './data')).toMatch(
      /\(if pid 4242 is not Hearback, delete \.\/data\/hearback\.lock\)$/,
    );
  });

  it('names a lock from another host as such', () => {
    expect(alreadyOwnedMessage({ command: 'serve' }, { ...server, host: 'elsewhere' }, './data')).toContain(
      'pid 4242 on host elsewhere',
    );
  });
});
