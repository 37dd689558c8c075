import { describe, expect, it } from 'vitest';
import { fullAttention, parseCatalogue, type Method } from '../../src/catalogue.js';
import { defaultCatalogue, defaultSymbols } from '../../src/data.js';
import { assignments, type EvaluationContext } from '../../src/evaluate.js';
import { InputError } from '../../src/errors.js';
import { WarningLog } from '../../src/warnings.js';
import { describeMethod } from '../../src/analysis/index.js';

const context: EvaluationContext = { symbols: defaultSymbols(), assignments: assignments(), logBase: 2 };

function catalogueMethod(name: string): Method {
  const method = defaultCatalogue().find((candidate) => candidate.name === name);
  if (method === undefined) throw new Error(`no catalogue method named ${name}`);
  return method;
}

describe('describeMethod', () => {
  it('describes Linformer', () => {
    const description = describeMethod(catalogueMethod('Linformer'), context, new WarningLog());
    expect(description.name).toBe('Linformer');
    expect(description.formula).toBe('{N}*{k}*{D}');
    expect(description.latex).toBe('NkD');
    expect(description.plainText).toBe('N * k * D');
    expect(description.causal).toBe(false);
    expect(description.baseline).toBe(false);
    expect(description.links).toEqual({
      arxiv: 'https://arxiv.org/abs/2006.04768',
      code: 'https://github.com/tatp22/linformer-pytorch',
      codeInPaper: false,
    });
  });

  it('lists symbols with scope, default and value', () => {
    const description = describeMethod(catalogueMethod('Linformer'), context, new WarningLog());
    expect(description.symbols.map((symbol) => [symbol.name, symbol.scope, symbol.default, symbol.value, symbol.direct])).toEqual([
      ['N', 'global', '4096', 4096, true],
      ['k', 'method', '256', 256, true],
      ['D', 'global', '64', 64, true],
    ]);
    const k = description.symbols[1]!;
    expect(k.meaning).toBe('projected length of keys and values');
    expect(k.source).toContain('arXiv:2006.04768');
  });

  it('adds symbols that only defaults refer to', () => {
    // AutoNL's formula uses H and W, whose defaults are √N.
    const description = describeMethod(catalogueMethod('AutoNL'), context, new WarningLog());
    const names = description.symbols.map((symbol) => symbol.name);
    expect(names).toEqual(['H', 'h', 'W', 'w', 'D', 'k', 'N']);
    const n = description.symbols.find((symbol) => symbol.name === 'N')!;
    expect(n.direct).toBe(false);
    expect(n.value).toBe(4096);
    expect(description.symbols[0]!.value).toBe(64);
  });

  it('includes growth and baseline crossing', () => {
    const description = describeMethod(catalogueMethod('Linformer'), context, new WarningLog());
    expect(description.growth.ok).toBe(true);
    if (description.growth.ok && description.growth.value.kind === 'classified') {
      expect(description.growth.value.plainText).toBe('O(N)');
    } else {
      throw new Error('Linformer should have a growth class');
    }
    expect(description.crossovers.ok).toBe(true);
    if (description.crossovers.ok) {
      expect(description.crossovers.value.against).toBe('Full attention');
      expect(description.crossovers.value.crossings).toHaveLength(1);
      expect(description.crossovers.value.crossings[0]!.at).toBeCloseTo(256, 6);
    }
  });

  it('marks code published in the paper', () => {
    const description = describeMethod(catalogueMethod('FracTAL'), context, new WarningLog());
    expect(description.links.code).toBeNull();
    expect(description.links.codeInPaper).toBe(true);
  });

  it('describes the baseline', () => {
    const description = describeMethod(fullAttention(), context, new WarningLog());
    expect(description.baseline).toBe(true);
    expect(description.links.arxiv).toBe('https://arxiv.org/abs/1706.03762');
    expect(description.crossovers.ok && description.crossovers.value.verdict).toBe('equal-everywhere');
  });

  it('returns a missing default as data', () => {
    const [method] = parseCatalogue([{ name: 'no default', complexity: '{N}*{z}', causal: true }]);
    const description = describeMethod(method!, context, new WarningLog());
    expect(description.symbols.map((symbol) => [symbol.name, symbol.scope, symbol.value])).toEqual([
      ['N', 'global', 4096],
      ['z', 'missing', undefined],
    ]);
    expect(description.growth.ok).toBe(false);
    if (!description.growth.ok) {
      expect(description.growth.error).toBeInstanceOf(InputError);
      expect(description.growth.error.code).toBe('missing_symbol');
    }
    expect(description.crossovers.ok).toBe(false);
  });
});

describe('describeMethod with assignments', () => {
  it('shows assigned values and the defaults they move', () => {
    const assigned = { ...context, assignments: assignments({ N: 16384 }) };
    const description = describeMethod(catalogueMethod('Criss Cross Attention'), assigned, new WarningLog());
    const values = Object.fromEntries(description.symbols.map((symbol) => [symbol.name, symbol.value]));
    expect(values).toEqual({ N: 16384, H: 128, W: 128, D: 64 });
  });
});
