/**
 * The explorer page: one self-contained HTML file that runs the bundled evaluator, Chart.js and
 * KaTeX from inline scripts and styles, so it works opened from disk with no network.
 *
 * This module only assembles text. The CLI reads the bundled assets (dist/explorer/, written by
 * scripts/bundle-explorer.mjs) and writes the result.
 */
import type { ExplorerData } from './embedded.js';
import { LOG_BASE_CHOICES } from './controls.js';

/** A bundled third-party package, named in the page's notices as its licence requires. */
export interface ThirdPartyNotice {
  name: string;
  version: string;
  /** SPDX licence identifier from the package's package.json. */
  license: string;
  /** The package's licence file, where it has one. */
  text?: string;
}

export interface ExplorerAssets {
  /** The browser bundle: an immediately invoked script that reads the embedded data. */
  script: string;
  /** The page's style sheet with KaTeX's style sheet and fonts included. */
  style: string;
  notices: readonly ThirdPartyNotice[];
}

/**
 * Content Security Policy of the page. It blocks every request except data: fonts and images,
 * so a page that tried to load anything would fail visibly instead of reaching a network.
 * 'unsafe-eval' is needed because src/compile.ts turns each formula into a function with
 * `new Function`.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'unsafe-inline' 'unsafe-eval'",
  "style-src 'unsafe-inline'",
  'img-src data:',
  'font-src data:',
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Builds the page's HTML. Throws when an asset would end its inline element early. */
export function buildExplorerPage(data: ExplorerData, assets: ExplorerAssets): string {
  checkInline(assets.script, 'script', 'the browser bundle');
  checkInline(assets.style, 'style', 'the style sheet');

  const n = data.symbols.global['N'];
  const d = data.symbols.global['D'];
  const methodCount = data.catalogue.length;

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(CONTENT_SECURITY_POLICY)}">
<meta name="generator" content="attncost ${escapeHtml(data.version)}">
<title>attncost explorer</title>
<style>${assets.style}</style>
</head>
<body>
<a class="skip-link" id="skip-link" href="#results">Skip to the chart and ranking</a>
<header class="page-header">
  <h1>attncost explorer</h1>
  <p>Costs of ${methodCount} efficient-attention methods and full attention, evaluated from their published time
  complexities with constant factors omitted. Change the sizes to redraw the curves and re-rank the methods.
  Everything runs in this page, which sends nothing anywhere.</p>
  <p class="version">attncost ${escapeHtml(data.version)}</p>
