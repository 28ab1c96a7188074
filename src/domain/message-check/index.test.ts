import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FINDING_TEXT,
  MESSAGE_ELEMENTS,
  CHECK_KINDS,
  checkMessage,
  hasBlockingFindings,
  type FindingCode,
  type MessageCheck,
  type CheckKind,
  type Severity,
} from './index.ts';

const codes = (check: MessageCheck): FindingCode[] => check.findings.map((f) => f.code);
const findingsOf = (check: MessageCheck, code: FindingCode) => check.findings.filter((f) => f.code === code);
const protectedExcerpts = (text: string): string[] =>
  findingsOf(checkMessage('update', text), 'protected_characteristic').map((f) => f.excerpt ?? '');

// A complete rejection, built from its four parts so each can be left out in turn.
const PART = {
  not_selected: 'We have decided not to move forward with your application.',
  reason:
    'The main reason is that the role requires hands-on experience running PostgreSQL at scale, and in the ' +
    'system design interview we did not see enough depth in replication and failover.',
  recommendation:
    'We recommend building a small project around database replication; it would strengthen a future application.',
  good_luck: 'Best of luck in your search, and please stay in touch.',
} as const;
type Part = keyof typeof PART;

const rejection = (omit?: Part, extra = ''): string =>
  [
    'Hi Priya,',
    '',
    ...(Object.keys(PART) as Part[]).filter((k) => k !== omit).map((k) => PART[k]),
    extra,
    '',
    'Dana',
  ].join('\n');

// A rejection that is complete except for the reason, to which a reason sentence is added.
const withReason = (reason: string): string => rejection('reason', reason);

const ADVANCE_GOOD =
  'Hi Sam, thanks for your time on Tuesday. We would like to invite you to a final interview with the ' +
  'engineering team. Our coordinator will send times by Friday 14 June.';

describe('checkMessage — rejection elements', () => {
  it('a good, complete rejection has all its elements and no error or warning', () => {
    const check = checkMessage('rejection', rejection());
    expect(check.elements).toEqual({
      not_selected: true,
      reason: true,
      recommendation: true,
      good_luck: true,
      stay_in_touch: true,
    });
    expect(check.findings).toEqual([]);
    expect(hasBlockingFindings(check)).toBe(false);
  });

  it.each<[Part, FindingCode, Severity]>([
    ['not_selected', 'missing_not_selected', 'error'],
    ['reason', 'missing_reason', 'warning'],
    ['recommendation', 'missing_recommendation', 'warning'],
    ['good_luck', 'missing_good_luck', 'warning'],
  ])('without %s: %s (%s), the other elements still found', (part, code, severity) => {
    const check = checkMessage('rejection', rejection(part));
    expect(check.elements[part]).toBe(false);
    // The good-luck part also carries the invitation to stay in touch (its own element).
    for (const other of MESSAGE_ELEMENTS.rejection)
      if (other !== part && other !== 'stay_in_touch') expect(check.elements[other]).toBe(true);
    expect(check.findings).toHaveLength(1);
    expect(check.findings[0]).toMatchObject({ code, severity });
    expect(check.findings[0]?.message).toMatch(/\w/);
  });

  it('says "say why, specifically" when the reason is missing', () => {
    expect(findingsOf(checkMessage('rejection', rejection('reason')), 'missing_reason')[0]?.message).toBe(
      'Say why, specifically: the candidate can use it.',
    );
  });

  it.each([
    'You have not been selected for the role.',
    'Unfortunately you were not selected.',
    'We won’t be moving forward with your candidacy.',
    "We won't be moving forward.",
    'We will not be moving forward.',
    'We are not moving forward with your application.',
    'We have decided not to proceed.',
    'We will not be progressing your application.',
    'We are unable to offer you the position.',
    'We have decided not to offer you the role.',
    'We have chosen to go with another candidate.',
    'We decided to go with other candidates.',
    'Your application was unsuccessful.',
    'You were not successful on this occasion.',
    'We regret to inform you that we will not continue.',
    'The position has been filled.',
    'We will not be\nmoving\n  forward.',
    'WE WILL NOT BE MOVING FORWARD.',
  ])('not_selected: %j', (sentence) => {
    expect(checkMessage('rejection', sentence).elements.not_selected).toBe(true);
  });

  it.each([
    'Thank you for interviewing with us.',
    'We selected three topics for the interview.',
    'We are moving forward with the next round next week.',
    'The successful part of your interview was the design discussion.',
  ])('not_selected is absent from %j', (sentence) => {
    expect(checkMessage('rejection', sentence).elements.not_selected).toBe(false);
  });

  it.each([
    'We recommend taking an advanced course in statistics.',
    "We'd suggest contributing to an open-source project.",
    'I suggest more practice with whiteboard exercises.',
    'You might consider a role closer to data engineering.',
    'In the future, bring examples of work you led.',
    'Going forward, a portfolio of shipped features would help.',
    'Next time, walk us through your trade-offs.',
    'Experience with Terraform would strengthen your profile.',
    'Focus on system design fundamentals.',
    'Working on a larger codebase would help.',
    'Gaining experience with on-call rotations is worthwhile.',
    'We encourage you to apply for our graduate programme.',
    'Keep an eye on our careers page.',
    'Please reapply in a year.',
    'You are welcome to apply again next spring.',
    // The default rejection template's own wording.
    'For the future: leading one onboarding programme end to end would make a strong application.',
  ])('recommendation: %j', (sentence) => {
    expect(checkMessage('rejection', sentence).elements.recommendation).toBe(true);
  });

  it.each([
    'We will not be going forward with your application.',
    'We considered your application carefully.',
    'We will consider you for other roles.',
  ])('recommendation is absent from %j', (sentence) => {
    expect(checkMessage('rejection', sentence).elements.recommendation).toBe(false);
  });

  it.each([
    'Thank you for your time.',
    'Thanks again.',
    'Good luck!',
    'Best of luck with everything.',
    'We wish you well.',
    'All the best, Dana',
    'We wish you success in your search.',
  ])('good_luck: %j', (sentence) => {
    expect(checkMessage('rejection', sentence).elements.good_luck).toBe(true);
  });

  // Staying in touch is its own element now (owed when the candidate opted in).
  it.each(['Please stay in touch.', 'Let’s keep in touch.'])('stay_in_touch: %j', (sentence) => {
    expect(checkMessage('rejection', sentence).elements.stay_in_touch).toBe(true);
  });
});

