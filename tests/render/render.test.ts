import { loadImage, type Image } from 'canvas';
import { describe, expect, it } from 'vitest';

import { buildCostChart, FIGURE_PLUGIN_ID, type CostChartSpec, type FigureLayoutReport, type Rect } from '../../src/chart/index.js';
import { renderChart, type RenderOptions } from '../../src/render/index.js';
import { syntheticSpec } from './sample-specs.js';
import { XMLValidator } from 'fast-xml-parser';

/** Decode a PNG into RGBA pixels with node-canvas. */
async function decodePng(png: Buffer): Promise<{ width: number; height: number; pixels: Uint8ClampedArray }> {
  const image: Image = await loadImage(png);
  const { createCanvas } = await import('canvas');
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  return { width: image.width, height: image.height, pixels: ctx.getImageData(0, 0, image.width, image.height).data };
}

function pixelAt(image: { width: number; pixels: Uint8ClampedArray }, x: number, y: number): number[] {
  const offset = (y * image.width + x) * 4;
  return [...image.pixels.slice(offset, offset + 4)];
}

/** Render with a layout report captured through the figure plugin's onLayout option. */
function renderWithReport(spec: CostChartSpec, options: Partial<RenderOptions> = {}): { image: Buffer; report: FigureLayoutReport } {
  const config = buildCostChart(spec);
  let report: FigureLayoutReport | undefined;
  config.options!.plugins![FIGURE_PLUGIN_ID] = {
    ...config.options!.plugins![FIGURE_PLUGIN_ID],
    onLayout: (placed) => {
      report = placed;
    },
  };
  const image = renderChart(config, { format: 'png', width: spec.width, height: spec.height, ...options });
  if (report === undefined) {
    throw new Error('the figure plugin reported no layout');
  }
  return { image, report };
}

function overlaps(a: Rect, b: Rect): boolean {
  const tolerance = 1e-6;
  return a.left < b.right - tolerance && b.left < a.right - tolerance && a.top < b.bottom - tolerance && b.top < a.bottom - tolerance;
}

function inside(rect: Rect, width: number, height: number): boolean {
  return rect.left >= 0 && rect.top >= 0 && rect.right <= width && rect.bottom <= height;
}

describe('PNG output', () => {
  it('has the requested size and an opaque background', async () => {
    const { image, report } = renderWithReport(syntheticSpec(640, 400));
    const decoded = await decodePng(image);
    expect(decoded.width).toBe(640);
    expect(decoded.height).toBe(400);

    let transparentPixels = 0;
    for (let offset = 3; offset < decoded.pixels.length; offset += 4) {
      if (decoded.pixels[offset] !== 255) {
        transparentPixels += 1;
      }
    }
    expect(transparentPixels).toBe(0);
    expect(pixelAt(decoded, 0, 0)).toEqual([255, 255, 255, 255]);
    expect(pixelAt(decoded, 639, 399)).toEqual([255, 255, 255, 255]);

    const area = report.chartArea;
    let drawn = 0;
    let total = 0;
    for (let y = Math.ceil(area.top) + 2; y < Math.floor(area.bottom) - 2; y++) {
      for (let x = Math.ceil(area.left) + 2; x < Math.floor(area.right) - 2; x++) {
        const [r, g, b] = pixelAt(decoded, x, y);
        total += 1;
        if (r! < 200 || g! < 200 || b! < 200) {
          drawn += 1;
        }
      }
    }
    expect(drawn / total).toBeGreaterThan(0.1);
  });

  it('doubles the pixels at scale 2 with the same layout', async () => {
    const single = renderWithReport(syntheticSpec(640, 400));
    const double = renderWithReport(syntheticSpec(640, 400), { scale: 2 });
    const decoded = await decodePng(double.image);
    expect(decoded.width).toBe(1280);
    expect(decoded.height).toBe(800);
    expect(double.report.width).toBe(640);
    expect(Math.abs(double.report.chartArea.left - single.report.chartArea.left)).toBeLessThan(2);
    expect(Math.abs(double.report.chartArea.right - single.report.chartArea.right)).toBeLessThan(2);
    expect(double.report.legend?.placement).toBe(single.report.legend?.placement);
  });

  it('leaves a transparent background clear', async () => {
    const { image } = renderWithReport(syntheticSpec(640, 400, { background: 'transparent' }));
    const decoded = await decodePng(image);
    expect(pixelAt(decoded, 0, 0)[3]).toBe(0);
    expect(pixelAt(decoded, 639, 399)[3]).toBe(0);
  });

  it('takes the background from the render options', async () => {
    const { image } = renderWithReport(syntheticSpec(640, 400), { background: '#ff0000' });
    expect(pixelAt(await decodePng(image), 0, 0)).toEqual([255, 0, 0, 255]);
  });

  it('gives the same bytes for the same input', () => {
    const config = buildCostChart(syntheticSpec(640, 400));
    const first = renderChart(config, { format: 'png', width: 640, height: 400 });
    const second = renderChart(buildCostChart(syntheticSpec(640, 400)), { format: 'png', width: 640, height: 400 });
    expect(second.equals(first)).toBe(true);
  });
});

