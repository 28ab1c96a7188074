import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import { changeApplication } from '../services/application.service.ts';
import { setMemberPassword } from '../services/auth.service.ts';
import { createStatusLink } from '../services/candidate-links.ts';
import { buildInterviewScenario } from '../../test/support/factories.ts';
import { seriousViolations, signIn, WALK_TIMEOUT_MS } from '../../test/support/browser.ts';
import { useBrowserApp } from '../../test/support/browser-app.ts';

const PASSWORD = 'scorecard passphrase 1';

/**
 * An interviewer's scorecard in the real web app, in real Chromium: saved, the page reloaded, the
 * form opens with what they saved, and saving again adds a version instead of overwriting.
 */
describe('feedback in the web app, in a browser', () => {
  const clock = new ManualClock('2026-12-07T15:00:00Z'); // Monday
  const running = useBrowserApp({ clock });

  it(
    'opens with the saved scorecard after a reload and saves the edit as a new version',
    { timeout: WALK_TIMEOUT_MS },
    async () => {
      const { db, browser, base } = running;
      const deps = { db, clock };
      const s = await buildInterviewScenario(deps); // the hiring manager interviews
      const org = s.organization.id;
      await setMemberPassword(deps, org, s.manager.id, PASSWORD);
      const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1200, height: 900 } });
      const page = await context.newPage();
      await signIn(page, base, s.manager.email, PASSWORD);

      const form = `form[aria-labelledby="fb-${s.interview.id}-h"]`;
      await page.goto(`${base}/#/applications/${s.application.id}`);
      await page.waitForSelector(`${form} :text("Not submitted yet.")`);
      await page.selectOption(`#fb-${s.interview.id}-rec`, 'strong_yes');
      await page.fill(`#fb-${s.interview.id}-communication`, '5');
      await page.fill(`#fb-${s.interview.id}-notes`, 'Walked through the territory plan with real numbers.');
      await page.click(`${form} button[type=submit]`);
      await page.waitForSelector(`${form} [role=status]:has-text("Feedback submitted.")`);

      // Reopen the form from scratch: it shows what was saved, not an empty scorecard.
      await page.reload();
      await page.waitForSelector(`${form} :text("(version 1)")`);
      expect(await page.inputValue(`#fb-${s.interview.id}-rec`)).toBe('strong_yes');
      expect(await page.inputValue(`#fb-${s.interview.id}-communication`)).toBe('5');
      expect(await page.inputValue(`#fb-${s.interview.id}-notes`)).toBe(
        'Walked through the territory plan with real numbers.',
      );
      expect(await seriousViolations(page)).toEqual([]);

      // Editing saves version 2; version 1 is kept.
      clock.advance(60_000);
      await page.fill(`#fb-${s.interview.id}-notes`, 'Territory plan with real numbers; weaker on pricing.');
      await page.click(`${form} button[type=submit]:has-text("Submit a new version")`);
      await page.waitForSelector(`${form} [role=status]:has-text("version 2")`);
      const versions = await page.evaluate(
        async ([interviewId, memberId]) => {
          const res = await fetch(`/api/v1/interviews/${interviewId}/feedback/${memberId}/versions`);
          return ((await res.json()) as { items: { version: number; notes: string }[] }).items;
        },
        [s.interview.id, s.manager.id] as const,
      );
      expect(versions.map((v) => [v.version, v.notes])).toEqual([
        [2, 'Territory plan with real numbers; weaker on pricing.'],
        [1, 'Walked through the territory plan with real numbers.'],
      ]);

      // A second tab still showing version 1 cannot overwrite version 2 unseen: the text stays.
      const stale = await context.newPage();
      await stale.goto(`${base}/#/applications/${s.application.id}`);
      await stale.waitForSelector(`${form} :text("(version 2)")`);
      await page.fill(`#fb-${s.interview.id}-notes`, 'Third thoughts.');
      await page.click(`${form} button[type=submit]`);
      await page.waitForSelector(`${form} [role=status]:has-text("version 3")`);
      await stale.fill(`#fb-${s.interview.id}-notes`, 'Typed in the old tab.');
      await stale.click(`${form} button[type=submit]`);
      await stale.waitForSelector(`${form} [role=alert]:has-text("reload it before saving")`);
      expect(await stale.inputValue(`#fb-${s.interview.id}-notes`)).toBe('Typed in the old tab.');
      await context.close();
    },
  );

  it(
    "leads the owner from a candidate's feedback request to answering it",
    { timeout: WALK_TIMEOUT_MS },
    async () => {
      const { db, browser, base } = running;
      const deps = { db, clock };
      const s = await buildInterviewScenario(deps);
      const org = s.organization.id;
      await setMemberPassword(deps, org, s.recruiter.id, PASSWORD);
      await changeApplication(deps, org, s.application.id, { status: 'rejected' });
      const link = await db
        .tenant(org)
        .transaction((tx) => createStatusLink(tx, base, org, s.application.id, clock.now()));

      // The candidate asks on their page.
      const candidate = await browser.newContext({ bypassCSP: true });
      const status = await candidate.newPage();
      await status.goto(link);
      await status.click('button:has-text("Ask for feedback")');
      await status.waitForSelector('text=You asked for feedback; the team will answer.');
      await candidate.close();

      // The recruiter finds it owed, opens it, and the contact form is about that request.
      const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1200, height: 900 } });
      const page = await context.newPage();
      await signIn(page, base, s.recruiter.email, PASSWORD);
      await page.click(`a[aria-label="Answer feedback request: ${s.candidate.name}"]`);
      await page.waitForFunction(() => document.activeElement?.id === 'h-log');
      expect(await page.inputValue('#log-kind')).toBe('feedback_due');
      await page.fill(
        '#log-summary',
        'Walked her through the pricing exercise and what would have been stronger.',
      );
      await page.click('form[aria-labelledby="h-log"] button[type=submit]:has-text("Log it")');
      await page.waitForSelector('form[aria-labelledby="h-log"] [role=status]:has-text("kept")');
      const [owed] = await db.query<{ status: string }>(
        `SELECT status FROM follow_ups WHERE org_id = $1 AND application_id = $2 AND kind = 'feedback_due'`,
        [org, s.application.id],
      );
      expect(owed!.status).toBe('done');
      await context.close();
    },
  );
});
