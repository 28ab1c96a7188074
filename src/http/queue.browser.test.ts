import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import { createApplication } from '../services/application.service.ts';
import { setMemberPassword } from '../services/auth.service.ts';
import { recordDecision } from '../services/decision.service.ts';
import { closeInterview, createInterview } from '../services/interview.service.ts';
import { draftOutcomeMessage } from '../services/message.service.ts';
import { buildCandidate, buildInterviewScenario } from '../../test/support/factories.ts';
import { fitsAPhone, seriousViolations, signIn, WALK_TIMEOUT_MS } from '../../test/support/browser.ts';
import { useBrowserApp } from '../../test/support/browser-app.ts';

const PASSWORD = 'dense queue passphrase 1';
const identity = { from: { name: 'Hearback', address: 'hb@example.test' }, domain: 'example.test' };

/**
 * Issue 17's queue in real Chromium at a laptop's 1366×768: fifteen or more follow-ups on the
 * first screen (measured, not assumed), the keyboard walking and acting on them, filters that live
 * in the URL, and a bulk send of three reviewed outcomes behind one confirmation.
 */
describe('the dense follow-up queue, in a browser', () => {
  const clock = new ManualClock('2026-12-07T15:00:00Z'); // Monday, 10:00 in New York
  const running = useBrowserApp({ clock, identity });

  it(
    'shows fifteen or more at 1366×768, walks them by keyboard, and bulk-sends three reviewed outcomes',
    { timeout: WALK_TIMEOUT_MS },
    async () => {
      const { db, browser, base } = running;
      const deps = { db, clock, identity };
      const s = await buildInterviewScenario(deps, { policy: { timeZone: 'America/New_York' } });
      const org = s.organization.id;
      await setMemberPassword(deps, org, s.recruiter.id, PASSWORD);
      // Twenty interviewed candidates, each promised an answer by Friday: twenty outcomes owed.
      const applications = [s.application];
      await closeInterview(deps, org, s.interview.id, { statement: 'You will hear from us by Friday.' });
      for (let i = 1; i < 20; i++) {
        const candidate = await buildCandidate(deps, org, {
          name: `Candidate ${String(i).padStart(2, '0')}`,
        });
        const application = await createApplication(deps, org, {
          jobId: s.job.id,
          candidateId: candidate.id,
        });
        const interview = await createInterview(deps, org, {
          applicationId: application.id,
          title: 'Panel',
          interviewerIds: [s.manager.id],
        });
        await closeInterview(deps, org, interview.id, { statement: 'You will hear from us by Friday.' });
        applications.push(application);
      }
      // Three decided, their outcome drafted and reviewed: ready to go together.
      const decided = applications.slice(1, 4);
      for (const application of decided) {
        await recordDecision(
          deps,
          org,
          application.id,
          {
            outcome: 'reject',
            reasons: ['We need deeper experience with enterprise deals'],
            recommendation: 'Own a full sales cycle end to end.',
          },
          { memberId: s.manager.id },
        );
        await draftOutcomeMessage(deps, org, { applicationId: application.id }, { memberId: s.recruiter.id });
      }

      const viewport = { width: 1366, height: 768 };
      const context = await browser.newContext({ bypassCSP: true, viewport });
      const page = await context.newPage();
      await signIn(page, base, s.recruiter.email, PASSWORD);
      await page.waitForSelector('h1:has-text("Follow-ups")');
      const rows = page.locator('article.qrow');
      await expect.poll(() => rows.count()).toBe(20);

      // Measured: rows wholly inside the first screen.
      const visible = await page.evaluate(
        () =>
          [...document.querySelectorAll('article.qrow')].filter((el) => {
            const r = el.getBoundingClientRect();
            return r.top >= 0 && r.bottom <= window.innerHeight;
          }).length,
      );
      await page.screenshot({ path: 'docs/screens/queue-1366.png' });
      expect(visible).toBeGreaterThanOrEqual(15);
      expect(await seriousViolations(page)).toEqual([]);

      // The keyboard: the current row moves with j and k, ? shows the shortcuts.
      await rows.first().focus();
      const current = page.locator('article.qrow[aria-current="true"]');
      const first = await rows.first().getAttribute('aria-label');
      await page.keyboard.press('j');
      await expect
        .poll(() => current.getAttribute('aria-label'))
        .toBe(await rows.nth(1).getAttribute('aria-label'));
      await page.keyboard.press('k');
      await expect.poll(() => current.getAttribute('aria-label')).toBe(first);
      await page.keyboard.press('?');
      await expect
        .poll(() => page.getByRole('region', { name: 'Keyboard shortcuts' }).textContent())
        .toContain('select for a bulk action');

      // x selects the current row; the three decided ones by their boxes.
      await page.keyboard.press('x');
      await expect
        .poll(() => page.getByRole('region', { name: 'Bulk actions' }).textContent())
        .toContain('1 selected');
      await page.keyboard.press('x');
      for (const application of decided) {
        const name = (
          await db.query<{ name: string }>(
            `SELECT c.name FROM applications a JOIN candidates c ON c.id = a.candidate_id WHERE a.id = $1`,
            [application.id],
          )
        )[0]!.name;
        await page.getByRole('checkbox', { name: `Select ${name}` }).check();
      }
      const bulk = page.getByRole('region', { name: 'Bulk actions' });
      await bulk.getByRole('button', { name: 'Send reviewed drafts (3)' }).click();
      // One confirmation names who is about to hear.
      await expect.poll(() => bulk.textContent()).toContain('Send 3 reviewed message(s) to');
      await bulk.getByRole('button', { name: 'Yes, send 3' }).click();
      await expect.poll(() => page.getByRole('status').textContent()).toContain('3 message(s) scheduled');
      const scheduled = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM messages WHERE org_id = $1 AND kind = 'outcome' AND status = 'scheduled'`,
        [org],
      );
      expect(scheduled[0]!.n).toBe(3);

      // e on a row with a decision opens what is to be written; the URL names it.
      await page.reload();
      await page.waitForSelector('article.qrow');
      await rows.first().focus();
      await page.keyboard.press('e');
      await expect.poll(() => page.url()).toMatch(/#\/applications\/[0-9a-f-]{36}\?next=(decide|draft)$/);

      // Filters live in the URL: a shared link opens the same view.
      await page.goto(`${base}/#/follow-ups?owner=me&overdue=1`);
      await expect.poll(() => page.locator('main').textContent()).toContain('nothing owed matches this view');
      expect(await page.getByLabel('Overdue only').isChecked()).toBe(true);
      await page.getByLabel('Overdue only').uncheck();
      await expect.poll(() => page.url()).not.toContain('overdue=1');
      await expect.poll(() => rows.count()).toBeGreaterThan(0);
      await page.getByLabel('Kind').selectOption('decision_due');
      await expect.poll(() => page.url()).toContain('kind=decision_due');
      // The recruiter owns no decide-by: the hiring manager does.
      await expect.poll(() => rows.count()).toBe(0);
      await page.getByLabel('Owner').selectOption('anyone');
      await expect.poll(() => rows.count()).toBe(17);

      await fitsAPhone(page, viewport, 'docs/screens/queue-phone.png');
      await context.close();
    },
  );

  it(
    'finds a candidate by part of their email from any screen and opens their profile',
    { timeout: WALK_TIMEOUT_MS },
    async () => {
      const { db, browser, base } = running;
      const deps = { db, clock, identity };
      const s = await buildInterviewScenario(deps);
      const org = s.organization.id;
      await setMemberPassword(deps, org, s.recruiter.id, PASSWORD);
      const quinn = await buildCandidate(deps, org, {
        name: 'Quinn Searchable',
        email: 'quinn.q.findme@example.com',
      });
      const application = await createApplication(deps, org, { jobId: s.job.id, candidateId: quinn.id });
      const interview = await createInterview(deps, org, { applicationId: application.id, title: 'Panel' });
      await closeInterview(deps, org, interview.id, { statement: 'You will hear from us by Friday.' });

      const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1366, height: 768 } });
      const page = await context.newPage();
      await signIn(page, base, s.recruiter.email, PASSWORD);
      // "/" jumps to the search box from the queue; part of the email is enough.
      await page.waitForSelector('.queue');
      await page.keyboard.press('/');
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('global-search');
      await page.keyboard.type('q.findme');
      const results = page.getByRole('list', { name: 'Search results' });
      await expect.poll(() => results.textContent()).toContain('Quinn Searchable');
      // The job is found by part of its title too.
      await page.fill('#global-search', s.job.title.slice(2, 9));
      await expect.poll(() => results.textContent()).toContain(s.job.title);
      await page.fill('#global-search', 'findme');
      await results.getByRole('link', { name: 'Quinn Searchable' }).click();

      await page.waitForSelector('h1:has-text("Quinn Searchable")');
      const main = page.locator('main');
      await expect.poll(() => main.textContent()).toContain('quinn.q.findme@example.com');
      await expect.poll(() => main.textContent()).toContain(`${s.job.title}`);
      await expect.poll(() => main.textContent()).toContain('Outcome owed by the team');
      await expect.poll(() => main.textContent()).toContain('owner Riley Recruiter');
      await expect
        .poll(() => page.locator('ol.timeline').textContent())
        .toContain('Interview closed with a promise');
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('link', { name: 'Open the application' }).click();
      await expect.poll(() => page.url()).toContain(`#/applications/${application.id}`);
      await context.close();
    },
  );
});
