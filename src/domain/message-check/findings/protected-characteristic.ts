/**
 * Finding — a protected characteristic, named or implied: age ("too old", "someone younger",
 * "digital native", "a more junior profile", "overqualified" read as age), sex and gender,
 * pregnancy and family plans, marital status (including a wedding or a honeymoon), religion, race,
 * ethnicity, national origin and accent, disability and health, sexual orientation. Named
 * characteristics and strong proxies are errors; softer proxies ("overqualified", "a more junior
 * profile", "energetic") are warnings, because they can be innocent but often carry age.
 * Immigration and work authorisation are warnings: stating a legal requirement of the role can be
 * legitimate, judging the candidate by it is not.
 * Everyday words are only matched in personal contexts: "race" ("your race", not "race
 * condition"), "children" ("your children", not "children's education product"), "marriage"
 * ("your marriage", not "a marriage of design and code"), "native" (only "native speaker"…).
 */
import { excerptOf, findAll, rx } from '../text.ts';
import type { CheckContext, Finding, Severity } from '../types.ts';

interface ProtectedRule {
  label: string;
  severity: Severity;
  pattern: RegExp;
  suggestion: string;
}

const PERSON = "(?:your|his|her|their|the candidate's)";
const ROLE_INSTEAD =
  'Remove it: it can never be a reason. Say what the role needed instead, e.g. "The role needs …, and we did not yet see it in …".';

