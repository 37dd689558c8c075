import { describe, expect, it } from 'vitest';
import { fullAttention, parseCatalogue, type Method } from '../../src/catalogue.js';
import { defaultCatalogue, defaultMethods, defaultSymbols } from '../../src/data.js';
import { assignments, evaluateMethod, type EvaluationContext } from '../../src/evaluate.js';
import { WarningLog } from '../../src/warnings.js';
import { formatRegionRow, geometricSamples, winnerMap, type WinnerMap } from '../../src/analysis/index.js';

const context: EvaluationContext = { symbols: defaultSymbols(), assignments: assignments(), logBase: 2 };

function madeUp(complexity: string, name: string, causal = true): Method {
  return parseCatalogue([{ name, complexity, causal }])[0]!;
}

function catalogueMethod(name: string): Method {
  const method = defaultCatalogue().find((candidate) => candidate.name === name);
  if (method === undefined) throw new Error(`no catalogue method named ${name}`);
  return method;
}

/** Lists the winner's name in each cell, one array per row of the y axis. */
function winnerNames(map: WinnerMap): (string | null)[][] {
  const nx = map.x.values.length;
  return Array.from(map.y.values, (_, j) =>
    Array.from(map.x.values, (_, i) => {
      const winner = map.cells[j * nx + i]!;
      return winner < 0 ? null : map.methods[winner]!.name;
    }),
  );
}

