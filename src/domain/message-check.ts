/**
 * Message checks: before an outcome reaches a candidate, the composer checks it against the
 * practice Hearback encodes (DESIGN.md, principle 4). A rejection says (1) you were not selected,
 * (2) why, specifically and respectfully, (3) a recommendation for the future, (4) thanks, good
 * luck, stay in touch. An advance gives next steps and a timeline; an update gives a new date.
 * Every message is also checked for protected characteristics, comparisons with other people,
 * template placeholders left unfilled, and length.
 *
 * How it works: the text is normalised without changing its length (curly quotes, dashes and odd
 * spaces become plain ones), so every regex index points into the original and excerpts are
 * quoted as written. Phrase lists are English, case-insensitive, and allow any run of spaces,
 * line breaks or hyphens between words. Word boundaries are Unicode-aware lookarounds, so
 * "age" does not fire inside "manage" and "native" needs "speaker" or "language" after it.
 *
 * Decisions on ambiguous rules (each one pinned by a test):
 * - A reason is a sentence with a reason phrase ("because", "the role requires", "we were looking
 *   for", …, or a vague phrase such as "better fit") that still has at least
 *   {@link MIN_REASON_CONTENT_WORDS} content words once stop words, rejection boilerplate and the
 *   phrases themselves are removed. "We were looking for more experience" alone is no reason: it
 *   gives `missing_reason` ("say why, specifically").
 * - Vague wording gives `vague_reason` as a warning when no specific reason was given (and then
 *   no separate `missing_reason`: the fix is the same); as `info` when a specific reason is also
 *   present, because the candidate still learns why.
 * - Timelines need something a deadline can be computed from: a weekday, a date, "tomorrow",
 *   "next week", "within 5 business days", "by end of day". "Soon", "shortly", "in due course" and
 *   "in the coming days" do not count: a promise is a deadline (principle 2).
 * - Protected characteristics are errors, except immigration and work authorisation ("visa",
 *   "sponsorship", "right to work"), which are warnings: stating a legal requirement of the role
 *   can be legitimate, judging the candidate by it is not.
 * - Words that are everyday business language are only matched in personal contexts: "race"
 *   ("your race", "race or ethnicity", not "race condition"), "children" ("your children", "have
 *   children", not "children's education product"), "marriage" ("your marriage", not "a marriage
 *   of design and code"), "medical"/"health" ("medical condition", "your health", not "medical
 *   devices"), "faith" (not "good faith"), "colour" (only "skin colour"), "native" (only
 *   "native speaker"/"native language"/"digital native"), "single" (only "single mother" etc.).
 *   The bare word "age" does fire: it rarely appears in an outcome message for another reason.
 * - Placeholders are reported once per distinct text. Square brackets are flagged when their
 *   content is capitalised words, all caps, starts with "insert"/"your"/"add"/"enter", or names a
 *   template field ("[name]", "[date]"); "[sic]" and Markdown links "[Careers](…)" are not.
 * - Length: a warning above `maxWords` (default 400); for rejections, an `info` above
 *   {@link REJECTION_SHORT_WORDS} words, because shorter is kinder.
 * - Blank text (no letter or digit) gives only `empty`: listing every missing element of nothing
 *   is noise.
 *
 * Pure: no I/O, no clock.
 */

