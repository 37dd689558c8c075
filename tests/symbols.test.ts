import { describe, expect, it } from 'vitest';
import symbolsJson from '../data/symbols.json' with { type: 'json' };
import {
  assignments,
  defaultCatalogue,
  defaultSymbols,
  fullAttention,
  lookupSymbol,
  parseSymbolTable,
  symbolsOf,
  symbolValues,
  InputError,
} from '../src/index.js';

describe('symbol table', () => {
  const table = defaultSymbols();
  const methods = [...defaultCatalogue(), fullAttention()];

  it('gives every symbol of every method a meaning and a default', () => {
    const missing: string[] = [];
    for (const method of methods) {
      for (const name of symbolsOf(method.cost)) {
        const lookup = lookupSymbol(table, method.name, name);
        if (lookup === undefined || lookup.info.meaning.trim() === '' || lookup.info.default.trim() === '') {
          missing.push(`${method.name}: ${name}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('gives every symbol used inside a default a meaning and a default too', () => {
    const missing: string[] = [];
    for (const method of methods) {
      const pending = symbolsOf(method.cost);
      const seen = new Set<string>();
      while (pending.length > 0) {
        const name = pending.pop()!;
        if (seen.has(name)) continue;
        seen.add(name);
        const lookup = lookupSymbol(table, method.name, name);
        if (lookup === undefined) {
          missing.push(`${method.name}: ${name}`);
          continue;
        }
        pending.push(...symbolsOf(lookup.info.defaultTree));
      }
    }
    expect(missing).toEqual([]);
  });

  it('keys per-method entries by exact catalogue names', () => {
    const names = new Set(methods.map((method) => method.name));
    expect([...table.methods.keys()].filter((name) => !names.has(name))).toEqual([]);
  });

  it('resolves every default to a positive finite number', () => {
    const context = { symbols: table, assignments: assignments(), logBase: 2 };
    for (const method of methods) {
      for (const [name, value] of symbolValues(method, context)) {
        expect(Number.isFinite(value) && value > 0, `${method.name}.${name} = ${value}`).toBe(true);
      }
    }
  });

  it('uses the documented global defaults for N and D', () => {
    expect(table.global.get('N')?.default).toBe('4096');
    expect(table.global.get('D')?.default).toBe('64');
    expect(table.global.get('H')?.default).toBe('\\sqrt{N}');
    expect(table.global.get('Q')?.default).toBe('N');
  });

  it('rejects an entry without a meaning', () => {
    const broken = structuredClone(symbolsJson) as { global: Record<string, { meaning?: string }> };
    delete broken.global.N!.meaning;
    expect(() => parseSymbolTable(broken, 'symbols.json')).toThrow(InputError);
  });

  it('reports a cycle between defaults', () => {
    const cyclic = { global: { N: { meaning: 'a', default: 'D' }, D: { meaning: 'b', default: 'N' } }, methods: {} };
    const method = fullAttention();
    const context = { symbols: parseSymbolTable(cyclic), assignments: assignments(), logBase: 2 };
    expect(() => symbolValues(method, context)).toThrow('The defaults of Full attention refer to each other in a cycle (N -> D -> N); set one of them with --set.');
  });
});
