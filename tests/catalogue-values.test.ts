/**
 * Every catalogue formula evaluated by the product against the same formula written by hand in
 * plain JavaScript, at two size sets and two log bases. The hand-written versions read symbol
 * values from the product's resolved values, so this checks parsing and evaluation; the symbol
 * defaults themselves are checked in symbols.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { assignments, defaultCatalogue, defaultSymbols, evaluateMethod, type EvaluationContext } from '../src/index.js';

type Values = Record<string, number>;

/** Hand-written costs, one per catalogue method; `log` is the default-base logarithm. */
const HAND_WRITTEN: Record<string, (v: Values, log: (x: number) => number) => number> = {
  'T-DMCA': (v) => v.b! * (v.N! / v.b!) * (v.N! / (v.b! * v.k!)) * v.D!,
  CBAM: (v) => v.N! * v.D! + v.D! ** 2 / v.r! + v.N! * v.D! * v.k! ** 2,
  'Set Transformer': (v) => v.N! * v.K! * v.D!,
  'Criss Cross Attention': (v) => v.N! * (v.H! + v.W!) * v.D!,
  'Efficient Attention': (v) => v.N! * v.D! ** 2,
  StarTransformer: (v) => v.N! * v.D!,
  'Sparse Transformer': (v) => v.N! * Math.sqrt(v.N!) * v.D!,
  GCNet: (v) => v.N! * v.D! ** 2,
  SCRAM: (v, log) => v.N! * log(v.N!) * v.D!,
  'Permutohedral Attention': (v) => v.N! * v.D! ** 2,
  'Product Key Attention': (v) => v.Q! * (v.K! + v.k! ** 2) * v.D!,
  'Interlaced Attention': (v) => v.N! * v.D! ** 2 + v.N! * Math.sqrt(v.N!) * v.D!,
  EMA: (v) => v.N! * v.k! * v.D!,
  'BP-Transformer': (v, log) => v.N! * v.k! * log(v.N! / v.k!) * v.D!,
  'Compressive Transformer': (v) => v.N! ** 2 * v.D!,
  'Axial Attention': (v) => v.N! * (v.H! + v.W!) * v.D!,
  Reformer: (v, log) => v.N! * log(v.N!) * v.D! ** 2,
  TaLK: (v) => v.N! * v.D!,
  'Transformer on a Diet': (v) => v.N! * v.k! * v.D!,
  'Sinkhorn Attention': (v) => v.N! ** 2 / v.n_b! + v.n_b! ** 2,
  'Routing Transformer': (v) => v.N! * Math.sqrt(v.N!) * v.D!,
  SAC: (v) => v.N! * v.k! * v.D!,
  AutoNL: (v) => ((v.H! / v.h!) * (v.W! / v.w!)) * (v.D! / v.k!) ** 2,
  Longformer: (v) => v.N! * (v.k! + v.g!) * v.D!,
  ETC: (v) => (v.N! * v.g! + v.g! ** 2 + v.N! * v.k!) * v.D!,
  Jukebox: (v) => v.N! * Math.sqrt(v.N!) * v.D!,
  'MultiScale Transformer': (v) => v.N! ** 2 * v.D!,
  Synthesizer: (v) => v.N! ** 2 * v.D!,
  GMAT: (v) => v.m! * (v.N! + v.m!) * v.D!,
  'Performer(FAVOR)': (v, log) => v.N! * v.D! ** 2 * log(v.D!),
  Linformer: (v) => v.N! * v.k! * v.D!,
  'Hand-Crafted Attention': (v) => v.N! ** 2 * v.D!,
  'Linear Transformer': (v) => v.N! * v.D! ** 2,
  FANet: (v) => v.N! * v.D! ** 2,
  'Clustered Attention': (v) => v.N! * v.k! * v.D!,
  'Kronecker Attention': (v) => (v.H! + v.W!) ** 2 * v.D!,
  BigBird: (v) => (v.g! ** 2 + v.N! * (v.k! + v.g! + v.r!)) * v.D!,
  'TGM+TRM': (v) => (v.D! * v.H! * v.W! + v.D! ** 2 + v.H! ** 2 + v.W! ** 2) * v.r!,
  FracTAL: (v) => v.H! * v.W! * v.D!,
  'Performer(FAVOR+)': (v) => v.N! * v.m! * v.D!,
  SMYRF: (v, log) => v.N! * log(v.N!) * v.D!,
  Memformer: (v) => v.N! * v.D!,
  Informer: (v, log) => v.N! * log(v.N!) * v.D!,
  SLiM: (v) => v.N! * v.m! * v.D!,
  Nystromformer: (v) => v.N! * v.D!,
  LambdaNetworks: (v) => v.N! ** 2 * v.k! * (v.v! / v.h!),
  SecretlyFastWeight: (v) => v.N! * v.m! * v.D!,
  RFA: (v) => v.N! * v.D!,
};

const SIZE_SETS: Array<{ label: string; global: Values; perMethod?: Record<string, Values> }> = [
  { label: 'N = 4096, D = 64, defaults', global: { N: 4096, D: 64 } },
  {
    label: 'N = 16384, D = 128, k = 32, Linformer.k = 512',
    global: { N: 16384, D: 128, k: 32 },
    perMethod: { Linformer: { k: 512 } },
  },
];

const LOG_BASES = [2, Math.E];

describe('catalogue formulas', () => {
  const methods = defaultCatalogue();

  it('has a hand-written cost for each of the 48 methods', () => {
    expect(methods).toHaveLength(48);
    expect(Object.keys(HAND_WRITTEN).sort()).toEqual(methods.map((method) => method.name).sort());
  });

  for (const sizes of SIZE_SETS) {
    for (const logBase of LOG_BASES) {
      it(`match hand-written costs at ${sizes.label}, log base ${logBase === 2 ? 2 : 'e'}`, () => {
        const context: EvaluationContext = {
          symbols: defaultSymbols(),
          assignments: assignments(sizes.global, sizes.perMethod),
          logBase,
        };
        const log = (x: number): number => Math.log(x) / Math.log(logBase);
        for (const method of methods) {
          const { cost, values } = evaluateMethod(method, context);
          const v = Object.fromEntries(values);
          for (const [name, value] of Object.entries(sizes.global)) {
            if (name in v && !sizes.perMethod?.[method.name]?.[name]) expect(v[name], `${method.name}.${name}`).toBe(value);
          }
          const expected = HAND_WRITTEN[method.name]!(v, log);
          expect(cost, method.name).toBeCloseTo(expected, -Math.floor(Math.log10(Math.abs(expected))) + 9);
        }
      });
    }
  }

  it('apply a per-method value to that method only', () => {
    const context: EvaluationContext = {
      symbols: defaultSymbols(),
      assignments: assignments({ N: 1000, D: 10, k: 7 }, { Linformer: { k: 3 } }),
      logBase: 2,
    };
    const byName = new Map(methods.map((method) => [method.name, method]));
    expect(evaluateMethod(byName.get('Linformer')!, context).cost).toBe(1000 * 3 * 10);
    expect(evaluateMethod(byName.get('EMA')!, context).cost).toBe(1000 * 7 * 10);
  });

  it('move image sides with N through their default', () => {
    const context: EvaluationContext = { symbols: defaultSymbols(), assignments: assignments({ N: 10_000, D: 8 }), logBase: 2 };
    const axial = methods.find((method) => method.name === 'Axial Attention')!;
    const { cost, values } = evaluateMethod(axial, context);
    expect(values.get('H')).toBe(100);
    expect(values.get('W')).toBe(100);
    expect(cost).toBe(10_000 * 200 * 8);
  });
});
