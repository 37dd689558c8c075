/**
 * Renders with fontconfig pointed at a configuration that lists no font
 * folders, as on a machine with no fonts installed. Vitest runs each test
 * file in its own process, and fontconfig reads FONTCONFIG_FILE when the
 * first font is registered, so the variable is set before the render layer
 * loads.
 */

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

const configFolder = mkdtempSync(join(tmpdir(), 'attncost-no-fonts-'));
writeFileSync(
  join(configFolder, 'fonts.conf'),
  `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n<fontconfig><cachedir>${configFolder}/cache</cachedir></fontconfig>\n`,
);
process.env.FONTCONFIG_FILE = join(configFolder, 'fonts.conf');

const { createCanvas, loadImage } = await import('canvas');
const { buildCostChart } = await import('../../src/chart/index.js');
const { estimateTextWidth, FONT_STACK } = await import('../../src/chart/typography.js');
const { bundledFontDirectory, renderChart } = await import('../../src/render/index.js');
const { syntheticSpec } = await import('./sample-specs.js');

function measure(text: string): number {
  const ctx = createCanvas(10, 10).getContext('2d');
  ctx.font = `100px ${FONT_STACK}`;
  return ctx.measureText(text).width;
}

describe('bundled font', () => {
  it('is found in assets/fonts', () => {
    expect(bundledFontDirectory()).toMatch(/assets[\\/]fonts$/);
  });

  it('draws text without system fonts', async () => {
    const text = 'Attention cost against sequence length';
    // With no font at all, Pango falls back to empty boxes of another width.
    const widthBefore = measure(text);

    const png = renderChart(buildCostChart(syntheticSpec(640, 400)), { format: 'png', width: 640, height: 400 });
    const widthAfter = measure(text);

    // Kerning makes real text up to a few per cent narrower than the sum of advances.
    const advances = estimateTextWidth(text, 100);
    expect(widthAfter).toBeLessThanOrEqual(advances);
    expect(widthAfter).toBeGreaterThan(advances * 0.95);
    expect(widthBefore).not.toBeCloseTo(widthAfter, 0);

    const image = await loadImage(png);
    const canvas = createCanvas(image.width, image.height);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(image, 0, 0);
    // The title sits in the top 30 pixels; its glyphs are near black.
    const pixels = ctx.getImageData(0, 0, 640, 30).data;
    let dark = 0;
    for (let offset = 0; offset < pixels.length; offset += 4) {
      if (pixels[offset]! < 80 && pixels[offset + 1]! < 80 && pixels[offset + 2]! < 80) {
        dark += 1;
      }
    }
    expect(dark).toBeGreaterThan(300);
  });
});
