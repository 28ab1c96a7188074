import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import { createApplication } from '../services/application.service.ts';
import { setMemberPassword } from '../services/auth.service.ts';
import { closeInterview, createInterview } from '../services/interview.service.ts';
import { sweepFollowUps } from '../services/sweep.service.ts';
import { useBrowserApp } from '../../test/support/browser-app.ts';
import { buildCandidate, buildInterviewScenario, buildMember } from '../../test/support/factories.ts';
import { fitsAPhone, seriousViolations, signIn, WALK_TIMEOUT_MS } from '../../test/support/browser.ts';

const PASSWORD = 'each role its view passphrase';
const identity = { from: { name: 'Hearback', address: 'hb@localhost' }, domain: 'localhost' };
// The chain inside the team is tracked when the policy sets its times.
const ON = { feedbackDueBusinessDays: 1, decideByBusinessDaysBefore: 1 };
const SCREEN = { width: 1366, height: 768 };

/** The main navigation's links, in order. */
const navOf = (page: Page) => page.locator('nav[aria-label="Main"] a').allTextContents();

/**
 * Issue 17, each role its view, in real Chromium: an interviewer lands on the scorecards they owe,
 * sees when each is due in words (the absolute time on hover), fills one in and it leaves the
 * list; the hiring manager lands on what waits on them — a decide-by and an escalated promise —
 * hands the escalation to a colleague and decides the other from there. Each role's navigation
 * holds only what it may use. Saves each role's main screen at 1366×768 and at a phone's width:
 * docs/screens/scorecards-i-owe*.png, waiting-on-me*.png and settings*.png.
 */
