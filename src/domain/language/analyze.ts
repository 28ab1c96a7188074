/**
 * Sentence-level reading of English text for the message checks and promise resolution, on the
 * compromise library: it splits sentences and clauses and tags every word (part of speech,
 * negation, modal, tense, names). On top of its tags this module decides, per clause, who the
 * subject is (us, the candidate, another person, the role), whether the clause is negated, its
 * tense and its modality — the features the element and finding rules ask about.
 *
 * Offsets always point into the original text: normalisation replaces characters one for one.
 * A single line break does not end a sentence (emails are hard-wrapped); a blank line does.
 * Pure: compromise holds no I/O and no clock (it is only loaded lazily, once).
 */
import { createRequire } from 'node:module';
import type nlpType from 'compromise';

// compromise is loaded on the first text read, not at import: it costs ~0.8 s of CPU to load, and
// processes that never read text (the worker, `hearback migrate`, restarted workers) need not pay.
let nlpLoaded: typeof nlpType | undefined;
function nlp(text: string): ReturnType<typeof nlpType> {
  nlpLoaded ??= createRequire(import.meta.url)('compromise') as typeof nlpType;
  return nlpLoaded(text);
}

/** One word as compromise tagged it. */
export interface Token {
  /** As written. */
  text: string;
  /** Lower case, apostrophes and dashes plain. */
  lower: string;
  start: number;
  end: number;
  tags: ReadonlySet<string>;
  /** The word a contraction stands for ("will" for "won't", "not" for its empty twin). */
  implicit: string | null;
}

/** Who a clause is about, as the rules need it. */
export type Subject = 'we' | 'you' | 'other_person' | 'role' | 'it' | 'none' | 'other';

/** A clause with the features the rules decide on. */
export interface Clause {
  start: number;
  end: number;
  /** As written. */
  text: string;
  /** Same length as `text`: lower case, quotes and dashes plain, line breaks as spaces. */
  lower: string;
  tokens: Token[];
  subject: Subject;
  negated: boolean;
  tense: 'past' | 'present' | 'future';
  /** The first modal ("would", "could", "might", "should", "may", "can", "must", "will"), if any. */
  modal: string | null;
  /** Starts with if/unless/once/when…: a condition, not a statement. */
  conditional: boolean;
  question: boolean;
}

/** A sentence and its clauses. */
export interface Sentence {
  start: number;
  end: number;
  text: string;
  lower: string;
  tokens: Token[];
  clauses: Clause[];
}

/** The whole text, read. */
export interface Analysis {
  text: string;
  /** Same length as `text`, for regexes whose indices must point into the original. */
  lower: string;
  sentences: Sentence[];
}

/**
 * Same-length normalisation: curly quotes and primes become ', typographic dashes -, odd spaces
 * a plain space. Every index into the result is an index into the original.
 */
export function normalizeText(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u02BC\u0060\u00B4]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u00A0\u00AD\u1680\u2000-\u200D\u2028\u2029\u202F\u205F\u2060\u3000\uFEFF]/g, ' ');
}

interface RawTerm {
  text: string;
  tags: string[];
  implicit?: string;
  /** Punctuation and spaces after the word. */
  post?: string;
  offset: { start: number; length: number };
}
interface RawPhrase {
  text: string;
  offset: { start: number; length: number };
  terms: RawTerm[];
}

// Words that make the team the subject: "we", "our panel", "the hiring manager", "I".
const WE_WORDS = new Set([
  'we',
  "we've",
  "we're",
  "we'd",
  "we'll",
  'us',
  'our',
  'i',
  "i've",
  "i'm",
  "i'd",
  "i'll",
  'me',
  'my',
  'team',
  'panel',
  'committee',
  'company',
  'manager',
  'managers',
  'interviewers',
  'recruiter',
  'hr',
  'client',
  'board',
  'everyone',
  'leadership',
]);
const YOU_WORDS = new Set(['you', "you've", "you're", "you'd", "you'll", 'your', 'yourself', 'application']);
const ROLE_WORDS = new Set(['role', 'position', 'job', 'vacancy', 'opening', 'post', 'opportunity', 'seat']);
const OTHER_WORDS = new Set([
  'candidate',
  'candidates',
  'applicant',
  'applicants',
  'someone',
  'somebody',
  'others',
  'finalist',
  'finalists',
  'person',
  'he',
  'she',
  'they',
  'hire',
]);
const CONDITIONAL_START =
  /^\s*(?:and\s+|but\s+|so\s+)?(?:if|unless|once|when|whenever|should\s+you|in\s+case|provided)\b/;

