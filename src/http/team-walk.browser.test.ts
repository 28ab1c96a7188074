import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import { setMemberPassword } from '../services/auth.service.ts';
import { useBrowserApp } from '../../test/support/browser-app.ts';
import { buildInterviewScenario, buildMember } from '../../test/support/factories.ts';
import { seriousViolations, signIn, WALK_TIMEOUT_MS } from '../../test/support/browser.ts';

const PASSWORD = 'a whole week in the app';
const identity = { from: { name: 'Hearback', address: 'hb@localhost' }, domain: 'localhost' };
// Scorecards and decisions inside the team are tracked when the policy sets their times.
const ON = { feedbackDueBusinessDays: 1, decideByBusinessDaysBefore: 1 };
const SCREEN = { width: 1366, height: 768 };
const JOB = 'Account Executive, Nordics';
const CANDIDATE = { name: 'Maren Solberg', email: 'maren.solberg.walk@example.com' };

/** What the focus should reach: a CSS selector, and the text the element holds or starts with. */
interface Target {
  selector: string;
  text?: string;
  startsWith?: string;
}

/**
 * Press Tab until the focused element is `target`, as a keyboard user would; fails when it is
 * not reached in `max` presses, naming where the focus went, so an unreachable control fails.
 */
async function tabTo(page: Page, target: Target, max = 120): Promise<void> {
  const passed: string[] = [];
  for (let n = 0; n < max; n++) {
    await page.keyboard.press('Tab');
    const [there, name] = await page.evaluate((t) => {
      const el = document.activeElement;
      if (!el) return [false, ''] as const;
      const text = (el.textContent ?? '').trim();
      const is =
        el.matches(t.selector) &&
        (t.text === undefined || text === t.text) &&
        (t.startsWith === undefined || text.startsWith(t.startsWith));
      return [is, `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${text.slice(0, 30)}"`] as const;
    }, target);
    if (there) return;
    passed.push(name);
  }
  // Where the focus went instead says what is in the way.
  throw new Error(`Tab never reached ${JSON.stringify(target)}; it passed ${passed.slice(0, 40).join(', ')}`);
}

/** The id of the element that has the focus. */
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

