import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadImage } from 'canvas';
import { describe, expect, it } from 'vitest';
import { assignments, defaultMethods, defaultSymbols, evaluateMethod, MAX_POINTS, WarningLog, type EvaluationContext } from '../src/index.js';
import { costFigureSpec, parseCssColor, type CostFigureOptions } from '../src/figures.js';
import { defaultSweepRange, geometricPoints } from '../src/curves.js';
import { InputError } from '../src/errors.js';
import { runBuiltCli } from './helpers/cli.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function tempFolder(): string {
  return mkdtempSync(join(tmpdir(), 'attncost-plot-options-'));
}

/** Returns a PNG's size from its IHDR chunk: big-endian 32-bit integers at bytes 16 and 20. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Decodes a PNG with node-canvas and returns the RGBA values of one pixel. */
async function pixelAt(png: Buffer, x: number, y: number): Promise<number[]> {
  const image = await loadImage(png);
  const { createCanvas } = await import('canvas');
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  return [...ctx.getImageData(x, y, 1, 1).data];
}

function context(global: Record<string, number> = {}, perMethod: Record<string, Record<string, number>> = {}): EvaluationContext {
  return { symbols: defaultSymbols(), assignments: assignments(global, perMethod), logBase: 2 };
}

function figure(options: Partial<CostFigureOptions> = {}, sizes = context(), warnings = new WarningLog()) {
  return costFigureSpec(defaultMethods(), sizes, { range: { variable: 'N', from: 128, to: 131_072 }, width: 1200, height: 800, ...options }, warnings);
}

describe('plot size options', () => {
  it('scales PNG pixels with --scale', () => {
    const cwd = tempFolder();
    const { status, stderr } = runBuiltCli(['plot', '--width', '640', '--height', '400', '--scale', '2'], { cwd });
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(pngSize(readFileSync(join(cwd, 'out', 'cost-vs-N.png')))).toEqual({ width: 1280, height: 800 });
  });

  it('rejects a scale beyond the pixel cap', () => {
    const { status, stderr } = runBuiltCli(['plot', '--width', '6000', '--scale', '2'], { cwd: tempFolder() });
    expect(status).toBe(2);
    expect(stderr).toBe(
      'error: Invalid --scale 2 with --width 6000: the PNG would be 12000 pixels wide; choose a scale that keeps each side from 200 to 10000 pixels.\n',
    );
  });

  it('rejects a width below the minimum', () => {
    const { status, stderr } = runBuiltCli(['plot', '--width', '100'], { cwd: tempFolder() });
    expect(status).toBe(2);
    expect(stderr).toBe('error: Invalid --width 100: use a whole number of pixels from 200 to 10000.\n');
  });
});

describe('plot --background', () => {
  it('leaves a transparent corner', async () => {
    const cwd = tempFolder();
    const { status } = runBuiltCli(['plot', '--background', 'transparent', '--width', '400', '--height', '300'], { cwd });
    expect(status).toBe(0);
    const corner = await pixelAt(readFileSync(join(cwd, 'out', 'cost-vs-N.png')), 0, 0);
    expect(corner[3]).toBe(0);
  });

  it('paints opaque white by default', async () => {
    const cwd = tempFolder();
    expect(runBuiltCli(['plot', '--width', '400', '--height', '300'], { cwd }).status).toBe(0);
    expect(await pixelAt(readFileSync(join(cwd, 'out', 'cost-vs-N.png')), 0, 0)).toEqual([255, 255, 255, 255]);
  });

  it('paints a named colour in any case', async () => {
    const cwd = tempFolder();
    expect(runBuiltCli(['plot', '--background', 'Red', '--width', '400', '--height', '300'], { cwd }).status).toBe(0);
    expect(await pixelAt(readFileSync(join(cwd, 'out', 'cost-vs-N.png')), 0, 0)).toEqual([255, 0, 0, 255]);
  });

  it('rejects a misspelt colour', () => {
    const cwd = tempFolder();
    const { status, stderr } = runBuiltCli(['plot', '--background', 'whte'], { cwd });
    expect(status).toBe(2);
    expect(stderr).toMatch(/^error: Invalid --background "whte": use a CSS colour name/);
    expect(existsSync(join(cwd, 'out'))).toBe(false);
  });

  it('accepts the forms node-canvas parses', () => {
    for (const color of ['white', 'transparent', '#fff', '#ffffff80', 'rgb(1, 2, 3)', 'rgba(0,0,0,0.5)', 'rgb(1 2 3 / 50%)', 'hsl(120, 50%, 50%)']) {
      expect(parseCssColor(color)).toBe(color.toLowerCase());
    }
  });

  it('rejects the forms node-canvas misreads', () => {
    for (const color of ['#ggg', 'rgb(10%, 20%, 30%)', 'hsl(120deg, 50%, 50%)', 'hsla(120 50% 50% / 0.5)', 'none', '']) {
      expect(() => parseCssColor(color)).toThrow(InputError);
    }
  });
});

