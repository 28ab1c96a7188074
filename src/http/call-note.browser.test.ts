import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import { changeApplication } from '../services/application.service.ts';
import { setMemberPassword } from '../services/auth.service.ts';
import { closeInterview } from '../services/interview.service.ts';
import { sendMessage } from '../services/message.service.ts';
import { buildInterviewScenario, buildRejectionDraft } from '../../test/support/factories.ts';
import { signIn, WALK_TIMEOUT_MS } from '../../test/support/browser.ts';
import { useBrowserApp } from '../../test/support/browser-app.ts';

const PASSWORD = 'call note passphrase 1';
const identity = { from: { name: 'Hearback', address: 'hb@localhost' }, domain: 'localhost' };

/**
 * Phone-first, in Chromium: before the call is logged the screen says exactly what happens to the
 * written note — to whom, when in the candidate's zone, and that what was said ends it — or that
 * no note goes, and why.
 */
describe('the written note after a call, in a browser', () => {
  const clock = new ManualClock('2026-12-07T15:00:00Z'); // Monday
  const running = useBrowserApp({ clock });

  /** An application at its final stage, interviewed and closed, with a recruiter who can sign in. */
  async function closedAtFinalStage() {
    const deps = { db: running.db, clock, identity };
    const s = await buildInterviewScenario(deps);
    const org = s.organization.id;
    await closeInterview(deps, org, s.interview.id, { statement: 'by Friday' });
    await changeApplication(deps, org, s.application.id, { finalStage: true });
    await setMemberPassword(deps, org, s.recruiter.id, PASSWORD);
    return { deps, s, org };
  }

  it(
    'states the recipient, the time and the summary it will carry, or no note with the reason',
    {
      timeout: WALK_TIMEOUT_MS,
    },
    async () => {
      const { db, browser, base } = running;
      const { deps, s, org } = await closedAtFinalStage();
      const { draft } = await buildRejectionDraft(deps, s, {
        reasons: ['We need someone who has run a regional sales team'],
        recommendation: 'Lead a team of three or more before applying for this level.',
      });
      await sendMessage(deps, org, draft.id, {}, { memberId: s.recruiter.id }); // waits for the call

      const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1200, height: 900 } });
      const page = await context.newPage();
      await signIn(page, base, s.recruiter.email, PASSWORD);
      await page.goto(`${base}/#/applications/${s.application.id}`);
      await page.waitForSelector('h2:has-text("Log a call or a contact")');
      await page.waitForSelector('select#log-decision'); // the decisions load after the form
      await page.selectOption('#log-decision', { index: 0 });
      const said = 'Told her the decision and the reason; she asked about a team lead role next year.';
      await page.fill('#log-summary', said);
      await expect
        .poll(() => page.textContent('label[for="log-summary"]'))
        .toContain('it ends the written note they receive');
      const form = 'form[aria-labelledby="h-log"]';
      await page.click(`${form} button[type=submit]:has-text("Log it")`);
      const confirm = '[role=group][aria-label="Confirm the call"]';
      await page.waitForSelector(confirm);
      await expect
        .poll(() => page.textContent(confirm))
        .toContain(`The written note goes to ${s.candidate.email} on`);
      await expect.poll(() => page.textContent(confirm)).toContain(`“From our call: ${said}”`);

      // Choosing no note: the screen says so, with the reason, before anything is recorded.
      await page.click(`${confirm} button:has-text("Go back")`);
      await page.check(`${form} input[type=checkbox]`);
      await page.fill('#log-skip-reason', 'She asked us not to email her at work.');
      await page.click(`${form} button[type=submit]:has-text("Log it")`);
      await expect
        .poll(() => page.textContent(confirm))
        .toContain('No note: She asked us not to email her at work.');

      // Back to sending it, and logged: the result says where and when it goes.
      await page.click(`${confirm} button:has-text("Go back")`);
      await page.uncheck(`${form} input[type=checkbox]`);
      await page.click(`${form} button[type=submit]:has-text("Log it")`);
      await page.click('button:has-text("Confirm: log the call")');
      await expect
        .poll(() => page.textContent(`${form} [role=status]`))
        .toContain(`The written note goes to ${s.candidate.email} on`);
      const [note] = await db.query<{ body_text: string }>(`SELECT body_text FROM messages WHERE id = $1`, [
        draft.id,
      ]);
      expect(note!.body_text).toContain(`From our call: ${said}`);
      await context.close();
    },
  );

  it(
    'says the decisions are loading, or could not be loaded, instead of that none is recorded',
    { timeout: WALK_TIMEOUT_MS },
    async () => {
      const { browser, base } = running;
      const { deps, s } = await closedAtFinalStage();
      await buildRejectionDraft(deps, s);

      const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1200, height: 900 } });
      const page = await context.newPage();
      await signIn(page, base, s.recruiter.email, PASSWORD);
      // Hold the decisions until the screen has been read, then let them through.
      let release: () => void = () => undefined;
      const held = new Promise<void>((r) => (release = r));
      await page.route('**/api/v1/applications/*/decisions*', async (route) => {
        await held;
        await route.continue();
      });
      await page.goto(`${base}/#/applications/${s.application.id}`);
      await page.waitForSelector('h2:has-text("Log a call or a contact")');
      await expect.poll(() => page.textContent('#log-decision')).toContain('Loading the decisions recorded');
      expect(await page.textContent('form[aria-labelledby="h-log"]')).not.toContain(
        'No decision is recorded',
      );
      release();
      await page.waitForSelector('select#log-decision');
      expect(await page.textContent('select#log-decision')).toContain('reject');

      // A server that does not answer: the screen says so, not that there is no decision.
      await page.unroute('**/api/v1/applications/*/decisions*');
      await page.route('**/api/v1/applications/*/decisions*', (route) =>
        route.fulfill({
          status: 503,
          contentType: 'application/problem+json',
          body: JSON.stringify({
            type: 'about:blank',
            title: 'Service unavailable',
            status: 503,
            code: 'unavailable',
          }),
        }),
      );
      await page.reload();
      await expect.poll(() => page.textContent('#log-decision')).toContain('could not be loaded');
      expect(await page.textContent('form[aria-labelledby="h-log"]')).not.toContain(
        'No decision is recorded',
      );
      await context.close();
    },
  );
});
