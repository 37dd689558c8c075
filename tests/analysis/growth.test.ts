import { describe, expect, it } from 'vitest';
import { parseFormula } from '../../parsers/index.js';
import { parseCatalogue, type Method } from '../../src/catalogue.js';
import { defaultCatalogue, defaultSymbols } from '../../src/data.js';
import { assignments, type EvaluationContext } from '../../src/evaluate.js';
import { InputError } from '../../src/errors.js';
import {
  bigOLatex,
  bigOPlainText,
  checkGrowthSlope,
  formatExponent,
  growthClass,
  growthOfTree,
  type ClassifiedGrowth,
  type GrowthClass,
} from '../../src/analysis/index.js';

const context: EvaluationContext = { symbols: defaultSymbols(), assignments: assignments(), logBase: 2 };

function madeUp(complexity: string, name = 'made-up'): Method {
  return parseCatalogue([{ name, complexity, causal: true }])[0]!;
}

function classified(growth: GrowthClass): ClassifiedGrowth {
  if (growth.kind !== 'classified') throw new Error(`${growth.method} is unclassified: ${growth.reason}`);
  return growth;
}

function catalogueMethod(name: string): Method {
  const method = defaultCatalogue().find((candidate) => candidate.name === name);
  if (method === undefined) throw new Error(`no catalogue method named ${name}`);
  return method;
}

/**
 * Classes derived by hand from data/FastAttention.json and the defaults in data/symbols.json,
 * with N growing and every other symbol at its default. H = W = √N, Q = N, T-DMCA's
 * b = N/256, Sinkhorn's n_b = N/64 and SecretlyFastWeight's m = 4D move or stay as noted.
 */
const EXPECTED_CLASSES: Record<string, string> = {
  // b · (N/b) · N/(b·k) · D with b = N/256, k = 3: N · (256/3) · D.
  'T-DMCA': 'O(N)',
  // N·D + D²/r + N·D·k²: the first and last terms are linear, the middle one constant.
  CBAM: 'O(N)',
  // N·K·D with K = 32.
  'Set Transformer': 'O(N)',
  // N·(H + W)·D = N · 2√N · D.
  'Criss Cross Attention': 'O(N^1.5)',
  // N·D².
  'Efficient Attention': 'O(N)',
  // N·D.
  StarTransformer: 'O(N)',
  // N·√N·D.
  'Sparse Transformer': 'O(N^1.5)',
  // N·D².
  GCNet: 'O(N)',
  // N·log N·D.
  SCRAM: 'O(N log N)',
  // N·D².
  'Permutohedral Attention': 'O(N)',
  // Q·(K + k²)·D with Q = N, K = 512, k = 32.
  'Product Key Attention': 'O(N)',
  // N·D² + N·√N·D: the second term leads.
  'Interlaced Attention': 'O(N^1.5)',
  // N·k·D with k = 64.
  EMA: 'O(N)',
  // N·k·log(N/k)·D with k = 4: log(N/4) = log N − 2 grows like log N.
  'BP-Transformer': 'O(N log N)',
  // N²·D.
  'Compressive Transformer': 'O(N^2)',
  // N·(H + W)·D = N · 2√N · D.
  'Axial Attention': 'O(N^1.5)',
  // N·log N·D².
  Reformer: 'O(N log N)',
  // N·D.
  TaLK: 'O(N)',
  // N·k·D with k = 64.
  'Transformer on a Diet': 'O(N)',
  // N²/n_b + n_b² with n_b = N/64: 64·N + N²/4096, so the second term leads.
  'Sinkhorn Attention': 'O(N^2)',
  // N·√N·D.
  'Routing Transformer': 'O(N^1.5)',
  // N·k·D with k = 32.
  SAC: 'O(N)',
  // (H/h)·(W/w)·(D/k)² = N/4 · 256 with H·W = N, h = w = 2, D = 64, k = 4.
  AutoNL: 'O(N)',
  // N·(k + g)·D with k = 512, g = 64.
  Longformer: 'O(N)',
  // (N·g + g² + N·k)·D with g = 128, k = 256.
  ETC: 'O(N)',
  // N·√N·D.
  Jukebox: 'O(N^1.5)',
  // N²·D.
  'MultiScale Transformer': 'O(N^2)',
  // N²·D.
  Synthesizer: 'O(N^2)',
  // m·(N + m)·D with m = 64.
  GMAT: 'O(N)',
  // N·D²·log D with D fixed.
  'Performer(FAVOR)': 'O(N)',
  // N·k·D with k = 256.
  Linformer: 'O(N)',
  // N²·D.
  'Hand-Crafted Attention': 'O(N^2)',
  // N·D².
  'Linear Transformer': 'O(N)',
  // N·D².
  FANet: 'O(N)',
  // N·k·D with k = 100.
  'Clustered Attention': 'O(N)',
  // (H + W)²·D = 4·N·D.
  'Kronecker Attention': 'O(N)',
  // (g² + N·(k + g + r))·D with g = 128, k = r = 192.
  BigBird: 'O(N)',
  // (D·H·W + D² + H² + W²)·r = (D·N + D² + 2N)·r.
  'TGM+TRM': 'O(N)',
  // H·W·D = N·D.
  FracTAL: 'O(N)',
  // N·m·D with m = 256.
  'Performer(FAVOR+)': 'O(N)',
  // N·log N·D.
  SMYRF: 'O(N log N)',
  // N·D.
  Memformer: 'O(N)',
  // N·log N·D.
  Informer: 'O(N log N)',
  // N·m·D with m = 256.
  SLiM: 'O(N)',
  // N·D.
  Nystromformer: 'O(N)',
  // N²·k·v/h with k = 16, v = D, h = 4.
  LambdaNetworks: 'O(N^2)',
  // N·m·D with m = 4D, constant while N grows.
  SecretlyFastWeight: 'O(N)',
  // N·D.
  RFA: 'O(N)',
};