/** Who the clause is about: the last noun or pronoun before its first verb. */
function subjectOf(tokens: Token[]): Subject {
  // An imperative ("Try profiling…", "Please apply again") has the reader as its implied subject.
  const first = tokens.find(
    (t) => /[a-z]/i.test(t.text) && !t.tags.has('Adverb') && !/^(?:please|do|and|but|so|also)$/i.test(t.text),
  );
  if (
    first &&
    first.tags.has('Verb') &&
    (first.tags.has('Imperative') || first.tags.has('Infinitive')) &&
    !first.tags.has('Modal')
  )
    return 'none';
  let subject: Subject = 'none';
  let sawOtherDeterminer = false;
  for (const t of tokens) {
    const w = t.lower.replace(/[^a-z']/g, '');
    if (t.tags.has('Verb') && !t.tags.has('Gerund') && subject !== 'none') break;
    if (t.tags.has('Preposition')) break;
    if (w === 'another' || w === 'other' || w === 'different' || w === 'successful' || w === 'chosen')
      sawOtherDeterminer = true;
    if (WE_WORDS.has(w)) subject = 'we';
    else if (YOU_WORDS.has(w)) subject = 'you';
    else if (ROLE_WORDS.has(w)) subject = 'role';
    else if (OTHER_WORDS.has(w) || (sawOtherDeterminer && t.tags.has('Noun'))) subject = 'other_person';
    else if (t.tags.has('Person') || t.tags.has('FirstName')) subject = 'other_person';
    else if (w === 'it' || w === 'this' || w === 'that' || w === "it's") subject = 'it';
    else if (t.tags.has('Noun') && subject === 'none') subject = 'other';
  }
  return subject;
}

function tenseOf(tokens: Token[], lower: string): { tense: Clause['tense']; modal: string | null } {
  let modal: string | null = null;
  for (const t of tokens) {
    if (t.tags.has('Modal')) {
      modal = (t.implicit ?? t.lower).replace(/^.*'ll$/, 'will').replace(/^.*'d$/, 'would');
      break;
    }
    if (/'ll$/.test(t.lower)) {
      modal = 'will';
      break;
    }
  }
  if (modal === 'will' || modal === 'shall' || /\b(?:going\s+to|about\s+to)\s+\w/.test(lower)) {
    return { tense: 'future', modal };
  }
  const past = tokens.some(
    (t, i) =>
      // "we've got one more interview" is possession, not the past.
      (t.tags.has('PastTense') &&
        !(
          t.lower === 'got' &&
          /^(?:have|'ve|has|'s)$/.test(tokens[i - 1]?.implicit ?? tokens[i - 1]?.lower ?? '')
        )) ||
      (t.tags.has('Auxiliary') && /^(?:did|didn't|was|wasn't|were|weren't|had|hadn't)$/.test(t.lower)),
  );
  return { tense: past ? 'past' : 'present', modal };
}

function toClause(raw: RawPhrase, text: string, lower: string): Clause {
  const start = raw.offset.start;
  const end = start + raw.offset.length;
  const tokens = raw.terms.map((t): Token => ({
    text: t.text,
    lower: lower.slice(t.offset.start, t.offset.start + t.offset.length),
    start: t.offset.start,
    end: t.offset.start + t.offset.length,
    tags: new Set(t.tags),
    implicit: t.implicit ?? null,
  }));
  const clauseLower = lower.slice(start, end);
  const negated =
    tokens.some((t) => t.tags.has('Negative')) ||
    /(?:\bnot\b|n't\b|\bnever\b|\bunable\b|\bno\s+longer\b|\bneither\b|\bnor\b)/.test(clauseLower);
  const { tense, modal } = tenseOf(tokens, clauseLower);
  return {
    start,
    end,
    text: text.slice(start, end),
    lower: clauseLower,
    tokens,
    subject: subjectOf(tokens),
    negated,
    tense,
    modal,
    conditional: CONDITIONAL_START.test(clauseLower),
    question: /\?\s*$/.test(clauseLower),
  };
}

// Words that open a new clause even without a comma before them.
const CLAUSE_OPENERS = new Set([
  'but',
  'because',
  'although',
  'though',
  'whereas',
  'whose',
  'which',
  'unless',
]);

/**
 * Cuts a sentence into clauses: after a comma, semicolon, colon or dash, and before a word that
 * opens a clause ("but", "because", "which"…).
 */
function splitClauses(sentence: RawPhrase): RawPhrase[] {
  const out: RawPhrase[] = [];
  let current: RawTerm[] = [];
  const flush = () => {
    const first = current[0];
    const last = current.at(-1);
    if (!first || !last) return;
    const start = first.offset.start;
    const end = last.offset.start + last.offset.length + (last.post ?? '').replace(/\s+$/, '').length;
    out.push({ text: '', offset: { start, length: end - start }, terms: current });
    current = [];
  };
  for (const t of sentence.terms) {
    if (current.length > 0 && CLAUSE_OPENERS.has(t.text.toLowerCase())) flush();
    current.push(t);
    if (/[,;:]|\s[-\u2013\u2014]\s|\s[-\u2013\u2014]$|^[\u2013\u2014]/.test(t.post ?? '')) flush();
  }
  flush();
  return out.length > 0 ? out : [sentence];
}

/**
 * Analyses of recent texts. The same statements come again and again (the close form's
 * suggestions, an ATS sending its fixed wording), and compromise's pass was 11 % of the API
 * server's CPU closing interviews (BENCHMARKS.md, F10). An analysis depends on the text alone;
 * it is frozen, so no caller can change what the next one gets.
 */
const analyses = new Map<string, Analysis>();
const MAX_ANALYSES = 500;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** Reads a text into sentences and clauses with their features. Never throws. The result is frozen. */
export function analyzeText(text: string): Analysis {
  if (typeof text !== 'string' || text.length > 2_000) return readText(text);
  const known = analyses.get(text);
  if (known) {
    // Most recently used last: the oldest is the one evicted.
    analyses.delete(text);
    analyses.set(text, known);
    return known;
  }
  const analysis = deepFreeze(readText(text));
  if (analyses.size >= MAX_ANALYSES) analyses.delete(analyses.keys().next().value!);
  analyses.set(text, analysis);
  return analysis;
}

function readText(text: string): Analysis {
  const original = typeof text === 'string' ? text : '';
  const norm = normalizeText(original);
  const lower = norm.toLowerCase();
  // A lone line break joins lines (hard-wrapped email); two or more keep the paragraph break.
  const forNlp = norm.replace(/(?<!\n)\n(?![\n\s]*\n)/g, ' ').replace(/\t/g, ' ');
  if (!/[\p{L}\p{N}]/u.test(forNlp)) return { text: original, lower, sentences: [] };
  // One pass of compromise over the whole text (sentences, terms, tags, offsets); clauses are cut
  // from its terms here, which is several times faster than asking it for clauses per sentence.
  const raw = nlp(forNlp).json({ offset: true }) as RawPhrase[];
  const sentences: Sentence[] = [];
  for (const s of raw) {
    const start = s.offset.start;
    const end = start + s.offset.length;
    const clauses = splitClauses(s).map((c) => toClause(c, original, lower));
    sentences.push({
      start,
      end,
      text: original.slice(start, end),
      lower: lower.slice(start, end),
      tokens: clauses.flatMap((c) => c.tokens),
      clauses,
    });
  }
  return { text: original, lower, sentences };
}
