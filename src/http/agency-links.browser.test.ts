import { mkdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import { createDevMailboxTransport } from '../mail/dev-mailbox.transport.ts';
import {
  createClient,
  createClientContact,
  createJobOrder,
  createSubmission,
} from '../services/agency.service.ts';
import { dispatchDueMessages } from '../services/outbox.service.ts';
import { buildAgencyRecruiter, buildCandidate } from '../../test/support/factories.ts';
import { seriousViolations, WALK_TIMEOUT_MS } from '../../test/support/browser.ts';
import { useBrowserApp } from '../../test/support/browser-app.ts';

const PASSWORD = 'agency links passphrase 1';
const identity = { from: { name: 'Hearback', address: 'hb@localhost' }, domain: 'localhost' };

/**
 * The last legs of the agency recruiter's day in real Chromium: the recruiter records "more time"
 * from the desk (a refused date keeps what was typed) and withdraws a submission's links; the
 * client opens the link from the delivered submission email on a phone, answers "interview" with a
 * day, and the recruiter's desk then shows "tell the candidate", due within one business day; a
 * second submission of the candidate to the client is refused with the earlier one named.
 * Saves docs/screens/client-answer.png.
 */
describe('the client answer link in a browser', () => {
  const clock = new ManualClock('2026-12-01T15:00:00Z'); // Tuesday, 10:00 in New York
  const running = useBrowserApp({ clock, identity });

  it(
    'lets the client answer through their link and puts "tell the candidate" on the desk',
    { timeout: WALK_TIMEOUT_MS },
    async () => {
      const { db, browser, base } = running;
      const deps = { db, clock, identity, publicUrl: base };
      const { org, recruiter } = await buildAgencyRecruiter(deps, PASSWORD);
      const client = await createClient(deps, org, { name: 'Northwind', feedbackDaysAfterSubmission: 2 });
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
      const submit = async (name: string, pitch: string) => {
        const candidate = await buildCandidate(deps, org, { name });
        return createSubmission(
          deps,
          org,
          { jobId: job.id, candidateId: candidate.id, pitch },
          { memberId: recruiter.id },
        );
      };
      const jo = await submit('Jo Rivera', 'Closed the two largest accounts in her region last year.');
      const sam = await submit('Sam Okafor', 'Rebuilt a stalled territory in two quarters.');
      await dispatchDueMessages(
        { db, clock, transport: createDevMailboxTransport(db, clock), identity },
        { batchSize: 50, leaseMs: 60_000, maxAttempts: 3, onlyOrgId: org },
      );
      /** The link as delivered: the dev mailbox row of the submission email about `name`. */
      const linkFor = async (name: string, answer: string) => {
        const [mail] = await db.query<{ body_text: string }>(
          `SELECT body_text FROM dev_mailbox WHERE org_id = $1 AND subject LIKE $2`,
          [org, `${name} for Account Executive%`],
        );
        const url = new RegExp(`${base}/c/[A-Za-z0-9_-]{43}\\?answer=${answer}`).exec(mail!.body_text)?.[0];
        expect(url).toBeDefined();
        return url!;
      };
      const joLink = await linkFor('Jo Rivera', 'interview');
      const samLink = await linkFor('Sam Okafor', 'decline');

      // The recruiter: Sam's client asked for more time on the phone.
      const desk = await browser.newContext({ viewport: { width: 1200, height: 900 } });
      const page = await desk.newPage();
      await page.goto(base);
      await page.fill('#email', recruiter.email);
      await page.fill('#password', PASSWORD);
      await page.click('button[type=submit]');
      await page.waitForSelector('h1:has-text("Follow-ups")');
      await page.getByRole('link', { name: 'Desk' }).click();
      await page.waitForSelector('h1:has-text("Desk")');
      const waiting = page.locator('section[aria-labelledby="desk-waiting"]');
      const samRow = waiting.locator('tr', { hasText: 'Sam Okafor' });
      await samRow.getByRole('button', { name: 'Client needs more time…' }).click();
      const moreTime = page.getByRole('form', { name: 'More time for Northwind' });
      await moreTime.getByLabel('Dana Cole will answer by').fill('2026-11-20');
      await moreTime.getByLabel('Note (optional)').fill('Budget review first');
      await moreTime.getByRole('button', { name: 'Record more time' }).click();
      await expect.poll(() => moreTime.textContent()).toContain('The new date must be in the future.');
      // Refused: what was typed is still there.
      expect(await moreTime.getByLabel('Dana Cole will answer by').inputValue()).toBe('2026-11-20');
      expect(await moreTime.getByLabel('Note (optional)').inputValue()).toBe('Budget review first');
      await moreTime.getByLabel('Dana Cole will answer by').fill('2026-12-09');
      await moreTime.getByRole('button', { name: 'Record more time' }).click();
      await page.getByText('Recorded: Northwind answers by 2026-12-09.').waitFor();
      const [samNext] = await db.query<{ due_at: Date }>(
        `SELECT due_at FROM follow_ups WHERE submission_id = $1 AND kind = 'client_feedback' AND status = 'open'`,
        [sam.submission.id],
      );
      expect(samNext!.due_at.toISOString()).toBe('2026-12-09T23:00:00.000Z'); // 17:00 in Chicago

      // Sam's email went to a wrong address: withdraw its links (asked first).
      await samRow.getByRole('button', { name: 'Withdraw client links…' }).click();
      await samRow.getByRole('button', { name: 'Withdraw', exact: true }).click();
      await page.getByText('Withdrew 1 answer link sent to Dana Cole.').waitFor();
      expect(await seriousViolations(page)).toEqual([]);

      // The client, on a phone, from the email.
      const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
      const client1 = await phone.newPage();
      await client1.goto(samLink);
      await expect.poll(() => client1.textContent('h1')).toBe('This link was withdrawn');
      await client1.goto(joLink);
      await expect.poll(() => client1.textContent('h1')).toBe('Jo Rivera for Account Executive');
      const body = await client1.textContent('body');
      expect(body).toContain('Closed the two largest accounts');
      expect(body).toContain('Thursday 3 December');
      expect(body).not.toContain('Sam Okafor');
      expect(await client1.isChecked('input[value="interview"]')).toBe(true);
      await client1.fill('#answer-date', '2026-12-08');
      await client1.fill('#answer-reason', 'Tuesday morning suits us.');
      expect(await seriousViolations(client1)).toEqual([]);
      await mkdir('docs/screens', { recursive: true });
      await client1.screenshot({ path: 'docs/screens/client-answer.png', fullPage: true });
      await client1.getByRole('button', { name: 'Send my answer' }).click();
      await expect.poll(() => client1.textContent('h1')).toBe('Thank you — your answer is recorded');
      expect(await seriousViolations(client1)).toEqual([]);
      await phone.close();

      // The recruiter's desk: tell Jo, within one business day.
      await page.reload();
      await page.waitForSelector('h1:has-text("Desk")');
      const today = page.locator('section[aria-labelledby="desk-today"]');
      const tell = today.locator('tr', { hasText: "Update Jo Rivera: the client's answer" });
      await tell.waitFor();
      await expect.poll(() => tell.textContent()).toMatch(/due in \d+ hours?/);
      // Close of the next business day in New York: Wednesday 2 December, 17:00.
      expect(await tell.locator('time').getAttribute('datetime')).toBe('2026-12-02T22:00:00.000Z');
      const [feedback] = await db.query<{ status: string }>(`SELECT status FROM follow_ups WHERE id = $1`, [
        jo.feedbackFollowUp.id,
      ]);
      expect(feedback!.status).toBe('done');

      // Jo is told, from the desk: the contact sets the next one, and the update is done.
      await tell.getByRole('button', { name: 'Log contact with Jo Rivera' }).click();
      const joContact = page.getByRole('form', { name: 'Contact with Jo Rivera' });
      await joContact
        .getByLabel('What you told them')
        .fill('Northwind wants to interview you; they will call.');
      // No next contact and no reason: the browser refuses, and what was typed stays.
      await joContact.getByRole('button', { name: 'Log the contact' }).click();
      expect(await joContact.getByLabel('What you told them').inputValue()).toBe(
        'Northwind wants to interview you; they will call.',
      );
      await joContact.getByLabel('Date').fill('2026-12-04');
      await joContact.getByRole('button', { name: 'Log the contact' }).click();
      await expect
        .poll(() => page.getByRole('status').first().textContent())
        .toContain('Contact with Jo Rivera logged: done.');
      await expect
        .poll(() => tell.locator('time').getAttribute('datetime'))
        .not.toBe('2026-12-02T22:00:00.000Z');
      const [told] = await db.query<{ status: string }>(
        `SELECT status FROM follow_ups WHERE kind = 'update' AND due_at = '2026-12-02T22:00:00Z'
            AND application_id = (SELECT application_id FROM follow_ups WHERE id = $1)`,
        [jo.feedbackFollowUp.id],
      );
      expect(told!.status).toBe('done');

      // Submitting Jo to Northwind again, inside its ownership window: refused, the earlier one named.
      const submitForm = page.locator('section[aria-labelledby="desk-submit"]');
      await submitForm.getByLabel('Candidate', { exact: true }).selectOption({ label: 'Jo Rivera' });
      await submitForm.getByLabel('Pitch (why this candidate)').fill('Now also runs channel partners.');
      await submitForm.getByLabel('The candidate agreed to be sent to this client').check();
      await submitForm.getByRole('button', { name: 'Submit candidate' }).click();
      await expect
        .poll(() => submitForm.textContent())
        .toContain('Jo Rivera was already submitted to Northwind on 1 December 2026 by Rita Recruiter');
      expect(await submitForm.getByLabel('Pitch (why this candidate)').inputValue()).toBe(
        'Now also runs channel partners.',
      );
      await desk.close();
    },
  );
});