describe('growthClass on the catalogue', () => {
  it('covers all 48 methods in the table', () => {
    expect(defaultCatalogue()).toHaveLength(48);
    expect(Object.keys(EXPECTED_CLASSES).sort()).toEqual(defaultCatalogue().map((method) => method.name).sort());
  });

  it.each(defaultCatalogue().map((method) => [method.name, method] as const))('classifies %s as derived by hand', (name, method) => {
    const growth = classified(growthClass(method, context));
    expect(growth.plainText).toBe(EXPECTED_CLASSES[name]);
  });

  it.each(defaultCatalogue().map((method) => [method.name, method] as const))('matches the numeric slope for %s', (_name, method) => {
    const growth = classified(growthClass(method, context));
    const check = checkGrowthSlope(method, context, growth);
    expect(Number.isFinite(check.measured)).toBe(true);
    expect(Math.abs(check.difference)).toBeLessThanOrEqual(check.tolerance);
    expect(check.agrees).toBe(true);
  });

  it('prints LaTeX classes', () => {
    expect(classified(growthClass(catalogueMethod('Sparse Transformer'), context)).latex).toBe('O(N^{1.5})');
    expect(classified(growthClass(catalogueMethod('SCRAM'), context)).latex).toBe('O(N \\log N)');
    expect(classified(growthClass(catalogueMethod('Linformer'), context)).latex).toBe('O(N)');
    expect(classified(growthClass(catalogueMethod('Synthesizer'), context)).latex).toBe('O(N^{2})');
  });

  it('keeps leading coefficients worked out by hand', () => {
    const coefficient = (name: string): number => classified(growthClass(catalogueMethod(name), context)).term.coefficient;
    // 256 / 3 · 64
    expect(coefficient('T-DMCA')).toBeCloseTo(16384 / 3, 9);
    // The N²/4096 term of N²/n_b + n_b² with n_b = N/64.
    expect(coefficient('Sinkhorn Attention')).toBeCloseTo(1 / 4096, 15);
    // (√N + √N)² · 64 = 4 · 64 · N
    expect(coefficient('Kronecker Attention')).toBeCloseTo(256, 9);
    // N · 4 · log2(N/4) · 64 leads with 256 · ln N / ln 2.
    expect(coefficient('BP-Transformer')).toBeCloseTo(256 / Math.LN2, 9);
    // (512 + 32²) · 64
    expect(coefficient('Product Key Attention')).toBeCloseTo(98304, 9);
    // 16 · 64 / 4
    expect(coefficient('LambdaNetworks')).toBeCloseTo(256, 9);
    // (64 + 2) · 64
    expect(coefficient('TGM+TRM')).toBeCloseTo(4224, 9);
    // (1/2)(1/2)(64/4)²
    expect(coefficient('AutoNL')).toBeCloseTo(64, 9);
    // 64 + 64 · 7²
    expect(coefficient('CBAM')).toBeCloseTo(3200, 9);
  });

  it('scales the log coefficient with the log base', () => {
    const natural = { ...context, logBase: Math.E };
    const growth = classified(growthClass(catalogueMethod('SCRAM'), natural));
    expect(growth.plainText).toBe('O(N log N)');
    expect(growth.term.coefficient).toBeCloseTo(64, 12);
  });
});