describe('checkMessage — reasons', () => {
  it.each([
    'The role requires hands-on experience running Kubernetes clusters in production.',
    'We were looking for someone who has led a migration to event sourcing.',
    'Because your SQL answers did not cover indexing, we felt the data modelling bar was not met.',
    'We felt your answers on incident response lacked concrete examples.',
    'Your experience with React is strong, but the role needs native iOS work in Swift.',
    'You have less experience with B2B enterprise sales cycles than the role needs.',
    'The panel wanted more depth in distributed consensus algorithms.',
    'You did not demonstrate test-driven development during the pairing session.',
    'Other applicants were stronger in financial modelling and Excel automation.',
    'The deciding factor was the mock discovery call: you pitched before asking about current process.',
    'Our main concern was how you would handle stakeholder conflict across product and sales.',
    'We hoped to see tests around the payment retry logic in the take-home.',
  ])('specific reason: %j', (sentence) => {
    const check = checkMessage('rejection', withReason(sentence));
    expect(check.elements.reason).toBe(true);
    expect(codes(check)).not.toContain('missing_reason');
    expect(findingsOf(check, 'vague_reason').filter((f) => f.severity === 'warning')).toEqual([]);
  });

  it.each<[string, string]>([
    ['We have decided to go in a different direction.', 'a different direction'],
    ['Other candidates more closely matched our needs.', 'more closely matched'],
    ['You were not the right fit for the team.', 'not the right fit'],
    ['Honestly, you are not a fit.', 'not a fit'],
    ['We felt another applicant was a better fit.', 'better fit'],
    ['We found a closer match for the role.', 'closer match'],
    ['There were more qualified candidates this time.', 'more qualified candidates'],
    ['Because of business needs, we cannot continue.', 'business needs'],
    ['It was not a culture fit.', 'culture fit'],
    ['The process was highly competitive.', 'highly competitive'],
    ['We had many strong applicants.', 'many strong applicants'],
  ])('vague reason %j: warning on %j, no missing_reason', (sentence, excerpt) => {
    const check = checkMessage('rejection', withReason(sentence));
    expect(check.elements.reason).toBe(false);
    expect(codes(check)).not.toContain('missing_reason');
    const vague = findingsOf(check, 'vague_reason');
    expect(vague.map((f) => f.excerpt)).toContain(excerpt);
    expect(vague.every((f) => f.severity === 'warning')).toBe(true);
  });

  it('the common template rejection gets one vague_reason warning and nothing else', () => {
    const text = [
      'Dear Alex,',
      '',
      'Thank you for taking the time to interview for the Product Designer position at Acme. After careful',
      'consideration, we have decided to move forward with other candidates whose experience more closely',
      'matches our current needs.',
      '',
      'We appreciate your interest and encourage you to apply for future openings. We wish you the best in',
      'your job search.',
    ].join('\n');
    const check = checkMessage('rejection', text);
    expect(check.elements).toEqual({
      not_selected: true,
      reason: false,
      recommendation: true,
      good_luck: true,
      stay_in_touch: true,
    });
    expect(check.findings).toEqual([
      expect.objectContaining({
        code: 'vague_reason',
        severity: 'warning',
        excerpt: 'more closely matches our current needs',
      }),
    ]);
  });

  it('a reason phrase with nothing specific behind it is no reason: missing_reason', () => {
    const check = checkMessage('rejection', withReason('We were looking for someone with more experience.'));
    expect(check.elements.reason).toBe(false);
    expect(codes(check)).toEqual(['missing_reason']);
  });

  it('a vague phrase beside a specific reason is only info', () => {
    const check = checkMessage(
      'rejection',
      rejection(undefined, 'Overall, another profile was a closer match for the team.'),
    );
    expect(check.elements.reason).toBe(true);
    expect(findingsOf(check, 'vague_reason')).toEqual([
      expect.objectContaining({ severity: 'info', excerpt: 'closer match' }),
    ]);
    expect(hasBlockingFindings(check)).toBe(false);
  });

  it('a vague phrase inside a specific sentence makes it specific, with an info', () => {
    const check = checkMessage(
      'rejection',
      withReason(
        'Another profile more closely matched our need for hands-on Terraform and AWS networking work.',
      ),
    );
    expect(check.elements.reason).toBe(true);
    expect(findingsOf(check, 'vague_reason').map((f) => f.severity)).toEqual(['info']);
  });

  it('reports the same vague phrase once', () => {
    const check = checkMessage('rejection', withReason('Not a fit. Really, not a fit.'));
    expect(findingsOf(check, 'vague_reason')).toHaveLength(1);
  });

  it('vague reasons are a rejection concern only', () => {
    const text = 'We went in a different direction on the schedule: final interview next step, by Friday.';
    expect(codes(checkMessage('advance', text))).not.toContain('vague_reason');
  });
});

