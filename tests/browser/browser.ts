// The callbacks passed to page.evaluate and page.$$eval run in the browser, so the tests that
// use them are type-checked against the DOM's types as well as Node's.
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * Headless Chromium for the explorer tests: Debian's chromium package driven by playwright-core,
 * which never downloads a browser of its own.
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export const LAPTOP = { width: 1366, height: 900 };
export const PHONE = { width: 390, height: 844 };

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}; install it with "apt-get install -y chromium".`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export interface OpenedPage {
  page: Page;
  /** URL of every request the page made. */
  requests: string[];
  /** Uncaught exceptions and console errors. */
  errors: string[];
}

/** Opens `file` in a new page of `viewport` size and waits for the ranking table to fill. */
export async function openPage(browser: Browser, file: string, viewport = LAPTOP): Promise<OpenedPage> {
  const page = await browser.newPage({ viewport, acceptDownloads: true });
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console error: ${message.text()}`);
  });
  await page.goto(pathToFileURL(file).href);
  await page.waitForSelector('#ranking-body tr');
  return { page, requests, errors };
}

/** Waits until the page has handled every change so far: redraws happen on the next animation frame. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}