describe('growthClass in another variable', () => {
  it('holds N at its default while D grows', () => {
    const inD = (name: string): string => classified(growthClass(catalogueMethod(name), context, { variable: 'D' })).plainText;
    expect(inD('Efficient Attention')).toBe('O(D^2)');
    expect(inD('Linformer')).toBe('O(D)');
    expect(inD('Performer(FAVOR)')).toBe('O(D^2 log D)');
    // Sinkhorn's formula has no D.
    expect(inD('Sinkhorn Attention')).toBe('O(1)');
    // m = 4D moves with D.
    expect(inD('SecretlyFastWeight')).toBe('O(D^2)');
  });

  it('lets an assignment override a default', () => {
    const fixedK = { ...context, assignments: assignments({}, { Linformer: { k: 1024 } }) };
    const growth = classified(growthClass(catalogueMethod('Linformer'), fixedK));
    expect(growth.plainText).toBe('O(N)');
    expect(growth.term.coefficient).toBe(1024 * 64);
  });

  it('raises InputError for a symbol without a default', () => {
    expect(() => growthClass(madeUp('{N}*{z}'), context)).toThrow(InputError);
  });
});

describe('growthClass on made-up formulas', () => {
  const cases: [string, string, string][] = [
    ['{N}^{1.5}', 'O(N^1.5)', 'O(N^{1.5})'],
    ['\\sqrt{{N}^3}', 'O(N^1.5)', 'O(N^{1.5})'],
    ['\\sqrt[3]{N}', 'O(N^(1/3))', 'O(N^{1/3})'],
    ['\\max({N}, {N}^2)', 'O(N^2)', 'O(N^{2})'],
    ['\\min({N}, {N}^2)', 'O(N)', 'O(N)'],
    ['\\log({N}^2)', 'O(log N)', 'O(\\log N)'],
    ['\\ln(8)', 'O(1)', 'O(1)'],
    ['\\exp(2)*{N}', 'O(N)', 'O(N)'],
    ['\\exp(2*\\ln(N))', 'O(N^2)', 'O(N^{2})'],
    ['\\frac{N}{\\log(N)}', 'O(N log^(-1) N)', 'O(N \\log^{-1} N)'],
    ['\\frac{1}{N}+2', 'O(1)', 'O(1)'],
    ['{N}^{0.5}*\\log(N)^2', 'O(N^0.5 log^2 N)', 'O(N^{0.5} \\log^{2} N)'],
    ['{N}*({N}-{N}+3)', 'O(N)', 'O(N)'],
    ['{N}^2-5*{N}', 'O(N^2)', 'O(N^{2})'],
    ['\\exp(\\frac{1}{N})', 'O(1)', 'O(1)'],
    ['\\log(\\frac{N}{k})', 'O(log N)', 'O(\\log N)'],
  ];

  it.each(cases)('classifies %s as %s', (formula, plainText, latex) => {
    const growth = classified(growthClass(madeUp(formula), context));
    expect(growth.plainText).toBe(plainText);
    expect(growth.latex).toBe(latex);
  });

  const unclassifiable: [string, RegExp][] = [
    ['\\exp(N)', /faster than any power/],
    ['{N}^{N}', /exponent/],
    ['2^{N}', /exponent/],
    ['\\log(\\log(N))', /log log/],
    ['({N}^2+{N})-{N}^2', /cancel/],
    ['\\log(1+\\frac{1}{N})', /tends to 1/],
    ['\\log(-N)', /zero or negative/],
    ['\\frac{N}{N-N}', /divides by zero/],
  ];

  it.each(unclassifiable)('returns unclassified for %s', (formula, reason) => {
    const growth = growthClass(madeUp(formula), context);
    expect(growth.kind).toBe('unclassified');
    if (growth.kind === 'unclassified') expect(growth.reason).toMatch(reason);
  });

  it('rejects zero and negative costs', () => {
    const zero = growthClass(madeUp('{N}-{N}'), context);
    expect(zero.kind).toBe('unclassified');
    if (zero.kind === 'unclassified') expect(zero.reason).toMatch(/zero/);

    const negative = growthClass(madeUp('{N}-{N}^2'), context);
    expect(negative.kind).toBe('unclassified');
    if (negative.kind === 'unclassified') expect(negative.reason).toMatch(/negative/);
  });
});

