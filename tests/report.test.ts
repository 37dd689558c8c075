import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import packageJson from '../package.json' with { type: 'json' };
import { assignments, defaultMethods, defaultSymbols, WarningLog } from '../src/index.js';
import { buildReport, DEFAULT_REPORT_SIZES } from '../src/report.js';
import { runBuiltCli } from './helpers/cli.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const REPORT_FILES = ['README.md', 'cost-vs-N.png', 'relative-cost-vs-N.png'];

function tempFolder(): string {
  return mkdtempSync(join(tmpdir(), 'attncost-report-'));
}

/** Returns the targets of the Markdown links and images that are not web addresses. */
function localLinks(markdown: string): string[] {
  return [...markdown.matchAll(/\]\(([^)]+)\)/g)].map((match) => match[1]!).filter((target) => !/^[a-z]+:/i.test(target));
}

function readFolder(folder: string): Map<string, Buffer> {
  return new Map(readdirSync(folder).map((name) => [name, readFileSync(join(folder, name))]));
}

describe('attncost report', () => {
  it('writes the page and its figures', () => {
    const cwd = tempFolder();
    const { status, stdout, stderr } = runBuiltCli(['report', '--at', '1K,4K'], { cwd });
    expect(stderr).toMatch(/^(warning: .*\n)*$/);
    expect(status).toBe(0);

    const folder = join(cwd, 'out', 'report');
    expect(readdirSync(folder).sort()).toEqual(REPORT_FILES);
    expect(stdout).toBe(REPORT_FILES.slice(1).map((name) => `Wrote ${join(folder, name)}\n`).join('') + `Wrote ${join(folder, 'README.md')}\n`);
    for (const name of REPORT_FILES.slice(1)) {
      const png = readFileSync(join(folder, name));
      expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    }
  });

  it('links figures by relative paths that exist', () => {
    const cwd = tempFolder();
    expect(runBuiltCli(['report', '--out', 'paper'], { cwd }).status).toBe(0);
    const markdown = readFileSync(join(cwd, 'paper', 'README.md'), 'utf8');
    const links = localLinks(markdown);
    expect(links).toEqual(['cost-vs-N.png', 'relative-cost-vs-N.png']);
    for (const link of links) expect(existsSync(join(cwd, 'paper', link))).toBe(true);
  });

  it('records the command and the version', () => {
    const cwd = tempFolder();
    expect(runBuiltCli(['report', '--out', 'r', '--at', '2K', '--at', '8K', '--D', '128', '--set', 'k=32', '--causal'], { cwd }).status).toBe(0);
    const markdown = readFileSync(join(cwd, 'r', 'README.md'), 'utf8');
    expect(markdown).toContain(`Made with attncost ${packageJson.version} by this command:`);
    expect(markdown).toContain('```sh\nattncost report --out r --at 2K,8K --D 128 --set k=32 --causal\n```');
    expect(markdown).toContain('- Rankings: N = 2K and 8K.');
    expect(markdown).toContain('- Held fixed: D = 128, k = 32, log base 2; other symbols at their per-method defaults.');
  });

  it('holds every section', () => {
    const cwd = tempFolder();
    expect(runBuiltCli(['report'], { cwd }).status).toBe(0);
    const markdown = readFileSync(join(cwd, 'out', 'report', 'README.md'), 'utf8');
    const headings = markdown.split('\n').filter((line) => line.startsWith('#'));
    expect(headings).toEqual([
      '# Attention cost report',
      '## Sizes',
      '## Cost against sequence length',
      '## Cost relative to full attention',
      '## Rankings',
      '### N = 1K',
      '### N = 4K',
      '### N = 16K',
      '### N = 64K',
      '## Growth and crossover with full attention',
      '## Methods',
      '## Warnings',
    ]);
    expect(markdown).toContain('- Figures: N from 128 to 128K, 122 points per curve on a log scale.');
    expect(markdown).toContain('- Logarithms written without a base use base 2.');
    expect(markdown).toContain('| Full attention (baseline) | $N^2 D$ | [arXiv:1706.03762](https://arxiv.org/abs/1706.03762) | none | yes |');
    expect(markdown).toContain('| Linformer | $O(N)$ | more expensive up to N = ');
    expect(markdown).toMatch(/\| Interlaced Attention \| \$[^|]+\$ \| \[arXiv:1907\.12273\]\(https:\/\/arxiv\.org\/abs\/1907\.12273\) \| in the paper \| yes \|/);
    expect(markdown).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('lists the warnings on the page', () => {
    const cwd = tempFolder();
    const { status, stderr } = runBuiltCli(['report', '--set', 'BP-Transformer.k=1M', '--at', '4K'], { cwd });
    expect(status).toBe(0);
    const markdown = readFileSync(join(cwd, 'out', 'report', 'README.md'), 'utf8');
    const warning = 'BP-Transformer: cost is negative over the whole range (N from 128 to 131072); nothing to draw.';
    expect(stderr).toContain(`warning: ${warning}\n`);
    expect(markdown).toContain(`## Warnings\n\n- ${warning}\n`);
    expect(markdown).toContain('Nothing to draw for BP-Transformer (cost is negative)');
  });

  it('writes identical bytes when run again', () => {
    const cwd = tempFolder();
    const args = ['report', '--out', 'again', '--at', '1K,16K', '--set', 'Linformer.k=128'];
    expect(runBuiltCli(args, { cwd }).status).toBe(0);
    const first = readFolder(join(cwd, 'again'));
    expect(runBuiltCli(args, { cwd }).status).toBe(0);
    const second = readFolder(join(cwd, 'again'));

    expect([...second.keys()].sort()).toEqual(REPORT_FILES);
    for (const [name, bytes] of first) {
      expect(second.get(name)!.equals(bytes), `${name} differs between runs`).toBe(true);
    }
  });

  it('replaces earlier files and keeps others', () => {
    const cwd = tempFolder();
    const folder = join(cwd, 'out', 'report');
    expect(runBuiltCli(['report', '--at', '1K'], { cwd }).status).toBe(0);
    writeFileSync(join(folder, 'README.md'), 'stale');
    writeFileSync(join(folder, 'cost-vs-N.png'), 'stale');
    writeFileSync(join(folder, 'notes.txt'), 'mine');

    expect(runBuiltCli(['report', '--at', '1K'], { cwd }).status).toBe(0);
    expect(readFileSync(join(folder, 'README.md'), 'utf8')).toMatch(/^# Attention cost report\n/);
    expect(readFileSync(join(folder, 'cost-vs-N.png')).subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(readFileSync(join(folder, 'notes.txt'), 'utf8')).toBe('mine');
    expect(readdirSync(folder).sort()).toEqual([...REPORT_FILES, 'notes.txt'].sort());
  });

  it('rejects an invalid ranking size', () => {
    const cwd = tempFolder();
    const { status, stderr } = runBuiltCli(['report', '--at', '1K,0'], { cwd });
    expect(status).toBe(2);
    expect(stderr).toBe('error: Invalid value "0" for --at: sizes must be greater than 0.\n');
    expect(existsSync(join(cwd, 'out'))).toBe(false);
  });
});

describe('buildReport', () => {
  const context = () => ({ symbols: defaultSymbols(), assignments: assignments(), logBase: 2 });
  const options = { range: { variable: 'N', from: 128, to: 131_072 }, at: DEFAULT_REPORT_SIZES, commandLine: 'attncost report', version: '0.0.0' };

  it('returns the same page for the same inputs', () => {
    const first = buildReport(defaultMethods(), context(), options, new WarningLog());
    const second = buildReport(defaultMethods(), context(), options, new WarningLog());
    expect(second.markdown).toBe(first.markdown);
  });

  it('lists both figures with their specifications', () => {
    const report = buildReport(defaultMethods(), context(), options, new WarningLog());
    expect(report.figures.map((figure) => figure.file)).toEqual(['cost-vs-N.png', 'relative-cost-vs-N.png']);
    expect(report.figures[1]!.spec.referenceLine).toBe(1);
    expect(report.figures[0]!.spec.series).toHaveLength(49);
  });

  it('counts a warning of both figures once', () => {
    const warnings = new WarningLog();
    const sizes = { ...context(), assignments: assignments({}, { 'BP-Transformer': { k: 1_048_576 } }) };
    buildReport(defaultMethods(), sizes, { ...options, at: [4096] }, warnings);
    const nothing = warnings.list().filter((warning) => warning.code === 'nothing_to_draw');
    expect(nothing.map((warning) => warning.count)).toEqual([1]);
  });
});
