import type { Download } from 'playwright-core';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import { setMemberPassword } from '../services/auth.service.ts';
import { closeInterview } from '../services/interview.service.ts';
import { seriousViolations, signIn, WALK_TIMEOUT_MS } from '../../test/support/browser.ts';
import { useBrowserApp } from '../../test/support/browser-app.ts';
import { buildInterviewScenario } from '../../test/support/factories.ts';

const PASSWORD = 'export links passphrase 1';
const identity = { from: { name: 'Hearback', address: 'hb@localhost' }, domain: 'localhost' };

async function textOf(download: Download): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The export links in real Chromium: the queue's CSV follows the screen's filter; Settings exports the organization. */
describe('export links in a browser', () => {
  const clock = new ManualClock('2026-12-01T15:00:00Z');
  const running = useBrowserApp({ clock, identity });

  it(
    'downloads the follow-ups with the screen’s filter, and the organization as JSON',
    { timeout: WALK_TIMEOUT_MS },
    async () => {
      const { db, browser, base } = running;
      const deps = { db, clock, identity, publicUrl: base };
      const s = await buildInterviewScenario(deps, { interviewEndsAt: new Date('2026-12-01T14:00:00Z') });
      await closeInterview(deps, s.organization.id, s.interview.id, { statement: 'by Friday' });
      await setMemberPassword(deps, s.organization.id, s.admin.id, PASSWORD);

      const context = await browser.newContext({
        viewport: { width: 1200, height: 900 },
        acceptDownloads: true,
      });
      const page = await context.newPage();
      await signIn(page, base, s.admin.email, PASSWORD);

      const exportCsv = async () => {
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('link', { name: 'Export CSV' }).click(),
        ]);
        expect(download.suggestedFilename()).toBe('hearback-follow-ups-2026-12-01.csv');
        return parse<Record<string, string>>(await textOf(download), { columns: true });
      };
      // Everyone's open follow-ups: the recruiter owns the outcome, the hiring manager (who
      // interviewed) the scorecard and the decide-by.
      const all = await exportCsv();
      expect(all.map((r) => [r.kind, r['owner.name'], r.applicationId]).sort()).toEqual([
        ['decision_due', s.manager.name, s.application.id],
        ['feedback_due', s.manager.name, s.application.id],
        ['outcome', 'Riley Recruiter', s.application.id],
      ]);
      // Only mine: the admin owns none.
      await page.getByLabel('Owner').selectOption('me');
      await expect(exportCsv()).resolves.toEqual([]);
      expect(await seriousViolations(page)).toEqual([]);

      await page.getByRole('link', { name: 'Settings' }).click();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Export organization (JSON)' }).click(),
      ]);
      const doc = JSON.parse(await textOf(download)) as {
        organizationId: string;
        tables: Record<string, unknown[]>;
      };
      expect(doc.organizationId).toBe(s.organization.id);
      expect(doc.tables.follow_ups).toHaveLength(3);
      expect(await seriousViolations(page)).toEqual([]);
      await context.close();
    },
  );
});