describe('checkMessage — protected characteristics', () => {
  it.each<[string, string]>([
    // age
    ['We think you are too old for a startup.', 'too old'],
    ['At your age the pace may be hard.', 'your age'],
    ['You are 52 years old.', 'years old'],
    ['You seem overqualified for someone your age.', 'your age'],
    ['We are a young team.', 'young team'],
    ['We want a digital native.', 'digital native'],
    ['We hoped for an energetic young engineer.', 'energetic young'],
    ['Age was a factor.', 'Age'],
    // sex and gender
    ['As a woman you might find the travel hard.', 'As a woman'],
    ['Your gender was not a factor.', 'Your gender'],
    ['We have enough female candidates.', 'female candidates'],
    ['He is the right man for the job.', 'right man for'],
    // pregnancy and family plans
    ['Since you are pregnant, the timing is hard.', 'pregnant'],
    ['The role starts during your maternity leave.', 'maternity'],
    ['Are you planning a family soon?', 'planning a family'],
    ['With your children at home, travel is hard.', 'your children'],
    ['Do you have kids?', 'have kids'],
    ['Childcare could conflict with on-call.', 'Childcare'],
    // religion
    ['Your religious holidays would clash.', 'religious'],
    ['Friday prayers would clash with standup.', 'prayers'],
    ['You mentioned your church.', 'church'],
    ['Your faith would be a problem.', 'faith'],
    ['We noticed you visit the mosque.', 'mosque'],
    // race, ethnicity, colour
    ['Your race was not considered.', 'Your race'],
    ['We track race or ethnicity.', 'race or ethnicity'],
    ['We looked at ethnic diversity.', 'ethnic'],
    ['Skin colour played no part.', 'Skin colour'],
    // nationality
    ['Your nationality matters for this team.', 'nationality'],
    ['Your accent was hard to follow.', 'Your accent'],
    ['We need a native English speaker.', 'native English speaker'],
    ['As a non-native speaker you may struggle.', 'non-native speaker'],
    ['We prefer not to hire foreigners.', 'foreigners'],
    ['Where you’re from matters to clients.', 'Where you’re from'],
    ['Your immigration background came up.', 'immigration'],
    // disability and health
    ['Your disability would need adjustments.', 'disability'],
    ['The office has no wheelchair access.', 'wheelchair'],
    ['Your recent illness worried us.', 'illness'],
    ['Given your health condition, we hesitate.', 'your health'],
    ['There may be health issues.', 'health issues'],
    ['You mentioned mental health struggles.', 'mental health'],
    ['Your medical history came up.', 'Your medical'],
    ['Is there a medical reason?', 'medical reason'],
    ['English is not your native language.', 'your native language'],
    // marital and family status
    ['Are you married?', 'married'],
    ['As a single mother, you may lack time.', 'single mother'],
    ['Your husband might relocate.', 'husband'],
    ['Your wife may not want to move.', 'wife'],
    ['What is your marital status?', 'marital'],
    // sexual orientation
    ['Being gay is not an issue.', 'gay'],
    ['Your sexual orientation is irrelevant.', 'sexual orientation'],
    // genetic information
    ['Your genetic test results were noted.', 'genetic test'],
    ['Your family medical history is relevant.', 'family medical history'],
  ])('%j → error with excerpt %j', (text, excerpt) => {
    const found = findingsOf(checkMessage('rejection', text), 'protected_characteristic');
    expect(found).toContainEqual(expect.objectContaining({ severity: 'error', excerpt }));
    expect(found.every((f) => /^Mentions .+ — /.test(f.message))).toBe(true);
  });

  it.each(CHECK_KINDS)('is an error in a %s too', (kind) => {
    const check = checkMessage(kind, 'We worry about your age. ' + ADVANCE_GOOD);
    expect(hasBlockingFindings(check)).toBe(true);
    expect(codes(check)).toContain('protected_characteristic');
  });

  it.each([
    ['The role requires a visa you do not hold.', 'visa'],
    ['We cannot offer visa sponsorship.', 'sponsorship'],
    ['Candidates need the right to work in the UK.', 'right to work'],
  ])('immigration status is a warning, not an error: %j', (text, excerpt) => {
    const found = findingsOf(checkMessage('update', text), 'protected_characteristic');
    expect(found).toContainEqual(expect.objectContaining({ severity: 'warning', excerpt }));
    expect(found.some((f) => f.severity === 'error')).toBe(false);
  });

  it.each([
    'You will manage a team of five.',
    'At this stage of the process we are still deciding.',
    'You worked at an agency before.',
    'Our cloud-native platform runs on Kubernetes.',
    'We are building single sign-on this quarter.',
    'You found the race condition quickly.',
    'Our race to market is on.',
    'See the careers page.',
    'Your image processing work was impressive.',
    'The product is a marriage of design and code.',
    'We build a children’s education product.',
    'Our medical devices team is hiring.',
    'We acted in good faith.',
    'We have faith in your abilities.',
    'The colour palette of your portfolio was lovely.',
    'We loved your accent colours.',
    'You built a React Native app.',
    'Sales here needs a thick skin.',
    'Our usage, message, average, advantage, leverage, package and language metrics.',
    'The agenda is in the calendar.',
    'Our Essex office is closed.',
    'You helped embrace and trace the bug.',
    'The single most important skill is SQL.',
    'We work in foreign exchange markets.',
    'We were impressed by your native mobile app.',
    'The native language of our codebase is Go.',
  ])('no protected characteristic in %j', (text) => {
    expect(protectedExcerpts(text)).toEqual([]);
  });

  it('reports each distinct mention once (case-insensitively), quoting the first as written', () => {
    const excerpts = protectedExcerpts('Your AGE, your age and your\nage; also your husband.');
    expect(excerpts).toEqual(['Your AGE', 'husband']);
  });
});

