/** Small text helpers shared by the message-check rules. */
import type { Clause } from '../language/analyze.ts';
import type { Span } from './types.ts';

/**
 * One case-insensitive global regex from phrase alternatives. A space in a phrase stands for any
 * run of whitespace or hyphens; an apostrophe is optional. Boundaries are Unicode-aware.
 */
export function rx(phrases: readonly string[]): RegExp {
  const body = phrases
    .map((p) => p.replace(/ \?/g, '[\\s-]*').replace(/ /g, '[\\s-]+').replace(/'/g, "'?"))
    .join('|');
  return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${body})(?![\\p{L}\\p{N}_])`, 'giu');
}

/** Every non-empty match of a global regex in `text`, offset by `offset`. */
export function findAll(re: RegExp, text: string, offset = 0): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(re)) {
    if (m[0].length === 0) continue;
    spans.push({ start: offset + m.index, end: offset + m.index + m[0].length });
  }
  return spans;
}

/** The first match of `re` in a clause, as a span of the whole text. */
export function matchIn(re: RegExp, clause: Clause): Span | null {
  return findAll(re, clause.lower, clause.start)[0] ?? null;
}

/** True when `re` matches the clause. */
export function hasIn(re: RegExp, clause: Clause): boolean {
  return findAll(re, clause.lower).length > 0;
}

const MAX_EXCERPT = 120;

/** The span quoted as written, whitespace collapsed, at most 120 characters. */
export function excerptOf(text: string, span: Span): string {
  const s = text.slice(span.start, span.end).replace(/\s+/g, ' ').trim();
  return s.length > MAX_EXCERPT ? `${s.slice(0, MAX_EXCERPT - 1)}…` : s;
}

export const WORD = /[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu;

/** Words in a text. */
export function countWords(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(WORD)) n++;
  return n;
}

// Words that carry no specific information about a candidate or a role.
const NON_CONTENT = new Set(
  (
    'a an the and or but so of to in on at by for with from as is are was were be been being am it its this ' +
    'that these those there here we us our ours you your yours i me my he she they them their his her who whom ' +
    'which what when where why how not no nor than then too very just also only still yet more most less least ' +
    'much many some any all each both few other another such own same can could will would shall should may ' +
    'might must do does did done have has had having get got into about over after before because due since ' +
    "while although though if unless until upon we're we've we'd we'll you're you've you'd you'll it's that's " +
    "i'm i've i'd i'll don't didn't doesn't won't wasn't weren't isn't aren't haven't hasn't couldn't wouldn't " +
    "can't cannot let well really truly unfortunately sadly regret however ultimately overall decided decide " +
    'decision decisions proceed proceeding move moving moved go going went forward selected select application ' +
    'applications applied candidate candidates candidacy applicant applicants role roles position positions job ' +
    'jobs opportunity opportunities team teams company organization organisation time point moment stage process ' +
    'interview interviews interviewing interviewed careful carefully consideration considered consider review ' +
    'reviewed thought strong great good best better right close closely competitive qualified talented ' +
    'impressive impressed enjoyed pleasure thank thanks appreciate appreciated felt feel believe think unable ' +
    'able offer experience skills skill background profile profiles qualifications needs need needed ' +
    'requirements requirement fit match matched matches direction someone person people different current ' +
    'currently specific level difficult hard tough exactly quite simply like looking look way one reason reasons ' +
    'found noticed saw see noted panel felt wanted hoped expected main key deciding factor concern concerns ' +
    'stronger weaker strongest areas area mind overall volume high nature number interest now closed filled ' +
    'changed change aligns align aligned longer benefit ok okay enough fine luck nothing fortunate lucky ' +
    'candidature cv resume pursue pursuing priorities priority'
  ).split(/\s+/),
);

/** Words that say something about the candidate or the role, beyond boilerplate. */
export function contentWords(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(WORD)) {
    const w = m[0].toLowerCase().replace(/'s$/, '');
    if (w.length >= 2 && !NON_CONTENT.has(w) && !/^\d+$/.test(w)) out.push(w);
  }
  return out;
}

/** The text with the spans blanked out, so what is left is what the phrases did not say. */
export function blankOut(text: string, spans: Span[], offset = 0): string {
  const pieces: string[] = [];
  let at = 0;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    const start = s.start - offset;
    if (start > at) pieces.push(text.slice(at, start));
    at = Math.max(at, s.end - offset);
  }
  pieces.push(text.slice(at));
  return pieces.join(' ');
}

/** The span of a clause. */
export const spanOf = (c: Clause): Span => ({ start: c.start, end: c.end });