/** The messages a hiring team sends a candidate after an interview. */
export const MESSAGE_KINDS = ['rejection', 'advance', 'update'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export type Severity = 'error' | 'warning' | 'info';

/** What a check found; `code` is stable, `message` is for people. */
export type FindingCode =
  | 'missing_not_selected'
  | 'missing_reason'
  | 'missing_recommendation'
  | 'missing_good_luck'
  | 'missing_next_steps'
  | 'missing_timeline'
  | 'missing_new_date'
  | 'vague_reason'
  | 'protected_characteristic'
  | 'comparison_with_other'
  | 'unfilled_placeholder'
  | 'too_long'
  | 'empty';

/** One problem (or hint) in a message; `excerpt` quotes the text it is about, as written. */
export interface Finding {
  code: FindingCode;
  severity: Severity;
  message: string;
  excerpt?: string;
}

/** The result of checking one message. */
export interface MessageCheck {
  kind: MessageKind;
  /** Each element the kind requires ({@link MESSAGE_ELEMENTS}), and whether the text has it. */
  elements: Record<string, boolean>;
  /** Errors first, then warnings, then info; within a severity, in the order found. */
  findings: Finding[];
  wordCount: number;
}

/** Options of {@link checkMessage}. */
export interface CheckMessageOptions {
  /** Above this many words the message gets a `too_long` warning; default 400. */
  maxWords?: number;
}

/** The elements each kind of message must contain, in the order they are reported. */
export const MESSAGE_ELEMENTS = {
  rejection: ['not_selected', 'reason', 'recommendation', 'good_luck'],
  advance: ['next_steps', 'timeline'],
  update: ['new_date'],
} as const satisfies Record<MessageKind, readonly string[]>;

/** Short human explanation of each finding, with how to fix it. */
export const FINDING_TEXT: Record<FindingCode, string> = {
  missing_not_selected:
    'The message never says the candidate was not selected. Say it plainly, early: ' +
    '"We have decided not to move forward with your application."',
  missing_reason:
    'Say why, specifically and respectfully: what the role needed and what the candidate showed. ' +
    'It is the part of a rejection a candidate can use.',
  missing_recommendation:
    'Give one recommendation for the future: a skill to build, an experience to gain, when to apply again.',
  missing_good_luck: 'Close with thanks and good wishes, and an invitation to stay in touch.',
  missing_next_steps: 'Say what happens next: the next round, whom they will meet, how it will be scheduled.',
  missing_timeline:
    'Give an estimated timeline a candidate can hold you to: "by Friday 14 June", "within 5 business days". ' +
    '"Soon" is not a date.',
  missing_new_date:
    'An update must name the new date the candidate will hear by: "You will hear from us by Tuesday 18 June."',
  vague_reason:
    'Phrases like "not the right fit" or "went in a different direction" tell the candidate nothing. ' +
    'Name the skill or experience the role needed and what was missing.',
  protected_characteristic:
    'Mentions a protected characteristic (age, sex, pregnancy, religion, race, nationality, disability, ' +
    'marital status, sexual orientation, genetic information). It is never a reason and does not belong ' +
    'in an outcome message.',
  comparison_with_other:
    'Compares the candidate with another person. Describe what the role needed and what this candidate ' +
    'showed instead; other candidates are not theirs to know about.',
  unfilled_placeholder:
    'A template placeholder was left in the text. Fill it in or remove it before sending.',
  too_long: 'The message is long. Keep to the outcome, the reason, one recommendation and thanks.',
  empty: 'The message is empty.',
};

const DEFAULT_MAX_WORDS = 400;
/** Rejections longer than this get an `info`: shorter is kinder. */
export const REJECTION_SHORT_WORDS = 250;
/** Content words a reason sentence needs, beyond its stock phrase, to count as specific. */
export const MIN_REASON_CONTENT_WORDS = 2;

// ---------------------------------------------------------------------------------------------
// Text plumbing

/**
 * Same-length normalisation: every index into the result is an index into the original.
 * Curly quotes and primes become ', typographic dashes become -, odd spaces become ' '.
 */
function normalize(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u02BC\u0060\u00B4]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u00A0\u00AD\u1680\u2000-\u200D\u2028\u2029\u202F\u205F\u2060\u3000\uFEFF]/g, ' ');
}

/**
 * Builds one case-insensitive global regex from phrase alternatives. In a phrase, a space stands
 * for any run of whitespace or hyphens ("on site", "on-site", a line break) and an apostrophe is
 * optional ("won't", "wont"); " ?" is an optional separator ("childcare", "child care").
 * Boundaries are Unicode-aware, unlike \b.
 */
