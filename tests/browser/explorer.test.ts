/**
 * End-to-end tests of `attncost explore`: the page the built CLI writes, opened from a file: URL
 * in headless Chromium, must show the numbers `attncost rank` prints and load nothing from
 * outside the file.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCanvas, loadImage } from 'canvas';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuiltCli } from '../helpers/cli.js';
import { launchChromium, LAPTOP, openPage, PHONE, settle, type OpenedPage } from './browser.js';
import { cliRank, expectTableToMatch, readTable, splitShellWords, type RankJson } from './page-helpers.js';

/** Screenshots are kept here after the run, for a person to look at. */
const SCREENSHOT_FOLDER = join(tmpdir(), 'attncost-explorer-screenshots');

/**
 * XML namespace names. KaTeX and the legend swatches create SVG and MathML elements with them;
 * they identify a vocabulary and are never fetched.
 */
const XML_NAMESPACES = new Set(['http://www.w3.org/2000/svg', 'http://www.w3.org/1998/Math/MathML']);

/**
 * Minimum shares of coloured and dark pixels in a drawn chart. Measured at N = 16384 and D = 128
 * with all 49 methods, at 1366 and 390 px wide: 4.4% and 4.5% coloured, 1.3% and 2.4% dark.
 * With no method curve drawn the coloured share is 0, and a blank canvas has neither.
 */
const MIN_COLOURED = 0.02;
const MIN_DARK = 0.006;

let folder: string;
let pagePath: string;
let html: string;
let browser: Browser;
const opened: OpenedPage[] = [];
/** One laptop-sized page shared by the tests that start from the reset controls, because opening a page takes the longest. */
let shared: Page;
/** `attncost rank --format json` with every size at its default. */
let defaults: RankJson;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'attncost-explore-'));
  pagePath = join(folder, 'explorer.html');
  const result = runBuiltCli(['explore', '--out', pagePath]);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  html = readFileSync(pagePath, 'utf8');
  defaults = cliRank(['rank']);
  browser = await launchChromium();
  shared = await open();
}, 60_000);

/** Returns the shared page with every control reset and the search box empty. */
async function resetPage(): Promise<Page> {
  await shared.click('#reset');
  await shared.fill('#search', '');
  await settle(shared);
  return shared;
}

afterAll(async () => {
  // Every page opened in these tests must have made only file: and data: requests.
  for (const { requests } of opened) {
    expect(requests.filter((url) => !/^(file|data):/.test(url))).toEqual([]);
  }
  await browser?.close();
  rmSync(folder, { recursive: true, force: true });
});

async function open(viewport = LAPTOP): Promise<Page> {
  const page = await openPage(browser, pagePath, viewport);
  opened.push(page);
  return page.page;
}

async function fill(page: Page, selector: string, value: string): Promise<void> {
  await page.fill(selector, value);
  await settle(page);
}

