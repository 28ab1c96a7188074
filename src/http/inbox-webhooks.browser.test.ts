import { mkdir } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import { createHttpSender } from '../net/webhook-sender.ts';
import { setMemberPassword } from '../services/auth.service.ts';
import { listInboxPage, receiveEmail } from '../services/inbound-mail.service.ts';
import { dispatchDueDeliveries } from '../services/webhook.service.ts';
import { buildInterviewScenario } from '../../test/support/factories.ts';
import { fitsAPhone, seriousViolations, signIn, WALK_TIMEOUT_MS } from '../../test/support/browser.ts';
import { startBrowserApp, type BrowserApp } from '../../test/support/browser-app.ts';
import { buildUnassignedMail, rawMail } from '../../test/support/inbound.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../../test/support/webhook-receiver.ts';

const PASSWORD = 'inbox and webhooks passphrase 1';
const identity = { from: { name: 'Hearback', address: 'hb@localhost' }, domain: 'localhost' };
const limits = { maxBytes: 1_000_000, maxAttachments: 5 };
const DESKTOP = { width: 1200, height: 900 };

/**
 * The inbox and webhooks in real Chromium: an admin registers a webhook (its secret shown once),
 * assigns a candidate's unmatched mail to their application from the Inbox (the mail's text shown
 * as text), dismisses another after a confirmation, and replays the `candidate.replied` delivery
 * from the delivery log to a real receiver.
 */
