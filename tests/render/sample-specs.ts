/**
 * Synthetic cost figures for render tests and sample images: the 48 method
 * names of data/FastAttention.json with made-up costs from a few growth
 * classes, plus the full-attention baseline N²·D.
 */

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import type { CostChartSpec, CostSeries } from '../../src/chart/index.js';

const HEAD_SIZE = 64;

interface MethodRecord {
  name: string;
  causal: boolean;
}

export function methodRecords(): MethodRecord[] {
  const path = fileURLToPath(new URL('../../data/FastAttention.json', import.meta.url));
  const records = JSON.parse(readFileSync(path, 'utf8')) as { name: string; causal?: boolean }[];
  return records.map((record) => ({ name: record.name, causal: record.causal === true }));
}

/** Growth classes that the synthetic methods cycle through, as cost functions of N. */
const GROWTH_CLASSES: ((n: number) => number)[] = [
  (n) => 4 * n * HEAD_SIZE,
  (n) => n * Math.log2(n) * HEAD_SIZE,
  (n) => n ** 1.5 * HEAD_SIZE,
  (n) => n * HEAD_SIZE * HEAD_SIZE,
  (n) => 256 * n * HEAD_SIZE,
  (n) => (n * n * HEAD_SIZE) / 8,
];

export function sequenceLengths(fromExponent = 7, toExponent = 17): number[] {
  const lengths: number[] = [];
  for (let exponent = fromExponent; exponent <= toExponent; exponent++) {
    lengths.push(2 ** exponent);
  }
  return lengths;
}

export function syntheticSeries(lengths = sequenceLengths()): CostSeries[] {
  const baseline: CostSeries = {
    name: 'Full attention',
    baseline: true,
    causal: true,
    points: lengths.map((n) => ({ x: n, y: n * n * HEAD_SIZE })),
  };

  const methods = methodRecords().map((record, index): CostSeries => {
    const growth = GROWTH_CLASSES[index % GROWTH_CLASSES.length]!;
    // A per-method factor separates curves of one class slightly, as real constants would.
    const factor = 1 + (index % 7) * 0.35;
    return {
      name: record.name,
      baseline: false,
      causal: record.causal,
      points: lengths.map((n) => ({ x: n, y: growth(n) * factor })),
    };
  });

  return [baseline, ...methods];
}

export function syntheticSpec(width: number, height: number, overrides: Partial<CostChartSpec> = {}): CostChartSpec {
  return {
    series: syntheticSeries(),
    title: 'Attention cost against sequence length',
    subtitle: 'D = 64, b = 64, k = 32, r = 16, c = 64, m = 256; logarithms base 2',
    xLabel: 'sequence length N (tokens)',
    yLabel: 'cost (operations, constant factors omitted)',
    xTickStyle: 'binary',
    notes: ['Not drawn: Product Key Attention (cost does not depend on N).'],
    width,
    height,
    ...overrides,
  };
}