describe('figure layout', () => {
  const cases: [number, number, CostChartSpec['legend']][] = [
    [640, 400, undefined],
    [640, 400, 'right'],
    [640, 400, 'bottom'],
    [1200, 800, undefined],
    [3000, 2000, undefined],
    [3000, 2000, 'right'],
  ];

  for (const [width, height, legend] of cases) {
    it(`keeps every element apart at ${width}×${height}, legend ${legend ?? 'auto'}`, () => {
      const spec = syntheticSpec(width, height, legend === undefined ? {} : { legend });
      const { report } = renderWithReport(spec);

      const cells = report.legend?.cells ?? [];
      expect(report.legend?.hiddenCount).toBe(0);
      expect(cells).toHaveLength(49);
      for (const cell of cells) {
        expect(inside(cell, width, height), `${cell.text} inside the canvas`).toBe(true);
        expect(overlaps(cell, report.chartArea), `${cell.text} clear of the plot`).toBe(false);
      }

      for (const axis of ['x', 'y'] as const) {
        const labels = report.tickLabels.filter((label) => label.axis === axis);
        expect(labels.length, `${axis} labels`).toBeGreaterThanOrEqual(2);
        for (let index = 0; index < labels.length; index++) {
          const label = labels[index]!;
          expect(inside(label, width, height), `${axis} label ${label.text} inside the canvas`).toBe(true);
          for (const cell of cells) {
            expect(overlaps(label, cell), `${axis} label ${label.text} clear of ${cell.text}`).toBe(false);
          }
          for (const other of labels.slice(index + 1)) {
            expect(overlaps(label, other), `${axis} labels ${label.text} and ${other.text}`).toBe(false);
          }
        }
      }

      const area = report.chartArea;
      expect(area.right - area.left).toBeGreaterThan(width * 0.4);
      expect(area.bottom - area.top).toBeGreaterThan(height * 0.3);
    });
  }
});

describe('SVG output', () => {
  const config = buildCostChart(syntheticSpec(640, 400));
  const svg = renderChart(config, { format: 'svg', width: 640, height: 400 }).toString('utf8');

  it('is well-formed XML', () => {
    expect(svg.startsWith('<?xml')).toBe(true);
    expect(XMLValidator.validate(svg)).toBe(true);
  });

  it('is sized in CSS pixels', () => {
    expect(svg).toMatch(/<svg\b[^>]*\bwidth="640"[^>]*\bheight="400"[^>]*\bviewBox="0 0 640 400"/);
  });

  it('draws text as glyph outlines', () => {
    expect(svg).toContain('<symbol overflow="visible" id="glyph');
    expect(svg).not.toContain('<text');
  });

  it('gives the same bytes for the same input', () => {
    const again = renderChart(config, { format: 'svg', width: 640, height: 400 }).toString('utf8');
    const rebuilt = renderChart(buildCostChart(syntheticSpec(640, 400)), { format: 'svg', width: 640, height: 400 }).toString('utf8');
    expect(again).toBe(svg);
    expect(rebuilt).toBe(svg);
  });

  it('loads as an image of the same size', async () => {
    const image = await loadImage(Buffer.from(svg));
    expect(image.width).toBe(640);
    expect(image.height).toBe(400);
  });
});

describe('PDF output', () => {
  it('embeds the bundled font', () => {
    const pdf = renderChart(buildCostChart(syntheticSpec(640, 400)), { format: 'pdf', width: 640, height: 400 });
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text).toMatch(/\/FontName\s*\/[A-Z]{6}\+DejaVuSans\b/);
    expect(text).toContain('/MediaBox [ 0 0 640 400 ]');
  });
});

describe('render options', () => {
  const config = buildCostChart(syntheticSpec(640, 400));

  it('rejects an unknown format', () => {
    expect(() => renderChart(config, { format: 'gif' as 'png', width: 640, height: 400 })).toThrow(/Invalid image format "gif"/);
  });

  it('rejects a scale that is not positive', () => {
    expect(() => renderChart(config, { format: 'png', width: 640, height: 400, scale: 0 })).toThrow(/Invalid scale 0/);
  });

  it('rejects a fractional size', () => {
    expect(() => renderChart(config, { format: 'png', width: 640.5, height: 400 })).toThrow(/Invalid width 640.5/);
  });

  it('rejects an image past the pixel limit', () => {
    expect(() => renderChart(config, { format: 'png', width: 20000, height: 400, scale: 2 })).toThrow(/above the 32767-pixel limit/);
  });

  it('leaves the configuration unchanged', () => {
    const before = config.options?.devicePixelRatio;
    renderChart(config, { format: 'png', width: 640, height: 400, scale: 2, background: 'transparent' });
    expect(config.options?.devicePixelRatio).toBe(before);
    expect(config.options?.plugins?.[FIGURE_PLUGIN_ID]?.background).toBe('#ffffff');
  });
});

describe('memory', () => {
  it('levels off over repeated renders', () => {
    // Few curves keep the loop fast; the surface size is what would pile up.
    const spec = syntheticSpec(1200, 800);
    spec.series = spec.series.slice(0, 4);
    const config = buildCostChart(spec);
    const render = () => renderChart(config, { format: 'png', width: 1200, height: 800 });
    for (let index = 0; index < 10; index++) {
      render();
    }
    const before = process.memoryUsage().rss;
    for (let index = 0; index < 40; index++) {
      render();
    }
    const growthMiB = (process.memoryUsage().rss - before) / 2 ** 20;
    // Without releasing surfaces, each render held its 3.7 MiB surface until
    // the event loop turned: about 150 MiB over this loop.
    expect(growthMiB).toBeLessThan(50);
  }, 60_000);
});