describe('the inbox and webhooks in a browser', () => {
  let db: Db;
  let running: BrowserApp;
  let browser: Browser;
  let receiver: WebhookReceiver;
  let base: string;
  const clock = new ManualClock('2026-12-01T15:00:00Z');

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    running = await startBrowserApp({
      clock,
      identity,
      inboundLimits: limits,
      // The receiver listens on loopback, which endpoints may not target in production.
      webhooks: { allowPrivateTargets: true },
    });
    ({ db, browser, base } = running);
  }, WALK_TIMEOUT_MS);
  afterAll(async () => {
    await running?.stop();
    await receiver?.close();
  });

  it(
    'registers a webhook seeing its secret once, assigns an unmatched mail, and replays the delivery',
    { timeout: WALK_TIMEOUT_MS },
    async () => {
      const deps = { db, clock, identity, publicUrl: base, limits };
      const s = await buildInterviewScenario(deps);
      const org = s.organization.id;
      await setMemberPassword(deps, org, s.admin.id, PASSWORD);

      const context = await browser.newContext({ viewport: DESKTOP });
      const page = await context.newPage();
      page.on('dialog', (d) => void d.dismiss());
      await signIn(page, base, s.admin.email, PASSWORD);

      // The inbox, empty, says what it is for.
      await page.getByRole('link', { name: 'Inbox' }).click();
      await page.getByText('Nothing waiting. When a candidate writes in').waitFor();

      // Settings → Webhooks: register an endpoint for replies; the secret is shown once.
      await page.getByRole('link', { name: 'Settings' }).click();
      const hooks = page.locator('section[aria-labelledby="h-webhooks"]');
      await hooks.getByText('No endpoints yet.').waitFor();
      const form = page.getByRole('form', { name: 'Register an endpoint' });
      await form.getByLabel('URL (https://…)').fill(receiver.url);
      await form.getByLabel('Description (optional)').fill('ATS sync');
      // Without an event the form refuses and keeps the URL.
      await form.getByRole('button', { name: 'Register the endpoint' }).click();
      await hooks.getByText('Pick at least one event to send.').waitFor();
      await expect.poll(() => form.getByLabel('URL (https://…)').inputValue()).toBe(receiver.url);
      await form.getByLabel('Candidate replied').check();
      await form.getByRole('button', { name: 'Register the endpoint' }).click();
      const secretRegion = page.getByRole('region', { name: `Signing secret for ${receiver.url}` });
      const secret = await secretRegion.getByLabel('Secret').inputValue();
      expect(secret).toMatch(/^whsec_/);
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('h-webhook-secret');
      await expect.poll(() => hooks.textContent()).toContain('events: Candidate replied');
      expect(await seriousViolations(page)).toEqual([]);
      await secretRegion.getByRole('button', { name: 'I have stored it' }).click();
      await page.reload();
      await hooks.getByText('ATS sync').waitFor();
      // Once: neither the list nor a reload shows the secret again.
      expect(await page.content()).not.toContain(secret);

      // Two mails from the candidate that answer no thread; one carries markup, to be shown as text.
      await buildUnassignedMail(deps, s.candidate.email!, 'About the panel');
      const markup = await receiveEmail(
        deps,
        rawMail({
          from: s.candidate.email!,
          to: 'replies@example.com',
          subject: 'Newsletter',
          text: '<b>Big news</b> <img src=x onerror="document.title=1">',
        }),
        { source: 'api', envelopeFrom: s.candidate.email!, envelopeTo: [] },
      );
      expect(markup.outcome).toBe('unassigned');

      await page.getByRole('link', { name: 'Inbox' }).click();
      const question = page.getByRole('article', { name: 'About the panel' });
      await question.getByText('Is the role still open?').waitFor();
      await expect.poll(() => question.textContent()).toContain(`From ${s.candidate.email}`);
      const newsletter = page.getByRole('article', { name: 'Newsletter' });
      await expect
        .poll(() => newsletter.locator('.mail-text').textContent())
        .toBe('<b>Big news</b> <img src=x onerror="document.title=1">');
      expect(await newsletter.locator('.mail-text b, .mail-text img').count()).toBe(0);
      expect(await seriousViolations(page)).toEqual([]);
      await mkdir('docs/screens', { recursive: true });
      await page.screenshot({ path: 'docs/screens/inbox.png', fullPage: true });
      await fitsAPhone(page, DESKTOP);

      // Assign: the sender is looked up by their address; their one application is chosen.
      await question.getByRole('button', { name: 'Assign to an application' }).click();
      await question.getByRole('radio', { name: /Casey Candidate/ }).check();
      const application = question.getByRole('radio', { name: /Account Executive/ });
      await application.waitFor();
      await expect.poll(() => application.isChecked()).toBe(true);
      expect(await seriousViolations(page)).toEqual([]);
      await question.getByRole('button', { name: 'Assign', exact: true }).click();
      await page
        .getByText('Assigned to Casey Candidate · Account Executive: recorded as their reply')
        .waitFor();
      expect(await question.count()).toBe(0);
      const processed = await listInboxPage(deps, org, { status: 'processed', limit: 10 });
      expect(processed.items.map((m) => [m.subject, m.applicationId])).toEqual([
        ['About the panel', s.application.id],
      ]);

      // Dismiss asks first; keeping it changes nothing.
      await newsletter.getByRole('button', { name: 'Dismiss' }).click();
      await newsletter.getByRole('button', { name: 'Keep it' }).click();
      await newsletter.getByRole('button', { name: 'Dismiss' }).click();
      await newsletter.getByRole('button', { name: 'Yes, dismiss' }).click();
      await page.getByText('Nothing waiting.').waitFor();
      const dismissed = await listInboxPage(deps, org, { status: 'dismissed', limit: 10 });
      expect(dismissed.items.map((m) => m.subject)).toEqual(['Newsletter']);

      // The reply went out as a signed candidate.replied delivery; the log shows it and replays it.
      const sender = createHttpSender({ allowPrivate: true, timeoutMs: 5000 });
      const dispatch = () =>
        dispatchDueDeliveries(
          { db, clock, sender, identity, appUrl: base },
          { batchSize: 10, leaseMs: 60_000, maxAttempts: 5 },
        );
      await dispatch();
      const replied = receiver.received.filter((r) => r.headers['hearback-event'] === 'candidate.replied');
      expect(replied).toHaveLength(1);
      await page.getByRole('link', { name: 'Settings' }).click();
      await hooks.getByRole('button', { name: 'Deliveries' }).click();
      const log = hooks.getByRole('table', { name: `Deliveries to ${receiver.url}, newest first` });
      await expect
        .poll(() => log.locator('tbody tr').first().textContent())
        .toMatch(/candidate\.replied.*delivered.*200/);
      await log.getByRole('button', { name: /^Replay candidate\.replied/ }).click();
      await hooks.getByText('Replaying candidate.replied').waitFor();
      // The log reloads after the notice: wait for the replay's row rather than count too early.
      await log.locator('tbody tr').nth(1).waitFor();
      await expect.poll(() => log.locator('tbody tr').count()).toBe(2);
      await dispatch();
      const again = receiver.received.filter((r) => r.headers['hearback-event'] === 'candidate.replied');
      expect(again.map((r) => r.headers['hearback-event-id'])).toEqual([
        replied[0]!.headers['hearback-event-id'],
        replied[0]!.headers['hearback-event-id'],
      ]);
      expect(await seriousViolations(page)).toEqual([]);
      await hooks.screenshot({ path: 'docs/screens/webhooks.png' });
      await fitsAPhone(page, DESKTOP);

      // Disable, then remove after a confirmation.
      await hooks.getByRole('button', { name: 'Disable' }).click();
      await hooks.getByText(`Disabled ${receiver.url}: nothing is sent to it.`).waitFor();
      await hooks.getByRole('button', { name: 'Remove' }).click();
      await hooks.getByRole('button', { name: 'Yes, remove it' }).click();
      await hooks.getByText('No endpoints yet.').waitFor();
      await context.close();
    },
  );
});
