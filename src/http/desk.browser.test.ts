import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import { sweepOwnedFollowUps } from '../services/owned-sweep.service.ts';
import { buildAgencyRecruiter, buildCandidate } from '../../test/support/factories.ts';
import { fitsAPhone, seriousViolations, WALK_TIMEOUT_MS } from '../../test/support/browser.ts';
import { useBrowserApp } from '../../test/support/browser-app.ts';

const PASSWORD = 'agency desk passphrase 1';
const identity = { from: { name: 'Hearback', address: 'hb@localhost' }, domain: 'localhost' };

/**
 * The agency desk in real Chromium: a recruiter adds a client with its terms, a contact and a job
 * order, submits a candidate with consent; the client's agreed deadline passes (injected clock,
 * then the sweep), the desk prompts a nudge, a status-only nudge is refused with its text kept, and
 * a nudge with news is logged with the next contact.
 */
const SCREEN = { width: 1366, height: 768 };

describe('the agency desk in a browser', () => {
  const clock = new ManualClock('2026-12-01T15:00:00Z'); // Tuesday, 09:00 in Chicago
  const running = useBrowserApp({ clock, identity });

  it(
    'adds a client, submits a candidate, and prompts a nudge with news once the deadline passes',
    { timeout: WALK_TIMEOUT_MS },
    async () => {
      const { db, browser, base } = running;
      const deps = { db, clock, identity };
      const { org, recruiter } = await buildAgencyRecruiter(deps, PASSWORD);
      await buildCandidate(deps, org, { name: 'Jo Rivera' });

      const context = await browser.newContext({ viewport: SCREEN });
      const page = await context.newPage();
      page.on('dialog', (d) => void d.dismiss());
      const signIn = async () => {
        await page.goto(base);
        await page.fill('#email', recruiter.email);
        await page.fill('#password', PASSWORD);
        await page.click('button[type=submit]');
        await page.waitForSelector('h1:has-text("Follow-ups")');
        await page.getByRole('link', { name: 'Desk' }).click();
        await page.waitForSelector('h1:has-text("Desk")');
      };
      await signIn();

      const addClient = page.getByRole('form', { name: 'Add a client' });
      await addClient.getByLabel('Name').fill('Northwind');
      await addClient.getByLabel('Answers a submission within (business days)').fill('1');
      await addClient.getByRole('button', { name: 'Add client' }).click();
      await page.getByText('Add a contact or a job order to Northwind').click();
      const addContact = page.getByRole('form', { name: 'Add a contact to Northwind' });
      await addContact.getByLabel('Contact name').fill('Dana Cole');
      await addContact.getByLabel('Contact email').fill('dana@northwind.test');
      await addContact.getByLabel('Contact time zone').fill('America/Chicago');
      await addContact.getByRole('button', { name: 'Add contact' }).click();
      await page.getByText('Dana Cole · prefers email').waitFor();
      const addJob = page.getByRole('form', { name: 'Add a job order for Northwind' });
      await addJob.getByLabel('Job title').fill('Account Executive');
      await addJob.getByRole('button', { name: 'Add job order' }).click();
      await page.getByText('Job orders: Account Executive').waitFor();

      const submit = page.locator('section[aria-labelledby="desk-submit"]');
      await submit
        .getByLabel('Pitch (why this candidate)')
        .fill('Closed the two largest accounts in her region.');
      await submit.getByLabel('The candidate agreed to be sent to this client').check();
      await submit.getByRole('button', { name: 'Submit candidate' }).click();
      await page.getByText('Submitted; the client’s feedback is now tracked').waitFor();

      const waiting = page.locator('section[aria-labelledby="desk-waiting"]');
      await expect.poll(() => waiting.textContent()).toContain('Jo Rivera · Account Executive');
      // Before the deadline there is nothing to nudge.
      expect(await waiting.getByRole('button', { name: 'Nudge Dana Cole' }).count()).toBe(0);
      expect(await seriousViolations(page)).toEqual([]);

      // Thursday: the agreed day (Wednesday, close of business in Chicago) has passed.
      clock.set('2026-12-03T15:00:00Z');
      expect(await sweepOwnedFollowUps(deps, { batchSize: 50, onlyOrgId: org })).toMatchObject({
        reminders: 1,
      });
      // Two days on, the session has gone idle: the recruiter signs in again.
      await context.clearCookies();
      await signIn();
      await waiting.getByText('Past the deadline').first().waitFor();
      await expect.poll(() => waiting.textContent()).toContain('2 days');
      const today = page.locator('section[aria-labelledby="desk-today"]');
      await today.locator('tr.overdue', { hasText: 'Nudge Dana Cole with news' }).waitFor();
      // The agency recruiter's main screen, at a laptop's width and a phone's.
      await page.screenshot({ path: 'docs/screens/desk.png' });
      await fitsAPhone(page, SCREEN, 'docs/screens/desk-phone.png');

      await waiting.getByRole('button', { name: 'Nudge Dana Cole' }).click();
      const composer = page.getByRole('form', { name: 'Nudge Dana Cole' });
      await composer.getByLabel('Message').fill('Hi Dana, just checking in — any update on Jo?');
      await composer.getByLabel('Next contact').fill('2026-12-07');
      await composer.getByRole('button', { name: 'Send nudge' }).click();
      await composer.getByText('Not sent: this nudge brings no news.').waitFor();
      await expect.poll(() => composer.textContent()).toMatch(/only asks for status/);
      // The refused text is kept, to add the news to.
      await expect
        .poll(() => composer.getByLabel('Message').inputValue())
        .toBe('Hi Dana, just checking in — any update on Jo?');
      expect(await seriousViolations(page)).toEqual([]);

      await composer
        .getByLabel('Message')
        .fill(
          'Hi Dana, Jo has a second interview elsewhere on Friday; could you look at her profile before then?',
        );
      await composer.getByRole('button', { name: 'Send nudge' }).click();
      await page.getByText('Nudge to Dana Cole logged, with the next contact.').waitFor();
      // The desk reloads after the nudge: wait for it rather than read the list as it was (the race
      // that once failed this walk in the full suite: the old next action was still on screen).
      await today.getByText('Contact Dana Cole; set the next contact').waitFor();
      await context.close();
    },
  );
});