/** The one row a query finds, as an object of its columns. */
async function only<T>(db: Db, org: string, sql: string, params: unknown[]): Promise<T> {
  const rows = await db.tenant(org).transaction((tx) => tx.query<T & object>(sql, params));
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

/**
 * Issue 17's week, in real Chromium and nothing but the app: a recruiter opens a job, adds a new
 * candidate to it, schedules the interview and closes it with the promise preview; the interviewer
 * finds the scorecard they owe and fills it in; the hiring manager decides from "Waiting on me";
 * the recruiter finds the candidate by part of their email and sends the outcome from the queue
 * with the keyboard only. Every step is checked where it lands, in the database.
 */
describe('a hiring team runs its week in the app', () => {
  // Monday 7 December 2026, 14:00 UTC (the organization's zone).
  const clock = new ManualClock('2026-12-07T14:00:00Z');
  const running = useBrowserApp({ clock, identity });

  it(
    'creates a job, adds a candidate, schedules and closes an interview, scores, decides and tells',
    { timeout: WALK_TIMEOUT_MS },
    async () => {
      const { db, browser, base } = running;
      const deps = { db, clock, identity };
      const s = await buildInterviewScenario(deps, { policy: ON });
      const org = s.organization.id;
      const ivan = await buildMember(deps, org, { role: 'interviewer', name: 'Ivan Interviewer' });
      for (const m of [ivan, s.manager, s.recruiter]) await setMemberPassword(deps, org, m.id, PASSWORD);

      const context = await browser.newContext({ viewport: SCREEN, timezoneId: 'UTC' });
      const page = await context.newPage();
      const main = page.locator('main');

      // The recruiter opens the job, naming its hiring manager and recruiter.
      await signIn(page, base, s.recruiter.email, PASSWORD);
      await page.click('nav a:has-text("Jobs")');
      await page.getByRole('button', { name: 'Open a job' }).click();
      const jobForm = page.getByRole('form', { name: 'Open a job' });
      // Refused input says why at the field and keeps what was typed.
      await jobForm.getByRole('button', { name: 'Open the job' }).click();
      await expect.poll(() => jobForm.textContent()).toContain('Give the job a title.');
      await jobForm.getByLabel('Title').fill(JOB);
      await jobForm.getByLabel('Role kind').selectOption('sales');
      await jobForm
        .getByLabel('Hiring manager')
        .selectOption({ label: `${s.manager.name} (hiring manager)` });
      await jobForm.getByLabel('Recruiter').selectOption({ label: `${s.recruiter.name} (recruiter)` });
      await jobForm.getByRole('button', { name: 'Open the job' }).click();
      await expect.poll(() => main.textContent()).toContain(`${JOB} is open.`);
      const job = await only<{ id: string; hiring_manager_id: string; recruiter_id: string }>(
        db,
        org,
        `SELECT id, hiring_manager_id, recruiter_id FROM jobs WHERE org_id = $1 AND title = $2`,
        [org, JOB],
      );
      expect(job).toMatchObject({ hiring_manager_id: s.manager.id, recruiter_id: s.recruiter.id });
      expect(await seriousViolations(page)).toEqual([]);

      // A new candidate, straight into the job.
      await page.getByRole('button', { name: `Add a candidate to ${JOB}` }).click();
      await page.getByRole('button', { name: 'New candidate' }).click();
      await page.getByLabel('Name', { exact: true }).fill(CANDIDATE.name);
      await page.getByLabel('Email', { exact: true }).fill(CANDIDATE.email);
      await page.getByLabel('Time zone', { exact: true }).selectOption('Europe/Oslo');
      await page.getByRole('button', { name: `Add to ${JOB}` }).click();
      await expect.poll(() => main.textContent()).toContain(`${CANDIDATE.name} is in ${JOB}.`);
      await page.getByRole('link', { name: 'Open the application' }).click();
      await page.waitForSelector(`h1:has-text("${CANDIDATE.name}")`);

      // The interview: this afternoon at 15:00 for an hour, with Ivan.
      await page.getByRole('button', { name: 'Schedule an interview' }).click();
      const ivForm = page.getByRole('form', { name: 'Schedule an interview' });
      await ivForm.getByLabel('Title').fill('Onsite');
      await ivForm.getByLabel(/^When/).fill('2026-12-07T15:00');
      await expect.poll(() => ivForm.textContent()).toContain('For the candidate:');
      await ivForm.getByLabel('Duration (minutes)').fill('60');
      await ivForm.getByLabel(/Ivan Interviewer/).check();
      await ivForm.getByLabel('Where, or the video link').fill('Room 4, Oslo office');
      await ivForm.getByRole('button', { name: 'Schedule the interview' }).click();
      await expect.poll(() => main.textContent()).toContain('Interview scheduled: invitations sent.');
      const interview = await only<{ id: string; scheduled_at: Date; ends_at: Date }>(
        db,
        org,
        `SELECT i.id, i.scheduled_at, i.ends_at FROM interviews i
           JOIN applications a ON a.org_id = i.org_id AND a.id = i.application_id
          WHERE i.org_id = $1 AND a.job_id = $2`,
        [org, job.id],
      );
      expect(new Date(interview.scheduled_at).toISOString()).toBe('2026-12-07T15:00:00.000Z');
      expect(new Date(interview.ends_at).toISOString()).toBe('2026-12-07T16:00:00.000Z');

      // After the interview, close it: the preview says when, for whom, and who owns it.
      clock.set('2026-12-07T16:30:00Z');
      await page.reload();
      const statement = page.getByLabel('What did you tell the candidate about next steps?');
      await statement.fill('You will hear from us by Friday, either way.');
      const preview = page.locator('.promise-preview');
      await expect.poll(() => preview.textContent()).toContain('Owner: Riley Recruiter');
      expect(await preview.textContent()).toContain('(Europe/Oslo)');
      await page.getByRole('button', { name: 'Close the interview' }).click();
      const outcome = async () =>
        only<{ status: string; due_at: Date; owner_id: string }>(
          db,
          org,
          `SELECT f.status, f.due_at, f.owner_id FROM follow_ups f
             JOIN applications a ON a.org_id = f.org_id AND a.id = f.application_id
            WHERE f.org_id = $1 AND a.job_id = $2 AND f.kind = 'outcome'`,
          [org, job.id],
        );
      await expect.poll(async () => (await outcome()).owner_id).toBe(s.recruiter.id);
      expect((await outcome()).status).toBe('open');
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForSelector('#email');

      // The interviewer lands on the scorecard they owe, due tomorrow, and fills it in.
      await signIn(page, base, ivan.email, PASSWORD);
      await page.waitForSelector('h1:has-text("Scorecards I owe")');
      const card = page.getByRole('article', { name: `${CANDIDATE.name}, ${JOB}` });
      await expect.poll(() => card.textContent()).toMatch(/due in \d+ hours/);
      await card.getByRole('button', { name: `Fill in the scorecard: ${CANDIDATE.name}` }).click();
      await page.selectOption(`#fb-${interview.id}-rec`, 'strong_yes');
      await page.fill(`#fb-${interview.id}-notes`, 'Ran discovery like a seasoned seller; clear plan.');
      await page.click(`form[aria-labelledby="fb-${interview.id}-h"] button[type=submit]`);
      await expect.poll(() => main.textContent()).toContain('You owe no scorecards.');
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForSelector('#email');

      // The hiring manager decides from "Waiting on me".
      await signIn(page, base, s.manager.email, PASSWORD);
      await page.waitForSelector('h1:has-text("Waiting on me")');
      const decideBy = page
        .locator('section[aria-labelledby="w-decisions"]')
        .getByRole('article', { name: `${CANDIDATE.name}, ${JOB}` });
      await expect.poll(() => decideBy.textContent()).toContain('Decide by');
      expect(await seriousViolations(page)).toEqual([]);
      await decideBy.getByRole('link', { name: `Decide now: ${CANDIDATE.name}` }).click();
      await page.waitForFunction(() => document.activeElement?.id === 'h-compose');
      await page.selectOption('#outcome', 'advance');
      await page.fill('#reasons', 'Strong discovery and a realistic territory plan');
      await page.click('button:has-text("Record the decision and draft the message")');
      await page.waitForSelector('label:has-text("Message to the candidate")');
      const decision = await only<{ outcome: string }>(
        db,
        org,
        `SELECT d.outcome FROM decisions d
           JOIN applications a ON a.org_id = d.org_id AND a.id = d.application_id
          WHERE d.org_id = $1 AND a.job_id = $2`,
        [org, job.id],
      );
      expect(decision.outcome).toBe('advance');
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForSelector('#email');

      // The recruiter finds the candidate by part of the email, from any screen.
      await signIn(page, base, s.recruiter.email, PASSWORD);
      await page.waitForSelector('h1:has-text("Follow-ups")');
      await page.keyboard.press('/');
      await expect.poll(() => focusedId(page)).toBe('global-search');
      await page.keyboard.type('solberg.walk');
      const results = page.getByRole('list', { name: 'Search results' });
      await expect.poll(() => results.textContent()).toContain(CANDIDATE.name);
      await page.keyboard.press('Escape');

      // Then sends the outcome from the queue with the keyboard alone: Tab to the queue's current
      // row, e opens what is to be written, Tab to Send, Enter.
      await page.goto(`${base}/#/follow-ups`);
      await page.waitForSelector('article.qrow');
      await tabTo(page, { selector: 'article.qrow' });
      for (let n = 0; n < 10; n++) {
        const label = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
        if (label.includes(CANDIDATE.name)) break;
        await page.keyboard.press('j');
      }
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toContain(
        CANDIDATE.name,
      );
      await page.keyboard.press('e');
      await expect.poll(() => page.url()).toMatch(/#\/applications\/[0-9a-f-]{36}\?next=draft$/);
      await expect.poll(() => focusedId(page)).toBe('h-compose');
      // The draft leaves the next steps and their timeline for a person to write: the checks hold
      // Send until they are. "Show" selects each gap in the text, and typing replaces it.
      const send = page.locator('button[type=submit]', { hasText: /^Send$/ });
      await expect.poll(() => send.isDisabled()).toBe(true);
      for (const [gap, words] of [
        ['[Describe the next steps', 'The next step is a final conversation with our VP of Sales'],
        ['[Add an estimated timeline', 'We will send you times for it by Wednesday 9 December'],
      ] as const) {
        await tabTo(page, { selector: 'button', startsWith: `Show “${gap}` });
        await page.keyboard.press('Enter');
        await expect.poll(() => focusedId(page)).toBe('body');
        await page.keyboard.type(words);
      }
      await expect.poll(() => send.isEnabled()).toBe(true);
      await tabTo(page, { selector: 'button[type=submit]', text: 'Send' });
      await page.keyboard.press('Enter');
      await expect
        .poll(() => page.locator('section[aria-labelledby="h-sent"]').textContent())
        .toContain('goes out');
      const sent = await only<{ status: string; kind: string }>(
        db,
        org,
        `SELECT m.status, m.kind FROM messages m
           JOIN applications a ON a.org_id = m.org_id AND a.id = m.application_id
          WHERE m.org_id = $1 AND a.job_id = $2 AND m.kind = 'outcome'`,
        [org, job.id],
      );
      expect(sent.status).toBe('scheduled');
      const body = await only<{ body_text: string }>(
        db,
        org,
        `SELECT m.body_text FROM messages m
           JOIN applications a ON a.org_id = m.org_id AND a.id = m.application_id
          WHERE m.org_id = $1 AND a.job_id = $2 AND m.kind = 'outcome'`,
        [org, job.id],
      );
      expect(body.body_text).toContain('final conversation with our VP of Sales');
      expect(body.body_text).not.toContain('[');
      // Scheduled is not told: the outcome stays owed until the message reaches the candidate.
      expect((await outcome()).status).toBe('open');
      expect(await seriousViolations(page)).toEqual([]);
      await context.close();
    },
  );
});