describe('checkMessage — comparison with other people', () => {
  it.each<[string, string]>([
    ['Another candidate had more experience.', 'Another candidate had'],
    ['Another candidate was more senior.', 'Another candidate was'],
    ['The other candidates were stronger.', 'other candidates were'],
    ['We picked another applicant who had shipped more.', 'another applicant who had'],
    ['Compared to the other finalists, your design was weaker.', 'Compared to the other'],
    ['The successful candidate had led a team.', 'The successful candidate had led'],
    ['They were stronger than you in SQL.', 'than you'],
    ['She had more experience than you.', 'than you'],
  ])('%j → warning on %j', (text, excerpt) => {
    const found = findingsOf(checkMessage('rejection', text), 'comparison_with_other');
    expect(found).toContainEqual(expect.objectContaining({ severity: 'warning', excerpt }));
  });

  it.each([
    'Thank you for your time.',
    'It took longer than you expected, sorry.',
    'Nobody other than you has seen the brief.',
    'We have chosen to go with another candidate.',
    'The successful candidate will start in May.',
    // Saying someone else was chosen is the outcome, not a comparison (the old check flagged it).
    'We chose someone else.',
    // Seed 002's kind of reason: what another application showed on a specific, job-related point.
    'Another candidate had more concrete examples of leading a data migration end to end.',
  ])('no comparison in %j', (text) => {
    expect(findingsOf(checkMessage('rejection', text), 'comparison_with_other')).toEqual([]);
  });
});

