// Debian's Chromium, headless, driven by playwright-core. Playwright never downloads a browser here.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const chromiumPath = process.env.ABM_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Launches Chromium with a fresh profile. Requests to any host but loopback are aborted, and
 * host name resolution is off except for localhost, so the page cannot reach the internet even
 * outside a network namespace.
 */
export async function launchBrowser() {
  const profile = await mkdtemp(join(tmpdir(), 'abm-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1',
    ],
  });
  await context.route('**/*', (route) => {
    const { hostname } = new URL(route.request().url());
    return hostname === '127.0.0.1' || hostname === 'localhost' ? route.continue() : route.abort();
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page };
}

/** Returns the message composer of the current conversation (a Lexical editor). */
export function composer(page) {
  return page.locator('div[role=textbox][contenteditable=true]').first();
}

/**
 * Types a message in the current conversation and sends it with Enter. The client can re-render
 * the composer while a conversation loads, which drops what was typed, so the text is checked
 * before it is sent and typed again (up to 3 times) when it is missing.
 */
export async function sendMessage(page, text) {
  const box = composer(page);
  for (let attempt = 1; ; attempt += 1) {
    await box.click();
    await page.keyboard.type(text);
    const typed = (await box.innerText()).trim();
    if (typed === text) break;
    if (attempt === 3) throw new Error(`the composer contains "${typed}" after typing "${text}" 3 times`);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Backspace');
  }
  await page.keyboard.press('Enter');
}

/** Returns the last rendered Adaptive Card that contains `text`. */
export function adaptiveCard(page, text) {
  return page.locator('.ac-adaptiveCard', { hasText: text }).last();
}

/**
 * Returns the last message in the open conversation that contains `text`. The chat list repeats
 * the latest message of each chat as a preview, so elements inside a chat list entry are left out.
 */
export function chatMessage(page, text) {
  return page.getByText(text).and(page.locator(':not([role=treeitem] *)')).last();
}

/** Returns the visible text of a locator with each run of white space replaced by one space. */
export async function visibleText(locator) {
  return (await locator.innerText()).replace(/\s+/g, ' ').trim();
}
