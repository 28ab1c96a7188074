import { mkdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import {
  createClient,
  createClientContact,
  createJobOrder,
  createSubmission,
  moveSubmission,
  recordClientAnswer,
} from '../services/agency.service.ts';
import { changeApplication } from '../services/application.service.ts';
import { buildAgencyRecruiter, buildCandidate } from '../../test/support/factories.ts';
import { seriousViolations, WALK_TIMEOUT_MS } from '../../test/support/browser.ts';
import { useBrowserApp } from '../../test/support/browser-app.ts';

const PASSWORD = 'agency placement passphrase 1';
const identity = { from: { name: 'Hearback', address: 'hb@localhost' }, domain: 'localhost' };

/**
 * The desk's client view and placements in real Chromium: the recruiter opens a client and sees
 * its feedback record (one answer in time, one missed), places a candidate with a start date, a
 * fee and the guarantee, and finds the check-ins on the desk; a finalist declined under the target
 * shows the job order short, with who could fill it. Saves docs/screens/client-view.png.
 */
describe('the client view and placements in a browser', () => {
  const clock = new ManualClock('2026-12-01T15:00:00Z'); // Tuesday, 10:00 in New York
  const running = useBrowserApp({ clock, identity });

  it(
    'shows the feedback record, places a submission with its guarantee, and a short final stage with backfill names',
    { timeout: WALK_TIMEOUT_MS },
    async () => {
      const { db, browser, base } = running;
      const deps = { db, clock, identity };
      const { org, recruiter } = await buildAgencyRecruiter(deps, PASSWORD);
      const actor = { memberId: recruiter.id };
      const client = await createClient(deps, org, { name: 'Northwind', guaranteeDays: 90 });
      const contact = await createClientContact(deps, org, client.id, { name: 'Dana Cole' });
      const job = await createJobOrder(deps, org, client.id, {
        title: 'Account Executive',
        roleKind: 'sales',
        hiringAuthorityId: contact.id,
      });
      const submit = async (name: string) => {
        const c = await buildCandidate(deps, org, { name });
        clock.advance(60_000);
        return (
          await createSubmission(
            deps,
            org,
            { jobId: job.id, candidateId: c.id, pitch: `${name} sells.` },
            actor,
          )
        ).submission;
      };
      const jo = await submit('Jo Rivera');
      const fay = await submit('Fay Finalist');
      const eli = await submit('Eli Earlier');
      // The client answered Jo and Eli a day later, in time; Fay's answer never came.
      clock.set('2026-12-02T15:00:00Z');
      await recordClientAnswer(deps, org, jo.id, { answer: 'interview', channel: 'phone' }, actor);
      await recordClientAnswer(deps, org, eli.id, { answer: 'interview', channel: 'phone' }, actor);
      // Two finalists: Jo with an offer, Fay in the client's final interview.
      await moveSubmission(deps, org, jo.id, { stage: 'offered' });
      await changeApplication(deps, org, fay.applicationId, { finalStage: true });
      clock.set('2026-12-04T15:00:00Z');

      const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
      const page = await context.newPage();
      await page.goto(base);
      await page.fill('#email', recruiter.email);
      await page.fill('#password', PASSWORD);
      await page.click('button[type=submit]');
      await page.waitForSelector('h1:has-text("Follow-ups")');
      await page.getByRole('link', { name: 'Desk' }).click();
      await page.waitForSelector('h1:has-text("Desk")');

      const coverage = page.locator('section[aria-labelledby="desk-coverage"]');
      await expect.poll(() => coverage.textContent()).toContain('Account Executive · Northwind');
      await expect.poll(() => coverage.textContent()).toContain('2 / 2');
      // Dana was never called: a defect to fix.
      const noNext = page.locator('section[aria-labelledby="desk-no-next"]');
      await expect.poll(() => noNext.textContent()).toContain('Dana Cole (Northwind) — never contacted');

      await page.getByRole('button', { name: 'Open client view' }).click();
      const view = page.locator('section[aria-labelledby="client-view"]');
      const record = view.getByRole('definition');
      await expect.poll(() => view.getByLabel('Feedback record').textContent()).toContain('1 day');
      await expect
        .poll(() => view.getByLabel('Feedback record').textContent())
        .toContain('67% (2 answered, 1 unanswered past the deadline)');
      expect(await record.count()).toBe(3);
      await expect.poll(() => view.textContent()).toContain('Fay Finalist · Account Executive');
      await view.locator('tr.overdue', { hasText: 'Fay Finalist' }).getByText('Past the deadline').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await mkdir('docs/screens', { recursive: true });
      await page.screenshot({ path: 'docs/screens/client-view.png', fullPage: true });

      // Place Jo: start Monday 7 December, 20 percent, the client's 90 days.
      await view.getByRole('button', { name: 'Place Jo Rivera…' }).click();
      const form = page.getByRole('form', { name: 'Place Jo Rivera' });
      await expect.poll(() => form.getByLabel('Guarantee (days)').inputValue()).toBe('90');
      await form.getByLabel('Start date').fill('2026-12-07');
      await form.getByLabel('Percent', { exact: true }).fill('20');
      await form.getByLabel('Fee note').fill('Of first-year base salary');
      await form.getByRole('button', { name: 'Record placement' }).click();
      await page.getByText('Jo Rivera placed; guarantee until 2027-03-07, 4 check-ins scheduled.').waitFor();
      const placements = page.locator('section[aria-labelledby="desk-placements"]');
      await expect.poll(() => placements.textContent()).toContain('Jo Rivera · Account Executive');
      await expect.poll(() => placements.textContent()).toContain('2027-03-07');
      await expect.poll(() => placements.textContent()).toContain('with Jo Rivera');
      // Jo left the open submissions.
      await expect.poll(() => view.textContent()).not.toContain('Jo Rivera · Account Executive');
      // A placement is a hire: one finalist left in the final stage, but nobody left it, so no backfill yet.
      await expect.poll(() => coverage.textContent()).toContain('1 / 2');

      // The client declines Fay, a finalist: the final stage is short, with Eli to fill it.
      await recordClientAnswer(
        deps,
        org,
        fay.id,
        { answer: 'decline', reason: 'Wants more logistics experience', channel: 'phone' },
        actor,
      );
      await page.reload();
      await page.waitForSelector('h1:has-text("Desk")');
      await expect.poll(() => coverage.textContent()).toContain('Short · 0 / 2');
      await expect.poll(() => coverage.textContent()).toContain('Eli Earlier (submitted)');
      const today = page.locator('section[aria-labelledby="desk-today"]');
      await expect
        .poll(() => today.textContent())
        .toContain('Backfill: bring a candidate into the final stage');
      await expect.poll(() => today.textContent()).toContain('Check in with Jo Rivera');
      expect(await seriousViolations(page)).toEqual([]);
      await context.close();
    },
  );
});
