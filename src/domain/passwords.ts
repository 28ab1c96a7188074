/**
 * Common passwords are refused (NIST SP 800-63B §5.1.1.2: check new passwords against a list of
 * commonly used or compromised values). The list is `@zxcvbn-ts/language-common`'s (about 49,000
 * passwords from breach corpora, maintained with zxcvbn-ts), loaded on the first check.
 *
 * Pure: no I/O (the list is data inside a package).
 */
import { dictionary } from '@zxcvbn-ts/language-common';

let common: ReadonlySet<string> | null = null;

function commonPasswords(): ReadonlySet<string> {
  common ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
  return common;
}

/**
 * Whether `password` is a common one: on the list (any case), a listed one with digits or
 * punctuation added at the end ("password2024!"), or one character repeated.
 */
export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  const list = commonPasswords();
  if (list.has(lower)) return true;
  const stem = lower.replace(/[\d\W_]+$/u, '');
  if (stem.length >= 4 && list.has(stem)) return true;
  return /^(.)\1*$/su.test(password);
}
