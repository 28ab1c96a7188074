import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import { setMemberPassword } from '../services/auth.service.ts';
import {
  createClient,
  createClientContact,
  createJobOrder,
  createSubmission,
  recordClientAnswer,
} from '../services/agency.service.ts';
import { buildCandidate, buildOrganization } from '../../test/support/factories.ts';
import { seriousViolations, WALK_TIMEOUT_MS } from '../../test/support/browser.ts';
import { useBrowserApp } from '../../test/support/browser-app.ts';

const PASSWORD = 'agency report passphrase 1';
const identity = { from: { name: 'Hearback', address: 'hb@localhost' }, domain: 'localhost' };

/**
 * The agency section of Reports in real Chromium: a client that answered within its deadline shows
 * its median time to feedback and 100% within the deadline, and its CSV downloads.
 */
describe('the agency report in a browser', () => {
  const clock = new ManualClock('2026-12-01T15:00:00Z');
  const running = useBrowserApp({ clock, identity });

  it(
    'shows each client’s responsiveness and funnel, with a CSV download',
    { timeout: WALK_TIMEOUT_MS },
    async () => {
      const { db, browser, base } = running;
      const deps = { db, clock, identity };
      const { organization, admin } = await buildOrganization(deps, {
        policy: { timeZone: 'America/New_York', holidays: null },
      });
      const org = organization.id;
      await setMemberPassword(deps, org, admin.id, PASSWORD);
      const client = await createClient(deps, org, { name: 'Juniper Mills', feedbackDaysAfterSubmission: 2 });
      const contact = await createClientContact(deps, org, client.id, { name: 'Ivy Stone' });
      const job = await createJobOrder(deps, org, client.id, {
        title: 'Plant Manager',
        roleKind: 'other',
        hiringAuthorityId: contact.id,
      });
      const candidate = await buildCandidate(deps, org, { name: 'Kai Moreno' });
      const { submission } = await createSubmission(
        deps,
        org,
        { jobId: job.id, candidateId: candidate.id, pitch: 'Ran two plants.' },
        { memberId: admin.id },
      );
      clock.set('2026-12-02T03:00:00Z'); // twelve hours on
      await recordClientAnswer(
        deps,
        org,
        submission.id,
        { answer: 'interview', channel: 'phone' },
        { memberId: admin.id },
      );
      clock.set('2026-12-02T15:00:00Z');

      const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
      const page = await context.newPage();
      await page.goto(base);
      await page.fill('#email', admin.email);
      await page.fill('#password', PASSWORD);
      await page.click('button[type=submit]');
      await page.waitForSelector('h1:has-text("Follow-ups")');
      await page.goto(`${base}/#/reports`);
      const section = page.locator('section[aria-labelledby="agency-report"]');
      await section.waitFor();
      const row = section.locator('section[aria-labelledby="agency-by-client"] tbody tr', {
        hasText: 'Juniper Mills',
      });
      await expect.poll(() => row.textContent()).toContain('12 h');
      await expect.poll(() => row.textContent()).toContain('100% (1 of 1)');
      await expect.poll(() => row.textContent()).toContain('1 → 1 (100%) → 0 (0%)');
      await expect
        .poll(() => section.locator('section[aria-labelledby="agency-by-contact"]').textContent())
        .toContain('Ivy Stone (Juniper Mills)');
      expect(await seriousViolations(page)).toEqual([]);

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        section.getByRole('link', { name: 'Download by client (CSV)' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('hearback-agency-client.csv');
      await context.close();
    },
  );
});
