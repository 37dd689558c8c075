import { describe, expect, it } from 'vitest';
import { parseCatalogue, type Method } from '../../src/catalogue.js';
import { defaultCatalogue, defaultSymbols } from '../../src/data.js';
import { assignments, type EvaluationContext } from '../../src/evaluate.js';
import { WarningLog } from '../../src/warnings.js';
import { findCrossovers, type CrossoverResult } from '../../src/analysis/index.js';

const context: EvaluationContext = { symbols: defaultSymbols(), assignments: assignments(), logBase: 2 };

function madeUp(complexity: string, name: string): Method {
  return parseCatalogue([{ name, complexity, causal: true }])[0]!;
}

function catalogueMethod(name: string): Method {
  const method = defaultCatalogue().find((candidate) => candidate.name === name);
  if (method === undefined) throw new Error(`no catalogue method named ${name}`);
  return method;
}

/** Checks `actual` against `expected` to a relative tolerance. */
function expectRelativelyClose(actual: number, expected: number, tolerance = 1e-9): void {
  expect(Math.abs(actual / expected - 1)).toBeLessThanOrEqual(tolerance);
}

function crossingPoints(result: CrossoverResult): number[] {
  return result.crossings.map((crossing) => crossing.at);
}

describe('findCrossovers against the baseline', () => {
  it('finds Linformer at N = k = 256', () => {
    // N·k·D = N²·D exactly where N = k.
    const warnings = new WarningLog();
    const result = findCrossovers(catalogueMethod('Linformer'), context, warnings);
    expect(result.against).toBe('Full attention');
    expect(result.verdict).toBe('crosses');
    expect(result.crossings).toHaveLength(1);
    const [crossing] = result.crossings;
    expectRelativelyClose(crossing!.at, 256);
    expect(crossing!.before).toBe('more-expensive');
    expect(crossing!.after).toBe('cheaper');
    expect(crossing!.direction).toBe('a-becomes-cheaper');
    expect(crossing!.refined).toBe(true);
    expect(crossing!.bracket[1] / crossing!.bracket[0] - 1).toBeLessThanOrEqual(1e-9);
    expect(warnings.size).toBe(0);
  });

  it('follows an assigned k', () => {
    const k512 = { ...context, assignments: assignments({}, { Linformer: { k: 512 } }) };
    const result = findCrossovers(catalogueMethod('Linformer'), k512, new WarningLog());
    expect(result.crossings).toHaveLength(1);
    expectRelativelyClose(result.crossings[0]!.at, 512);
  });

  it('reports Sparse Transformer always cheaper', () => {
    // N·√N·D < N²·D for every N > 1; the two meet only at N = 1, below the range.
    const result = findCrossovers(catalogueMethod('Sparse Transformer'), context, new WarningLog());
    expect(result.verdict).toBe('always-cheaper');
    expect(result.crossings).toEqual([]);
    expect(result.segments).toEqual([{ from: 2, to: 2 ** 40, relation: 'cheaper' }]);
  });

  it('reports Sinkhorn always cheaper', () => {
    const result = findCrossovers(catalogueMethod('Sinkhorn Attention'), context, new WarningLog());
    expect(result.verdict).toBe('always-cheaper');
  });

  it('finds Sinkhorn just above N = 1', () => {
    // 64·N + N²/4096 = 64·N² gives N = 64 / (64 − 1/4096) = 262144 / 262143.
    const result = findCrossovers(catalogueMethod('Sinkhorn Attention'), context, new WarningLog(), { from: 1 });
    expect(result.crossings).toHaveLength(1);
    expectRelativelyClose(result.crossings[0]!.at, 262144 / 262143);
    expect(result.crossings[0]!.direction).toBe('a-becomes-cheaper');
  });

  it('reports equal formulas as equal everywhere', () => {
    const result = findCrossovers(catalogueMethod('Compressive Transformer'), context, new WarningLog());
    expect(result.verdict).toBe('equal-everywhere');
    expect(result.crossings).toEqual([]);
  });

  it('treats reordered formulas as equal', () => {
    const reordered = madeUp('{D}*{N}*{N}', 'reordered');
    const result = findCrossovers(reordered, context, new WarningLog());
    expect(result.verdict).toBe('equal-everywhere');
  });

  it('reports LambdaNetworks as never cheaper', () => {
    // N²·16·64/4 = 256·N² against 64·N².
    const result = findCrossovers(catalogueMethod('LambdaNetworks'), context, new WarningLog());
    expect(result.verdict).toBe('never-cheaper');
  });
});

