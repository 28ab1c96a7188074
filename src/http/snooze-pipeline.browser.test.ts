import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import { createApplication } from '../services/application.service.ts';
import { setMemberPassword } from '../services/auth.service.ts';
import { closeInterview, createInterview } from '../services/interview.service.ts';
import { logTouchpoint } from '../services/touchpoint.service.ts';
import { buildCandidate, buildInterviewScenario } from '../../test/support/factories.ts';
import { seriousViolations, signIn, WALK_TIMEOUT_MS } from '../../test/support/browser.ts';
import { startBrowserApp, type BrowserApp } from '../../test/support/browser-app.ts';

const PASSWORD = 'snooze and pipeline passphrase 1';
const identity = { from: { name: 'Hearback', address: 'hb@example.test' }, domain: 'example.test' };
const REASON = 'Waiting for the hiring manager, back from leave';

/**
 * Issue 17 in real Chromium at 1366×768: two follow-ups snoozed at once from the queue with a
 * reason (shown on their rows, stored on the follow-ups), a job's pipeline with a card moved by
 * its select, and the reports' charts with their tables — each checked with axe and saved under
 * docs/screens/.
 */
describe('snooze, pipeline and report charts, in a browser', () => {
  let db: Db;
  let running: BrowserApp;
  let browser: Browser;
  let base: string;
  let page: Page;
  const clock = new ManualClock('2026-12-07T15:00:00Z'); // Monday
  let s: Awaited<ReturnType<typeof buildInterviewScenario>>;
  const names = ['Ada Snooze', 'Ben Snooze', 'Cy Awake'];
  const applications: string[] = [];

  beforeAll(async () => {
    running = await startBrowserApp({ clock, identity });
    ({ db, browser, base } = running);
    const deps = { db, clock, identity };
    s = await buildInterviewScenario(deps);
    const org = s.organization.id;
    await setMemberPassword(deps, org, s.recruiter.id, PASSWORD);
    for (const name of names) {
      const c = await buildCandidate(deps, org, { name });
      const a = await createApplication(deps, org, { jobId: s.job.id, candidateId: c.id });
      const iv = await createInterview(deps, org, {
        applicationId: a.id,
        title: 'Panel',
        interviewerIds: [s.manager.id],
      });
      await closeInterview(deps, org, iv.id, { statement: 'You will hear from us by Friday.' });
      applications.push(a.id);
    }
    // One candidate heard back: the report has a closure rate to chart.
    await closeInterview(deps, org, s.interview.id, { statement: 'You will hear from us by Friday.' });
    clock.advance(3_600_000);
    await logTouchpoint(
      deps,
      org,
      {
        applicationId: s.application.id,
        channel: 'email',
        kind: 'outcome',
        fromParty: 'team',
        toParty: 'candidate',
      },
      { memberId: s.recruiter.id },
    );
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1366, height: 768 } });
    page = await context.newPage();
    await signIn(page, base, s.recruiter.email, PASSWORD);
  }, WALK_TIMEOUT_MS);
  afterAll(() => running?.stop());

  it('snoozes two follow-ups at once with a reason', { timeout: WALK_TIMEOUT_MS }, async () => {
    await page.goto(`${base}/#/follow-ups`);
    await page.waitForSelector('h1:has-text("Follow-ups")');
    for (const name of names.slice(0, 2)) {
      // The outcome row (the scorecards are the interviewer's, not in the recruiter's view).
      await page
        .locator('article.qrow', { hasText: name })
        .filter({ hasText: 'Outcome' })
        .getByRole('checkbox')
        .check();
    }
    const bulk = page.getByRole('region', { name: 'Bulk actions' });
    await expect.poll(() => bulk.textContent()).toContain('2 selected');
    const form = bulk.getByRole('form', { name: 'Snooze' });
    await form.getByLabel('Why').fill(REASON);
    await form.getByRole('button', { name: 'Snooze 2' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('2 follow-up(s) snoozed until');
    for (const name of names.slice(0, 2)) {
      await expect
        .poll(() =>
          page.locator('article.qrow', { hasText: name }).filter({ hasText: 'Outcome' }).textContent(),
        )
        .toContain(`— ${REASON}`);
    }
    await expect
      .poll(() =>
        page.locator('article.qrow', { hasText: names[2]! }).filter({ hasText: 'Outcome' }).textContent(),
      )
      .not.toContain('Snoozed');
    const rows = await db.query<{ snooze_reason: string | null; snoozed_until: Date | null }>(
      `SELECT snooze_reason, snoozed_until FROM follow_ups WHERE application_id = ANY($1::uuid[]) AND kind = 'outcome' AND status = 'open' ORDER BY snooze_reason NULLS LAST`,
      [applications],
    );
    expect(rows.map((r) => r.snooze_reason)).toEqual([REASON, REASON, null]);
    // Before Friday's promise: the form's default is the next morning.
    for (const r of rows.slice(0, 2))
      expect(r.snoozed_until!.getTime()).toBeLessThan(Date.parse('2026-12-11T23:59:00Z'));
    expect(await seriousViolations(page)).toEqual([]);
  });

  it(
    'edits the job’s stages from the keyboard, refusing a repeat at the field',
    { timeout: WALK_TIMEOUT_MS },
    async () => {
      await page.goto(`${base}/#/jobs`);
      await page.getByRole('button', { name: `Change ${s.job.title}` }).click();
      const form = page.getByRole('form', { name: `Change ${s.job.title}` });
      const stageNames = () =>
        form
          .getByRole('textbox', { name: /^Stage \d+$/ })
          .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
      await expect.poll(stageNames).toEqual(['applied', 'screen', 'interview', 'final', 'offer']);
      // Enter in "Add a stage" adds it at the end (and does not submit the form).
      await form.getByLabel('Add a stage').fill('onsite');
      await form.getByLabel('Add a stage').press('Enter');
      await form.getByLabel('Add a stage').fill('Screen');
      await form.getByLabel('Add a stage').press('Enter');
      await expect
        .poll(stageNames)
        .toEqual(['applied', 'screen', 'interview', 'final', 'offer', 'onsite', 'Screen']);
      await form.getByRole('button', { name: 'Save the job' }).click();
      await expect
        .poll(() => form.textContent())
        .toContain('Each stage once: Screen is already in the list.');
      await expect
        .poll(() => form.getByRole('textbox', { name: 'Stage 7' }).getAttribute('aria-invalid'))
        .toBe('true');
      await form.getByRole('button', { name: 'Remove Screen', exact: true }).click();
      // Up twice from the keyboard: the focus stays on the moved stage's button.
      await form.getByRole('button', { name: 'Move onsite up' }).focus();
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter');
      await expect.poll(stageNames).toEqual(['applied', 'screen', 'interview', 'onsite', 'final', 'offer']);
      await form.getByRole('button', { name: 'Save the job' }).click();
      await expect.poll(() => form.count()).toBe(0);
      const [job] = await db.query<{ stages: string[] }>(`SELECT stages FROM jobs WHERE id = $1`, [s.job.id]);
      expect(job!.stages).toEqual(['applied', 'screen', 'interview', 'onsite', 'final', 'offer']);
      expect(await seriousViolations(page)).toEqual([]);
    },
  );

  it('shows the pipeline and moves a card by its select', { timeout: WALK_TIMEOUT_MS }, async () => {
    await page.goto(`${base}/#/jobs`);
    await page.getByRole('link', { name: `Pipeline of ${s.job.title}` }).click();
    await page.waitForSelector('h1:has-text("Pipeline")');
    const applied = page.getByRole('region', { name: /^applied/ });
    await expect.poll(() => applied.textContent()).toContain('Ada Snooze');
    await expect.poll(() => applied.textContent()).toContain('days in stage');
    // The job's stages in its order, empty ones too.
    await expect
      .poll(() => page.locator('.pipeline-column h2').allTextContents())
      .toEqual(['applied (4)', 'screen (0)', 'interview (0)', 'onsite (0)', 'final (0)', 'offer (0)']);
    await page.getByRole('combobox', { name: 'Move Cy Awake to stage' }).selectOption('onsite');
    const onsite = page.getByRole('region', { name: /^onsite/ });
    await expect.poll(() => onsite.textContent()).toContain('Cy Awake');
    await expect.poll(() => applied.textContent()).not.toContain('Cy Awake');
    const [moved] = await db.query<{ stage: string }>(`SELECT stage FROM applications WHERE id = $1`, [
      applications[2],
    ]);
    expect(moved!.stage).toBe('onsite');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: 'docs/screens/pipeline-1366.png' });
  });

  it('adds a new candidate to the job with where they came from', { timeout: WALK_TIMEOUT_MS }, async () => {
    await page.goto(`${base}/#/jobs`);
    await page.getByRole('button', { name: `Add a candidate to ${s.job.title}` }).click();
    await page.getByRole('button', { name: 'New candidate' }).click();
    const form = page.getByRole('form', { name: 'Add a candidate' });
    await form.getByLabel('Name').fill('Dee Referred');
    const source = form.getByLabel('Source (where they came from)');
    // Suggestions come from a datalist; anything else may be typed.
    await expect
      .poll(() =>
        source.getAttribute('list').then((id) => page.locator(`datalist[id="${id}"] option`).count()),
      )
      .toBeGreaterThan(3);
    await source.fill('referred by Ana');
    await form.getByRole('button', { name: `Add to ${s.job.title}` }).click();
    await expect.poll(() => page.textContent('main')).toContain(`Dee Referred is in ${s.job.title}`);
    const [row] = await db.query<{ id: string; source: string | null }>(
      `SELECT id, source FROM candidates WHERE name = 'Dee Referred'`,
    );
    expect(row!.source).toBe('referred by Ana');
    // The candidate's page shows where they came from, beside their contact facts.
    await page.goto(`${base}/#/candidates/${row!.id}`);
    await expect
      .poll(() => page.locator('dl.facts').first().textContent())
      .toContain('Sourcereferred by Ana');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('charts the report with a table and a CSV behind each chart', { timeout: WALK_TIMEOUT_MS }, async () => {
    await page.goto(`${base}/#/reports`);
    await page.waitForSelector('[aria-label="Headline figures"]');
    await expect
      .poll(() => page.textContent('[aria-label="Headline figures"]'))
      .toContain('1 of 4 heard back');
    const chart = page.getByRole('img', { name: /Closure rate and promises kept, by week of interview/ });
    await expect.poll(() => chart.locator('svg .recharts-line').count()).toBe(2);
    await expect
      .poll(() => page.getByRole('region', { name: 'By week' }).first().textContent())
      .toContain('25%');
    await page.getByRole('combobox', { name: /^By\b/ }).selectOption('month');
    await expect
      .poll(() => page.getByRole('region', { name: 'By month' }).first().textContent())
      .toContain('2026-12');
    const csv = await page.getByRole('link', { name: 'Download by month (CSV)' }).getAttribute('href');
    expect(csv).toContain('group=month');
    const res = await page.request.get(`${base}${csv}`);
    expect(res.status()).toBe(200);
    expect((await res.text()).split('\r\n')[1]).toMatch(/^2026-12,2026-12,4,1,0\.25,/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: 'docs/screens/reports-1366.png' });
  });
});
