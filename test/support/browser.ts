import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';

/** Debian's Chromium (override with CHROMIUM_PATH); Playwright never downloads a browser here. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Time limit of one walk through the app. A walk takes 15–40 s on a quiet machine and 85 s was
 * seen at a load average of 9 (two cores shared with other test files and builds); the limit only
 * catches a hang, so it leaves room for a busy machine.
 */
export const WALK_TIMEOUT_MS = 300_000;

/** Launch headless Chromium with the flags this closed network needs. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** axe-core's serious and critical violations on the page as it is now. */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: () => Promise<{ violations: { id: string; impact: string }[] }> } }
    ).axe;
    return axe.run();
  });
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
}

/** Sign in through the page as a member with a password, and wait for their role's home screen. */
export async function signIn(page: Page, base: string, email: string, password: string): Promise<void> {
  await page.goto(base);
  await page.fill('#email', email);
  await page.fill('#password', password);
  await page.click('button[type=submit]');
  // Each role lands on its own view: the queue, "Waiting on me" or "Scorecards I owe" (the
  // navigation and its current page exist only once signed in; the sign-in form has an h1 too).
  await page.waitForSelector('nav[aria-label="Main"] a[aria-current=page]');
  await page.waitForSelector('main h1');
}

/**
 * At a phone's width (375 px) the page does not scroll sideways (wide tables and the navigation
 * scroll inside their own box) and axe finds nothing serious; then back to `restore`. With
 * `shot`, the phone's first screen is saved there (docs/screens/ keeps each role's main screen at
 * both widths).
 */
export async function fitsAPhone(
  page: Page,
  restore: { width: number; height: number },
  shot?: string,
): Promise<void> {
  await page.setViewportSize({ width: 375, height: 800 });
  if (shot) await page.screenshot({ path: shot });
  const wide = await page.evaluate(() => {
    // Inside a box that scrolls sideways on its own (a wide table, the navigation's row).
    const scrollsInside = (el: Element): boolean => {
      for (let p = el.parentElement; p; p = p.parentElement) {
        if (['auto', 'scroll'].includes(getComputedStyle(p).overflowX)) return true;
      }
      return false;
    };
    return [...document.querySelectorAll('body *')]
      .filter((el) => !scrollsInside(el) && el.getBoundingClientRect().right > window.innerWidth + 1)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`)
      .slice(0, 8);
  });
  expect(wide, 'wider than a phone').toEqual([]);
  await expect(
    page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
  ).resolves.toBeLessThanOrEqual(0);
  expect(await seriousViolations(page)).toEqual([]);
  await page.setViewportSize(restore);
}