const RULES: ProtectedRule[] = [
  {
    label: 'age',
    severity: 'error',
    suggestion: ROLE_INSTEAD,
    pattern: rx([
      'too (?:old|young)',
      `${PERSON} age`,
      '(?<!(?:digital|information|golden|stone|ice|bronze|iron|space|new|middle|tender) )age(?! (?:group|range) of (?:users|customers|clients))',
      'aged \\d',
      'years? old',
      'year-olds?',
      'how old',
      '(?:someone|somebody|a person|a candidate|people|candidates|applicants|a profile|profiles|a team|a hire|talent|blood|energy|face|faces) ?(?:a bit |a little |slightly |much )?(?:younger|older)',
      '(?:younger|older|youthful|elderly) (?:team|candidates?|applicants?|people|persons?|profiles?|blood|workforce|talent|someone|employees?|colleagues?|hires?|crowd|generation|person|energy|demographic)',
      '(?:young|fresh|new) blood',
      '(?:energetic|dynamic|fresh|hungry) young',
      'young (?:and|&) (?:energetic|dynamic|hungry|fresh)',
      'young (?:team|company|culture|office|vibe|crowd|start-?up|workforce)',
      'digital natives?',
      '(?:close to|near|nearing|approaching|planning for|thinking about) retirement',
      'until (?:you|your) retire',
      'gen(?:eration)? ?[xyz]',
      'millennials?',
      '(?:baby )?boomers?',
      '(?:in your|in their|in his|in her|late|early|mid) (?:twenties|thirties|forties|fifties|sixties|20s|30s|40s|50s|60s)',
      'set in (?:your|their|his|her) ways',
      'born in (?:19|20)\\d\\d',
      'graduated (?:back )?in (?:19\\d\\d|the (?:seventies|eighties|nineties|80s|90s))',
      'keep up with (?:the )?(?:younger|pace of a young)',
      '(?:long|late) in (?:your|their) career',
    ]),
  },
  {
    label: 'age (a proxy)',
    severity: 'warning',
    suggestion:
      'This can read as age. Name the level or skill the role needs instead, e.g. "The role is scoped for someone at …-level, leading …".',
    pattern: rx([
      'over-?qualified',
      '(?:a )?more junior (?:profile|person|candidate|hire|someone)',
      'someone (?:more )?junior',
      'too (?:senior|experienced)',
      '(?:a )?(?:fresher|recent graduate|new grad) (?:profile|energy|mindset)',
      'fresh (?:out of|from) (?:college|university|school)',
      '(?:more )?(?:energetic|high-energy|high energy) (?:profile|person|candidate|someone)',
      'someone (?:more )?energetic',
      'culture of (?:a )?young',
    ]),
  },
  {
    label: 'sex or gender',
    severity: 'error',
    suggestion: ROLE_INSTEAD,
    pattern: rx([
      'as a (?:woman|man|female|male|girl|guy|lady|mother|mom|mum|father|dad)',
      '(?:right|best|wrong) (?:man|woman|guy|girl|lady) for',
      `${PERSON} (?:gender|sex)`,
      'genders?',
      '(?<!(?:same|opposite) )sex(?! offenders?)',
      '(?:female|male|woman|women|lady|ladies|girl|girls|men|man) (?:candidates?|applicants?|engineers?|developers?|hires?|leaders?|managers?|employees?|profiles?|in tech|on the team|team members?)',
      'transgender',
      'gender identity',
      '(?:a |another )?(?:man|woman|guy|girl|lady|gentleman)(?: instead)? (?:for|in) (?:this|the) (?:role|position|job|team)',
      '(?:more|less|too) (?:masculine|feminine|girly|manly)',
      'for a (?:woman|girl|lady)',
    ]),
  },
  {
    label: 'pregnancy or family plans',
    severity: 'error',
    suggestion: ROLE_INSTEAD,
    pattern: rx([
      'pregnan\\p{L}*',
      'maternity',
      'paternity',
      'parental leave',
      '(?:start|starting|plan|plans|planning|started) (?:to (?:start|have) )?(?:a |your )?family',
      'family planning',
      '(?:expecting|having|had|have) a (?:baby|child)',
      '(?:your|have|having|raising|young|small|little|with) (?:young |small |little |two |three )?(?:child|children|kids|baby|babies|toddlers?)',
      '(?:mum|mom|mother|father|dad|parent) of (?:two|three|one|four|young)',
      'child ?care(?! (?:qualification|worker|setting|sector|role|experience|provider|centre|center|course|level|practitioner|certificate|training|business|product|app|platform))',
      'nursery (?:pick-?ups?|runs?|hours)',
      'school (?:run|pick-?ups?|drop-?offs?)',
      '(?:working|new|single|busy) (?:mum|mom|mother|parent|father|dad)s?',
      'on (?:mat|maternity|pat) leave',
    ]),
  },
  {
    label: 'marital status',
    severity: 'error',
    suggestion: ROLE_INSTEAD,
    pattern: rx([
      '(?:just |recently |newly |getting |get |got |being )?married',
      'marital',
      '(?:your|his|her|their|recent|upcoming|new) marriage',
      'marriage (?:status|plans)',
      'single (?:mother|father|parent|mom|mum|dad)s?',
      'spouses?',
      'husbands?',
      'wife',
      'wives',
      'divorc\\p{L}*',
      'fianc(?:e|é|ee|ée)s?',
      '(?:boy|girl)friends?',
      'widow(?:ed|er)?',
      '(?:your|the|upcoming|recent|a) wedding',
      'wedding (?:plans|date|season|preparations)',
      'honeymoon\\p{L}*',
      '(?:just|recently|got|newly) engaged',
      'engaged to (?:be married|your|a)',
      'newlywed\\p{L}*',
      'family (?:situation|status|commitments|obligations|responsibilities|circumstances)',
      `${PERSON} (?:relationship|partner's|partners?)(?: status| job| career| move| relocation)?`,
      'settl(?:e|ing) down',
    ]),
  },
  {
    label: 'religion',
    severity: 'error',
    suggestion: ROLE_INSTEAD,
    pattern: rx([
      'religio\\p{L}*',
      'church(?:es)?',
      'mosques?',
      'synagogues?',
      '(?:your|the|a) temple',
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
      '(?:your|his|her|their) (?:eid|diwali|passover|easter|christmas|holy days|festivals?)',
      'fasting',
    ]),
  },
  {
    label: 'race or ethnicity',
    severity: 'error',
    suggestion: ROLE_INSTEAD,
    pattern: rx([
      `${PERSON} race`,
      'race ?[/,]? ?(?:or |and )?ethnicit(?:y|ies)',
      'racial\\p{L}*',
      'ethnic\\p{L}*',
      'skin (?:colou?r|tone)',
      `colou?r of ${PERSON} skin`,
      '(?:black|white|asian|hispanic|latino|latina|latinx|arab|african|indian|chinese) (?:candidates?|applicants?|people|person|man|woman|men|women|guy|girl|engineers?|hires?)',
      '(?:person|people) of colou?r',
      'caste',
      '(?:your|his|her|their) (?:heritage|ancestry|complexion)',
      'cultural background',
    ]),
  },
  {
    label: 'national origin or accent',
    severity: 'error',
    suggestion:
      'Remove it. If spoken or written language matters for the role, name the task instead, e.g. "The role involves leading client workshops in …".',
    pattern: rx([
      'nationalit(?:y|ies)',
      'national origin',
      '(?:your|his|her|their|an|a strong|a heavy|a thick|the) accents?(?! colou?rs?)',
      'accents?(?= (?:was|were|is|made|might|may|could|would))',
      '(?:non )?native (?:\\p{L}+ )?speakers?',
      'native (?:tongue|country|land)',
      `${PERSON} native language`,
      'foreigners?',
      'foreign(?: |-)born',
      "where you(?:'re| are) (?:originally )?from",
      'where (?:your|their) (?:family|parents) (?:is|are|come) from',
      'country of (?:origin|birth)',
      `${PERSON} (?:country|place) of birth`,
      'birthplace',
      '(?<!data )immigra\\p{L}*',
      `${PERSON} (?:home country|homeland|origin)`,
      'local (?:candidates?|person|hire) (?:rather|instead)',
      'a local rather than',
      '(?:just|recently|only just) (?:moved|arrived|relocated|immigrated) (?:to|in) (?:the|this) country',
    ]),
  },
  {
    label: 'immigration or work-authorisation status',
    severity: 'warning',
    suggestion:
      'State it only as a legal requirement of the role, never as a judgement, e.g. "The role requires the right to work in the UK without sponsorship."',
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
    label: 'genetic information',
    severity: 'error',
    suggestion: ROLE_INSTEAD,
    pattern: rx([
      'genetic (?:information|tests?|testing|history|predispositions?|conditions?|makeup|markers?|disorders?|risks?)',
      'family (?:medical |health )?history',
      'dna tests?',
      'hereditary',
    ]),
  },
  {
    label: 'disability or health',
    severity: 'error',
    suggestion: ROLE_INSTEAD,
    pattern: rx([
      'disab\\p{L}*',
      'wheelchairs?',
      'walking (?:stick|aid|frame)',
      'hearing aids?',
      'illness(?:es)?',
      'ill health',
      '(?:health|medical) (?:conditions?|issues?|problems?|history|reasons?|needs?|records?|leave|appointments?)',
      `${PERSON} (?:recent |ongoing |current |upcoming )?(?:health|medical|diagnosis|condition|medication|anxiety|stammer|stutter|limp|injury|surgery|treatment|operation)`,
      'mental(?:ly)? (?:health|illness|ill)',
      'sick (?:leave|days?|notes?)',
      'handicap\\p{L}*',
      'deaf\\p{L}*',
      'blindness',
      'autis\\p{L}*',
      'adhd',
      'dyslexi\\p{L}*',
      'neurodiver\\p{L}*',
      'depression',
      'anxiety (?:disorder|attacks?)',
      'panic attacks?',
      'chronic (?:illness|pain|condition|fatigue)',
      '(?:hearing|visual|visually|physical|physically|cognitive|mobility) impair\\p{L}*',
      'reasonable (?:accommodations?|adjustments?)',
      '(?:undergoing|had|having|recovering from|treatment for) (?:cancer|chemo\\p{L}*|surgery|an operation|burnout)',
      'stammer\\p{L}*|stutter\\p{L}*',
      '(?:seemed|looked|appeared) (?:unwell|sick|ill|frail)',
      'physically (?:demanding|able|fit) enough',
    ]),
  },
  {
    label: 'sexual orientation',
    severity: 'error',
    suggestion: ROLE_INSTEAD,
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
      '(?:your|his|her|their) (?:same-sex )?partner (?:is|was) (?:a )?(?:man|woman)',
    ]),
  },
];

