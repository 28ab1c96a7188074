import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A mistake in the command line: printed as one line, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** parseArgs, with its errors turned into UsageErrors. */
export function parseCommandLine<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]);
  }
}

/** Parse "US" or "DE-BY" into a holiday region. */
export function parseHolidays(value: string | undefined): { country: string; region?: string } | null {
  if (value === undefined) return null;
  const match = /^([A-Za-z]{2})(?:-([A-Za-z0-9]{1,10}))?$/.exec(value);
  if (!match) throw new UsageError(`--holidays must look like US or DE-BY, got "${value}"`);
  const country = match[1]!.toUpperCase();
  return match[2] ? { country, region: match[2].toUpperCase() } : { country };
}
