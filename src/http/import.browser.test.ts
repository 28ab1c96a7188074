import { mkdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import { setMemberPassword } from '../services/auth.service.ts';
import { atsExport } from '../../test/support/ats-csv.ts';
import { seriousViolations, signIn, WALK_TIMEOUT_MS } from '../../test/support/browser.ts';
import { useBrowserApp } from '../../test/support/browser-app.ts';
import { buildInterviewScenario } from '../../test/support/factories.ts';

const PASSWORD = 'import screen passphrase 1';
const identity = { from: { name: 'Hearback', address: 'hb@localhost' }, domain: 'localhost' };

/**
 * The import screen in real Chromium, as an admin bringing in an ATS export would use it: choose
 * the file, see the suggested mapping on the first rows, break and mend a mapping (importing is
 * refused meanwhile), import with a progress bar, read the refused lines, download them.
 */
describe('the import screen in a browser', () => {
  const clock = new ManualClock('2026-12-01T15:00:00Z');
  const running = useBrowserApp({ clock, identity });

  it(
    'previews, refuses an incomplete mapping, imports with progress and offers the refused rows',
    { timeout: WALK_TIMEOUT_MS },
    async () => {
      const { db, browser, base } = running;
      const deps = { db, clock, identity, publicUrl: base };
      const s = await buildInterviewScenario(deps);
      await setMemberPassword(deps, s.organization.id, s.admin.id, PASSWORD);
      const { csv, badLines } = atsExport(300, 6);

      const context = await browser.newContext({
        viewport: { width: 1200, height: 900 },
        acceptDownloads: true,
      });
      const page = await context.newPage();
      await signIn(page, base, s.admin.email, PASSWORD);

      await page.getByRole('link', { name: 'Import' }).click();
      await page.getByText('No imports yet.').waitFor();
      await page.getByLabel('CSV file').setInputFiles({
        name: 'greenhouse.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(csv),
      });
      // The suggested mapping, and the first rows as they would be imported.
      await page.getByRole('heading', { name: '2. Check which column means what' }).waitFor();
      await expect.poll(() => page.getByLabel('Candidate email').inputValue()).toBe('Email');
      await expect.poll(() => page.getByLabel('Job title').inputValue()).toBe('Job Title');
      await page.getByText('Line 2: First1 Last1, candidate1@example.com → Role 2').waitFor();
      expect(await seriousViolations(page)).toEqual([]);

      // Without a job title the file cannot be imported: the screen says why and will not start.
      await page.getByLabel('Job title').selectOption('');
      await page.getByText('Before importing, fix the mapping:').waitFor();
      const importButton = page.getByRole('button', { name: 'Import greenhouse.csv' });
      await expect.poll(() => importButton.isDisabled()).toBe(true);
      await page.getByLabel('Job title').selectOption('Job Title');
      await page.getByText('Before importing, fix the mapping:').waitFor({ state: 'detached' });
      await expect.poll(() => importButton.isEnabled()).toBe(true);

      await importButton.click();
      await page.getByRole('heading', { name: '3. Imported greenhouse.csv' }).waitFor();
      await page.getByText('294 rows imported').waitFor();
      await expect.poll(() => page.getByRole('progressbar').getAttribute('value')).toBe('300');
      const refused = page.getByRole('list', { name: 'Refused rows' }).getByRole('listitem');
      await expect.poll(() => refused.allTextContents()).toHaveLength(badLines.length);
      await expect.poll(() => refused.first().textContent()).toContain(`Line ${badLines[0]}:`);
      await page.getByRole('status').filter({ hasText: 'Imported 294 of 300 rows' }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await mkdir('docs/screens', { recursive: true });
      await page.screenshot({ path: 'docs/screens/import.png', fullPage: true });

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: /Download the refused rows/ }).click(),
      ]);
      const stream = await download.createReadStream();
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      const text = Buffer.concat(chunks).toString('utf8');
      expect(text.split('\n')[0]).toMatch(/^line,errors,Candidate ID/);
      for (const line of badLines) expect(text).toContain(`\n${line},`);

      await page.getByRole('list', { name: 'Past imports' }).getByText('greenhouse.csv').waitFor();
      await context.close();
    },
  );
});
