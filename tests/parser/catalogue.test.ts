/**
 * Every catalogue formula parses, and evaluates to a value written out by hand here with
 * ordinary arithmetic, at two sets of sizes and two default logarithm bases.
 */
import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { parseFormula } from '../../parsers/index.js';
import { referenceEvaluate, sameNumber, type Values } from '../helpers/reference-eval.js';

interface CatalogueEntry {
  name: string;
  complexity: string;
}

const catalogue = JSON.parse(readFileSync(new URL('../../data/FastAttention.json', import.meta.url), 'utf8')) as CatalogueEntry[];

type Sizes = Record<'N' | 'D' | 'b' | 'k' | 'r' | 'K' | 'H' | 'W' | 'Q' | 'n_b' | 'h' | 'w' | 'g' | 'm' | 'v', number>;
type HandValue = (s: Sizes, log: (x: number) => number) => number;

/** Each formula as written in the catalogue, and its value computed by hand. */
const HAND_VALUES: Record<string, { complexity: string; value: HandValue }> = {
  'T-DMCA': { complexity: '{b}*\\frac{N}{b}*\\frac{N}{{b}*{k}}*{D}', value: (s) => s.b * (s.N / s.b) * (s.N / (s.b * s.k)) * s.D },
  CBAM: { complexity: '({N}*{D}+\\frac{{D}^2}{r})+({N}*{D}*{k}^2)', value: (s) => s.N * s.D + (s.D * s.D) / s.r + s.N * s.D * s.k * s.k },
  'Set Transformer': { complexity: '{N}*{K}*{D}', value: (s) => s.N * s.K * s.D },
  'Criss Cross Attention': { complexity: '{N}*({H}+{W})*{D}', value: (s) => s.N * (s.H + s.W) * s.D },
  'Efficient Attention': { complexity: '{N}*{D}^2', value: (s) => s.N * s.D * s.D },
  StarTransformer: { complexity: '{N}*{D}', value: (s) => s.N * s.D },
  'Sparse Transformer': { complexity: '{N}*\\sqrt{N}*{D}', value: (s) => s.N * Math.sqrt(s.N) * s.D },
  GCNet: { complexity: '{N}*{D}^2', value: (s) => s.N * s.D * s.D },
  SCRAM: { complexity: '{N}*\\log({N})*{D}', value: (s, log) => s.N * log(s.N) * s.D },
  'Permutohedral Attention': { complexity: '{N}*{D}^2', value: (s) => s.N * s.D * s.D },
  'Product Key Attention': { complexity: '{Q}*({K}+{k}^2)*{D}', value: (s) => s.Q * (s.K + s.k * s.k) * s.D },
  'Interlaced Attention': { complexity: '{N}*{D}^2+{N}*\\sqrt{N}*{D}', value: (s) => s.N * s.D * s.D + s.N * Math.sqrt(s.N) * s.D },
  EMA: { complexity: '{N}*{k}*{D}', value: (s) => s.N * s.k * s.D },
  'BP-Transformer': { complexity: '{N}*{k}*\\log(\\frac{N}{k})*{D}', value: (s, log) => s.N * s.k * log(s.N / s.k) * s.D },
  'Compressive Transformer': { complexity: '{N}^2*{D}', value: (s) => s.N * s.N * s.D },
  'Axial Attention': { complexity: '{N}*({H}+{W})*{D}', value: (s) => s.N * (s.H + s.W) * s.D },
  Reformer: { complexity: '{N}*\\log({N})*{D}^2', value: (s, log) => s.N * log(s.N) * s.D * s.D },
  TaLK: { complexity: '{N}*{D}', value: (s) => s.N * s.D },
  'Transformer on a Diet': { complexity: '{N}*{k}*{D}', value: (s) => s.N * s.k * s.D },
  'Sinkhorn Attention': { complexity: '\\frac{{N}^2}{n_b}+{n_b}^2', value: (s) => (s.N * s.N) / s.n_b + s.n_b * s.n_b },
  'Routing Transformer': { complexity: '{N}*\\sqrt{N}*{D}', value: (s) => s.N * Math.sqrt(s.N) * s.D },
  SAC: { complexity: '{N}*{k}*{D}', value: (s) => s.N * s.k * s.D },
  AutoNL: { complexity: '(\\frac{H}{h}*\\frac{W}{w})*(\\frac{D}{k})^2', value: (s) => (s.H / s.h) * (s.W / s.w) * (s.D / s.k) * (s.D / s.k) },
  Longformer: { complexity: '{N}*({k}+{g})*{D}', value: (s) => s.N * (s.k + s.g) * s.D },
  ETC: { complexity: '({N}*{g}+{g}^2+{N}*{k})*{D}', value: (s) => (s.N * s.g + s.g * s.g + s.N * s.k) * s.D },
  Jukebox: { complexity: '{N}*\\sqrt{N}*{D}', value: (s) => s.N * Math.sqrt(s.N) * s.D },
  'MultiScale Transformer': { complexity: '{N}^2*{D}', value: (s) => s.N * s.N * s.D },
  Synthesizer: { complexity: '{N}^2*{D}', value: (s) => s.N * s.N * s.D },
  GMAT: { complexity: '{m}*({N}+{m})*{D}', value: (s) => s.m * (s.N + s.m) * s.D },
  'Performer(FAVOR)': { complexity: '{N}*{D}^2*\\log({D})', value: (s, log) => s.N * s.D * s.D * log(s.D) },
  Linformer: { complexity: '{N}*{k}*{D}', value: (s) => s.N * s.k * s.D },
  'Hand-Crafted Attention': { complexity: '{N}^2*{D}', value: (s) => s.N * s.N * s.D },
  'Linear Transformer': { complexity: '{N}*{D}^2', value: (s) => s.N * s.D * s.D },
  FANet: { complexity: '{N}*{D}^2', value: (s) => s.N * s.D * s.D },
  'Clustered Attention': { complexity: '{N}*{k}*{D}', value: (s) => s.N * s.k * s.D },
  'Kronecker Attention': { complexity: '({H}+{W})^2*{D}', value: (s) => (s.H + s.W) * (s.H + s.W) * s.D },
  BigBird: { complexity: '({g}^2+{N}*({k}+{g}+{r}))*{D}', value: (s) => (s.g * s.g + s.N * (s.k + s.g + s.r)) * s.D },
  'TGM+TRM': {
    complexity: '({D}*{H}*{W}+{D}^2+{H}^2+{W}^2)*{r}',
    value: (s) => (s.D * s.H * s.W + s.D * s.D + s.H * s.H + s.W * s.W) * s.r,
  },
  FracTAL: { complexity: '{H}*{W}*{D}', value: (s) => s.H * s.W * s.D },
  'Performer(FAVOR+)': { complexity: '{N}*{m}*{D}', value: (s) => s.N * s.m * s.D },
  SMYRF: { complexity: '{N}*\\log({N})*{D}', value: (s, log) => s.N * log(s.N) * s.D },
  Memformer: { complexity: '{N}*{D}', value: (s) => s.N * s.D },
  Informer: { complexity: '{N}*\\log({N})*{D}', value: (s, log) => s.N * log(s.N) * s.D },
  SLiM: { complexity: '{N}*{m}*{D}', value: (s) => s.N * s.m * s.D },
  Nystromformer: { complexity: '{N}*{D}', value: (s) => s.N * s.D },
  LambdaNetworks: { complexity: '{N}^2*{k}*\\frac{v}{h}', value: (s) => s.N * s.N * s.k * (s.v / s.h) },
  SecretlyFastWeight: { complexity: '{N}*{m}*{D}', value: (s) => s.N * s.m * s.D },
  RFA: { complexity: '{N}*{D}', value: (s) => s.N * s.D },
};

