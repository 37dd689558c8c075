import { describe, expect, it } from 'vitest';
import { binary, call, constant, negate, symbol } from '../parsers/tree.js';
import { checkLogBase, compileCost } from '../src/compile.js';

const values = (entries: Record<string, number>): Map<string, number> => new Map(Object.entries(entries));

describe('compileCost', () => {
  it('evaluates arithmetic operators', () => {
    // (N + 2) * D / 4 - N ^ 2
    const tree = binary('-', binary('/', binary('*', binary('+', symbol('N'), constant(2)), symbol('D')), constant(4)), binary('^', symbol('N'), constant(2)));
    const compiled = compileCost(tree);
    expect(compiled.parameters).toEqual(['N', 'D']);
    expect(compiled.evaluate(values({ N: 10, D: 3 }))).toBe(((10 + 2) * 3) / 4 - 100);
  });

  it('evaluates functions', () => {
    const n = symbol('n');
    expect(compileCost(call('sqrt', [n])).call(81)).toBe(9);
    expect(compileCost(call('nthRoot', [n, constant(3)])).call(27)).toBeCloseTo(3, 12);
    expect(compileCost(call('ln', [n])).call(Math.E)).toBeCloseTo(1, 12);
    expect(compileCost(call('exp', [n])).call(0)).toBe(1);
    expect(compileCost(call('min', [n, constant(5), constant(7)])).call(6)).toBe(5);
    expect(compileCost(call('max', [n, constant(5)])).call(6)).toBe(6);
    expect(compileCost(negate(n)).call(6)).toBe(-6);
  });

  it('uses the default log base for a bare log', () => {
    const tree = call('log', [symbol('N')]);
    expect(compileCost(tree).call(1024)).toBe(10);
    expect(compileCost(tree, { logBase: 10 }).call(1000)).toBeCloseTo(3, 12);
    expect(compileCost(tree, { logBase: Math.E }).call(Math.E ** 2)).toBeCloseTo(2, 12);
    expect(compileCost(tree, { logBase: 3 }).call(81)).toBeCloseTo(4, 12);
  });

  it('keeps an explicit log base whatever the default', () => {
    const tree = call('log', [symbol('n'), symbol('k')]);
    expect(compileCost(tree, { logBase: 10 }).call(64, 4)).toBeCloseTo(3, 12);
    const base2 = call('log', [symbol('n'), constant(2)]);
    expect(compileCost(base2, { logBase: 10 }).call(1024)).toBe(10);
  });

  it('sweeps one symbol with the others fixed', () => {
    const tree = binary('*', binary('*', symbol('N'), symbol('N')), symbol('D'));
    const compiled = compileCost(tree);
    const xs = Float64Array.from([1, 2, 3, 4]);
    expect(Array.from(compiled.sweep('N', xs, values({ D: 10 })))).toEqual([10, 40, 90, 160]);
    expect(Array.from(compiled.sweep('D', xs, values({ N: 3 })))).toEqual([9, 18, 27, 36]);
  });

  it('fills a constant sweep for an unused variable', () => {
    const compiled = compileCost(binary('*', symbol('N'), constant(2)));
    expect(Array.from(compiled.sweep('D', Float64Array.from([1, 2]), values({ N: 5 })))).toEqual([10, 10]);
  });

  it('never puts symbol text into generated code', () => {
    // A symbol name that would be code if pasted: it must only ever be a parameter position.
    const hostile = symbol('x); globalThis.compromised = true; (');
    const compiled = compileCost(binary('+', hostile, constant(1)));
    expect(compiled.call.toString()).not.toContain('compromised');
    expect(compiled.call(2)).toBe(3);
    expect((globalThis as { compromised?: boolean }).compromised).toBeUndefined();
  });

  it('rejects a constant that is not a finite number', () => {
    expect(() => compileCost(constant(Number.NaN))).toThrow(/not a finite number/);
  });

  it('rejects an invalid log base', () => {
    for (const base of [0, 1, -2, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => checkLogBase(base)).toThrow(/invalid log base/);
    }
  });

  it('names a missing value', () => {
    const compiled = compileCost(binary('*', symbol('N'), symbol('D')));
    expect(() => compiled.evaluate(values({ N: 1 }))).toThrow(/symbol "D"/);
  });
});