describe('checkMessage — placeholders', () => {
  it.each([
    ['Hi [Name],', '[Name]'],
    ['Hi [Candidate Name],', '[Candidate Name]'],
    ['Hi [insert name],', '[insert name]'],
    ['Hi [your name here],', '[your name here]'],
    ['Hi [name],', '[name]'],
    ['For the [ROLE] position.', '[ROLE]'],
    ['Hi {{first_name}},', '{{first_name}}'],
    ['Hi {{ first_name }},', '{{ first_name }}'],
    ['Hi {first_name},', '{first_name}'],
    ['Hi ${name},', '${name}'],
    ['Hi <NAME>,', '<NAME>'],
    ['Hi <Candidate Name>,', '<Candidate Name>'],
    ['Your start date is XXX.', 'XXX'],
    ['Salary: TBD.', 'TBD'],
    ['Lorem ipsum dolor sit amet.', 'Lorem ipsum dolor sit amet'],
    ['Dear ______,', '______'],
    ['Hi %FIRST_NAME%,', '%FIRST_NAME%'],
  ])('%j → error on %j', (text, excerpt) => {
    const check = checkMessage('update', text);
    expect(findingsOf(check, 'unfilled_placeholder')).toEqual([
      expect.objectContaining({ severity: 'error', excerpt }),
    ]);
    expect(hasBlockingFindings(check)).toBe(true);
  });

  it.each([
    'He said it "wasnt [sic] ready".',
    'See footnote [1].',
    'Visit [our Careers page](https://example.com/careers).',
    'Text in <b>bold</b>.',
    'Taxi, Xbox and boxes are fine.',
    'We will update you by Friday.',
  ])('no placeholder in %j', (text) => {
    expect(findingsOf(checkMessage('update', text), 'unfilled_placeholder')).toEqual([]);
  });

  it('reports each distinct placeholder once, and {{x}} not also as {x}', () => {
    const check = checkMessage('update', 'Hi [Name], {{role}} [Name] {{role}} by TBD');
    expect(findingsOf(check, 'unfilled_placeholder').map((f) => f.excerpt)).toEqual([
      '[Name]',
      '{{role}}',
      'TBD',
    ]);
  });
});

describe('checkMessage — length and emptiness', () => {
  const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

  it.each<[CheckKind, number, number | undefined, Severity | null]>([
    ['update', 400, undefined, null],
    ['update', 401, undefined, 'warning'],
    ['advance', 300, undefined, null],
    ['rejection', 250, undefined, null],
    ['rejection', 251, undefined, 'info'],
    ['rejection', 401, undefined, 'warning'],
    ['update', 11, 10, 'warning'],
    ['update', 10, 10, null],
    ['rejection', 300, 1000, 'info'],
  ])('%s of %i words (maxWords %s) → too_long %s', (kind, n, maxWords, severity) => {
    const check = checkMessage(kind, words(n), maxWords === undefined ? {} : { maxWords });
    expect(check.wordCount).toBe(n);
    expect(findingsOf(check, 'too_long').map((f) => f.severity)).toEqual(severity ? [severity] : []);
  });

  it.each(['', '   ', '\n\t\n', '... — !!', '\u200B'])('%j is empty, and nothing else', (text) => {
    for (const kind of CHECK_KINDS) {
      const check = checkMessage(kind, text);
      expect(check.findings).toEqual([expect.objectContaining({ code: 'empty', severity: 'error' })]);
      expect(check.wordCount).toBe(0);
      expect(Object.values(check.elements).every((v) => !v)).toBe(true);
    }
  });

  it.each([
    ['one two three', 3],
    ["We won't—can't—go on.", 5],
    ['state-of-the-art  \n\n tools', 2],
    ['{{first_name}}, hi', 3],
  ])('counts the words in %j as %i', (text, n) => {
    expect(checkMessage('update', text).wordCount).toBe(n);
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])('rejects maxWords %s', (maxWords) => {
    expect(() => checkMessage('update', 'hi', { maxWords })).toThrow(RangeError);
  });

  it('rejects an unknown kind from an untyped caller', () => {
    expect(() => checkMessage('offer' as CheckKind, 'hi')).toThrow(RangeError);
  });
});

