import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import { changeApplication, createApplication } from '../services/application.service.ts';
import { setMemberPassword } from '../services/auth.service.ts';
import { createInterview } from '../services/interview.service.ts';
import { buildCandidate, buildInterviewScenario } from '../../test/support/factories.ts';
import { seriousViolations, signIn, WALK_TIMEOUT_MS } from '../../test/support/browser.ts';
import { useBrowserApp } from '../../test/support/browser-app.ts';

const PASSWORD = 'close-out passphrase 1';

/**
 * Closing a job in the real web app, in real Chromium: the recruiter names the hire, sees everyone
 * still in the job by stage, confirms, leaves the screen, finds the drafts in "To send" and sends
 * them in bulk. The hire gets nothing.
 */
describe('closing a job in the web app, in a browser', () => {
  const clock = new ManualClock('2026-12-07T15:00:00Z'); // Monday
  const running = useBrowserApp({ clock });

  it(
    'asks who was hired, shows everyone by stage, confirms, and keeps the drafts in To send',
    { timeout: WALK_TIMEOUT_MS },
    async () => {
      const { db, browser, base } = running;
      const deps = { db, clock };
      const s = await buildInterviewScenario(deps); // Casey Candidate, interviewed: the hire
      const org = s.organization.id;
      await setMemberPassword(deps, org, s.recruiter.id, PASSWORD);
      await changeApplication(deps, org, s.application.id, { stage: 'final', finalStage: true });
      const fin = await buildCandidate(deps, org, { name: 'Fin Alist' });
      const finApp = await createApplication(deps, org, {
        jobId: s.job.id,
        candidateId: fin.id,
        stage: 'final',
        finalStage: true,
      });
      await createInterview(deps, org, {
        applicationId: finApp.id,
        title: 'Final panel',
        interviewerIds: [s.manager.id],
      });
      const early = await buildCandidate(deps, org, { name: 'Early Applicant' });
      await createApplication(deps, org, { jobId: s.job.id, candidateId: early.id, stage: 'applied' });

      const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1200, height: 1100 } });
      const page = await context.newPage();
      await signIn(page, base, s.recruiter.email, PASSWORD);

      // Close job: who was hired, and everyone still in it by stage, furthest first.
      await page.goto(`${base}/#/jobs`);
      await page.waitForSelector('h1:has-text("Jobs")');
      await page.click('button:has-text("Close job")');
      await page.waitForSelector('legend:has-text("Who was hired?")');
      const finalStage = page.locator('[role=group][aria-label="Stage final"]');
      const appliedStage = page.locator('[role=group][aria-label="Stage applied"]');
      await expect.poll(() => finalStage.textContent()).toContain('Casey Candidate');
      await expect.poll(() => finalStage.textContent()).toContain('Fin Alist');
      await expect.poll(() => finalStage.textContent()).toContain('reached the final stage');
      await expect.poll(() => appliedStage.textContent()).toContain('Early Applicant');
      // The hire is chosen among the finalists; nothing can go on before a choice.
      expect(await page.locator('fieldset label:has-text("Early Applicant")').count()).toBe(0);
      expect(await page.isDisabled('button:has-text("Continue")')).toBe(true);
      await page.check('fieldset label:has-text("Casey Candidate") input');
      await expect.poll(() => finalStage.textContent()).toContain('hired: no message');
      await page.click('button:has-text("Continue")');

      // The confirmation says what will happen, and that it cannot be undone.
      const confirm = page.locator('[role=group][aria-label^="Confirm closing"]');
      const question = (await confirm.textContent()) ?? '';
      expect(question).toContain('filled by Casey Candidate');
      expect(question).toContain('The other 2 become rejected');
      expect(question).toContain('cannot be undone');
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: 'docs/screens/job-close-out.png', fullPage: true });
      await page.click('button:has-text("Yes, close")');

      // The drafts, one wording per stage, to review.
      await page.waitForSelector('#h-review');
      const review = page.locator('section[aria-labelledby="h-review"]');
      await expect.poll(() => review.textContent()).toContain('Fin Alist');
      await expect.poll(() => review.textContent()).toContain('Early Applicant');
      expect(await review.locator('label:has-text("Casey Candidate")').count()).toBe(0);
      await page.click('summary:has-text("Read and edit the message to Fin Alist")');
      expect(await page.inputValue('textarea[aria-label="Message to Fin Alist"]')).toContain(
        'final interviews',
      );

      // Leave the screen; nothing is lost: the drafts are in To send.
      await page.click('nav a:has-text("Follow-ups")');
      await page.waitForSelector('h1:has-text("Follow-ups")');
      await page.click('nav a:has-text("To send")');
      await page.waitForSelector('h1:has-text("To send")');
      const job = page.locator(`section[aria-label="${s.job.title}"]`);
      await job.waitFor();
      await expect.poll(() => job.textContent()).toContain('Fin Alist');
      await expect.poll(() => job.textContent()).toContain('Early Applicant');
      await page.click('summary:has-text("Read and edit the message to Early Applicant")');
      expect(await page.inputValue('textarea[aria-label="Message to Early Applicant"]')).toContain(
        'Thank you for applying',
      );
      expect(await seriousViolations(page)).toEqual([]);

      // Send both in bulk: each is scheduled after the undo window.
      await page.click('button:has-text("Send selected (2)")');
      await page.waitForSelector('[role=status]:has-text("2 message(s) scheduled")');
      await page.waitForSelector('text=Nothing to send.');
      // Within the undo window one comes back as a draft, and goes again.
      await page.click('button:has-text("Undo Fin Alist")');
      await page.waitForSelector('[role=status]:has-text("The message to Fin Alist is a draft again.")');
      await page.waitForSelector('summary:has-text("Read and edit the message to Fin Alist")');
      await page.click('button:has-text("Send selected (1)")');
      await page.waitForSelector('[role=status]:has-text("1 message(s) scheduled")');
      await page.waitForSelector('text=Nothing to send.');
      const state = await page.evaluate(
        async ([jobId, hireId]) => {
          const get = async (path: string) => (await (await fetch(`/api/v1${path}`)).json()) as never;
          const drafts: { items: unknown[] } = await get(`/messages?status=draft&jobId=${jobId}`);
          const all: { items: { toName: string; status: string; applicationId: string }[] } = await get(
            `/messages?jobId=${jobId}`,
          );
          const hire: { status: string } = await get(`/applications/${hireId}`);
          return { drafts: drafts.items.length, all: all.items, hire: hire.status };
        },
        [s.job.id, s.application.id] as const,
      );
      expect(state.drafts).toBe(0);
      const closeOut = state.all.filter((m) => m.applicationId !== s.application.id);
      expect(closeOut.map((m) => [m.toName, m.status]).sort()).toEqual([
        ['Early Applicant', 'scheduled'],
        ['Fin Alist', 'scheduled'],
      ]);
      expect(state.hire).toBe('hired');
      expect(state.all.filter((m) => m.applicationId === s.application.id)).toEqual([]);
      await context.close();
    },
  );
});
