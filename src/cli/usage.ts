import { parseArgs, type ParseArgsConfig } from 'node:util';

// Loaded by every command, including `--version`: keep this file free of heavy imports
// (parsers that need luxon, the holiday calendar or zod are in arguments.ts).

/** A mistake in the command line: printed as one line, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * parseArgs, strict, with its errors turned into one-line UsageErrors — and an option given twice
 * refused rather than silently won by the last one (`--at X --at Y` is a mistake, not a choice).
 */
export function parseCommandLine<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  let parsed: ReturnType<typeof parseArgs<T & { tokens: true }>>;
  try {
    parsed = parseArgs({ ...config, tokens: true });
  } catch (error) {
    throw new UsageError(((error as Error).message.split('\n')[0] ?? '').replace(/\. To specify .*$/, ''));
  }
  const seen = new Set<string>();
  for (const token of parsed.tokens ?? []) {
    if (token.kind !== 'option') continue;
    const multiple = (config.options?.[token.name] as { multiple?: boolean } | undefined)?.multiple;
    if (seen.has(token.name) && !multiple) throw new UsageError(`--${token.name} given more than once`);
    seen.add(token.name);
  }
  const { tokens: _tokens, ...rest } = parsed;
  return rest as ReturnType<typeof parseArgs<T>>;
}

/** Refuse any flag or positional: for commands that take none. */
export function parseNoArguments(args: string[]): void {
  parseCommandLine({ args, options: {}, strict: true, allowPositionals: false });
}

/** A whole number written in digits within [min, max]: no "1.5", "5abc", " 5", "1e3" or "0x10". */
export function parseWholeNumber(flag: string, value: string, min: number, max: number): number {
  const n = /^\d{1,9}$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new UsageError(`--${flag} must be a whole number from ${min} to ${max}, got "${value}"`);
  }
  return n;
}

/** A line of text a person typed: no control characters (NUL, escape sequences), not blank, bounded. */
export function parseText(what: string, value: string | undefined, maxLength: number): string {
  const text = value?.trim() ?? '';
  if (!text) throw new UsageError(`${what} must not be empty`);
  if (text.length > maxLength) throw new UsageError(`${what} must be at most ${maxLength} characters`);
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f-\u009f]/.test(text))
    throw new UsageError(`${what} must not contain control characters`);
  if (/[\ud800-\udfff]/u.test(text.replace(/[\ud800-\udbff][\udc00-\udfff]/g, ''))) {
    throw new UsageError(`${what} is not valid Unicode text`);
  }
  return text;
}

/** A command that could not do its work: one line on stderr, exit code 1 (or 2 for bad input). */
export class CliFailure extends Error {
  override name = 'CliFailure';
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
  }
}

/** The exit code for a service's AppError: 2 when the input was at fault, 1 otherwise. */
export function exitCodeForAppError(code: string): 1 | 2 {
  return ['validation_failed', 'invalid_reference', 'choose_organization'].includes(code) ? 2 : 1;
}
