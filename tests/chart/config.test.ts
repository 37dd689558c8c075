import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { buildCostChart, FIGURE_PLUGIN_ID, type CostChartSpec } from '../../src/chart/index.js';
import { syntheticSpec } from '../render/sample-specs.js';

type Dataset = { label: string; borderColor: string; borderWidth: number; borderDash: number[]; order: number; data: unknown[] };

function datasetsOf(spec: CostChartSpec): Dataset[] {
  return buildCostChart(spec).data.datasets as unknown as Dataset[];
}

describe('cost chart config', () => {
  it('draws every series with points', () => {
    const datasets = datasetsOf(syntheticSpec(640, 400));
    expect(datasets).toHaveLength(49);
    expect(new Set(datasets.map((dataset) => dataset.label)).size).toBe(49);
  });

  it('puts the baseline first and on top', () => {
    const datasets = datasetsOf(syntheticSpec(640, 400));
    const baseline = datasets[0]!;
    expect(baseline.label).toBe('Full attention (baseline)');
    expect(baseline.borderColor).toBe('#000000');
    expect(baseline.borderDash).toEqual([]);
    expect(baseline.order).toBeLessThan(Math.min(...datasets.slice(1).map((dataset) => dataset.order)));
    expect(baseline.borderWidth).toBeGreaterThan(Math.max(...datasets.slice(1).map((dataset) => dataset.borderWidth)));
  });

  it('keeps a label that already says baseline', () => {
    const spec = syntheticSpec(640, 400);
    spec.series[0]!.name = 'Softmax attention baseline';
    expect(datasetsOf(spec)[0]!.label).toBe('Softmax attention baseline');
  });

  it('uses log axes padded to whole powers', () => {
    const config = buildCostChart(syntheticSpec(640, 400));
    const scales = config.options?.scales as Record<string, { type: string; min: number; max: number }>;
    expect(scales.x).toMatchObject({ type: 'logarithmic', min: 128, max: 131072 });
    expect(scales.y!.type).toBe('logarithmic');
    expect(Math.log10(scales.y!.min) % 1).toBe(0);
    expect(Math.log10(scales.y!.max) % 1).toBe(0);
  });

  it('includes the reference line in the y domain', () => {
    const spec = syntheticSpec(640, 400, { referenceLine: 1e-3 });
    const scales = buildCostChart(spec).options?.scales as Record<string, { min: number }>;
    expect(scales.y!.min).toBe(1e-3);
  });

  it('turns off animation and responsiveness', () => {
    const options = buildCostChart(syntheticSpec(640, 400)).options!;
    expect(options.animation).toBe(false);
    expect(options.responsive).toBe(false);
    expect(options.plugins?.legend?.display).toBe(false);
  });

  it('defaults to an opaque white background', () => {
    expect(buildCostChart(syntheticSpec(640, 400)).options?.plugins?.[FIGURE_PLUGIN_ID]?.background).toBe('#ffffff');
    const transparent = buildCostChart(syntheticSpec(640, 400, { background: 'transparent' }));
    expect(transparent.options?.plugins?.[FIGURE_PLUGIN_ID]?.background).toBe('transparent');
  });

  it('keeps styles when a series has no points', () => {
    const full = datasetsOf(syntheticSpec(640, 400));
    const spec = syntheticSpec(640, 400);
    spec.series[5]!.points = [];
    const partial = datasetsOf(spec);
    expect(partial).toHaveLength(48);
    for (const dataset of partial) {
      const same = full.find((candidate) => candidate.label === dataset.label)!;
      expect(dataset.borderColor, dataset.label).toBe(same.borderColor);
      expect(dataset.borderDash, dataset.label).toEqual(same.borderDash);
    }
  });

  it('rejects points a log axis cannot show', () => {
    const spec = syntheticSpec(640, 400);
    spec.series[2]!.name = 'CBAM';
    spec.series[2]!.points[2] = { x: 512, y: 0 };
    expect(() => buildCostChart(spec)).toThrow(/Invalid point 2 \(x=512, y=0\) in series "CBAM"/);
  });

  it('rejects a size that is not positive', () => {
    expect(() => buildCostChart(syntheticSpec(0, 400))).toThrow(/Invalid chart width 0/);
    expect(() => buildCostChart(syntheticSpec(640, Number.NaN))).toThrow(/Invalid chart height NaN/);
  });

  it('leaves the spec unchanged', () => {
    const spec = syntheticSpec(640, 400);
    const before = JSON.stringify(spec);
    buildCostChart(spec);
    expect(JSON.stringify(spec)).toBe(before);
  });
});

describe('chart layer imports', () => {
  const folder = fileURLToPath(new URL('../../src/chart/', import.meta.url));

  it('loads no renderer and no Node module', () => {
    for (const file of readdirSync(folder).filter((name) => name.endsWith('.ts'))) {
      const source = readFileSync(folder + file, 'utf8');
      const imports = [...source.matchAll(/^import\s+(type\s+)?[^;]*?from\s+'([^']+)'/gms)];
      for (const [, typeOnly, module] of imports) {
        expect(module, `${file} imports ${module}`).not.toMatch(/^(canvas|chartjs-node-canvas|node:|fs$|path$)/);
        if (module === 'chart.js') {
          expect(typeOnly, `${file} imports chart.js at run time`).toBeDefined();
        }
      }
    }
  });
});