describe('checkMessage — advance', () => {
  it('next steps, who and a timeline: nothing to say', () => {
    const check = checkMessage('advance', ADVANCE_GOOD);
    expect(check.elements).toEqual({ next_steps: true, who: true, timeline: true });
    expect(check.findings).toEqual([]);
  });

  it.each<[string, boolean, boolean, boolean, FindingCode[]]>([
    [
      'Great news! The next step is a call with our CTO. We will be in touch soon.',
      true,
      true,
      false,
      ['missing_timeline'],
    ],
    ['Great news! We will be in touch by Friday.', false, false, true, ['missing_next_steps', 'missing_who']],
    [
      'Great news! We will be in touch shortly.',
      false,
      false,
      false,
      ['missing_next_steps', 'missing_timeline', 'missing_who'],
    ],
    ['We would like to invite you to an onsite, within 5 business days.', true, false, true, ['missing_who']],
    ['Please schedule the panel interview for next week.', true, true, true, []],
    ['You will meet the team in the coming days.', true, true, false, ['missing_timeline']],
    ['Next round: reference checks, done by end of the week.', true, false, true, ['missing_who']],
  ])('%j → next_steps %s, who %s, timeline %s', (text, nextSteps, who, timeline, expected) => {
    const check = checkMessage('advance', text);
    expect(check.elements).toEqual({ next_steps: nextSteps, who, timeline });
    expect(codes(check)).toEqual(expected);
  });

  it('missing next steps is an error, a missing timeline a warning', () => {
    const check = checkMessage('advance', 'Congratulations, you did well.');
    expect(check.findings.map((f) => [f.code, f.severity])).toEqual([
      ['missing_next_steps', 'error'],
      ['missing_timeline', 'warning'],
      ['missing_who', 'info'],
    ]);
  });
});

describe('checkMessage — update and timelines', () => {
  it.each([
    'You will hear from us by Friday.',
    'We will decide by next Tuesday.',
    'Expect our answer on 14 June.',
    'Expect our answer on June 14th.',
    'Expect our answer by the 14th.',
    'Expect our answer by 2026-06-14.',
    'Expect our answer by 6/14.',
    'Expect our answer by the end of March.',
    'Expect our answer by May.',
    'within 3 business days',
    'within three working days',
    'in two weeks',
    'in a week or so',
    'within 3-5 days',
    'over the next 10 days',
    'one or two weeks',
    'next week',
    'this week',
    'tomorrow',
    'by end of day',
    'by EOD',
    'by 5pm',
    'We’ll call at 10:30.',
  ])('new date in %j', (text) => {
    const check = checkMessage('update', `We are still deciding. ${text}`);
    expect(check.elements.new_date).toBe(true);
    expect(check.elements.still_deciding).toBe(true);
    // Only the (info) hint to say why it takes longer remains.
    expect(codes(check)).toEqual(['missing_update_reason']);
  });

  it.each([
    'We will get back to you soon.',
    'You will hear from us shortly.',
    'We will be in touch in due course.',
    'We will update you in the coming days.',
    'We will update you in the next few days.',
    'We may need more time.',
    'Our team works 24/7 on this.',
    'Thank you for meeting us today.',
    'You have 3.5 years of experience.',
  ])('no new date in %j → missing_new_date error', (text) => {
    const check = checkMessage('update', text);
    expect(check.elements.new_date).toBe(false);
    expect(check.findings.filter((f) => f.severity === 'error')).toEqual([
      expect.objectContaining({ code: 'missing_new_date', severity: 'error' }),
    ]);
    expect(hasBlockingFindings(check)).toBe(true);
  });
});

