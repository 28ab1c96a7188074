import { readFile, mkdir } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import { createDevMailboxTransport } from '../mail/dev-mailbox.transport.ts';
import { createStatusLink } from '../services/candidate-links.ts';
import { changeCandidate } from '../services/candidate.service.ts';
import { closeInterview } from '../services/interview.service.ts';
import { sendMessage } from '../services/message.service.ts';
import { dispatchDueMessages } from '../services/outbox.service.ts';
import { openTestDb } from '../../test/support/db.ts';
import { buildInterviewScenario, buildRejectionDraft } from '../../test/support/factories.ts';
import { freePort, launchChromium, seriousViolations, WALK_TIMEOUT_MS } from '../../test/support/browser.ts';
import { buildApp } from './app.ts';

const identity = { from: { name: 'Acme Hiring', address: 'jobs@acme.test' }, domain: 'acme.test' };

/**
 * A candidate's whole journey in real Chromium, on a phone-sized screen: open the emailed link,
 * see the promise, send a thank-you, be told it is too early to check in, check in after the grace
 * period, receive the outcome, rate the experience, erase their data — and then no table holds
 * their email or phone number any more.
 */
describe('the candidate status page in a browser', () => {
  let db: Db;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;
  const clock = new ManualClock('2026-12-01T15:00:00Z'); // Tuesday, 10:00 in New York

  beforeAll(async () => {
    db = await openTestDb('pglite');
    const port = await freePort();
    base = `http://localhost:${port}`;
    app = await buildApp({ db, clock, identity, publicUrl: base });
    await app.listen({ port, host: '127.0.0.1' });
    browser = await launchChromium();
    await mkdir('test-results', { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await db?.close();
  });

  it('walks a candidate from the link to erasure', { timeout: WALK_TIMEOUT_MS }, async () => {
    const deps = { db, clock, identity, publicUrl: base };
    const s = await buildInterviewScenario(deps, {
      policy: { timeZone: 'America/New_York', holidays: { country: 'US' } },
    });
    const org = s.organization.id;
    await changeCandidate(deps, org, s.candidate.id, {
      phone: '+1 212 555 0199',
      timeZone: 'America/New_York',
    });
    await closeInterview(deps, org, s.interview.id, {
      statement: "We'll get back to you within three business days.",
    });
    const url = await db
      .tenant(org)
      .transaction((tx) => createStatusLink(tx, base, org, s.application.id, clock.now()));

    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(url);
    expect(new URL(page.url()).pathname).toBe('/s'); // the token is gone from the address bar
    await expect
      .poll(() => page.textContent('body'))
      .toContain('We promised to contact you by Friday 4 December');
    await expect.poll(() => page.textContent('body')).toContain('hours left');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/candidate-page-promise.png', fullPage: true });

    await page.fill(
      '#thank-you-text',
      'Thank you for the conversation about onboarding; I would love to help simplify it.',
    );
    await page.click('section[aria-labelledby="h-thanks"] button');
    await expect.poll(() => page.textContent('[role=status]')).toContain('thank-you note was sent');
    await expect
      .poll(() => page.textContent('section[aria-labelledby="h-checkin"]'))
      .toContain('You can check in from');

    clock.set('2026-12-10T15:00:00Z'); // past Friday's promise plus 3 business days
    // A candidate session lasts at most 7 days (issue #14): nine days on, they open their link again.
    await page.goto(url);
    await expect.poll(() => page.textContent('body')).toContain('We are late, and we are sorry');
    await page.fill('#check-in-text', 'Hello, I wanted to ask whether there is any news on the role.');
    await page.click('section[aria-labelledby="h-checkin"] button');
    await expect.poll(() => page.textContent('[role=status]')).toContain('The team will answer');

    // The team decides and tells the candidate.
    const { draft } = await buildRejectionDraft(deps, s, {
      reasons: ['We need deeper experience running enterprise onboarding programmes'],
      recommendation: 'Leading one onboarding programme end to end would make a strong application.',
    });
    await sendMessage(deps, org, draft.id, {}, { memberId: s.recruiter.id });
    clock.advance(15 * 60_000);
    await dispatchDueMessages(
      { db, clock, transport: createDevMailboxTransport(db, clock), identity },
      { batchSize: 10, leaseMs: 60_000, maxAttempts: 3 },
    );

    // The rejection email carries a fresh status link (minted at delivery; it supersedes the old
    // one): the candidate opens it from their mail, as they would.
    // (The written promise from the close went in the same pass, with a link of its own.)
    const [mail] = await db.query<{ body_text: string }>(
      `SELECT body_text FROM dev_mailbox WHERE org_id = $1 AND lower(envelope_to) = lower($2)
          AND subject LIKE 'Your application for%'`,
      [org, s.candidate.email],
    );
    const emailed = /(https?:\/\/\S+\/s\/[A-Za-z0-9_-]{43})/.exec(mail!.body_text)![1]!;
    await page.goto(emailed);
    await expect.poll(() => page.textContent('body')).toContain('Your application for Account Executive');
    await page.check('input[name=rating][value="4"]');
    await page.fill('#rating-comment', 'Clear and kind, if a little late.');
    await page.click('section[aria-labelledby="h-rating"] button');
    await expect.poll(() => page.textContent('[role=status]')).toContain('Thank you for rating');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/candidate-page-outcome.png', fullPage: true });

    const download = page.waitForEvent('download');
    await page.click('a[href="/s/export.json"]');
    const file = await (await download).path();
    const exported = JSON.parse(await readFile(file, 'utf8')) as {
      candidate: { email: string };
      messagesSentToYou: unknown[];
    };
    expect(exported.candidate.email).toBe(s.candidate.email);
    expect(JSON.stringify(exported)).not.toContain('enterprise onboarding programmes"'); // reasons only as sent, never raw
    expect(exported.messagesSentToYou.length).toBe(2); // the written promise, then the rejection

    await page.click('section[aria-labelledby="h-settings"] button.danger');
    await expect.poll(() => page.textContent('h1')).toContain('Erase your data?'); // it asks first
    await page.screenshot({ path: 'docs/screens/candidate-page-erase-confirm.png', fullPage: true });
    await page.click('button:has-text("Yes, erase my data")');
    await expect.poll(() => page.textContent('h1')).toContain('Your data was erased');
    await page.goto(`${base}/s`);
    await expect.poll(() => page.textContent('h1')).toContain('This link does not work');
    await context.close();

    // Nothing anywhere still holds the email address or the phone number.
    const columns = await db.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = 'public' AND data_type IN ('text', 'jsonb', 'character varying', 'ARRAY')`,
    );
    const hits: string[] = [];
    for (const { table_name, column_name } of columns) {
      for (const needle of [s.candidate.email!, '555 0199']) {
        const [row] = await db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM "${table_name}" WHERE "${column_name}"::text ILIKE $1`,
          [`%${needle}%`],
        );
        if (row!.n > 0) hits.push(`${table_name}.${column_name} holds ${needle}`);
      }
    }
    expect(hits).toEqual([]);
  });
});
