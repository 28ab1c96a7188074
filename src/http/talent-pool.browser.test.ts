import { mkdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import { createDevMailboxTransport } from '../mail/dev-mailbox.transport.ts';
import { createApplication } from '../services/application.service.ts';
import { setMemberPassword } from '../services/auth.service.ts';
import { createStatusLink } from '../services/candidate-links.ts';
import { recordDecision } from '../services/decision.service.ts';
import { closeInterview } from '../services/interview.service.ts';
import { sendMessage } from '../services/message.service.ts';
import { dispatchDueMessages } from '../services/outbox.service.ts';
import { inviteToPool, searchTalentPool } from '../services/talent-pool.service.ts';
import {
  buildCandidate,
  buildInterviewScenario,
  buildJob,
  buildRejectionDraft,
} from '../../test/support/factories.ts';
import { fitsAPhone, seriousViolations, signIn, WALK_TIMEOUT_MS } from '../../test/support/browser.ts';
import { useBrowserApp } from '../../test/support/browser-app.ts';

const PASSWORD = 'talent pool passphrase 1';
const identity = { from: { name: 'Hearback', address: 'hb@localhost' }, domain: 'localhost' };
const DESKTOP = { width: 1200, height: 900 };

/**
 * The talent pool in real Chromium: a rejected runner-up is invited from their application (a
 * refused invitation keeps its text and says why at the field), opts in on their status page from
 * the emailed link, is found by tag in the Talent pool screen (the address holds the search), and
 * is matched into a new job in one action; a runner-up who declines never appears, and removing
 * asks first.
 */
describe('the talent pool in a browser', () => {
  const clock = new ManualClock('2026-12-01T15:00:00Z');
  const running = useBrowserApp({ clock, identity });

  it(
    'invites a rejected runner-up, who opts in, is found by tag and matched to a new job; a decliner stays out',
    { timeout: WALK_TIMEOUT_MS },
    async () => {
      const { db, browser, base } = running;
      const deps = { db, clock, identity, publicUrl: base };
      const s = await buildInterviewScenario(deps);
      const org = s.organization.id;
      await setMemberPassword(deps, org, s.admin.id, PASSWORD);
      const dispatch = () =>
        dispatchDueMessages(
          { db, clock, transport: createDevMailboxTransport(db, clock), identity },
          { batchSize: 20, leaseMs: 60_000, maxAttempts: 3 },
        );

      // The panel interviewed Casey; the team rejects them and tells them why.
      await closeInterview(deps, org, s.interview.id, { statement: 'within 3 business days' });
      const { draft } = await buildRejectionDraft(deps, s, {
        reasons: ['Another finalist had more experience closing enterprise deals'],
        recommendation: 'Leading one enterprise deal end to end would make a strong application.',
      });
      await sendMessage(deps, org, draft.id, {}, { memberId: s.recruiter.id });
      clock.advance(15 * 60_000); // past the undo window
      await dispatch();
      // Dana, another runner-up in the same job, is invited too (tagged alike) and will say no.
      const dana = await buildCandidate(deps, org, { name: 'Dana Decliner' });
      const danaApp = await createApplication(deps, org, { jobId: s.job.id, candidateId: dana.id });
      await recordDecision(
        deps,
        org,
        danaApp.id,
        { outcome: 'reject', reasons: ['Less experience with enterprise deals'] },
        { memberId: s.manager.id },
      );
      await inviteToPool(deps, org, s.recruiter.id, danaApp.id, {
        offer: 'sales roles in London',
        tags: ['london', 'sales'],
      });

      const context = await browser.newContext({ viewport: DESKTOP });
      const page = await context.newPage();
      page.on('dialog', (d) => void d.dismiss());
      await signIn(page, base, s.admin.email, PASSWORD);

      // The pool, empty, says how candidates get into it.
      await page.getByRole('link', { name: 'Talent pool' }).click();
      await page.getByText('Nobody is in the talent pool yet.').waitFor();
      await expect.poll(() => page.textContent('main')).toContain('Invite to stay in touch');
      expect(await seriousViolations(page)).toEqual([]);

      // From Casey's application: an invitation without what for is refused at the field, and the
      // tags typed stay; then it goes out.
      await page.goto(`${base}/#/applications/${s.application.id}`);
      const invite = page.getByRole('form', { name: 'Invite to stay in touch' });
      await invite.getByLabel('Tags (comma-separated, for your search)').fill('Sales, London');
      await invite.getByLabel('Stay in touch every (days)').fill('3');
      await invite.getByRole('button', { name: 'Invite to stay in touch' }).click();
      const offerField = invite.getByLabel('What will you keep them posted about?');
      await page.locator('#pool-offer-err').waitFor();
      await expect.poll(() => offerField.getAttribute('aria-invalid')).toBe('true');
      await expect.poll(() => page.locator('#pool-cadenceDays-err').textContent()).toMatch(/7/);
      await expect
        .poll(() => invite.getByLabel('Tags (comma-separated, for your search)').inputValue())
        .toBe('Sales, London');
      expect(await seriousViolations(page)).toEqual([]);
      await offerField.fill('senior sales roles in London');
      await invite.getByLabel('Stay in touch every (days)').fill('30');
      await invite.getByLabel('Suggested consent (months)').selectOption('12');
      await invite.getByRole('button', { name: 'Invite to stay in touch' }).click();
      const pool = page.locator('section[aria-labelledby="h-pool"]');
      await pool.getByText('waiting for their answer on their status page').waitFor();
      await expect.poll(() => pool.textContent()).toContain('Tags: sales, london');
      await fitsAPhone(page, DESKTOP);

      // Casey opens the link in the invitation email and says yes, for the suggested 12 months.
      await dispatch();
      const [mail] = await db.query<{ body_text: string }>(
        `SELECT body_text FROM dev_mailbox WHERE org_id = $1 AND lower(envelope_to) = lower($2)
            AND subject LIKE 'Stay in touch with%'`,
        [org, s.candidate.email],
      );
      const emailed = /(https?:\/\/\S+\/s\/[A-Za-z0-9_-]{43})/.exec(mail!.body_text)![1]!;
      expect(mail!.body_text).toContain('keep in touch about senior sales roles in London');
      const candidateContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
      const candidatePage = await candidateContext.newPage();
      await candidatePage.goto(emailed);
      await candidatePage
        .getByText('The team would like to keep in touch about senior sales roles in London')
        .waitFor();
      await expect.poll(() => candidatePage.locator('#pool-months').inputValue()).toBe('12');
      await candidatePage.fill('#pool-interests', 'Enterprise sales, hybrid');
      await candidatePage.getByRole('button', { name: 'Yes, keep in touch' }).click();
      await candidatePage.getByText("You are in the team's talent pool until").waitFor();

      // Dana opens hers and says no.
      const danaLink = await db
        .tenant(org)
        .transaction((tx) => createStatusLink(tx, base, org, danaApp.id, clock.now()));
      await candidatePage.context().clearCookies();
      await candidatePage.goto(danaLink);
      await candidatePage.getByRole('button', { name: 'No, thank you' }).click();
      await candidatePage.getByText('You chose not to stay in touch').waitFor();
      await candidateContext.close();

      // The application screen shows the answer.
      await page.reload();
      await pool.getByText(/Opted in on .*, until/).waitFor();
      await expect
        .poll(() => pool.textContent())
        .toContain('They want to hear about: Enterprise sales, hybrid');

      // The Talent pool screen: search by a tag chip; the address holds the search.
      await pool.getByRole('link', { name: /Open Casey Candidate in the talent pool/ }).click();
      await page.getByRole('heading', { name: 'Casey Candidate', level: 2 }).waitFor();
      await page.getByRole('button', { name: 'Close' }).click();
      await page.getByLabel('Only with the tags').fill('london');
      await page.getByLabel('Only with the tags').press('Enter');
      await page.getByRole('button', { name: 'Remove the tag london' }).waitFor();
      expect(new URL(page.url()).hash).toBe('#/talent-pool?tag=london');
      const results = page.locator('ul.pool-list');
      await page.getByRole('heading', { name: '1 candidate', level: 2 }).waitFor();
      await expect.poll(() => results.textContent()).toContain('Casey Candidate');
      await expect.poll(() => page.textContent('main')).not.toContain('Dana Decliner');
      await expect
        .poll(() => results.textContent())
        .toContain('Wants to hear about: Enterprise sales, hybrid');
      await expect.poll(() => results.textContent()).toMatch(/next stay-in-touch (?!not scheduled)/);
      // Shared, the address opens the same search.
      const shared = page.url();
      await page.goto(`${base}/#/`);
      await page.goto(shared);
      await page.getByRole('heading', { name: '1 candidate', level: 2 }).waitFor();
      // A tag nobody has: nothing, and a way back.
      await page.getByLabel('Only with the tags').fill('engineering');
      await page.getByLabel('Only with the tags').press('Enter');
      await page.getByText('Nobody in the pool matches this search.').waitFor();
      await page.getByRole('button', { name: 'Remove the tag engineering' }).click();
      await page.getByRole('heading', { name: '1 candidate', level: 2 }).waitFor();
      const found = await searchTalentPool(deps, org, { tags: ['london'], limit: 10 });
      expect(found.items.map((m) => m.candidate.name)).toEqual(['Casey Candidate']);

      // Open Casey: their interview history and what they were told.
      await page.getByRole('link', { name: 'Casey Candidate' }).click();
      const detail = page.locator('section[aria-labelledby="h-pool-candidate"]');
      await detail.getByText('Interview history').waitFor();
      await expect.poll(() => detail.textContent()).toContain('Panel');
      await expect.poll(() => detail.textContent()).toContain('Account Executive — rejected');
      // What they were told is the rejection that reached them, word for word.
      await detail.getByText('Your application for Account Executive').click();
      await expect
        .poll(() => detail.locator('.pool-told').textContent())
        .toContain('Another finalist had more experience closing enterprise deals');
      await expect.poll(() => detail.locator('.pool-told').textContent()).toContain('(their status link)');
      expect(new URL(page.url()).hash).toBe(`#/talent-pool?tag=london&candidate=${s.candidate.id}`);
      expect(await seriousViolations(page)).toEqual([]);
      await mkdir('docs/screens', { recursive: true });
      await page.screenshot({ path: 'docs/screens/talent-pool.png', fullPage: true });
      await fitsAPhone(page, DESKTOP);

      // Match to a new job: one action, then a link to the new application.
      const newJob = await buildJob(deps, org, {
        title: 'Senior Account Executive',
        recruiterId: s.recruiter.id,
      });
      await page.reload();
      await detail.getByLabel('Open job').selectOption({ label: 'Senior Account Executive' });
      await detail.getByRole('button', { name: 'Match to this job' }).click();
      await detail.getByText('Casey Candidate is now in Senior Account Executive.').waitFor();
      expect(await seriousViolations(page)).toEqual([]);

      // Removing asks first; keeping it changes nothing; then they are out.
      await detail.getByRole('button', { name: 'Remove from pool' }).click();
      await detail.getByRole('button', { name: 'Keep it' }).click();
      await detail.getByRole('button', { name: 'Remove from pool' }).click();
      await detail.getByRole('button', { name: 'Remove from the pool' }).click();
      await detail.getByText('Removed from the talent pool.').waitFor();
      await page.getByText('Nobody in the pool matches this search.').waitFor();
      expect((await searchTalentPool(deps, org, { limit: 10 })).items).toEqual([]);

      await detail.getByRole('link', { name: 'Open the new application' }).click();
      await page.getByRole('heading', { name: 'Casey Candidate · Senior Account Executive' }).waitFor();
      await expect.poll(() => page.textContent('main')).toContain('Stage: talent_pool');
      expect(newJob.id).toBeTruthy();
      await context.close();
    },
  );
});
