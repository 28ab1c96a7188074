/** A hash of every source file that goes into the compiled bundle (tests excluded). */
export function serverSourceHash(): Promise<string>;
/** The compiled entry point for the current sources, or null when there is none (run from source). */
export function compiledEntry(): Promise<string | null>;
/** Bundle the CLI and server for the current sources unless that build exists. */
export function buildCompiledServer(): Promise<'built' | 'fresh' | 'unavailable'>;