function messageFor(rule: ProtectedRule): string {
  if (rule.label === 'age (a proxy)')
    return 'Mentions age through a proxy — it may read as a judgement of age; say what level or skill the role needs instead.';
  return rule.severity === 'error'
    ? `Mentions ${rule.label} — never a factor in a hiring decision; remove it.`
    : `Mentions ${rule.label} — state it only as a legal requirement of the role, never as a judgement of the candidate.`;
}

// Several rules ask (a reason is never a protected characteristic): read each text once.
const memo = new WeakMap<CheckContext, Finding[]>();

/** Protected characteristics and their proxies, each distinct mention once. */
export function findProtectedCharacteristics(ctx: CheckContext): Finding[] {
  const known = memo.get(ctx);
  if (known) return known.map((f) => ({ ...f }));
  const out: Finding[] = [];
  const taken: { start: number; end: number }[] = [];
  for (const rule of RULES) {
    const seen = new Set<string>();
    for (const span of findAll(rule.pattern, ctx.lower)) {
      // A proxy inside a span already reported (e.g. "someone younger" and "younger") is one finding.
      if (taken.some((t) => span.start < t.end && t.start < span.end)) continue;
      const excerpt = excerptOf(ctx.text, span);
      if (seen.has(excerpt.toLowerCase())) continue;
      seen.add(excerpt.toLowerCase());
      taken.push(span);
      out.push({
        code: 'protected_characteristic',
        severity: rule.severity,
        message: messageFor(rule),
        excerpt,
        ...span,
        suggestion: rule.suggestion,
      });
    }
  }
  memo.set(ctx, out);
  return out.map((f) => ({ ...f }));
}
