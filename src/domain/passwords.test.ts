import { describe, expect, it } from 'vitest';
import { isCommonPassword } from './passwords.ts';

// Issue #14, finding 10: common and breached-list passwords are refused.
describe('isCommonPassword', () => {
  it.each(['123qweasdzxc', 'QWERTY123456', '1q2w3e4r5t6y', 'password2024!', 'iloveyou12345', 'aaaaaaaaaaaa'])(
    'refuses %s',
    (password) => {
      expect(isCommonPassword(password)).toBe(true);
    },
  );

  it.each(['correct horse battery staple', 'token admin passphrase', 'Kx9!vTq2#mLw'])(
    'accepts %s',
    (password) => {
      expect(isCommonPassword(password)).toBe(false);
    },
  );
});
