import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import { createDevMailboxTransport } from '../mail/dev-mailbox.transport.ts';
import { setMemberPassword } from '../services/auth.service.ts';
import { dispatchDueMessages } from '../services/outbox.service.ts';
import { closeInterview, createInterview } from '../services/interview.service.ts';
import { openTestDb } from '../../test/support/db.ts';
import { createApplication } from '../services/application.service.ts';
import {
  buildCandidate,
  buildInterviewScenario,
  buildJob,
  buildMember,
} from '../../test/support/factories.ts';
import { freePort, launchChromium, seriousViolations } from '../../test/support/browser.ts';
import { buildApp } from './app.ts';

const PASSWORD = 'web app passphrase 1';

/**
 * The team's web app, built with Vite and served by the real server, in real Chromium: sign in,
 * see an overdue promise, log the call that keeps it, then close an interview with a live preview.
 */
describe('the team web app in a browser', () => {
  let db: Db;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;
  let webDir: string;
  const clock = new ManualClock('2026-12-07T15:00:00Z'); // Monday

  beforeAll(async () => {
    webDir = await mkdtemp(join(tmpdir(), 'hb-web-'));
    await build({
      configFile: 'vite.config.ts',
      logLevel: 'silent',
      build: { outDir: webDir, emptyOutDir: true },
    });
    db = await openTestDb('pglite');
    const port = await freePort();
    base = `http://localhost:${port}`;
    app = await buildApp({ db, clock, publicUrl: base, webDir, devMailbox: true });
    await app.listen({ port, host: '127.0.0.1' });
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await db?.close();
    await rm(webDir, { recursive: true, force: true });
  });

  it(
    'signs in, shows an overdue promise, keeps it with a logged call, and closes an interview',
    { timeout: 120_000 },
    async () => {
      clock.set('2026-12-01T15:00:00Z');
      const deps = { db, clock };
      const s = await buildInterviewScenario(deps);
      const org = s.organization.id;
      await setMemberPassword(deps, org, s.recruiter.id, PASSWORD);
      await closeInterview(deps, org, s.interview.id, { statement: 'within 2 business days' }); // due Thursday
      const next = await createInterview(deps, org, {
        applicationId: s.application.id,
        title: 'Final round',
      });
      clock.set('2026-12-07T15:00:00Z');

      const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1200, height: 900 } });
      const page = await context.newPage();
      await page.goto(base);
      await page.fill('#email', s.recruiter.email);
      await page.fill('#password', PASSWORD);
      await page.click('button[type=submit]');
      await page.waitForSelector('h1:has-text("Follow-ups")');
      const overdue = page.locator('section[aria-labelledby="g-Overdue"]');
      await expect(overdue.textContent()).resolves.toContain(s.candidate.name);
      await expect(overdue.textContent()).resolves.toContain('within 2 business days');
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: 'test-results/web-follow-ups.png', fullPage: true });

      await overdue.getByRole('button', { name: `Log call (reached) with ${s.candidate.name}` }).click();
      await page.waitForSelector('[role=status]:has-text("done")');
      await expect(page.locator('#g-Overdue').textContent()).resolves.toContain('(0)');

      await page.goto(`${base}/#/applications/${s.application.id}`);
      await page.waitForSelector('h2:has-text("Close an interview")');
      await page.fill(`#statement-${next.id}`, "We'll get back to you within three business days.");
      await page.waitForSelector('[aria-live=polite] .meta:has-text("Due")');
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: 'test-results/web-application.png', fullPage: true });
      await page.click(`form:has(#statement-${next.id}) button[type=submit]`);
      await page.waitForSelector('h2:has-text("Still owed") + ul li');
      const interviews = await db
        .tenant(org)
        .query<{ closed: boolean }>(`SELECT closed_at IS NOT NULL AS closed FROM interviews WHERE id = $1`, [
          next.id,
        ]);
      expect(interviews[0]!.closed).toBe(true);

      // Decide to reject; the draft lacks a recommendation, the checks say so, and sending waits.
      await page.selectOption('#outcome', 'reject');
      await page.fill(
        '#reasons',
        'We need someone who has run enterprise onboarding programmes on their own',
      );
      await page.click('section[aria-labelledby="h-decide"] button[type=submit]');
      await page.waitForSelector('#body');
      await page.waitForSelector('ul[aria-label=Checks]');
      await expect(page.textContent('[aria-live=polite]')).resolves.toContain('Must fix');
      expect(await page.isDisabled('section[aria-labelledby="h-decide"] button[type=submit]')).toBe(true);
      const body = await page.inputValue('#body');
      await page.fill(
        '#body',
        body.replace(
          '[Add a recommendation for the future]',
          'leading one onboarding programme end to end would make a strong application.',
        ),
      );
      await page.waitForFunction(
        () => !document.querySelector('[aria-live=polite]')?.textContent?.includes('Must fix'),
      );
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: 'test-results/web-composer.png', fullPage: true });
      await page.click('section[aria-labelledby="h-decide"] button[type=submit]');
      await page.waitForSelector('#h-sent');

      // The worker delivers it after the undo window: it lands in the dev mailbox, the promise is kept.
      clock.advance(15 * 60_000);
      await dispatchDueMessages(
        {
          db,
          clock,
          transport: createDevMailboxTransport(db, clock),
          identity: { from: { name: 'Hearback', address: 'hb@localhost' }, domain: 'localhost' },
        },
        { batchSize: 10, leaseMs: 60_000, maxAttempts: 3 },
      );
      await page.goto(`${base}/dev/mail`);
      await expect(page.textContent('body')).resolves.toContain('Your application for Account Executive');
      const [followUp] = await db
        .tenant(org)
        .query<{ status: string }>(
          `SELECT status FROM follow_ups WHERE application_id = $1 AND kind = 'outcome' ORDER BY created_at DESC LIMIT 1`,
          [s.application.id],
        );
      expect(followUp!.status).toBe('done');

      // The report shows the closure rate: one interviewed candidate, who heard back.
      await page.goto(`${base}/#/reports`);
      await page.waitForSelector('[aria-label="Headline figures"]');
      await expect(page.textContent('[aria-label="Headline figures"]')).resolves.toContain('100%');
      await expect(page.textContent('[aria-label="Headline figures"]')).resolves.toContain(
        '1 of 1 heard back',
      );
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: 'test-results/web-reports.png', fullPage: true });

      // Jobs: the pipeline, and filling the job drafts a message for everyone still in it.
      const other = await buildCandidate(deps, org, { name: 'Dana Other' });
      await createApplication(deps, org, { jobId: s.job.id, candidateId: other.id });
      await page.goto(`${base}/#/jobs`);
      await page.waitForSelector('h1:has-text("Jobs")');
      await expect(page.textContent('main')).resolves.toContain('2 candidate(s)');
      expect(await seriousViolations(page)).toEqual([]);
      await page.click('button:has-text("Filled: tell everyone else")');
      await page.waitForSelector('#h-review');
      await expect(page.textContent('#h-review + p + details')).resolves.toContain('Dana Other');
      await page.screenshot({ path: 'test-results/web-jobs.png', fullPage: true });
      await page.click('button:has-text("Send 1 message(s)")');
      await page.waitForSelector('[role=status]:has-text("1 message(s) scheduled")');
      await context.close();

      // The hiring manager sees the team's overdue promises (their escalations) in the team view.
      await setMemberPassword(deps, org, s.manager.id, PASSWORD);
      const slow = await buildCandidate(deps, org, { name: 'Sam Slowcase' });
      const job2 = await buildJob(deps, org, {
        title: 'Designer',
        recruiterId: s.recruiter.id,
        hiringManagerId: s.manager.id,
      });
      const slowApp = await createApplication(deps, org, { jobId: job2.id, candidateId: slow.id });
      const slowIv = await createInterview(deps, org, { applicationId: slowApp.id, title: 'Screen' });
      await closeInterview(deps, org, slowIv.id, {
        statement: 'within 2 business days',
        endedAt: new Date('2026-11-30T15:00:00Z'),
      });
      const hmContext = await browser.newContext({ bypassCSP: true });
      const hm = await hmContext.newPage();
      await hm.goto(base);
      await hm.fill('#email', s.manager.email);
      await hm.fill('#password', PASSWORD);
      await hm.click('button[type=submit]');
      await hm.waitForSelector('h1:has-text("Follow-ups")');
      expect(await hm.isChecked('input[type=checkbox]')).toBe(false); // team view by default
      await expect(hm.textContent('section[aria-labelledby="g-Overdue"]')).resolves.toContain('Sam Slowcase');
      await hmContext.close();

      // An interviewer sees only what they interview, and gives feedback on it.
      const ivan = await buildMember(deps, org, { role: 'interviewer', name: 'Ivan Interviewer' });
      await setMemberPassword(deps, org, ivan.id, PASSWORD);
      await createInterview(deps, org, {
        applicationId: slowApp.id,
        title: 'Technical',
        interviewerIds: [ivan.id],
      });
      const ivContext = await browser.newContext({ bypassCSP: true });
      const iv = await ivContext.newPage();
      await iv.goto(base);
      await iv.fill('#email', ivan.email);
      await iv.fill('#password', PASSWORD);
      await iv.click('button[type=submit]');
      await iv.waitForSelector('h1:has-text("Follow-ups")');
      await iv.goto(`${base}/#/applications/${slowApp.id}`);
      await iv.waitForSelector('h3:has-text("Your feedback on")');
      expect(await seriousViolations(iv)).toEqual([]);
      await iv.selectOption('select[id$="-rec"]', 'strong_yes');
      await iv.click('form[aria-labelledby$="-h"] button[type=submit]');
      await iv.waitForSelector('[role=status]:has-text("Feedback saved")');
      await iv.screenshot({ path: 'test-results/web-interviewer.png', fullPage: true });
      await iv.goto(`${base}/#/applications/${s.application.id}`); // not theirs
      await iv.waitForSelector('[role=alert]');
      await ivContext.close();

      // An admin edits a template with a live preview and invites a colleague.
      const admin = await buildMember(deps, org, { role: 'admin', name: 'Ada Admin' });
      await setMemberPassword(deps, org, admin.id, PASSWORD);
      const adminContext = await browser.newContext({ bypassCSP: true });
      const ap = await adminContext.newPage();
      await ap.goto(base);
      await ap.fill('#email', admin.email);
      await ap.fill('#password', PASSWORD);
      await ap.click('button[type=submit]');
      await ap.click('a[href="#/settings"]');
      await ap.click('button:has-text("Edit the rejection template")');
      await ap.waitForSelector('[aria-live=polite] h3:has-text("Preview")');
      await expect(ap.textContent('[aria-live=polite]')).resolves.toContain('Alex'); // the sample candidate
      expect(await seriousViolations(ap)).toEqual([]);
      await ap.screenshot({ path: 'test-results/web-settings.png', fullPage: true });
      await ap.fill('#i-name', 'Ivy Interviewer');
      await ap.fill('#i-email', 'ivy@example.com');
      await ap.click('button:has-text("Send the invitation")');
      await ap.waitForSelector('[role=status]:has-text("Invitation sent")');
      await adminContext.close();
    },
  );
});