describe('findCrossovers between two methods', () => {
  const bp = catalogueMethod('BP-Transformer');

  it('finds BP-Transformer against SCRAM at N = 2^(8/3)', () => {
    // 4·log2(N/4) = log2 N gives 3·log2 N = 8.
    const warnings = new WarningLog();
    const result = findCrossovers(bp, context, warnings, { against: catalogueMethod('SCRAM') });
    expect(crossingPoints(result)).toHaveLength(1);
    expectRelativelyClose(result.crossings[0]!.at, 2 ** (8 / 3));
    expect(result.crossings[0]!.direction).toBe('a-becomes-more-expensive');
  });

  it('reports BP-Transformer non-positive gap', () => {
    // log2(N/4) ≤ 0 for N ≤ 4, so BP-Transformer's cost is negative or zero from 2 to 4.
    const warnings = new WarningLog();
    const result = findCrossovers(bp, context, warnings, { against: catalogueMethod('SCRAM') });
    expect(result.gaps).toHaveLength(1);
    expect(result.gaps[0]!.from).toBe(2);
    expectRelativelyClose(result.gaps[0]!.to, 4, 1e-12);
    expect(warnings.list()).toHaveLength(1);
    const [warning] = warnings.list();
    expect(warning!.code).toBe('crossover_gap');
    expect(warning!.message).toContain('BP-Transformer against SCRAM');
    expect(warning!.message).toContain('negative or zero');
    expect(warning!.message).toContain('N from 2 to 4');
  });

  it('finds BP-Transformer against Efficient Attention', () => {
    // 4·log2(N/4) = D = 64 gives N = 4 · 2^16.
    const result = findCrossovers(bp, context, new WarningLog(), { against: catalogueMethod('Efficient Attention') });
    expect(result.crossings).toHaveLength(1);
    expectRelativelyClose(result.crossings[0]!.at, 2 ** 18);
    expect(result.crossings[0]!.direction).toBe('a-becomes-more-expensive');
  });

  it('finds BP-Transformer against Sparse Transformer twice', () => {
    // 4·log2(N/4) = √N is true at N = 1024 (4·8 = 32) and once between 6 and 6.2.
    const result = findCrossovers(bp, context, new WarningLog(), { against: catalogueMethod('Sparse Transformer') });
    expect(result.verdict).toBe('crosses');
    expect(result.crossings).toHaveLength(2);
    const [low, high] = result.crossings;
    expect(low!.at).toBeGreaterThan(6);
    expect(low!.at).toBeLessThan(6.2);
    expect(Math.abs(4 * Math.log2(low!.at / 4) - Math.sqrt(low!.at))).toBeLessThan(1e-8);
    expect(low!.direction).toBe('a-becomes-more-expensive');
    expectRelativelyClose(high!.at, 1024);
    expect(high!.direction).toBe('a-becomes-cheaper');
  });

  it('finds no BP-Transformer and Linformer crossing', () => {
    // 4·log2(N/4) = 256 only at N = 2^66, beyond the range.
    const result = findCrossovers(bp, context, new WarningLog(), { against: catalogueMethod('Linformer') });
    expect(result.verdict).toBe('always-cheaper');
    expect(result.gaps).toHaveLength(1);
  });

  it('finds two crossings of a quadratic against a line', () => {
    // N² + 32 = 12·N at N = 4 and N = 8.
    const result = findCrossovers(madeUp('{N}^2+32', 'quadratic'), context, new WarningLog(), { against: madeUp('12*{N}', 'line') });
    expect(crossingPoints(result)).toHaveLength(2);
    expectRelativelyClose(result.crossings[0]!.at, 4);
    expect(result.crossings[0]!.direction).toBe('a-becomes-cheaper');
    expectRelativelyClose(result.crossings[1]!.at, 8);
    expect(result.crossings[1]!.direction).toBe('a-becomes-more-expensive');
    expect(result.segments.map((segment) => segment.relation)).toEqual(['more-expensive', 'cheaper', 'more-expensive']);
  });

  it('finds two crossings of log-squared against log', () => {
    // With L = log2 N: L² + 8 = 6·L at L = 2 and L = 4, so N = 4 and N = 16.
    const a = madeUp('\\log({N})*\\log({N})+8', 'log squared');
    const result = findCrossovers(a, context, new WarningLog(), { against: madeUp('6*\\log({N})', 'log') });
    expect(crossingPoints(result)).toHaveLength(2);
    expectRelativelyClose(result.crossings[0]!.at, 4);
    expectRelativelyClose(result.crossings[1]!.at, 16);
  });

  it('finds N² against 10·N·log2 N', () => {
    // N = 10·log2 N has no closed form. Bisection of the same equation on paper brackets the roots
    // in (1.07, 1.08) and (58.7, 58.8); the residual check pins each to the tolerance.
    const warnings = new WarningLog();
    const a = madeUp('{N}^2', 'square');
    const b = madeUp('10*{N}*\\log({N})', 'n log n');
    const result = findCrossovers(a, context, warnings, { against: b, from: 1, to: 1024 });
    expect(result.crossings).toHaveLength(2);
    const [low, high] = result.crossings;
    expect(low!.at).toBeGreaterThan(1.07);
    expect(low!.at).toBeLessThan(1.08);
    expect(high!.at).toBeGreaterThan(58.7);
    expect(high!.at).toBeLessThan(58.8);
    for (const crossing of result.crossings) {
      expect(Math.abs(crossing.at - 10 * Math.log2(crossing.at)) / crossing.at).toBeLessThan(1e-8);
    }
    expect(low!.direction).toBe('a-becomes-cheaper');
    expect(high!.direction).toBe('a-becomes-more-expensive');
    // At N = 1 the second cost is 10·1·log2 1 = 0, a one-point gap.
    expect(result.gaps).toEqual([{ from: 1, to: 1, points: 1 }]);
    expect(warnings.size).toBe(1);
  });

  it('finds where an equal stretch begins', () => {
    // max(N, 100) is above N below 100 and equal to it from there on.
    const result = findCrossovers(madeUp('\\max({N}, 100)', 'floored'), context, new WarningLog(), { against: madeUp('{N}', 'linear') });
    expect(result.crossings).toHaveLength(1);
    expectRelativelyClose(result.crossings[0]!.at, 100);
    expect(result.crossings[0]!.before).toBe('more-expensive');
    expect(result.crossings[0]!.after).toBe('equal');
    expect(result.segments.map((segment) => segment.relation)).toEqual(['more-expensive', 'equal']);
  });

  it('sweeps another variable', () => {
    // N·D² = N·256·D at D = 256, whatever N.
    const result = findCrossovers(catalogueMethod('Efficient Attention'), context, new WarningLog(), {
      against: catalogueMethod('Linformer'),
      variable: 'D',
      from: 1,
      to: 2 ** 20,
    });
    expect(result.variable).toBe('D');
    expect(result.crossings).toHaveLength(1);
    expectRelativelyClose(result.crossings[0]!.at, 256);
  });

  it('reports a range without usable costs', () => {
    const warnings = new WarningLog();
    const negative = madeUp('-{N}', 'negative');
    const result = findCrossovers(negative, context, warnings, { from: 2, to: 64 });
    expect(result.verdict).toBe('no-usable-points');
    expect(result.segments).toEqual([]);
    expect(result.gaps).toHaveLength(1);
    expect(warnings.size).toBe(1);
  });

  it('reports an order change across a gap', () => {
    // The second cost is 1000 below N = 8, zero from 8 to 32 and (N − 32)/1000 above, so N is
    // cheaper before the gap and more expensive after it, and the two never meet.
    const stepped = madeUp('\\max(8-{N}, 0)*\\frac{1000}{8-{N}}+\\frac{\\max({N}-32, 0)}{1000}', 'stepped');
    const warnings = new WarningLog();
    const result = findCrossovers(madeUp('{N}', 'linear'), context, warnings, { against: stepped, from: 2, to: 1024 });
    expect(result.verdict).toBe('changes-across-gap');
    expect(result.crossings).toEqual([]);
    expect(result.gaps).toHaveLength(1);
    expect(result.gaps[0]!.from).toBeGreaterThanOrEqual(8);
    expect(result.gaps[0]!.to).toBeLessThanOrEqual(32);
    expect(result.segments.map((segment) => segment.relation)).toEqual(['cheaper', 'more-expensive']);
    expect(warnings.list()[0]!.message).toContain('the cost of stepped is');
  });

  it('rejects an invalid range', () => {
    expect(() => findCrossovers(bp, context, new WarningLog(), { from: 10, to: 5 })).toThrow(RangeError);
    expect(() => findCrossovers(bp, context, new WarningLog(), { relativeTolerance: 0 })).toThrow(RangeError);
  });
});