describe('winnerMap on a 4 × 3 grid', () => {
  // Costs divided by N·D: Full attention N, Linformer k = 256, Efficient Attention D,
  // Sparse Transformer √N, and the made-up method log2(N/256), which is negative or zero for
  // N ≤ 256.
  const methods = [
    fullAttention(),
    catalogueMethod('Linformer'),
    catalogueMethod('Efficient Attention'),
    catalogueMethod('Sparse Transformer'),
    madeUp('{N}*\\log(\\frac{N}{256})*{D}', 'late starter', false),
  ];
  const grid = { x: { symbol: 'N', values: [16, 256, 4096, 65536] }, y: { symbol: 'D', values: [16, 64, 256] } };

  it('picks the hand-computed minimum in every cell', () => {
    // N = 16: √N = 4 beats D ≥ 16 and 256.
    // N = 256: √N = 16 ties D = 16 (Efficient Attention comes first), and wins at D = 64, 256.
    // N = 4096, 65536: log2(N/256) = 4 and 8 beat every other cost.
    const map = winnerMap(methods, context, new WarningLog(), grid);
    expect(winnerNames(map)).toEqual([
      ['Sparse Transformer', 'Efficient Attention', 'late starter', 'late starter'],
      ['Sparse Transformer', 'Sparse Transformer', 'late starter', 'late starter'],
      ['Sparse Transformer', 'Sparse Transformer', 'late starter', 'late starter'],
    ]);
  });

  it('counts cells and ties per winner', () => {
    const map = winnerMap(methods, context, new WarningLog(), grid);
    expect(map.winners).toEqual([
      { index: 4, name: 'late starter', cells: 6, tiedWith: [] },
      { index: 3, name: 'Sparse Transformer', cells: 5, tiedWith: [] },
      { index: 2, name: 'Efficient Attention', cells: 1, tiedWith: [{ index: 3, name: 'Sparse Transformer', cells: 1 }] },
    ]);
    // Only the cell N = 256, D = 16 has a tie.
    expect(Array.from(map.ties)).toEqual([0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('warns once per unusable method', () => {
    const warnings = new WarningLog();
    winnerMap(methods, context, warnings, grid);
    expect(warnings.list()).toHaveLength(1);
    const [warning] = warnings.list();
    expect(warning!.method).toBe('late starter');
    // N = 16 gives a negative cost and N = 256 a zero cost, in each of the 3 rows.
    expect(warning!.message).toContain('negative or zero in 6 of 12 cells');
  });

  it('breaks three-way ties by input order', () => {
    // At N = 65536, D = 256 without the made-up method: √N = k = D = 256, so Linformer,
    // Efficient Attention and Sparse Transformer tie and Linformer comes first.
    const map = winnerMap(methods.slice(0, 4), context, new WarningLog(), grid);
    expect(winnerNames(map)[2]![3]).toBe('Linformer');
    expect(map.ties[2 * 4 + 3]).toBe(2);
    const linformer = map.winners.find((winner) => winner.name === 'Linformer');
    expect(linformer?.tiedWith.map((tied) => tied.name)).toEqual(['Efficient Attention', 'Sparse Transformer']);
  });

  it('keeps only causal methods on request', () => {
    const map = winnerMap(methods, context, new WarningLog(), { ...grid, causalOnly: true });
    expect(map.methods.map((method) => method.name)).toEqual(['Full attention', 'Sparse Transformer']);
    expect(new Set(winnerNames(map).flat())).toEqual(new Set(['Sparse Transformer']));
  });

  it('builds region rows of neighbouring winners', () => {
    const map = winnerMap(methods, context, new WarningLog(), grid);
    expect(map.regions[0]).toEqual({
      y: 16,
      runs: [
        { winner: 3, from: 16, to: 16, firstIndex: 0, lastIndex: 0 },
        { winner: 2, from: 256, to: 256, firstIndex: 1, lastIndex: 1 },
        { winner: 4, from: 4096, to: 65536, firstIndex: 2, lastIndex: 3 },
      ],
    });
    expect(formatRegionRow(map, map.regions[0]!)).toBe('D = 16: N 16 Sparse Transformer, N 256 Efficient Attention, N 4096–65536 late starter');
    expect(formatRegionRow(map, map.regions[1]!)).toBe('D = 64: N 16–256 Sparse Transformer, N 4096–65536 late starter');
  });
});

describe('winnerMap edge cases', () => {
  it('marks cells without a usable cost with -1', () => {
    const map = winnerMap([madeUp('\\log(\\frac{N}{256})', 'log only')], context, new WarningLog(), {
      x: { symbol: 'N', values: [128, 256, 512] },
      y: { symbol: 'D', values: [64] },
    });
    expect(Array.from(map.cells)).toEqual([-1, -1, 0]);
    expect(formatRegionRow(map, map.regions[0]!)).toBe('D = 64: N 128–256 no usable cost, N 512 log only');
  });

  it('sweeps symbols other than N and D', () => {
    // Linformer's N·k·D against Efficient Attention's N·D² over k and D at N = 4096.
    const map = winnerMap([catalogueMethod('Linformer'), catalogueMethod('Efficient Attention')], context, new WarningLog(), {
      x: { symbol: 'k', values: [32, 128, 512] },
      y: { symbol: 'D', values: [64, 256] },
    });
    expect(winnerNames(map)).toEqual([
      ['Linformer', 'Efficient Attention', 'Efficient Attention'],
      ['Linformer', 'Linformer', 'Efficient Attention'],
    ]);
  });

  it('builds geometric axes from a range and a count', () => {
    const map = winnerMap([fullAttention()], context, new WarningLog(), {
      x: { symbol: 'N', from: 128, to: 2 ** 20, count: 5 },
      y: { symbol: 'D', from: 16, to: 1024, count: 4 },
    });
    expect(Array.from(map.x.values)).toEqual(Array.from(geometricSamples(128, 2 ** 20, 5)));
    expect(map.x.values[0]).toBe(128);
    expect(map.x.values[4]).toBe(2 ** 20);
    expect(map.cells).toHaveLength(20);
  });

  it('uses the default N and D ranges', () => {
    const map = winnerMap([fullAttention()], context, new WarningLog());
    expect(map.x.symbol).toBe('N');
    expect(map.x.values[0]).toBe(128);
    expect(map.x.values[map.x.values.length - 1]).toBe(2 ** 20);
    expect(map.y.symbol).toBe('D');
    expect(map.y.values[0]).toBe(16);
    expect(map.y.values[map.y.values.length - 1]).toBe(1024);
  });

  it('rejects invalid axes', () => {
    const methods = [fullAttention()];
    const warnings = new WarningLog();
    expect(() => winnerMap(methods, context, warnings, { x: { symbol: 'N', values: [4, 2] } })).toThrow(/increase strictly/);
    expect(() => winnerMap(methods, context, warnings, { x: { symbol: 'N', values: [0, 2] } })).toThrow(/finite positive/);
    expect(() => winnerMap(methods, context, warnings, { x: { symbol: 'D', values: [1, 2] } })).toThrow(/must differ/);
    expect(() => winnerMap(methods, context, warnings, { x: { symbol: 'N', from: 1, to: 2, count: 1 } })).toThrow(RangeError);
    expect(() =>
      winnerMap(methods, context, warnings, { x: { symbol: 'N', from: 1, to: 2, count: 3000 }, y: { symbol: 'D', from: 1, to: 2, count: 3000 } }),
    ).toThrow(/more than/);
  });
});

describe('winnerMap on the catalogue', () => {
  it('agrees with one evaluation per cell', () => {
    // The reference binds N and D as assignments and evaluates each method at each cell, a
    // different path through evaluate.ts than the compiled sweeps of winnerMap.
    const methods = defaultMethods();
    const xs = Array.from(geometricSamples(128, 2 ** 20, 17));
    const ys = Array.from(geometricSamples(16, 1024, 7));
    const map = winnerMap(methods, context, new WarningLog(), { x: { symbol: 'N', values: xs }, y: { symbol: 'D', values: ys } });

    ys.forEach((d, j) => {
      xs.forEach((n, i) => {
        const cell = { ...context, assignments: assignments({ N: n, D: d }) };
        const costs = methods.map((method) => evaluateMethod(method, cell).cost);
        const least = Math.min(...costs.filter((cost) => cost > 0 && Number.isFinite(cost)));
        const winner = map.cells[j * xs.length + i]!;
        expect(costs[winner]).toBeCloseTo(least, 6);
        // No earlier method has the same cost, or it would have won the tie.
        const firstAtLeast = costs.findIndex((cost) => Math.abs(cost - least) <= 1e-12 * least);
        expect(winner).toBe(firstAtLeast);
      });
    });
  });

  it('fills a 1000 × 1000 grid', () => {
    const map = winnerMap(defaultMethods(), context, new WarningLog(), {
      x: { symbol: 'N', from: 128, to: 2 ** 20, count: 1000 },
      y: { symbol: 'D', from: 16, to: 1024, count: 1000 },
    });
    const counted = map.winners.reduce((sum, winner) => sum + winner.cells, 0);
    expect(counted).toBe(1_000_000);
    expect(map.regions).toHaveLength(1000);
  });
});