describe('growthOfTree', () => {
  it('reports a symbol without a value', () => {
    const growth = growthOfTree(parseFormula('{N}*{D}'), 'N', 2);
    expect(growth.kind).toBe('unclassified');
    if (growth.kind === 'unclassified') expect(growth.reason).toMatch(/D has no value/);
  });

  it('marks a tree with dropped terms as inexact', () => {
    const exact = growthOfTree(parseFormula('3*{N}^2'), 'N', 2);
    const inexact = growthOfTree(parseFormula('{N}^2+{N}'), 'N', 2);
    expect(exact).toEqual({ kind: 'classified', term: { coefficient: 3, power: 2, logPower: 0 }, exact: true });
    expect(inexact).toEqual({ kind: 'classified', term: { coefficient: 1, power: 2, logPower: 0 }, exact: false });
  });

  it('evaluates an exact difference to zero', () => {
    expect(growthOfTree(parseFormula('{N}^2-{N}^2'), 'N', 2)).toEqual({
      kind: 'classified',
      term: { coefficient: 0, power: 0, logPower: 0 },
      exact: true,
    });
  });
});

describe('checkGrowthSlope', () => {
  it('flags a class missing a log factor', () => {
    const scram = catalogueMethod('SCRAM');
    const growth = classified(growthClass(scram, context));
    const wrong: ClassifiedGrowth = { ...growth, term: { ...growth.term, logPower: 0 } };
    const check = checkGrowthSlope(scram, context, wrong);
    expect(check.agrees).toBe(false);
    // ln(44/40) / ln(2^4), the secant slope of one log factor.
    expect(check.difference).toBeCloseTo(Math.log(44 / 40) / Math.log(16), 6);
  });

  it('flags a wrong power', () => {
    const sparse = catalogueMethod('Sparse Transformer');
    const growth = classified(growthClass(sparse, context));
    const check = checkGrowthSlope(sparse, context, { ...growth, term: { ...growth.term, power: 1 } });
    expect(check.agrees).toBe(false);
    expect(check.difference).toBeCloseTo(0.5, 9);
  });

  it('rejects a range that starts at or below 1', () => {
    const linformer = catalogueMethod('Linformer');
    const growth = classified(growthClass(linformer, context));
    expect(() => checkGrowthSlope(linformer, context, growth, { from: 1, to: 2 })).toThrow(RangeError);
  });
});

describe('big-O printing', () => {
  it('prints constant, power and log parts', () => {
    expect(bigOLatex({ coefficient: 1, power: 0, logPower: 0 }, 'N')).toBe('O(1)');
    expect(bigOPlainText({ coefficient: 1, power: 0, logPower: 1 }, 'N')).toBe('O(log N)');
    expect(bigOPlainText({ coefficient: 1, power: -1, logPower: 0 }, 'N')).toBe('O(N^(-1))');
    expect(bigOLatex({ coefficient: 1, power: 2, logPower: 3 }, 'n_b')).toBe('O(n_{b}^{2} \\log^{3} n_{b})');
  });

  it('formats exponents', () => {
    expect(formatExponent(2)).toBe('2');
    expect(formatExponent(1.5)).toBe('1.5');
    expect(formatExponent(0.25)).toBe('0.25');
    expect(formatExponent(1 / 3)).toBe('1/3');
    expect(formatExponent(-2 / 3)).toBe('-2/3');
    expect(formatExponent(Math.PI)).toBe('3.14159');
  });
});