</header>
<noscript><p class="error-text">The explorer needs JavaScript to evaluate the formulas.</p></noscript>
<main class="layout">
  <section class="panel controls" aria-labelledby="controls-heading">
    <h2 id="controls-heading">Sizes</h2>
    <fieldset>
      <legend>Sequence length N</legend>
      <p class="meaning" id="n-meaning">${escapeHtml(n?.meaning ?? 'sequence length')}</p>
      <div class="field-row">
        ${textField('from', 'Plot from', 'range-hint')}
        ${textField('to', 'to', 'range-hint')}
      </div>
      <p class="hint" id="range-hint">Numbers such as 4096, 1e6 or 64K (K and M are binary: 64K = 65536).</p>
      ${textField('rankN', 'Rank at N', 'n-meaning')}
      ${sliderField('rankN-slider', 'rankN', 'Rank at N, in powers of two', 0, 40)}
    </fieldset>
    <fieldset>
      <legend>Head dimension D</legend>
      <p class="meaning" id="d-meaning">${escapeHtml(d?.meaning ?? 'head dimension')}</p>
      ${textField('D', 'D', 'd-hint', `default ${d?.default ?? ''}`)}
      <p class="hint" id="d-hint">Leave empty to keep every method's default.</p>
      ${sliderField('D-slider', 'D', 'D, in powers of two', 0, 14)}
    </fieldset>
    <details class="symbols" id="global-symbols-details">
      <summary>Other symbols, for every method</summary>
      <p class="hint">A value set here replaces the symbol in every method that uses it, including methods with a default of their own.
      Leave a field empty to keep the defaults.</p>
      <div id="global-symbols"></div>
    </details>
    <fieldset>
      <legend>Base of logarithms written without one</legend>
      <div class="radio-row">
        ${LOG_BASE_CHOICES.map((base) => `<label class="radio"><input type="radio" name="log-base" value="${base}" id="log-base-${base}"> ${base}</label>`).join('\n        ')}
      </div>
    </fieldset>
    <div class="checkbox-row">
      <input type="checkbox" id="causal-only">
      <label for="causal-only">Causal methods only</label>
    </div>
    <button type="button" id="reset">Reset all controls</button>
  </section>

  <section class="panel chart-panel" id="results" aria-labelledby="chart-heading" tabindex="-1">
    <h2 id="chart-heading">Cost against N</h2>
    <p class="error-text" id="results-error" role="alert" hidden></p>
    <div class="chart-box">
      <canvas id="chart" role="img" aria-label="Log-log chart of cost against sequence length N. The ranking table lists the same costs at one N."></canvas>
    </div>
    <div class="button-row">
      <button type="button" id="copy-plot">Copy plot command</button>
      <button type="button" id="save-png">Save chart as PNG</button>
    </div>
    <p class="hint">The PNG is the chart as shown, without a legend; the plot command draws the figure with one.</p>
    <pre class="command" tabindex="0" aria-label="plot command"><code id="plot-command"></code></pre>
    <p class="status" id="plot-status" role="status"></p>
    <div id="warnings" hidden>
      <h3>Warnings</h3>
      <ul id="warning-list"></ul>
    </div>
  </section>

  <section class="panel ranking-panel" aria-labelledby="ranking-heading">
    <h2 id="ranking-heading">Ranking</h2>
    <div class="button-row">
      <button type="button" id="copy-rank">Copy rank command</button>
    </div>
    <pre class="command" tabindex="0" aria-label="rank command"><code id="rank-command"></code></pre>
    <p class="status" id="rank-status" role="status"></p>
    <p class="caption" id="ranking-caption"></p>
    <div class="table-scroll" tabindex="0" role="region" aria-labelledby="ranking-heading">
      <table id="ranking" aria-labelledby="ranking-heading" aria-describedby="ranking-caption">
        <thead id="ranking-head"></thead>
        <tbody id="ranking-body"></tbody>
      </table>
    </div>
  </section>

  <section class="panel methods-panel" aria-labelledby="methods-heading">
    <h2 id="methods-heading">Methods</h2>
    <div class="search">
      <label for="search">Search methods</label>
      <input type="search" id="search" autocomplete="off" aria-describedby="search-status">
      <p class="status" id="search-status" role="status"></p>
    </div>
    <div class="button-row">
      <button type="button" id="select-all">Select all</button>
      <button type="button" id="select-none">Select none</button>
      <button type="button" id="select-matches">Select only matches</button>
    </div>
    <ul class="method-list" id="method-list"></ul>
  </section>
</main>
<footer class="page-footer">
  ${noticesHtml(assets.notices)}
</footer>
<script type="application/json" id="explorer-data">${embedJson(data)}</script>
<script>${assets.script}</script>
</body>
</html>
`;
}

function textField(id: string, label: string, describedBy: string, placeholder = ''): string {
  const hint = placeholder === '' ? '' : ` placeholder="${escapeHtml(placeholder)}"`;
  return `<div class="field">
        <label for="${id}">${escapeHtml(label)}</label>
        <input type="text" id="${id}" inputmode="decimal" autocomplete="off" spellcheck="false" aria-describedby="${describedBy} ${id}-error"${hint}>
        <p class="error-text" id="${id}-error" hidden></p>
      </div>`;
}

function sliderField(id: string, controls: string, label: string, min: number, max: number): string {
  return `<div class="field slider">
        <label for="${id}">${escapeHtml(label)}</label>
        <input type="range" id="${id}" min="${min}" max="${max}" step="1" aria-controls="${controls}">
      </div>`;
}

function noticesHtml(notices: readonly ThirdPartyNotice[]): string {
  if (notices.length === 0) return '';
  const items = notices
    .map((notice) => {
      const text = notice.text === undefined ? '' : `<pre class="licence">${escapeHtml(notice.text)}</pre>`;
      return `<li><strong>${escapeHtml(notice.name)}</strong> ${escapeHtml(notice.version)}, ${escapeHtml(notice.license)} licence${text}</li>`;
    })
    .join('\n    ');
  return `<details>
  <summary>Third-party software in this page</summary>
  <ul class="notices">
    ${items}
  </ul>
</details>`;
}

/**
 * Writes JSON for a `<script type="application/json">` element. Escaping `<` keeps `</script>`
 * and `<!--` inside strings from ending or changing the element, and JSON.parse reads `\u003c`
 * back as `<`.
 */
function embedJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

function checkInline(text: string, element: 'script' | 'style', description: string): void {
  if (new RegExp(`</${element}`, 'i').test(text)) {
    throw new Error(`${description} contains "</${element}", which would end the inline element early; escape it when bundling.`);
  }
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