describe('plot --format', () => {
  it('writes PNG and SVG side by side', () => {
    const cwd = tempFolder();
    const { status, stdout } = runBuiltCli(['plot', '--format', 'png,SVG', '--width', '400', '--height', '300'], { cwd });
    expect(status).toBe(0);
    expect(stdout).toBe(`Wrote ${join(cwd, 'out', 'cost-vs-N.png')}\nWrote ${join(cwd, 'out', 'cost-vs-N.svg')}\n`);
    expect(readdirSync(join(cwd, 'out')).sort()).toEqual(['cost-vs-N.png', 'cost-vs-N.svg']);
    expect(pngSize(readFileSync(join(cwd, 'out', 'cost-vs-N.png')))).toEqual({ width: 400, height: 300 });
    expect(readFileSync(join(cwd, 'out', 'cost-vs-N.svg'), 'utf8')).toMatch(/^<\?xml[^>]*>\s*<svg\b/);
  });

  it('replaces the --out extension per format', () => {
    const cwd = tempFolder();
    const { status } = runBuiltCli(['plot', '--out', 'fig/cost.SVG', '--format', 'pdf', '--format', 'svg', '--width', '400', '--height', '300'], { cwd });
    expect(status).toBe(0);
    expect(readdirSync(join(cwd, 'fig')).sort()).toEqual(['cost.pdf', 'cost.svg']);
    expect(readFileSync(join(cwd, 'fig', 'cost.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('takes the format from the --out extension', () => {
    const cwd = tempFolder();
    expect(runBuiltCli(['plot', '--out', 'figure.pdf', '--width', '400', '--height', '300'], { cwd }).status).toBe(0);
    expect(readdirSync(cwd)).toEqual(['figure.pdf']);
    expect(readFileSync(join(cwd, 'figure.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('rejects an unknown format with the closest', () => {
    const cwd = tempFolder();
    const { status, stderr } = runBuiltCli(['plot', '--format', 'png,sgv'], { cwd });
    expect(status).toBe(2);
    expect(stderr).toBe('error: Invalid --format "sgv": use png, svg or pdf (did you mean svg?).\n');
    expect(existsSync(join(cwd, 'out'))).toBe(false);
  });

  it('rejects an --out extension it cannot write', () => {
    const { status, stderr } = runBuiltCli(['plot', '--out', 'figure.jpg'], { cwd: tempFolder() });
    expect(status).toBe(2);
    expect(stderr).toBe('error: Cannot tell the image format from --out figure.jpg: end the name with .png, .svg or .pdf, or give --format.\n');
  });
});

describe('plot --legend', () => {
  it('passes the placement to the chart', () => {
    expect(figure({ legend: 'none' }).legend).toBe('none');
    expect(figure().legend).toBeUndefined();
  });

  it('accepts any case on the command line', () => {
    expect(runBuiltCli(['plot', '--legend', 'Bottom', '--width', '400', '--height', '300'], { cwd: tempFolder() }).status).toBe(0);
  });

  it('rejects an unknown placement', () => {
    const { status, stderr } = runBuiltCli(['plot', '--legend', 'left'], { cwd: tempFolder() });
    expect(status).toBe(2);
    expect(stderr).toBe('error: Invalid --legend "left": use right, bottom, none or auto.\n');
  });
});

describe('plot --top', () => {
  it('keeps five methods and the baseline', () => {
    const spec = figure({ top: 5 });
    expect(spec.series).toHaveLength(6);
    expect(spec.series[0]!.baseline).toBe(true);
    expect(spec.subtitle).toMatch(/^The 5 methods cheapest at N = 128K, and the baseline; /);
  });

  it('keeps the cheapest at the end of the range', () => {
    const spec = figure({ top: 5 });
    const all = figure();
    const costAtEnd = (name: string): number => all.series.find((series) => series.name === name)!.points.at(-1)!.y;
    const keptMax = Math.max(...spec.series.filter((series) => !series.baseline).map((series) => costAtEnd(series.name)));
    const kept = new Set(spec.series.map((series) => series.name));
    for (const series of all.series) {
      if (!kept.has(series.name)) expect(costAtEnd(series.name)).toBeGreaterThanOrEqual(keptMax);
    }
  });

  it('notes methods left out by a tie', () => {
    const spec = figure({ top: 5 });
    expect(spec.notes).toContain('Also as cheap as RFA at the end of the range, but left out by catalogue order: AutoNL, FracTAL.');
  });

  it('rejects zero on the command line', () => {
    const { status, stderr } = runBuiltCli(['plot', '--top', '0'], { cwd: tempFolder() });
    expect(status).toBe(2);
    expect(stderr).toBe('error: Invalid --top "0": use a whole number of at least 1.\n');
  });

  it('writes the figure from the command line', () => {
    const cwd = tempFolder();
    expect(runBuiltCli(['plot', '--top', '5', '--width', '400', '--height', '300'], { cwd }).status).toBe(0);
    expect(existsSync(join(cwd, 'out', 'cost-vs-N.png'))).toBe(true);
  });
});

describe('plot --relative', () => {
  it('draws a reference line at 1', () => {
    const spec = figure({ relative: true });
    expect(spec.referenceLine).toBe(1);
    expect(spec.yLabel).toBe('cost relative to full attention');
    const baseline = spec.series.find((series) => series.baseline)!;
    expect(baseline.points.every((point) => point.y === 1)).toBe(true);
  });

  it('divides by the full-attention cost', () => {
    const spec = figure({ relative: true });
    const linformer = spec.series.find((series) => series.name === 'Linformer')!;
    const point = linformer.points[40]!;
    const methods = defaultMethods();
    const at = context({ N: point.x });
    const expected = evaluateMethod(methods.find((method) => method.name === 'Linformer')!, at).cost / evaluateMethod(methods.find((method) => method.baseline)!, at).cost;
    expect(point.y).toBeCloseTo(expected, 12);
    expect(point.y).toBeLessThan(1);
  });

  it('names the file relative-cost-vs-N', () => {
    const cwd = tempFolder();
    const { status, stdout } = runBuiltCli(['plot', '--relative', '--width', '400', '--height', '300'], { cwd });
    expect(status).toBe(0);
    expect(stdout).toBe(`Wrote ${join(cwd, 'out', 'relative-cost-vs-N.png')}\n`);
  });
});

describe('plot --x', () => {
  const range = (variable: string, from: number, to: number) => ({ variable, from, to });

  it('sweeps D with decimal ticks and N fixed', () => {
    const spec = figure({ range: range('D', 10, 1000) });
    expect(spec.xTickStyle).toBe('decimal');
    expect(spec.title).toBe('Attention cost against head dimension D');
    expect(spec.subtitle).toBe('N = 4096, log base 2; other symbols at their per-method defaults');
    const full = spec.series.find((series) => series.baseline)!;
    // Full attention is N^2 D, so at D = 10 it costs 4096^2 * 10.
    expect(full.points[0]).toEqual({ x: 10, y: 4096 ** 2 * 10 });
  });

  it('takes N from --N', () => {
    const spec = figure({ range: range('D', 10, 1000) }, context({ N: 1024 }));
    expect(spec.subtitle).toBe('N = 1024, log base 2; other symbols at their per-method defaults');
    expect(spec.series.find((series) => series.baseline)!.points[0]!.y).toBe(1024 ** 2 * 10);
  });

  it('defaults to whole decades around the value', () => {
    expect(defaultSweepRange('D', context())).toEqual({ from: 10, to: 1000 });
    expect(defaultSweepRange('N', context())).toEqual({ from: 128, to: 131_072 });
    // H defaults to the square root of N, so 64 at N = 4096.
    expect(defaultSweepRange('H', context())).toEqual({ from: 10, to: 1000 });
  });

  it('names the file cost-vs-D', () => {
    const cwd = tempFolder();
    const { status, stdout, stderr } = runBuiltCli(['plot', '--x', 'D', '--N', '2K', '--width', '400', '--height', '300'], { cwd });
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toBe(`Wrote ${join(cwd, 'out', 'cost-vs-D.png')}\n`);
  });

  it('rejects a symbol no method uses', () => {
    const { status, stderr } = runBuiltCli(['plot', '--x', 'Z'], { cwd: tempFolder() });
    expect(status).toBe(2);
    expect(stderr).toMatch(/^error: No selected method uses the symbol Z, so sweeping it would draw flat lines; sweep one of D, .*N/);
  });

  it('rejects a value set for the swept symbol', () => {
    const { status, stderr } = runBuiltCli(['plot', '--x', 'D', '--D', '128'], { cwd: tempFolder() });
    expect(status).toBe(2);
    expect(stderr).toBe('error: Symbol D is swept, so it cannot also be set (to 128); drop that value or sweep another symbol.\n');
  });

  it('rejects --N when N is swept', () => {
    const { status, stderr } = runBuiltCli(['plot', '--N', '4096'], { cwd: tempFolder() });
    expect(status).toBe(2);
    expect(stderr).toBe('error: Symbol N is swept, so it cannot also be set (to 4096); drop that value or sweep another symbol.\n');
  });
});

describe('plot with nothing to draw', () => {
  // BP-Transformer's log(N/k) is negative wherever N < k, so k = 1M leaves every point of 128 to 128K out.
  const set = { 'BP-Transformer': { k: 1_048_576 } };

  it('notes the method on the figure', () => {
    const warnings = new WarningLog();
    const spec = figure({}, context({}, set), warnings);
    expect(spec.notes).toContain('Nothing to draw for BP-Transformer (cost is negative): no point of the range can be drawn on a log axis.');
    expect(spec.series.find((series) => series.name === 'BP-Transformer')!.points).toEqual([]);
    expect(warnings.list().map((warning) => warning.code)).toEqual(['nothing_to_draw']);
  });

  it('names the method in the warning', () => {
    const { status, stderr } = runBuiltCli(['plot', '--set', 'BP-Transformer.k=1M', '--width', '400', '--height', '300'], { cwd: tempFolder() });
    expect(status).toBe(0);
    expect(stderr).toBe('warning: BP-Transformer: cost is negative over the whole range (N from 128 to 131072); nothing to draw.\n');
  });

  it('notes points left out of a drawn curve', () => {
    const spec = figure({}, context({}, { 'BP-Transformer': { k: 1024 } }));
    // N = 1024, where the cost is zero, falls between two sample points.
    expect(spec.notes).toEqual(['Points left out: BP-Transformer (cost is negative for N from 128 to 1007).']);
  });
});

describe('plot --points', () => {
  it('sets the points per curve', () => {
    const spec = figure({ range: { variable: 'N', from: 128, to: 131_072, points: 50 } });
    expect(spec.series[0]!.points).toHaveLength(50);
  });

  it('rejects a count above the cap', () => {
    const { status, stderr } = runBuiltCli(['plot', '--points', '20000'], { cwd: tempFolder() });
    expect(status).toBe(2);
    expect(stderr).toBe(`error: Invalid --points 20000: use a whole number of sample points from 2 to ${MAX_POINTS}, the cap that bounds drawing time.\n`);
  });

  it('rejects a range that needs too many points', () => {
    const { status, stderr } = runBuiltCli(['plot', '--from', '1e-300', '--to', '1M'], { cwd: tempFolder() });
    expect(status).toBe(2);
    expect(stderr).toBe(
      `error: The range 1e-300 to 1048576 needs 12242 points at 40 per decade, more than the cap of ${MAX_POINTS}; narrow the range or set a smaller number of points (--points).\n`,
    );
  });

  it('raises InputError for an empty range', () => {
    expect(() => geometricPoints(10, 10)).toThrow(InputError);
  });
});

describe('plot file replacement', () => {
  it('replaces an existing figure whole', () => {
    const cwd = tempFolder();
    const out = join(cwd, 'figure.png');
    writeFileSync(out, 'stale');
    expect(runBuiltCli(['plot', '--out', 'figure.png', '--width', '400', '--height', '300'], { cwd }).status).toBe(0);
    expect(pngSize(readFileSync(out))).toEqual({ width: 400, height: 300 });
    expect(readdirSync(cwd)).toEqual(['figure.png']);
  });
});
