/**
 * Writes sample figures to out/samples for inspection by eye. Runs only when
 * ATTNCOST_WRITE_SAMPLES=1, because tests otherwise leave no files behind.
 */

import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { describe, it } from 'vitest';

import { buildCostChart } from '../../src/chart/index.js';
import { renderChart, type ImageFormat } from '../../src/render/index.js';
import { sequenceLengths, syntheticSeries, syntheticSpec } from './sample-specs.js';

const enabled = process.env.ATTNCOST_WRITE_SAMPLES === '1';
const outDirectory = fileURLToPath(new URL('../../out/samples/', import.meta.url));

const SIZES: [number, number][] = [
  [640, 400],
  [1200, 800],
  [3000, 2000],
];

describe.runIf(enabled)('sample figures', () => {
  it('writes PNG, SVG and PDF samples', () => {
    mkdirSync(outDirectory, { recursive: true });

    for (const [width, height] of SIZES) {
      for (const legend of [undefined, 'right', 'bottom'] as const) {
        const spec = syntheticSpec(width, height, legend === undefined ? {} : { legend });
        const config = buildCostChart(spec);
        const formats: ImageFormat[] = legend === undefined ? ['png', 'svg', 'pdf'] : ['png'];
        for (const format of formats) {
          const image = renderChart(config, { format, width, height });
          writeFileSync(`${outDirectory}cost-${width}x${height}-${legend ?? 'auto'}.${format}`, image);
        }
      }
    }

    const relative = syntheticSpec(640, 400, {
      title: 'Cost relative to full attention',
      yLabel: 'cost / full-attention cost',
      referenceLine: 1,
      series: syntheticSpec(640, 400).series.map((series) => ({
        ...series,
        points: series.points.map((point) => ({ x: point.x, y: point.y / (point.x * point.x * 64) })),
      })),
    });
    writeFileSync(`${outDirectory}relative-640x400.png`, renderChart(buildCostChart(relative), { format: 'png', width: 640, height: 400 }));
    const wideLengths = sequenceLengths(4, 30);
    const wide = syntheticSpec(640, 400, { series: syntheticSeries(wideLengths), legend: 'bottom' });
    writeFileSync(`${outDirectory}wide-range-640x400.png`, renderChart(buildCostChart(wide), { format: 'png', width: 640, height: 400 }));

    const decimal = syntheticSpec(800, 500, {
      xTickStyle: 'decimal',
      xLabel: 'head size D',
      series: syntheticSeries([10, 100, 1000, 10_000, 100_000, 1_000_000]),
    });
    writeFileSync(`${outDirectory}decimal-800x500.png`, renderChart(buildCostChart(decimal), { format: 'png', width: 800, height: 500 }));

    const transparent = syntheticSpec(640, 400, { background: 'transparent' });
    writeFileSync(
      `${outDirectory}transparent-640x400.png`,
      renderChart(buildCostChart(transparent), { format: 'png', width: 640, height: 400 }),
    );

    const small = syntheticSpec(320, 240);
    writeFileSync(`${outDirectory}small-320x240.png`, renderChart(buildCostChart(small), { format: 'png', width: 320, height: 240 }));

    writeFileSync(
      `${outDirectory}cost-640x400-scale2.png`,
      renderChart(buildCostChart(syntheticSpec(640, 400)), { format: 'png', width: 640, height: 400, scale: 2 }),
    );
  });
});
