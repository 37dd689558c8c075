/**
 * Everything known about one method, gathered for a detail view: formula, symbols with their
 * meanings and defaults, links, growth class and crossings with the baseline.
 */
import { symbol as symbolNode, symbolsOf, toLatex, toPlainText } from '../../parsers/index.js';
import type { Method } from '../catalogue.js';
import { InputError } from '../errors.js';
import { lookupMethodSymbol, symbolValues, type EvaluationContext } from '../evaluate.js';
import type { WarningLog } from '../warnings.js';
import { findCrossovers, type CrossoverOptions, type CrossoverResult } from './crossover.js';
import { growthClass, type GrowthClass, type GrowthOptions } from './growth.js';

/** A result that may fail on bad input (a symbol without a value or default, a default cycle). */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: InputError };

export interface SymbolDescription {
  name: string;
  /**
   * True for a symbol of the formula itself, false for one that only a default refers to
   * (N for a method whose formula uses H = √N).
   */
  direct: boolean;
  /** Scope of the entry: the method's own, the global one, or `missing` where the symbol table has none. */
  scope: 'method' | 'global' | 'missing';
  meaning?: string;
  /** The default as written, such as `256` or `\sqrt{N}`. */
  default?: string;
  source?: string;
  note?: string;
  /** The value at the sizes of the context, where it resolves. */
  value?: number;
}

export interface MethodDescription {
  name: string;
  comment: string;
  /** The complexity exactly as written in the catalogue. */
  formula: string;
  latex: string;
  plainText: string;
  causal: boolean;
  baseline: boolean;
  links: {
    /** `https://arxiv.org/abs/ID`, or null where the entry has no arXiv id. */
    arxiv: string | null;
    code: string | null;
    /** True where the paper itself carries the code and there is no repository. */
    codeInPaper: boolean;
  };
  symbols: SymbolDescription[];
  growth: Outcome<GrowthClass>;
  crossovers: Outcome<CrossoverResult>;
}

export interface DescribeOptions {
  growth?: GrowthOptions;
  /** Options of the crossover search; the method is compared with the baseline unless `against` is set. */
  crossovers?: CrossoverOptions;
}

/** Gathers the description of `method`. Bad input is returned as data in `growth` and `crossovers`. */
export function describeMethod(method: Method, context: EvaluationContext, warnings: WarningLog, options: DescribeOptions = {}): MethodDescription {
  return {
    name: method.name,
    comment: method.comment,
    formula: method.complexity,
    latex: toLatex(method.cost),
    plainText: toPlainText(method.cost),
    causal: method.causal,
    baseline: method.baseline,
    links: {
      arxiv: method.arxivId === null ? null : `https://arxiv.org/abs/${method.arxivId}`,
      code: method.code,
      codeInPaper: method.codeInPaper,
    },
    symbols: describeSymbols(method, context),
    growth: attempt(() => growthClass(method, context, options.growth)),
    crossovers: attempt(() => findCrossovers(method, context, warnings, options.crossovers)),
  };
}

function attempt<T>(run: () => T): Outcome<T> {
  try {
    return { ok: true, value: run() };
  } catch (error) {
    if (error instanceof InputError) return { ok: false, error };
    throw error;
  }
}

/**
 * Lists the formula's symbols in order of appearance, then the symbols their defaults refer
 * to, each once.
 */
function describeSymbols(method: Method, context: EvaluationContext): SymbolDescription[] {
  const described: SymbolDescription[] = [];
  const seen = new Set<string>();
  const pending = symbolsOf(method.cost).map((name) => ({ name, direct: true }));

  while (pending.length > 0) {
    const { name, direct } = pending.shift()!;
    if (seen.has(name)) continue;
    seen.add(name);

    const lookup = lookupMethodSymbol(method, context.symbols, name);
    if (lookup === undefined) {
      described.push({ name, direct, scope: 'missing' });
      continue;
    }
    const { info, scope } = lookup;
    const entry: SymbolDescription = { name, direct, scope, meaning: info.meaning, default: info.default };
    if (info.source !== undefined) entry.source = info.source;
    if (info.note !== undefined) entry.note = info.note;
    const value = valueOf(method, name, context);
    if (value !== undefined) entry.value = value;
    described.push(entry);

    for (const inner of symbolsOf(info.defaultTree)) pending.push({ name: inner, direct: false });
  }
  return described;
}

/**
 * Resolves one symbol as `method` would, by evaluating a stand-in method of the same name whose
 * cost is that symbol alone, so assignments and defaults apply by the usual precedence.
 */
function valueOf(method: Method, name: string, context: EvaluationContext): number | undefined {
  const resolved = attempt(() => symbolValues({ ...method, cost: symbolNode(name) }, context));
  return resolved.ok ? resolved.value.get(name) : undefined;
}