function rx(phrases: readonly string[]): RegExp {
  const body = phrases
    .map((p) => p.replace(/ \?/g, '[\\s-]*').replace(/ /g, '[\\s-]+').replace(/'/g, "'?"))
    .join('|');
  return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${body})(?![\\p{L}\\p{N}_])`, 'giu');
}

interface Span {
  start: number;
  end: number;
}

function findAll(re: RegExp, text: string, offset = 0): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(re)) {
    if (m[0].length === 0) continue;
    spans.push({ start: offset + m.index, end: offset + m.index + m[0].length });
  }
  return spans;
}

const MAX_EXCERPT = 120;

function excerptOf(original: string, span: Span): string {
  const s = original.slice(span.start, span.end).replace(/\s+/g, ' ').trim();
  return s.length > MAX_EXCERPT ? `${s.slice(0, MAX_EXCERPT - 1)}…` : s;
}

const WORD = /[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu;

function countWords(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(WORD)) n++;
  return n;
}

interface Sentence extends Span {
  text: string;
}

/**
 * Sentences end at . ! ? followed by a space, or at a blank line; a single line break does not
 * end one, because emails are often hard-wrapped.
 */
function splitSentences(norm: string): Sentence[] {
  const out: Sentence[] = [];
  const breaks = /[.!?]+(?=\s|$)|\n[ \t]*\n/g;
  let start = 0;
  const push = (end: number) => {
    const text = norm.slice(start, end);
    if (/[\p{L}\p{N}]/u.test(text)) out.push({ start, end, text });
  };
  for (const m of norm.matchAll(breaks)) {
    const end = m.index + m[0].length;
    push(end);
    start = end;
  }
  push(norm.length);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Elements

const NOT_SELECTED = rx([
  'not (?:been )?(?:selected|chosen|shortlisted|successful)',
  'unsuccessful',
  "(?:won't|will not|cannot|can't|are not|aren't|we're not|were not|not) (?:be )?(?:to )?(?:mov(?:e|ing)|go(?:ing)?|progress(?:ing)?|proceed(?:ing)?|continu(?:e|ing)|advanc(?:e|ing)) (?:forward|further|ahead|with you|(?:with )?your (?:application|candidacy))",
  'decided not to (?:proceed|progress|continue|advance|offer|pursue|extend)',
  'not (?:to )?(?:proceed|progress|continue) with (?:your|the) (?:application|candidacy|process)',
  "(?:unable|not able|cannot|can't|won't|will not|not) (?:be )?(?:to )?offer(?:ing)? you",
  'unable to (?:offer|extend)',
  '(?:chosen|chose|decided|opted|elected) to (?:go|move forward|proceed|continue) with (?:an)?other (?:candidates?|applicants?|people|person)',
  '(?:chosen|chose|decided|opted|elected) to (?:go|move forward|proceed|continue) with (?:a )?(?:different|another) (?:candidates?|applicants?|person)',
  'we regret to (?:inform|tell|let you know)',
  '(?:position|role|job|vacancy|opening) has (?:now )?been filled',
  'not (?:be )?(?:offering|extending) (?:you )?(?:an |the )?(?:offer|position|role)',
  'not the (?:news|outcome) you (?:were )?hop(?:ed|ing) for',
]);

/** Phrases that introduce a reason. */
const REASON_TRIGGERS = rx([
  'because',
  'reasons?',
  'due to',
  "(?:we were|we're|we are|we've been) looking for",
  'the (?:role|position|job|team) (?:requires|required|needs|needed|calls for|called for|demands|involves)',
  '(?:we|i|the panel|the team|the interviewers) (?:felt|found|noticed|saw|observed|noted)',
  'feedback',
  'your experience (?:with|in)',
  '(?:less|more|limited|little|not enough|insufficient) (?:hands-on |direct |practical )?experience',
  'depth (?:in|of|on)',
  "(?:did not|didn't|was not able to|were not able to|could not|couldn't) (?:yet )?(?:demonstrate|show|see|cover|explain|address)",
  'stronger (?:in|at|on)',
  'weaker (?:in|at|on)',
  '(?:was|were) not as strong',
  'not as strong',
  'lack(?:ed|s|ing)?(?: of)?',
  'gaps? in',
  'we need(?:ed)? (?:someone|a person|a candidate)',
  'deciding factor',
  '(?:main|key|biggest|primary|only) (?:factor|concern|gap|issue)',
  'concern(?:s|ed)?',
  '(?:hoped|hoping|wanted|expected) to see',
  'was missing',
  'fell short',
  'struggled (?:with|to)',
  'not (?:yet )?(?:ready|strong enough)',
]);

/** Reasons that tell the candidate nothing. */
const VAGUE_REASONS = rx([
  '(?:a |an )?(?:different|other|new) direction',
  '(?:more|most) closely (?:match(?:ed|es)?|align(?:ed|s)?)',
  'align(?:ed|s)? more closely',
  '(?:closer|better|best|stronger|good|great) (?:match|fit)',
  "(?:not|wasn't|weren't|isn't|was not|is not) (?:quite )?(?:the|a) (?:right|good|great|strong) (?:fit|match)",
  'not (?:quite )?a (?:fit|match)',
  'cultur(?:e|al) (?:fit|add)',
  'overall fit',
  '(?:more|better|other|stronger) qualified (?:candidates|applicants|people)',
  '(?:business|organi[sz]ational|company) needs',
  '(?:needs|requirements) of the (?:role|business|team|position|company)',
  '(?:better|more) (?:aligned|suited|suitable)',
  '(?:highly|very|extremely) competitive',
  '(?:many|several|a number of|so many) (?:strong|qualified|talented|excellent|great) (?:candidates|applicants)',
  'strong (?:pool|field) of (?:candidates|applicants)',
]);

/** Words that carry no information in a reason: stop words and rejection boilerplate. */
const NON_CONTENT = new Set(
  // stop words
  (
    'a an the and or but if then so as of at by for with about against between into through to from in on ' +
    'up down out off over under again further once here there when where why how all any both each few more ' +
    'most other others some such no nor not only own same too very can will just should now also than that ' +
    'this these those is are was were be been being have has had having do does did doing would could might ' +
    'may must shall i me my we us our ours you your yours he him his she her they them their it its what ' +
    'which who whom whose while which during before after above below until because since though although ' +
    "we're we've we'd we'll you're you've you'd you'll it's that's i'm i've i'd i'll don't didn't doesn't " +
    "won't wasn't weren't isn't aren't haven't hasn't couldn't wouldn't can't cannot let well really truly " +
    // rejection boilerplate
    'unfortunately sadly regret however ultimately overall decided decide decision decisions proceed ' +
    'proceeding move moving moved go going went forward selected select application applications applied ' +
    'candidate candidates candidacy applicant applicants role roles position positions job jobs opportunity ' +
    'opportunities team teams company organization organisation time point moment stage process interview ' +
    'interviews interviewing interviewed careful carefully consideration considered consider review reviewed ' +
    'thought many strong great good best better right close closely competitive qualified talented impressive ' +
    'impressed enjoyed pleasure thank thanks appreciate appreciated felt feel believe think unable able offer ' +
    'experience skills skill background profile profiles qualifications needs need needed requirements ' +
    'requirement fit match matched matches direction someone person people another different current currently ' +
    'specific level less difficult hard tough exactly quite simply like looking look way one reason reasons'
  ).split(/\s+/),
);

/** Words that say something about the candidate or the role, beyond boilerplate. */
function contentWords(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(WORD)) {
    const w = m[0].toLowerCase().replace(/'s$/, '');
    if (w.length >= 2 && !NON_CONTENT.has(w)) out.push(w);
  }
  return out;
}

const RECOMMENDATION = rx([
  "(?:would |we'd |i'd |we |i )?recommend(?:s|ed|ing|ation|ations)?",
  'suggest(?:s|ed|ing|ion|ions)?',
  "(?<!(?:we|we'll|we will|we would|we've|we have) )consider(?:ing)?",
  'in the future',
  'for the future',
  // "… would make a strong(er) application / candidate next time": advice phrased as an outcome.
  'would make (?:a |you a )?strong(?:er)? (?:application|candidate)',
  '(?<!be )going forward',
  'next time',
  '(?:would|will|could|can|to|further) strengthen',
  'strengthen(?:ing)?',
  'focus(?:ing)? on',
  'work(?:ing)? on',
  'gain(?:ing)? (?:more |some |deeper |hands-on )?experience',
  'encourage you',
  'keep an eye on',
  're-?apply(?:ing)?',
  'apply(?:ing)? again',
  'advice',
  'areas? (?:to|for) (?:develop|improve|grow)',
  '(?:to|could|can|would) (?:help you )?improve',
  'practi[cs](?:e|ing) (?:with|on|your)',
]);

const GOOD_LUCK = rx([
  'thank(?:s| you)?',
  'good luck',
  'best of luck',
  'wish(?:ing)? you',
  'all the best',
  'best wishes',
  '(?:stay|keep|be) in touch',
  'success in your (?:job )?search',
  'grateful',
  'appreciate',
]);

const NEXT_STEPS = rx([
  'next steps?',
  'next (?:rounds?|stage)',
  'final (?:interviews?|rounds?|stage)',
  '(?:second|third|2nd|3rd) (?:interviews?|rounds?)',
  '(?:to )?invite you',
  'like to invite',
  'schedul(?:e|ed|es|ing)',
  'meet (?:the |our |with )?(?:\\p{L}+ )?team',
  'meet (?:with )?(?:the |our )?(?:hiring manager|founders?|cto|ceo|vp)',
  'on-?site',
  'on site',
  'panel',
  'offer call',
  'references?(?: checks?)?',
  'take-home',
  'technical (?:interview|assessment|exercise)',
  'case study',
  'book a (?:time|slot|call)',
]);

const WEEKDAY = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?';
const MONTH_FULL = '(?:january|february|march|april|june|july|august|september|october|november|december)';
const MONTH_ANY =
  '(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\.?';
const ORD = '(?:st|nd|rd|th)?';
const NUM =
  '(?:\\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|twenty|thirty|a couple of|a couple|couple of|a few more)';
const UNIT = '(?:(?:business |working |calendar )?(?:days?|weeks?|hours?|months?)|fortnight)';

/** A date or a deadline one can compute a due time from. Vague words ("soon") are absent on purpose. */
const TIMELINE = rx([
  WEEKDAY,
  `\\d{1,2}${ORD} (?:of )?${MONTH_ANY}`,
  `${MONTH_ANY} \\d{1,2}${ORD}`,
  MONTH_FULL,
  `(?:by|before|in|until|till|during|early|mid|late|end of|of) (?:the )?may`,
  '\\d{4}-\\d{2}-\\d{2}',
  '(?!24/7)\\d{1,2}/\\d{1,2}(?:/\\d{2,4})?',
  '\\d{1,2}\\.\\d{1,2}\\.\\d{2,4}',
  `the \\d{1,2}(?:st|nd|rd|th)`,
  `(?:within|in|over|during|after) (?:the )?(?:next )?(?:${NUM} (?:to|or|-) )?${NUM} ${UNIT}`,
  `(?:${NUM} ?(?:to|or|-) ?)${NUM} ${UNIT}`,
  '(?:next|this|the following|coming) (?:week|month|weekend)',
  `(?:next|this|the following|coming) ${WEEKDAY}`,
  'later today|by (?:the end of )?today|tomorrow|tonight',
  'this (?:afternoon|evening|morning)',
  'end of (?:the )?(?:business )?(?:day|week|month)',
  'eod|eow|cob|close of business',
  'by (?:noon|midday|midnight)',
  '\\d{1,2}(?::\\d{2})? ?(?:am|pm|a\\.m\\.|p\\.m\\.)',
  '\\d{1,2}:\\d{2}',
]);

// ---------------------------------------------------------------------------------------------
// Protected characteristics

type ProtectedCategory =
  | 'age'
  | 'sex'
  | 'pregnancy'
  | 'religion'
  | 'race'
  | 'nationality'
  | 'immigration'
  | 'disability'
  | 'marital_status'
  | 'sexual_orientation'
  | 'genetic';

interface ProtectedRule {
  category: ProtectedCategory;
  label: string;
  severity: Severity;
  pattern: RegExp;
}

const PERSON = "(?:your|his|her|their|the candidate's)";

const PROTECTED_RULES: ProtectedRule[] = [
  {
    category: 'age',
    label: 'age',
    severity: 'error',
    pattern: rx([
      'too (?:old|young)',
      `${PERSON} age`,
      '(?<!(?:digital|information|golden|stone|ice|bronze|iron|space) )age',
      'aged',
      'years? old',
      'year-olds?',
      'how old',
      '(?:young|younger|youthful|older|elderly) (?:team|candidates?|applicants?|people|persons?|profiles?|blood|workforce|talent|someone|employees?|colleagues?|hires?|crowd)',
      '(?:energetic|dynamic|fresh) young',
      'young (?:and|&) (?:energetic|dynamic|hungry|fresh)',
      'digital natives?',
      '(?:close to|near|nearing|approaching) retirement',
      'gen(?:eration)? ?[xyz]',
      'millennials?',
      '(?:baby )?boomers?',
      '(?:twenties|thirties|forties|fifties|sixties|seventies)',
    ]),
  },
  {
    category: 'sex',
    label: 'sex or gender',
    severity: 'error',
    pattern: rx([
      'as a (?:woman|man|female|male|girl|guy|lady|mother|mom|mum|father|dad)',
      '(?:right|best|wrong) (?:man|woman|guy|girl) for',
      `${PERSON} (?:gender|sex)`,
      'genders?',
      'sex',
      '(?:female|male|woman|women|lady|ladies) (?:candidates?|applicants?|engineers?|developers?|hires?|leaders?|managers?|employees?)',
      'transgender',
      'gender identity',
    ]),
  },
  {
    category: 'pregnancy',
    label: 'pregnancy or family plans',
    severity: 'error',
    pattern: rx([
      'pregnan\\p{L}*',
      'maternity',
      'paternity',
      'parental leave',
      '(?:start|starting|plan|plans|planning) (?:to (?:start|have) )?(?:a )?family',
      'family planning',
      '(?:expecting|having) a baby',
      '(?:your|have|having|raising|young|small|little) (?:young |small |little )?(?:child|children|kids|baby|babies)',
      'child ?care',
      'school (?:run|pick-?ups?)',
    ]),
  },
  {
    category: 'religion',
    label: 'religion',
    severity: 'error',
    pattern: rx([
      'religio\\p{L}*',
      'church(?:es)?',
      'mosques?',
      'synagogues?',
      'temples?',
      '(?<!(?:good|bad) )faith(?! in)',
      'pray(?:er|ers|ing|s)?',
      'ramadan',
      'sabbath',
      'hijab',
      'head ?scarf',
      'turban',
      'kippah|yarmulke',
      'muslims?',
      'islam\\p{L}*',
      'jewish|jews?',
      'judaism',
      'hindu\\p{L}*',
      'buddhis\\p{L}*',
      'sikhs?',
      'catholic\\p{L}*',
      'christianity',
      'atheis\\p{L}*',
    ]),
  },
  {
    category: 'race',
    label: 'race, ethnicity or colour',
    severity: 'error',
    pattern: rx([
      `${PERSON} race`,
      'race ?[/,]? ?(?:or |and )?ethnicit(?:y|ies)',
      'racial\\p{L}*',
      'ethnic\\p{L}*',
      'skin (?:colou?r|tone)',
      `colou?r of ${PERSON} skin`,
      '(?:black|white|asian|hispanic|latino|latina|latinx) (?:candidates?|applicants?|people|person|man|woman|men|women|guy|girl)',
      '(?:person|people) of colou?r',
      'caste',
    ]),
  },
  {
    category: 'nationality',
    label: 'nationality or national origin',
    severity: 'error',
    pattern: rx([
      'nationalit(?:y|ies)',
      'national origin',
      // "accent colour" is design vocabulary.
      'accents?(?! colou?rs?)',
      '(?:non )?native (?:\\p{L}+ )?speakers?',
      'native (?:tongue|country|land)',
      `${PERSON} native language`,
      'foreigners?',
      'foreign(?: |-)born',
      "where you(?:'re| are) (?:originally )?from",
      'country of (?:origin|birth)',
      `${PERSON} (?:country|place) of birth`,
      'birthplace',
      'immigra\\p{L}*',
    ]),
  },
  {
    category: 'immigration',
    label: 'immigration or work-authorisation status',
    severity: 'warning',
    pattern: rx([
      'visas?',
      'sponsorship',
      'sponsor (?:you|your|a visa)',
      'work (?:permit|authori[sz]ation)',
      'right to work',
      'citizenship',
      'citizens?',
      'green card',
      'residency',
    ]),
  },
  {
    category: 'disability',
    label: 'disability or health',
    severity: 'error',
    pattern: rx([
      'disab\\p{L}*',
      'wheelchairs?',
      'illness(?:es)?',
      'ill health',
      '(?:health|medical) (?:conditions?|issues?|problems?|history|reasons?|needs?|records?|leave)',
      `${PERSON} (?:health|medical|diagnosis|condition|medication|anxiety)`,
      'mental(?:ly)? (?:health|illness|ill)',
      'sick (?:leave|days?|notes?)',
      'handicap\\p{L}*',
      'deaf\\p{L}*',
      'autis\\p{L}*',
      'adhd',
      'dyslexi\\p{L}*',
      'neurodiver\\p{L}*',
      'depression',
      'anxiety disorder',
      'chronic (?:illness|pain|condition|fatigue)',
      '(?:hearing|visual|visually|physical|physically|cognitive|mobility) impair\\p{L}*',
      'reasonable accommodations?',
      '(?:undergoing|had|having) (?:cancer|chemo\\p{L}*|surgery)',
    ]),
  },
  {
    category: 'marital_status',
    label: 'marital or family status',
    severity: 'error',
    pattern: rx([
      'married',
      'marital',
      '(?:your|his|her|their|recent|upcoming|new) marriage',
      'marriage (?:status|plans)',
      'single (?:mother|father|parent|mom|mum|dad)s?',
      'spouses?',
      'husbands?',
      'wife',
      'wives',
      'divorc\\p{L}*',
      'fianc(?:e|é|ee|ée)',
      'boyfriend|girlfriend',
      'widowed',
      'family (?:situation|status|commitments|obligations|responsibilities|circumstances)',
      `${PERSON} relationship status`,
    ]),
  },
  {
    category: 'sexual_orientation',
    label: 'sexual orientation',
    severity: 'error',
    pattern: rx([
      'gay',
      'lesbians?',
      'bisexual\\p{L}*',
      'homosexual\\p{L}*',
      'heterosexual\\p{L}*',
      'sexual orientation',
      'sexuality',
      'queer',
      'lgbt\\p{L}*',
      'same sex (?:partner|couple|marriage|relationship)s?',
    ]),
  },
  {
    category: 'genetic',
    label: 'genetic information',
    severity: 'error',
    pattern: rx([
      'genetic (?:information|tests?|testing|history|predispositions?|conditions?|makeup|markers?|disorders?|risks?)',
      'family (?:medical |health )?history',
      'dna tests?',
      'hereditary',
    ]),
  },
];

function protectedMessage(rule: ProtectedRule): string {
  return rule.severity === 'error'
    ? `Mentions ${rule.label} — never a factor in a hiring decision; remove it.`
    : `Mentions ${rule.label} — state it only as a legal requirement of the role, never as a judgement of the candidate.`;
}

// ---------------------------------------------------------------------------------------------
// Comparisons and placeholders

const COMPARISON = rx([
  "(?:an)?other (?:candidates?|applicants?|finalists?|persons?|people|individuals?|hires?)(?:'s)? (?:who |that |whose )?(?:\\p{L}+ )?(?:had|has|have|was|were|is|are|did|showed|demonstrated|brought|came|offered|performed|scored|possessed|displayed)",
  "(?:the |a )?(?:successful|chosen|selected|hired|winning|preferred|different) (?:candidate|applicant|person|hire)(?:'s)? (?:who |that |whose )?(?:had|has|have|was|were|is|are|did|showed|demonstrated|brought|performed|scored|possessed|displayed)",
  'compar(?:ed|ing|ison) (?:to|with) (?:the )?(?:an)?others?',
  '(?:relative|next) to (?:the )?other (?:candidates?|applicants?)',
  "someone else(?:'s)?",
  '(?<!(?:rather|other) )than you(?:rs)?(?! (?:expected|were told|might|may|would|hoped|anticipated|think|thought|imagined?|deserve))',
  'outperformed you',
]);

interface PlaceholderRule {
  pattern: RegExp;
  /** Decides on the bracket content; absent means every match is a placeholder. */
  accept?: (inner: string) => boolean;
}

const FIELD_WORD =
  /^(?:insert|your|add|enter|fill|first|last|full|name|candidate|company|role|position|job|title|date|time|day|link|url|interviewer|recruiter|manager|team|location|x+)\b/i;

function isTemplateField(inner: string): boolean {
  const s = inner.trim();
  if (s.length === 0) return false;
  if (FIELD_WORD.test(s)) return true;
  const letters = s.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) {
    return true;
  }
  return /^\p{Lu}[\p{L}\p{N}'-]*(?:[\s_]+(?:\p{Lu}[\p{L}\p{N}'-]*|&|of|or|and))*$/u.test(s);
}

const PLACEHOLDER_RULES: PlaceholderRule[] = [
  { pattern: /\{\{[^{}\n]{0,80}\}\}/g },
  { pattern: /\$\{[^{}\n]{0,80}\}/g },
  { pattern: /\{%[^%\n]{0,80}%\}/g },
  { pattern: /\{\s*[\p{L}_][\p{L}\p{N}_.]*\s*\}/gu },
  // Markdown links "[Careers page](…)" are text, not fields.
  { pattern: /\[([^[\]\n]{1,60})\](?!\()/g, accept: isTemplateField },
  { pattern: /<\s*([^<>\n/="]{2,40})\s*>/g, accept: isTemplateField },
  { pattern: /%[A-Z][A-Z_]+%/g },
  { pattern: /(?<![\p{L}\p{N}_])[Xx]{3,}(?![\p{L}\p{N}_])/gu },
  { pattern: /(?<![\p{L}\p{N}_])(?:TBD|TBC|tbd|tbc|TODO|FIXME)(?![\p{L}\p{N}_])/gu },
  { pattern: /lorem ipsum/gi },
  { pattern: /_{3,}/g },
];

function findPlaceholders(norm: string): Span[] {
  const spans: Span[] = [];
  for (const rule of PLACEHOLDER_RULES) {
    for (const m of norm.matchAll(rule.pattern)) {
      if (rule.accept && !rule.accept(m[1] ?? '')) continue;
      spans.push({ start: m.index, end: m.index + m[0].length });
    }
  }
  // Longest first at each start, then drop anything inside an accepted span ("{x}" in "{{x}}").
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Span[] = [];
  for (const s of spans) {
    const last = kept[kept.length - 1];
    if (last && s.start < last.end) continue;
    kept.push(s);
  }
  return kept;
}

// ---------------------------------------------------------------------------------------------
// The check

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function sortFindings(findings: Finding[]): Finding[] {
  // Array.prototype.sort is stable, so each severity keeps the order the checks found.
  return findings.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
}

/** The text with the spans replaced by a space, so the words left are what the phrases did not say. */
function blankOut(text: string, spans: Span[]): string {
  const pieces: string[] = [];
  let at = 0;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    if (s.start > at) pieces.push(text.slice(at, s.start));
    at = Math.max(at, s.end);
  }
  pieces.push(text.slice(at));
  return pieces.join(' ');
}

const has = (re: RegExp, text: string): boolean => findAll(re, text).length > 0;

function checkRejection(norm: string, original: string, elements: Record<string, boolean>, out: Finding[]) {
  elements.not_selected = has(NOT_SELECTED, norm);
  elements.recommendation = has(RECOMMENDATION, norm);
  elements.good_luck = has(GOOD_LUCK, norm);

  let specific = false;
  const vague: Span[] = [];
  for (const sentence of splitSentences(norm)) {
    const triggers = findAll(REASON_TRIGGERS, sentence.text);
    const vagueHits = findAll(VAGUE_REASONS, sentence.text);
    if (triggers.length === 0 && vagueHits.length === 0) continue;
    const rest = blankOut(sentence.text, [...triggers, ...vagueHits]);
    if (contentWords(rest).length >= MIN_REASON_CONTENT_WORDS) specific = true;
    if (vagueHits.length > 0) {
      for (const s of vagueHits) vague.push({ start: sentence.start + s.start, end: sentence.start + s.end });
    }
  }
  elements.reason = specific;

  if (!elements.not_selected) {
    out.push({
      code: 'missing_not_selected',
      severity: 'error',
      message: 'Say plainly that the candidate was not selected; nothing else in a rejection matters more.',
    });
  }
  if (!specific && vague.length === 0) {
    out.push({
      code: 'missing_reason',
      severity: 'warning',
      message: 'Say why, specifically: the candidate can use it.',
    });
  }
  const seen = new Set<string>();
  for (const span of vague) {
    const excerpt = excerptOf(original, span);
    if (seen.has(excerpt.toLowerCase())) continue;
    seen.add(excerpt.toLowerCase());
    out.push(
      specific
        ? {
            code: 'vague_reason',
            severity: 'info',
            message: `"${excerpt}" is vague; the specific reason you also gave is what the candidate can use.`,
            excerpt,
          }
        : {
            code: 'vague_reason',
            severity: 'warning',
            message: `"${excerpt}" is vague: name what the role needed and what was missing.`,
            excerpt,
          },
    );
  }
  if (!elements.recommendation) {
    out.push({
      code: 'missing_recommendation',
      severity: 'warning',
      message: 'Give one recommendation for the future: what would make their next application stronger.',
    });
  }
  if (!elements.good_luck) {
    out.push({
      code: 'missing_good_luck',
      severity: 'warning',
      message: 'Thank the candidate and wish them well; invite them to stay in touch.',
    });
  }
}

function checkAdvance(norm: string, elements: Record<string, boolean>, out: Finding[]) {
  elements.next_steps = has(NEXT_STEPS, norm);
  elements.timeline = has(TIMELINE, norm);
  if (!elements.next_steps) {
    out.push({
      code: 'missing_next_steps',
      severity: 'error',
      message: 'Say what happens next: the next round, whom they will meet, how it is scheduled.',
    });
  }
  if (!elements.timeline) {
    out.push({
      code: 'missing_timeline',
      severity: 'warning',
      message: 'Give an estimated timeline with a date or a number of days; "soon" is not one.',
    });
  }
}

function checkUpdate(norm: string, elements: Record<string, boolean>, out: Finding[]) {
  elements.new_date = has(TIMELINE, norm);
  if (!elements.new_date) {
    out.push({
      code: 'missing_new_date',
      severity: 'error',
      message: 'Name the new date the candidate will hear by; an update without one is not a promise.',
    });
  }
}

/**
 * Checks a message a hiring team is about to send a candidate.
 *
 * @throws RangeError for an unknown kind or a `maxWords` that is not a positive number.
 * @example
 * const check = checkMessage('update', 'We are still deciding; you will hear from us by Friday.');
 * check.elements; // { new_date: true }
 * hasBlockingFindings(check); // false
 */
export function checkMessage(
  kind: MessageKind,
  text: string,
  options: CheckMessageOptions = {},
): MessageCheck {
  if (!(MESSAGE_KINDS as readonly string[]).includes(kind)) {
    throw new RangeError(`Unknown message kind: ${String(kind)}`);
  }
  const maxWords = options.maxWords ?? DEFAULT_MAX_WORDS;
  if (!(maxWords > 0) || !Number.isFinite(maxWords)) {
    throw new RangeError(`maxWords must be a positive number, got ${maxWords}`);
  }

  const elements: Record<string, boolean> = {};
  for (const key of MESSAGE_ELEMENTS[kind]) elements[key] = false;
  const original = typeof text === 'string' ? text : '';
  const wordCount = countWords(original);
  if (wordCount === 0) {
    return {
      kind,
      elements,
      wordCount,
      findings: [{ code: 'empty', severity: 'error', message: 'The message is empty.' }],
    };
  }

  const norm = normalize(original);
  const findings: Finding[] = [];
  switch (kind) {
    case 'rejection':
      checkRejection(norm, original, elements, findings);
      break;
    case 'advance':
      checkAdvance(norm, elements, findings);
      break;
    case 'update':
      checkUpdate(norm, elements, findings);
      break;
  }

  for (const rule of PROTECTED_RULES) {
    const seen = new Set<string>();
    for (const span of findAll(rule.pattern, norm)) {
      const excerpt = excerptOf(original, span);
      if (seen.has(excerpt.toLowerCase())) continue;
      seen.add(excerpt.toLowerCase());
      findings.push({
        code: 'protected_characteristic',
        severity: rule.severity,
        message: protectedMessage(rule),
        excerpt,
      });
    }
  }

  const seenComparisons = new Set<string>();
  for (const span of findAll(COMPARISON, norm)) {
    const excerpt = excerptOf(original, span);
    if (seenComparisons.has(excerpt.toLowerCase())) continue;
    seenComparisons.add(excerpt.toLowerCase());
    findings.push({
      code: 'comparison_with_other',
      severity: 'warning',
      message: `"${excerpt}" compares the candidate with someone else; say what the role needed instead.`,
      excerpt,
    });
  }

  const seenPlaceholders = new Set<string>();
  for (const span of findPlaceholders(norm)) {
    const excerpt = excerptOf(original, span);
    if (seenPlaceholders.has(excerpt)) continue;
    seenPlaceholders.add(excerpt);
    findings.push({
      code: 'unfilled_placeholder',
      severity: 'error',
      message: `Placeholder "${excerpt}" was never filled in.`,
      excerpt,
    });
  }

  if (wordCount > maxWords) {
    findings.push({
      code: 'too_long',
      severity: 'warning',
      message: `${wordCount} words, more than ${maxWords}: keep it short and to the point.`,
    });
  } else if (kind === 'rejection' && wordCount > REJECTION_SHORT_WORDS) {
    findings.push({
      code: 'too_long',
      severity: 'info',
      message: `${wordCount} words: a rejection under ${REJECTION_SHORT_WORDS} words is kinder to read.`,
    });
  }

  return { kind, elements, findings: sortFindings(findings), wordCount };
}

/** Whether the check found anything that must be fixed before sending (any `error`). */
export function hasBlockingFindings(check: MessageCheck): boolean {
  return check.findings.some((f) => f.severity === 'error');
}
