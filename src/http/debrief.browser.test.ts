import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import {
  createClient,
  createClientContact,
  createJobOrder,
  createSubmission,
} from '../services/agency.service.ts';
import { buildAgencyRecruiter, buildCandidate } from '../../test/support/factories.ts';
import { seriousViolations, WALK_TIMEOUT_MS } from '../../test/support/browser.ts';
import { useBrowserApp } from '../../test/support/browser-app.ts';

const PASSWORD = 'agency debrief passphrase 1';
const identity = { from: { name: 'Hearback', address: 'hb@localhost' }, domain: 'localhost' };

/**
 * The candidate side of the agency desk in real Chromium: the recruiter records an interview at
 * the client with the client's promise, debriefs the candidate from the desk (setting the next
 * contact), sees the thank-you note it suggests, and opens the nudge composer to find a draft
 * carrying the debrief's news.
 */
describe('debriefs on the agency desk in a browser', () => {
  const clock = new ManualClock('2026-12-01T15:00:00Z'); // Tuesday, 09:00 in Chicago
  const running = useBrowserApp({ clock, identity });

  it(
    'records a client interview with a promise, debriefs the candidate and drafts the nudge from the news',
    { timeout: WALK_TIMEOUT_MS },
    async () => {
      const { db, browser, base } = running;
      const deps = { db, clock, identity };
      const { org, recruiter } = await buildAgencyRecruiter(deps, PASSWORD);
      const candidate = await buildCandidate(deps, org, { name: 'Jo Rivera', timeZone: 'America/Chicago' });
      const client = await createClient(deps, org, { name: 'Northwind', feedbackDaysAfterInterview: 2 });
      const contact = await createClientContact(deps, org, client.id, {
        name: 'Dana Cole',
        email: 'dana@northwind.test',
        timeZone: 'America/Chicago',
      });
      const job = await createJobOrder(deps, org, client.id, {
        title: 'Account Executive',
        roleKind: 'sales',
        hiringAuthorityId: contact.id,
      });
      await createSubmission(
        deps,
        org,
        { jobId: job.id, candidateId: candidate.id, pitch: 'Closed the two largest accounts in her region.' },
        { memberId: recruiter.id },
      );
      // 15:00 in Chicago: the interview at the client was at 13:00.
      clock.set('2026-12-01T21:00:00Z');

      const context = await browser.newContext({
        viewport: { width: 1200, height: 900 },
        timezoneId: 'America/Chicago',
      });
      const page = await context.newPage();
      await page.goto(base);
      await page.fill('#email', recruiter.email);
      await page.fill('#password', PASSWORD);
      await page.click('button[type=submit]');
      await page.waitForSelector('h1:has-text("Follow-ups")');
      await page.getByRole('link', { name: 'Desk' }).click();
      await page.waitForSelector('h1:has-text("Desk")');

      const waiting = page.locator('section[aria-labelledby="desk-waiting"]');
      await waiting.getByRole('button', { name: 'Record client interview…' }).click();
      const record = page.getByRole('form', { name: 'Record the interview of Jo Rivera at Northwind' });
      await record.getByLabel('When').fill('2026-12-01T13:00');
      await record.getByLabel('Interviewers (their names, comma-separated)').fill('Dana Cole, Sam Lee');
      await record.getByLabel('What the client promised').fill("We'll decide by Thursday.");
      expect(await seriousViolations(page)).toEqual([]);
      await record.getByRole('button', { name: 'Record interview' }).click();
      await page.getByText('Interview at Northwind recorded.').waitFor();

      const today = page.locator('section[aria-labelledby="desk-today"]');
      await today.getByRole('button', { name: 'Debrief Jo Rivera' }).click();
      const debrief = page.getByRole('form', { name: 'Debrief Jo Rivera' });
      await debrief.getByLabel('Interest (1–5)').selectOption('5');
      await debrief
        .getByLabel('Impressions (what went well, in their words)')
        .fill('The walk through their enterprise pipeline.');
      await debrief.getByLabel('Questions for the client').fill('Whether the territory includes Canada');
      await debrief
        .getByLabel('New availability or notice period')
        .fill('Free for a second round on Tuesdays');
      await debrief.getByLabel('Date').fill('2026-12-04');
      expect(await seriousViolations(page)).toEqual([]);
      await debrief.getByRole('button', { name: 'Log debrief' }).click();

      const note = page.getByRole('region', { name: 'Thank-you note for Jo Rivera' });
      const noteText = note.getByLabel('Thank-you note (pass it on for Jo Rivera to make their own)');
      await expect.poll(() => noteText.inputValue()).toContain('Dear Dana Cole and Sam Lee,');
      await expect.poll(() => noteText.inputValue()).toContain('the walk through their enterprise pipeline');
      await expect.poll(() => note.textContent()).toContain('Next contact with Jo Rivera');
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: 'docs/screens/debrief.png', fullPage: true });
      await note.getByRole('button', { name: 'Close' }).click();
      // The debrief is no longer owed.
      await expect.poll(() => today.getByRole('button', { name: 'Debrief Jo Rivera' }).count()).toBe(0);

      await today.getByRole('button', { name: 'Nudge Dana Cole' }).click();
      const composer = page.getByRole('form', { name: 'Nudge Dana Cole' });
      const message = composer.getByLabel('Message');
      await expect.poll(() => message.inputValue()).toContain('Whether the territory includes Canada');
      await expect.poll(() => message.inputValue()).toContain('very keen (5 of 5)');
      await expect.poll(() => message.inputValue()).toContain('Free for a second round on Tuesdays');
      expect(await seriousViolations(page)).toEqual([]);
      await composer.getByLabel('Next contact').fill('2026-12-07');
      await composer.getByRole('button', { name: 'Send nudge' }).click();
      await page.getByText('Nudge to Dana Cole logged, with the next contact.').waitFor();
      await context.close();
    },
  );
});
