import { mkdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import { createApplication } from '../services/application.service.ts';
import { setMemberPassword } from '../services/auth.service.ts';
import { recordDecision } from '../services/decision.service.ts';
import { closeInterview, createInterview } from '../services/interview.service.ts';
import { useBrowserApp } from '../../test/support/browser-app.ts';
import { buildCandidate, buildInterviewScenario } from '../../test/support/factories.ts';
import { seriousViolations, signIn, WALK_TIMEOUT_MS } from '../../test/support/browser.ts';

const PASSWORD = 'queue truth passphrase 1';
const identity = { from: { name: 'Hearback', address: 'hb@localhost' }, domain: 'localhost' };

/**
 * Issue 13, "every screen states its truth", in real Chromium: each row of the Follow-ups queue
 * names its owner, says how far the due time is in words (the server's clock), gives the due time
 * in the member's zone and the candidate's, the next automatic step by name, and marks an outcome
 * decided but not yet told. Saves docs/screens/follow-ups-truth.png.
 */
describe('the follow-up queue states its truth in a browser', () => {
  // Monday 30 November 2026, 10:00 in New York.
  const clock = new ManualClock('2026-11-30T15:00:00Z');
  const running = useBrowserApp({ clock, identity });

  it(
    'shows owner, due in words, both zones, the next step and Decided, not told',
    { timeout: WALK_TIMEOUT_MS },
    async () => {
      const { db, browser, base } = running;
      const deps = { db, clock };
      const s = await buildInterviewScenario(deps, {
        policy: { timeZone: 'America/New_York' },
        interviewEndsAt: new Date('2026-11-30T14:00:00Z'),
      });
      const orgId = s.organization.id;
      await setMemberPassword(deps, orgId, s.admin.id, PASSWORD);
      // Casey, in Berlin, was promised Friday; the hiring manager has since decided.
      await db
        .tenant(orgId)
        .transaction((tx) =>
          tx.query(`UPDATE candidates SET time_zone = 'Europe/Berlin' WHERE org_id = $1 AND id = $2`, [
            orgId,
            s.candidate.id,
          ]),
        );
      await closeInterview(deps, orgId, s.interview.id, { statement: "We'll let you know by Friday." });
      // Tuesday 09:00 in New York, 15:00 in Berlin.
      clock.set('2026-12-01T14:00:00Z');
      await recordDecision(
        deps,
        orgId,
        s.application.id,
        { outcome: 'reject', reasons: ['We need deeper enterprise experience'] },
        { memberId: s.manager.id },
      );
      // Jordan, in New York, was promised Wednesday; nothing decided yet.
      const jordan = await buildCandidate(deps, orgId, { name: 'Jordan Lee' });
      const application = await createApplication(deps, orgId, { jobId: s.job.id, candidateId: jordan.id });
      const interview = await createInterview(deps, orgId, {
        applicationId: application.id,
        title: 'Panel',
        endsAt: new Date('2026-11-30T14:00:00Z'),
      });
      await closeInterview(deps, orgId, interview.id, { statement: 'You will hear from us by Wednesday.' });

      const context = await browser.newContext({
        viewport: { width: 1200, height: 900 },
        timezoneId: 'America/New_York',
      });
      const page = await context.newPage();
      await signIn(page, base, s.admin.email, PASSWORD);

      // Each application's outcome card (the scorecards and decide-by owed inside the team have their own).
      const casey = page
        .getByRole('article', { name: `${s.candidate.name}, ${s.job.title}` })
        .filter({ hasText: 'Outcome' });
      await casey.waitFor();
      const caseyText = (await casey.textContent()) ?? '';
      expect(caseyText).toContain('Decided, not told');
      // Pulled forward to the close of Tuesday in Berlin (17:00 CET = 11:00 in New York): two hours away.
      expect(caseyText).toContain('due in 2 hours');
      expect(caseyText).toContain('owner Riley Recruiter');
      expect(caseyText).toContain('(candidate’s time)');
      expect(caseyText).toContain('the candidate was promised');
      expect(caseyText).toMatch(/Next: Reminder to Riley Recruiter/);

      const jordanRow = page
        .getByRole('article', { name: `Jordan Lee, ${s.job.title}` })
        .filter({ hasText: 'Outcome' });
      const jordanText = (await jordanRow.textContent()) ?? '';
      expect(jordanText).not.toContain('Decided, not told');
      expect(jordanText).toMatch(/due in \d+ hours/);
      expect(jordanText).toMatch(/Next: Reminder to Riley Recruiter/);
      expect(await seriousViolations(page)).toEqual([]);

      await mkdir('docs/screens', { recursive: true });
      await page.screenshot({ path: 'docs/screens/follow-ups-truth.png', fullPage: true });

      // The application's "Still owed" list states the same.
      await casey.getByRole('link', { name: `Open ${s.candidate.name}` }).click();
      const owed = page.locator('h2:has-text("Still owed") + ul li').filter({ hasText: 'The outcome' });
      await owed.getByText('Decided, not told').waitFor();
      await expect.poll(() => owed.textContent()).toMatch(/Next: Reminder to Riley Recruiter/);
      await context.close();
    },
  );
});
