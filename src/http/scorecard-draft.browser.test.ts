import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import { setMemberPassword } from '../services/auth.service.ts';
import { closeInterview, createInterview } from '../services/interview.service.ts';
import { buildInterviewScenario, buildMember } from '../../test/support/factories.ts';
import { seriousViolations, signIn, WALK_TIMEOUT_MS } from '../../test/support/browser.ts';
import { useBrowserApp } from '../../test/support/browser-app.ts';

const PASSWORD = 'scorecard draft passphrase 1';

/**
 * A scorecard draft in the real web app, in real Chromium: the interviewer writes, saves a draft,
 * leaves and comes back to their text; the hiring manager sees nothing of it; text typed and not
 * saved survives a reload; submitting shows it to the hiring manager and settles the scorecard owed.
 */
describe('scorecard drafts in the web app, in a browser', () => {
  const clock = new ManualClock('2026-12-07T15:00:00Z'); // Monday
  const running = useBrowserApp({ clock });

  it(
    'keeps a draft for its author, restores unsaved text, and shows the team only what is submitted',
    {
      timeout: WALK_TIMEOUT_MS,
    },
    async () => {
      const { db, browser, base } = running;
      const deps = { db, clock };
      // The scorecard owed is tracked once the policy sets its time.
      const s = await buildInterviewScenario(deps, { policy: { feedbackDueBusinessDays: 1 } });
      const org = s.organization.id;
      const ivan = await buildMember(deps, org, { role: 'interviewer', name: 'Ivan Interviewer' });
      const panel = await createInterview(deps, org, {
        applicationId: s.application.id,
        title: 'Systems onsite',
        endsAt: new Date('2026-12-07T14:00:00Z'),
        interviewerIds: [ivan.id],
      });
      await closeInterview(deps, org, panel.id, { statement: 'by Friday' });
      await setMemberPassword(deps, org, ivan.id, PASSWORD);
      await setMemberPassword(deps, org, s.manager.id, PASSWORD);
      const owed = async () =>
        (
          await db.query<{ status: string }>(
            `SELECT status FROM follow_ups WHERE org_id = $1 AND kind = 'feedback_due' AND owner_id = $2`,
            [org, ivan.id],
          )
        ).map((r) => r.status);
      expect(await owed()).toEqual(['open']);

      const form = `form[aria-labelledby="fb-${panel.id}-h"]`;
      const notes = `#fb-${panel.id}-notes`;
      const draftText = 'Clear on the queue design; I still want to think about the retry story.';
      const appUrl = `${base}/#/applications/${s.application.id}`;

      const ivContext = await browser.newContext({ bypassCSP: true, viewport: { width: 1200, height: 900 } });
      const iv = await ivContext.newPage();
      await signIn(iv, base, ivan.email, PASSWORD);
      await iv.goto(appUrl);
      await iv.waitForSelector(`${form} :text("Not submitted yet.")`);
      await iv.fill(notes, draftText);
      await iv.fill(`#fb-${panel.id}-communication`, '4');
      await iv.click(`${form} button:has-text("Save draft")`);
      await iv.waitForSelector(`${form} [role=status]:has-text("Draft saved")`);
      expect(await owed()).toEqual(['open']); // a draft is not feedback given

      // Leave for the interviewer's home and come back: the draft is there, with its text.
      await iv.goto(`${base}/#/scorecards`);
      await iv.waitForSelector('h1:has-text("Scorecards I owe")');
      await iv.goto(appUrl);
      await iv.waitForSelector(`${form} :text("only you can see it")`);
      await expect.poll(() => iv.inputValue(notes)).toBe(draftText);
      await expect.poll(() => iv.inputValue(`#fb-${panel.id}-communication`)).toBe('4');
      expect(await seriousViolations(iv)).toEqual([]);

      // The hiring manager sees neither the draft nor a scorecard given.
      const hmContext = await browser.newContext({ bypassCSP: true, viewport: { width: 1200, height: 900 } });
      const hm = await hmContext.newPage();
      await signIn(hm, base, s.manager.email, PASSWORD);
      await hm.goto(appUrl);
      await hm.waitForSelector('h2:has-text("Timeline")');
      await expect.poll(() => hm.textContent('main')).toContain('Ivan Interviewer');
      const hmText = (await hm.textContent('main')) ?? '';
      expect(hmText).not.toContain('retry story');
      expect(hmText).not.toContain('Feedback submitted');
      const listed = await hm.evaluate(async (id) => {
        const res = await fetch(`/api/v1/interviews/${id}/feedback`);
        return ((await res.json()) as { items: unknown[] }).items.length;
      }, panel.id);
      expect(listed).toBe(0);

      // Typed and not saved, then the tab reloads: the text is still there, marked unsaved.
      const more = `${draftText} Retries are idempotent by message id, good.`;
      await iv.fill(notes, more);
      await iv.reload();
      await iv.waitForSelector(`${form} [role=status]:has-text("not saved yet")`);
      await expect.poll(() => iv.inputValue(notes)).toBe(more);

      // Submitting without a recommendation is refused in the form: the text stays, with the reason.
      await iv.click(`${form} button[type=submit]:has-text("Submit feedback")`);
      await iv.waitForSelector(`${form} [role=alert]:has-text("Choose a recommendation")`);
      await expect.poll(() => iv.inputValue(notes)).toBe(more);

      clock.advance(60_000);
      await iv.selectOption(`#fb-${panel.id}-rec`, 'yes');
      await iv.click(`${form} button[type=submit]:has-text("Submit feedback")`);
      await iv.waitForSelector(`${form} [role=status]:has-text("Feedback submitted.")`);
      await expect.poll(owed).toEqual(['done']);
      // Submitted, nothing is left unsaved: a reload shows version 1, no restored text.
      await iv.reload();
      await iv.waitForSelector(`${form} :text("(version 1)")`);
      await expect.poll(() => iv.inputValue(notes)).toBe(more);
      expect(await iv.locator(`${form} :text("not saved yet")`).count()).toBe(0);

      // Now the hiring manager sees it in the timeline.
      await hm.reload();
      await expect.poll(() => hm.textContent('main')).toContain('Retries are idempotent by message id');
      await expect.poll(() => hm.textContent('main')).toContain('Feedback submitted');
      await hmContext.close();
      await ivContext.close();
    },
  );
});