describe('checkMessage — sorting and API', () => {
  it('sorts errors, then warnings, then info, keeping the order found within each', () => {
    const check = checkMessage(
      'rejection',
      `Hi [Name]. Another candidate had more experience and a better fit. ${'filler '.repeat(260)}`,
    );
    const severities = check.findings.map((f) => f.severity);
    expect(severities).toEqual([...severities].sort((a, b) => rank(a) - rank(b)));
    expect(codes(check)).toEqual([
      'missing_not_selected',
      'unfilled_placeholder',
      'missing_recommendation',
      'missing_good_luck',
      'vague_reason',
      'comparison_with_other',
      'too_long',
    ]);
  });

  it('has a human text for every finding code', () => {
    for (const text of Object.values(FINDING_TEXT)) expect(text.length).toBeGreaterThan(10);
  });

  it('hasBlockingFindings is true exactly when there is an error', () => {
    expect(hasBlockingFindings(checkMessage('rejection', rejection()))).toBe(false);
    expect(hasBlockingFindings(checkMessage('rejection', rejection('reason')))).toBe(false);
    expect(hasBlockingFindings(checkMessage('rejection', rejection('not_selected')))).toBe(true);
  });
});

const rank = (s: Severity): number => ({ error: 0, warning: 1, info: 2 })[s];

// Fragments that reach every rule, so generated texts exercise more than the empty path.
const FRAGMENTS = [
  'not selected',
  'because the role requires Rust',
  'better fit',
  'we recommend',
  'good luck',
  'next step',
  'by Friday',
  'within 3 days',
  'your age',
  'visa',
  'another candidate had',
  '[Name]',
  '{{x}}',
  '{{',
  '}}',
  '[',
  ']',
  '<',
  '>',
  '’',
  '“',
  '—',
  '\n',
  '\n\n',
  '.',
  '  ',
  'ü',
  '🙂',
];

const kindArb = fc.constantFrom(...CHECK_KINDS);
const textArb = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }).map((parts) => parts.join(' ')),
  fc
    .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 8 })), { maxLength: 30 })
    .map((p) => p.join('')),
);

describe('checkMessage — properties', () => {
  it('never throws, and always returns the kind’s element keys', () => {
    fc.assert(
      fc.property(kindArb, textArb, (kind, text) => {
        const check = checkMessage(kind, text);
        expect(check.kind).toBe(kind);
        expect(Object.keys(check.elements)).toEqual([...MESSAGE_ELEMENTS[kind]]);
        expect(Object.values(check.elements).every((v) => typeof v === 'boolean')).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('findings are sorted by severity and blocking means an error', () => {
    fc.assert(
      fc.property(kindArb, textArb, (kind, text) => {
        const check = checkMessage(kind, text);
        const ranks = check.findings.map((f) => rank(f.severity));
        expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
        expect(hasBlockingFindings(check)).toBe(check.findings.some((f) => f.severity === 'error'));
      }),
      { numRuns: 500 },
    );
  });

  it('empty exactly when there are no words, and then alone', () => {
    fc.assert(
      fc.property(kindArb, textArb, (kind, text) => {
        const check = checkMessage(kind, text);
        expect(codes(check).includes('empty')).toBe(check.wordCount === 0);
        if (check.wordCount === 0) expect(check.findings).toHaveLength(1);
      }),
      { numRuns: 500 },
    );
  });

  it('every excerpt quotes the text as written (whitespace collapsed)', () => {
    fc.assert(
      fc.property(kindArb, textArb, (kind, text) => {
        const collapsed = text.replace(/\s+/g, ' ');
        for (const f of checkMessage(kind, text).findings) {
          if (f.excerpt === undefined) continue;
          expect(f.excerpt.length).toBeGreaterThan(0);
          if (!f.excerpt.endsWith('…')) expect(collapsed).toContain(f.excerpt);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('a placeholder anywhere in a complete rejection blocks sending', () => {
    fc.assert(
      fc.property(
        fc.nat(),
        fc.constantFrom('[Name]', '{{first_name}}', '<COMPANY>', 'TBD'),
        (at, placeholder) => {
          const text = rejection();
          const i = at % (text.length + 1);
          const check = checkMessage('rejection', `${text.slice(0, i)} ${placeholder} ${text.slice(i)}`);
          expect(findingsOf(check, 'unfilled_placeholder').map((f) => f.excerpt)).toContain(placeholder);
        },
      ),
    );
  });
});