const SIZE_SETS: Record<string, Sizes> = {
  'long sequence': { N: 4096, D: 64, b: 32, k: 16, r: 8, K: 256, H: 64, W: 64, Q: 512, n_b: 64, h: 8, w: 8, g: 4, m: 128, v: 32 },
  'odd sizes': { N: 1000, D: 96, b: 10, k: 7, r: 3, K: 100, H: 30, W: 45, Q: 77, n_b: 25, h: 5, w: 9, g: 11, m: 50, v: 17 },
};

const LOG_BASES = [2, Math.E];

describe('catalogue formulas', () => {
  it('has a hand value for every catalogue entry and no others', () => {
    expect(catalogue.map((entry) => entry.name).sort()).toEqual(Object.keys(HAND_VALUES).sort());
  });

  it.each(catalogue)('$name parses and evaluates to the hand value', (entry) => {
    const hand = HAND_VALUES[entry.name]!;
    expect(entry.complexity).toBe(hand.complexity);

    const tree = parseFormula(entry.complexity);
    for (const [label, sizes] of Object.entries(SIZE_SETS)) {
      for (const base of LOG_BASES) {
        const log = (x: number): number => Math.log(x) / Math.log(base);
        const expected = hand.value(sizes, log);
        const actual = referenceEvaluate(tree, sizes as unknown as Values, base);
        expect(sameNumber(actual, expected), `${label}, log base ${base}: ${actual} != ${expected}`).toBe(true);
      }
    }
  });
});
