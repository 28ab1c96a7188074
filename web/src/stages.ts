/**
 * A job's stage list as the form edits it (pure): the checks the server makes, run before sending
 * so the very row that is wrong is marked.
 */

/** The most stages a job has, and the longest name (the API's limits). */
export const MAX_STAGES = 20;
export const MAX_STAGE_LENGTH = 60;

/** What is wrong with a stage list: the rows to mark and one message; null when it can be saved. */
export function stageListProblem(names: readonly string[]): { rows: number[]; message: string } | null {
  const trimmed = names.map((n) => n.trim());
  if (trimmed.length === 0) return { rows: [], message: 'A job needs at least one stage.' };
  if (trimmed.length > MAX_STAGES) return { rows: [], message: `A job has at most ${MAX_STAGES} stages.` };
  const empty = trimmed.flatMap((n, i) => (n === '' ? [i] : []));
  if (empty.length > 0) return { rows: empty, message: 'Name each stage, or remove the empty one.' };
  const long = trimmed.flatMap((n, i) => (n.length > MAX_STAGE_LENGTH ? [i] : []));
  if (long.length > 0)
    return { rows: long, message: `A stage name has at most ${MAX_STAGE_LENGTH} characters.` };
  const seen = new Map<string, number>();
  const repeats: number[] = [];
  trimmed.forEach((n, i) => {
    if (seen.has(n.toLowerCase())) repeats.push(i);
    else seen.set(n.toLowerCase(), i);
  });
  if (repeats.length > 0) {
    const names = [...new Set(repeats.map((i) => trimmed[i]!))];
    return { rows: repeats, message: `Each stage once: ${names.join(', ')} is already in the list.` };
  }
  return null;
}

/** The list with the entry at `from` moved to `to` (both in range). */
export function moveStage<T>(list: readonly T[], from: number, to: number): T[] {
  const out = [...list];
  const [item] = out.splice(from, 1);
  out.splice(to, 0, item!);
  return out;
}