describe('each role its view in a browser', () => {
  // Tuesday 1 December 2026, 15:00 UTC (the organization's zone).
  const clock = new ManualClock('2026-12-01T15:00:00Z');
  const running = useBrowserApp({ clock, identity });

  it(
    'lands the interviewer on scorecards I owe and the hiring manager on waiting on me',
    { timeout: WALK_TIMEOUT_MS },
    async () => {
      const { db, browser, base } = running;
      const deps = { db, clock, identity };
      const s = await buildInterviewScenario(deps, { policy: ON });
      const org = s.organization.id;
      const ivan = await buildMember(deps, org, { role: 'interviewer', name: 'Ivan Interviewer' });
      const rae = await buildMember(deps, org, { role: 'recruiter', name: 'Rae Second' });
      for (const m of [ivan, s.manager, s.recruiter, s.admin])
        await setMemberPassword(deps, org, m.id, PASSWORD);
      // Casey was interviewed by Ivan this morning and promised an answer by Friday.
      const onsite = await createInterview(deps, org, {
        applicationId: s.application.id,
        title: 'Onsite',
        scheduledAt: new Date('2026-12-01T13:00:00Z'),
        endsAt: new Date('2026-12-01T14:00:00Z'),
        interviewerIds: [ivan.id],
      });
      await closeInterview(deps, org, onsite.id, {
        statement: 'by Friday',
        dueAt: new Date('2026-12-04T17:00:00Z'),
      });
      // Jordan was promised an answer by Wednesday.
      const jordan = await buildCandidate(deps, org, { name: 'Jordan Lee' });
      const jordanApp = await createApplication(deps, org, { jobId: s.job.id, candidateId: jordan.id });
      const screen = await createInterview(deps, org, {
        applicationId: jordanApp.id,
        title: 'Screen',
        endsAt: new Date('2026-12-01T14:00:00Z'),
        interviewerIds: [],
      });
      await closeInterview(deps, org, screen.id, {
        statement: 'by Wednesday',
        dueAt: new Date('2026-12-02T17:00:00Z'),
      });

      const context = await browser.newContext({ viewport: SCREEN, timezoneId: 'UTC' });
      const page = await context.newPage();

      // The interviewer: their home is what they owe, and nothing else to wade through.
      await signIn(page, base, ivan.email, PASSWORD);
      await page.waitForSelector('h1:has-text("Scorecards I owe")');
      expect(await navOf(page)).toEqual(['Scorecards I owe']);
      const card = page.getByRole('article', { name: `${s.candidate.name}, ${s.job.title}` });
      await expect.poll(() => card.textContent()).toContain('due in 26 hours');
      expect(await card.textContent()).toContain('Interview “Onsite”');
      // The absolute time is on hover.
      expect(await card.locator('time').getAttribute('title')).toMatch(/Wed.*Dec 2.*05:00 PM UTC/);
      expect(await page.getByRole('article').count()).toBe(1);
      expect(await seriousViolations(page)).toEqual([]);
      await mkdir('docs/screens', { recursive: true });
      await page.screenshot({ path: 'docs/screens/scorecards-i-owe.png', fullPage: true });
      await fitsAPhone(page, SCREEN, 'docs/screens/scorecards-i-owe-phone.png');

      await card.getByRole('button', { name: `Fill in the scorecard: ${s.candidate.name}` }).click();
      await page.selectOption(`#fb-${onsite.id}-rec`, 'strong_yes');
      await page.fill(`#fb-${onsite.id}-notes`, 'Clear territory plan, built on real numbers.');
      await page.click(`form[aria-labelledby="fb-${onsite.id}-h"] button[type=submit]`);
      await expect.poll(() => page.locator('main').textContent()).toContain('You owe no scorecards.');
      await expect.poll(() => page.getByRole('status').first().textContent()).toContain('off your list');
      expect(await page.getByRole('article').count()).toBe(0);
      // Other screens are not theirs.
      await page.goto(`${base}/#/settings`);
      await page.waitForSelector('h1:has-text("Not part of your role")');
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForSelector('#email');

      // Thursday morning: Jordan's promise broke yesterday and was escalated to the hiring manager.
      clock.set('2026-12-03T10:00:00Z');
      const swept = await sweepFollowUps({ ...deps, appUrl: base }, { batchSize: 50, onlyOrgId: org });
      expect(swept.escalations).toBeGreaterThan(0);

      await signIn(page, base, s.manager.email, PASSWORD);
      await page.waitForSelector('h1:has-text("Waiting on me")');
      const nav = await navOf(page);
      expect(nav[0]).toBe('Waiting on me');
      expect(nav).toContain('Follow-ups');
      expect(nav).not.toContain('Settings');
      expect(nav).not.toContain('Import');
      const decisions = page.locator('section[aria-labelledby="w-decisions"]');
      const escalated = page.locator('section[aria-labelledby="w-escalated"]');
      const caseyDecideBy = decisions.getByRole('article', { name: `${s.candidate.name}, ${s.job.title}` });
      await expect.poll(() => caseyDecideBy.textContent()).toContain('Decide by');
      expect(await caseyDecideBy.textContent()).toContain('due in 7 hours');
      const jordanEscalated = escalated.getByRole('article', { name: `Jordan Lee, ${s.job.title}` });
      await expect.poll(() => jordanEscalated.textContent()).toContain('Escalated');
      expect(await jordanEscalated.textContent()).toContain('owner Riley Recruiter');
      // The candidate was given a new date (3 business days out); the escalation stands.
      expect(await jordanEscalated.textContent()).toContain('due in 5 days');
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: 'docs/screens/waiting-on-me.png', fullPage: true });
      await fitsAPhone(page, SCREEN, 'docs/screens/waiting-on-me-phone.png');

      // Hand the escalated promise to Rae, who covers the role.
      await jordanEscalated.getByRole('button', { name: 'Reassign: Jordan Lee' }).click();
      await jordanEscalated.getByLabel('New owner').selectOption({ label: 'Rae Second (recruiter)' });
      await jordanEscalated.getByLabel(/^Why/).fill('Rae covers this role this week');
      expect(await seriousViolations(page)).toEqual([]);
      await jordanEscalated.getByRole('button', { name: 'Hand it on' }).click();
      await expect
        .poll(() => page.getByRole('status').first().textContent())
        .toContain('handed to Rae Second');
      await expect.poll(() => escalated.textContent()).toContain('Nothing was escalated to you.');
      const owner = await db
        .tenant(org)
        .transaction((tx) =>
          tx.query<{ owner_id: string }>(
            `SELECT owner_id FROM follow_ups WHERE org_id = $1 AND application_id = $2 AND kind = 'outcome' AND status = 'open'`,
            [org, jordanApp.id],
          ),
        );
      expect(owner).toEqual([{ owner_id: rae.id }]);

      // Decide now on Casey: the decision form opens in view, and deciding settles the decide-by.
      await caseyDecideBy.getByRole('link', { name: `Decide now: ${s.candidate.name}` }).click();
      await page.waitForFunction(() => document.activeElement?.id === 'h-compose');
      await page.selectOption('#outcome', 'advance');
      await page.fill('#reasons', 'A clear, well-argued territory plan');
      await page.click('button:has-text("Record the decision and draft the message")');
      await page.waitForSelector('label:has-text("Message to the candidate")');
      await page.click('nav a:has-text("Waiting on me")');
      await page.waitForSelector('h1:has-text("Waiting on me")');
      await expect.poll(() => decisions.textContent()).not.toContain(s.candidate.name);
      expect(await decisions.textContent()).toContain('Jordan Lee');
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForSelector('#email');

      // The recruiter lands on the queue; the admin on the queue, with Settings (their own screen).
      await signIn(page, base, s.recruiter.email, PASSWORD);
      await page.waitForSelector('h1:has-text("Follow-ups")');
      expect((await navOf(page))[0]).toBe('Follow-ups');
      expect(await navOf(page)).not.toContain('Settings');
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForSelector('#email');
      await signIn(page, base, s.admin.email, PASSWORD);
      await page.waitForSelector('h1:has-text("Follow-ups")');
      expect(await navOf(page)).toEqual(expect.arrayContaining(['Follow-ups', 'Settings', 'Import']));
      await page.click('nav a:has-text("Settings")');
      await page.waitForSelector('h1:has-text("Settings")');
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: 'docs/screens/settings.png' });
      await fitsAPhone(page, SCREEN, 'docs/screens/settings-phone.png');
      await context.close();
    },
  );
});