describe('explorer page file', () => {
  it('contains no external URL', () => {
    const urls = [...html.matchAll(/\b(?:https?|ftp|wss?):\/\/[^\s"'<>()\\]+/gi)].map((match) => match[0]);
    // The licence texts of the bundled packages are reproduced as their licences require; they
    // are inert text in <pre class="licence"> elements, never a link or a resource.
    const licences = [...html.matchAll(/<pre class="licence">([\s\S]*?)<\/pre>/g)].map((match) => match[1]!).join('\n');
    const elsewhere = urls.filter((url) => !XML_NAMESPACES.has(url) && !licences.includes(url));
    expect(elsewhere).toEqual([]);

    const outsideLicences = html.replace(/<pre class="licence">[\s\S]*?<\/pre>/g, '');
    const markup = outsideLicences.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '').replace(/<style>[\s\S]*?<\/style>/g, '');
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((match) => match[1]!).join('\n');
    expect(markup.match(/\b(?:src|href|action|poster|srcset)\s*=\s*["']?(?!["'#]|data:)[^"'\s>]+/gi) ?? []).toEqual([]);
    expect(styles.match(/url\(\s*["']?(?!data:)[^)]*\)/gi) ?? []).toEqual([]);
    expect(styles.match(/@import/gi) ?? []).toEqual([]);
    // Protocol-relative addresses such as //host.example/path.
    expect(outsideLicences.match(/["'(]\/\/[a-z0-9-]+(?:\.[a-z0-9-]+)+\//gi)?.filter((url) => !url.includes('//www.w3.org/')) ?? []).toEqual([]);
  });

  it('declares a Content-Security-Policy that blocks requests', () => {
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1]?.replace(/&#39;/g, "'");
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("connect-src 'none'");
  });
});

describe('explorer ranking', () => {
  it('opens on the default ranking', async () => {
    const page = await resetPage();
    expectTableToMatch(await readTable(page), defaults.rows);
    expect(await page.textContent('#rank-command')).toBe('attncost rank --N 4096');
    expect(await page.textContent('#plot-command')).toBe('attncost plot --from 128 --to 131072');
  });

  it('matches attncost rank at N 16384 and D 128', async () => {
    const page = await resetPage();
    await fill(page, '#rankN', '16384');
    await fill(page, '#D', '128');
    expectTableToMatch(await readTable(page), cliRank(['rank', '--N', '16384', '--D', '128']).rows);
    expect(await page.textContent('#ranking-heading')).toBe('Ranking at N = 16384');
    expect(await page.textContent('#rank-command')).toBe('attncost rank --N 16384 --D 128');
  });

  it('matches its copied rank and plot commands', async () => {
    const page = await resetPage();
    await fill(page, '#rankN', '64K');
    await page.check('#log-base-e');
    await page.click('#global-symbols-details summary');
    await fill(page, '#global-k', '32');
    const linformer = page.locator('li.method[data-name="Linformer"]');
    await linformer.locator('summary').click();
    await fill(page, '#method-Linformer-k', '512');
    const performer = page.locator('li.method[data-name="Performer(FAVOR+)"]');
    await performer.locator('summary').click();
    await performer.locator('input[type="text"]').first().fill('128');
    await settle(page);

    const rankCommand = (await page.textContent('#rank-command')) ?? '';
    expect(rankCommand).toBe("attncost rank --N 65536 --set k=32 --set Linformer.k=512 --set 'Performer(FAVOR+).m=128' --log-base e");
    const rankArgs = splitShellWords(rankCommand).slice(1);
    const expected = cliRank(rankArgs);
    expect(expected.logBase).toBe(Math.E);
    expectTableToMatch(await readTable(page), expected.rows);

    const plotCommand = (await page.textContent('#plot-command')) ?? '';
    expect(plotCommand).toBe("attncost plot --from 128 --to 131072 --set k=32 --set Linformer.k=512 --set 'Performer(FAVOR+).m=128' --log-base e");
    const plotted = runBuiltCli([...splitShellWords(plotCommand).slice(1), '--out', join(folder, 'plot.png')]);
    expect(plotted.stderr).toBe('');
    expect(plotted.status).toBe(0);
  });

  it('shows the CLI message for an invalid value', async () => {
    const page = await resetPage();
    await fill(page, '#D', 'abc');
    const cli = runBuiltCli(['rank', '--D', 'abc']);
    expect(cli.status).toBe(2);
    expect(await page.getAttribute('#D', 'aria-invalid')).toBe('true');
    expect(`error: ${await page.textContent('#D-error')}\n`).toBe(cli.stderr);
    expect(await page.isDisabled('#copy-rank')).toBe(true);

    await fill(page, '#D', '32');
    expect(await page.getAttribute('#D', 'aria-invalid')).toBeNull();
    expect(await page.isDisabled('#copy-rank')).toBe(false);
    expectTableToMatch(await readTable(page), cliRank(['rank', '--D', '32']).rows);
  });
});

describe('explore command options', () => {
  it('opens the page on the sizes and methods given', async () => {
    const file = join(folder, 'options.html');
    const sizes = ['--N', '8192', '--D', '32', '--set', 'm=48', '--set', 'Performer(FAVOR+).m=128', '--log-base', 'e'];
    const selection = ['--methods', 'Performer*,Lin*', '--causal'];
    const result = runBuiltCli(['explore', ...sizes, ...selection, '--from', '1K', '--to', '1M', '--out', file]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);

    const { page, requests } = await openPage(browser, file);
    opened.push({ page, requests, errors: [] });
    expect(await page.inputValue('#rankN')).toBe('8192');
    expect(await page.inputValue('#D')).toBe('32');
    expect(await page.inputValue('#global-m')).toBe('48');
    expect(await page.inputValue('li.method[data-name="Performer(FAVOR+)"] input[type="text"]')).toBe('128');
    expect(await page.isChecked('#log-base-e')).toBe(true);
    expect(await page.isChecked('#causal-only')).toBe(true);
    expect(await page.isChecked('#method-Linformer')).toBe(true);
    expect(await page.isChecked('#method-Reformer')).toBe(false);

    const plotCommand = (await page.textContent('#plot-command')) ?? '';
    expect(plotCommand).toBe(
      "attncost plot --from 1024 --to 1048576 --methods 'Performer(FAVOR),Linear Transformer,Performer(FAVOR+)' --causal " +
        "--D 32 --set m=48 --set 'Performer(FAVOR+).m=128' --log-base e",
    );
    const expected = cliRank(['rank', ...sizes, ...selection]);
    expectTableToMatch(await readTable(page), expected.rows);
    expect(cliRank(splitShellWords((await page.textContent('#rank-command')) ?? '').slice(1))).toEqual(expected);
  });

  it.each([
    [['--log-base', '3'], 'Invalid --log-base 3 for explore: the page offers 2, 10 and e.'],
    [['--set', 'Linformer.N=5'], '--set Linformer.N: the explorer sweeps N for every method at once'],
    [['--from', '4096', '--to', '128'], '--from 4096 must be smaller than --to 128'],
    [['--D', '0'], 'Invalid value "0" for --D: sizes must be greater than 0.'],
  ])('rejects %j', (options, message) => {
    const result = runBuiltCli(['explore', ...options, '--out', join(folder, 'rejected.html')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
  });
});

describe('explorer method selection', () => {
  /** Runs the page's rank command and checks that the table shows what it prints. */
  async function expectTableToMatchCommand(page: Page): Promise<string[]> {
    const args = splitShellWords((await page.textContent('#rank-command')) ?? '').slice(1);
    expectTableToMatch(await readTable(page), cliRank(args).rows);
    return args;
  }

  it('ranks the checked methods as the command does', async () => {
    const page = await resetPage();
    await page.uncheck('#method-Linformer');
    await settle(page);
    const args = await expectTableToMatchCommand(page);
    expect(args).toContain('--methods');
    expect((await readTable(page)).map((row) => row.name)).not.toContain('Linformer');
    expect(await page.getAttribute('#chart', 'aria-label')).toContain('48 of 49 methods shown');

    await page.check('#method-Linformer');
    await settle(page);
    expect(await page.textContent('#rank-command')).toBe('attncost rank --N 4096');
    expectTableToMatch(await readTable(page), defaults.rows);
  });

  it('shows only causal methods when asked', async () => {
    const page = await resetPage();
    await page.check('#causal-only');
    await settle(page);
    expect(await page.textContent('#rank-command')).toBe('attncost rank --N 4096 --causal');
    const causal = cliRank(['rank', '--causal']);
    expect(causal.rows.length).toBeLessThan(49);
    expect(causal.rows.every((row) => row.causal)).toBe(true);
    expectTableToMatch(await readTable(page), causal.rows);
    expect(await page.getAttribute('#chart', 'aria-label')).toContain(`${causal.rows.length} of 49 methods shown`);
  });

  it('selects search matches, none and all', async () => {
    const page = await resetPage();
    await page.fill('#search', 'former');
    await page.click('#select-matches');
    await settle(page);
    // The search also matches comments and formulas, so the names come from the filtered list.
    const listed = await page.$$eval('li.method:not([hidden])', (items) => items.map((item) => item.getAttribute('data-name')));
    expect(listed).toContain('Linformer');
    expect(listed).not.toContain('Full attention');
    expect(await page.textContent('#search-status')).toBe(`${listed.length} of 49 methods match.`);
    expect((await readTable(page)).map((row) => row.name).sort()).toEqual([...listed, 'Full attention'].sort());
    await expectTableToMatchCommand(page);

    await page.click('#select-none');
    await settle(page);
    expect(await page.textContent('#rank-command')).toBe("attncost rank --N 4096 --methods 'Full attention'");
    expect((await readTable(page)).map((row) => row.name)).toEqual(['Full attention']);
    await expectTableToMatchCommand(page);

    await page.click('#select-all');
    await settle(page);
    expectTableToMatch(await readTable(page), defaults.rows);
  });
});

describe('explorer display', () => {
  it('typesets every formula with embedded fonts', async () => {
    const page = await resetPage();
    expect(await page.locator('.method .formula .katex').count()).toBe(49);
    const report = await page.evaluate(async () => {
      await document.fonts.ready;
      const declared = new Set([...document.fonts].map((face) => face.family.replace(/["']/g, '')));
      const used = new Set<string>();
      for (const element of document.querySelectorAll<HTMLElement>('.katex-html *')) {
        const ownText = [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim() !== '');
        if (ownText) used.add(getComputedStyle(element).fontFamily.split(',')[0]!.trim().replace(/["']/g, ''));
      }
      return { declared: [...declared], used: [...used] };
    });
    expect(report.used.length).toBeGreaterThan(0);
    expect(report.used.filter((family) => !report.declared.includes(family))).toEqual([]);
  });

  it('draws the chart at laptop and phone widths', async () => {
    mkdirSync(SCREENSHOT_FOLDER, { recursive: true });
    for (const [name, viewport] of [['laptop', LAPTOP], ['phone', PHONE]] as const) {
      const page = name === 'laptop' ? await resetPage() : await open(viewport);
      await fill(page, '#rankN', '16384');
      await fill(page, '#D', '128');
      await page.screenshot({ path: join(SCREENSHOT_FOLDER, `${name}.png`) });
      await page.locator('#results').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SCREENSHOT_FOLDER, `${name}-results.png`) });

      const shares = await pixelShares(await page.locator('#chart').screenshot());
      expect(shares.coloured, `${name} chart, method curves`).toBeGreaterThan(MIN_COLOURED);
      expect(shares.dark, `${name} chart, text, axes and baseline`).toBeGreaterThan(MIN_DARK);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} page width`).toBeLessThanOrEqual(viewport.width);
    }
  });

  it('saves the chart as a PNG', async () => {
    const page = await resetPage();
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save-png')]);
    expect(download.suggestedFilename()).toBe('attncost-cost-vs-N.png');
    const bytes = readFileSync(await download.path());
    expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const size = await page.evaluate(() => {
      const canvas = document.querySelector('canvas')!;
      return { width: canvas.width, height: canvas.height };
    });
    const image = await loadImage(bytes);
    expect({ width: image.width, height: image.height }).toEqual(size);
    const shares = await pixelShares(bytes);
    expect(shares.coloured).toBeGreaterThan(MIN_COLOURED);
    expect(shares.dark).toBeGreaterThan(MIN_DARK);
  });
});

describe('explorer keyboard use', () => {
  it('labels every control', async () => {
    const page = await resetPage();
    const unlabelled = await page.$$eval('input, button, [tabindex="0"]', (elements) =>
      elements
        .filter((element) => {
          if (element instanceof HTMLInputElement) return element.labels === null || element.labels.length === 0;
          if (element instanceof HTMLButtonElement) return (element.textContent ?? '').trim() === '';
          return !element.hasAttribute('aria-labelledby') && !element.hasAttribute('aria-label');
        })
        .map((element) => element.outerHTML.slice(0, 80)),
    );
    expect(unlabelled).toEqual([]);
  });

  it('reaches the size controls by Tab with a visible focus ring', async () => {
    const page = await resetPage();
    const first = await page.$eval('body', (body) => body.querySelector('a[href], button, input, summary, [tabindex="0"]')?.id);
    expect(first).toBe('skip-link');

    // A click on the heading moves the point where Tab continues from to the page's start.
    await page.click('h1');
    const order: string[] = [];
    for (let i = 0; i < 7; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement;
        const style = getComputedStyle(element);
        return { id: element.id || element.tagName.toLowerCase(), outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
      });
      order.push(focused.id);
      expect(focused.outline, focused.id).not.toBe('none');
      expect(focused.width, focused.id).toBeGreaterThanOrEqual(2);
    }
    expect(order).toEqual(['from', 'to', 'rankN', 'rankN-slider', 'D', 'D-slider', 'summary']);
  });

  it('moves N by powers of two with the arrow keys', async () => {
    const page = await resetPage();
    await page.focus('#rankN-slider');
    await page.keyboard.press('ArrowRight');
    await settle(page);
    expect(await page.inputValue('#rankN')).toBe('8192');
    expect(await page.getAttribute('#rankN-slider', 'aria-valuetext')).toBe('N = 8192');
    expectTableToMatch(await readTable(page), cliRank(['rank', '--N', '8192']).rows);
  });
});

/**
 * Returns the shares of a PNG's pixels that are clearly coloured and that are dark. Only the
 * method curves are coloured, because text, grid, axes and the baseline are grey or black.
 */
async function pixelShares(png: Buffer): Promise<{ coloured: number; dark: number }> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  const { data } = context.getImageData(0, 0, image.width, image.height);
  let coloured = 0;
  let dark = 0;
  for (let i = 0; i < data.length; i += 4) {
    const channels = [data[i]!, data[i + 1]!, data[i + 2]!];
    if (Math.max(...channels) - Math.min(...channels) > 60) coloured++;
    if (Math.max(...channels) < 100) dark++;
  }
  const pixels = image.width * image.height;
  return { coloured: coloured / pixels, dark: dark / pixels };
}
