/**
 * Evaluation of a method's cost at given sizes.
 *
 * A symbol takes, in order of precedence: a value set for that method alone, a value set for
 * every method, the method's own default, the global default. Defaults may be formulas of other
 * symbols (`H = \sqrt{N}`), so binding substitutes them into the cost tree before compiling;
 * a sweep over N then moves H and W with it.
 */
import { constant, isSymbol, symbol as symbolNode, symbolsOf, type MathNode } from '../parsers/index.js';
import { compileCost, type CompiledCost } from './compile.js';
import { InputError } from './errors.js';
import type { Method } from './catalogue.js';
import { lookupSymbol, type SymbolLookup, type SymbolTable } from './symbols.js';

export interface Assignments {
  /** Values for every method that uses the symbol, such as `N`, `D` or `k`. */
  global: ReadonlyMap<string, number>;
  /** Values for one method only, keyed by method name, then symbol. */
  perMethod: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

export interface EvaluationContext {
  symbols: SymbolTable;
  assignments: Assignments;
  /** Base of a logarithm written without one. */
  logBase: number;
}

export interface MethodEvaluation {
  method: Method;
  /** The cost; may be zero, negative or not finite, which callers must report. */
  cost: number;
  /** The value of every symbol the method's formula uses, after defaults and assignments. */
  values: Map<string, number>;
}

/** Builds assignments from plain objects, as a library caller would write them. */
export function assignments(
  global: Record<string, number> = {},
  perMethod: Record<string, Record<string, number>> = {},
): Assignments {
  return {
    global: new Map(Object.entries(global)),
    perMethod: new Map(Object.entries(perMethod).map(([method, values]) => [method, new Map(Object.entries(values))])),
  };
}

/**
 * Replaces every symbol of the method's cost by its assigned value or its default, except the
 * symbols in `free`, which stay as variables (the swept axis of a plot, for instance).
 */
export function bindCost(method: Method, context: EvaluationContext, free: ReadonlySet<string> = new Set()): MathNode {
  return bindTree(method.cost, method, context, free, []);
}

function bindTree(tree: MathNode, method: Method, context: EvaluationContext, free: ReadonlySet<string>, chain: string[]): MathNode {
  // mathjs's own transform() would also visit the name of every FunctionNode (`sqrt` is a
  // SymbolNode there), so symbols are replaced only where they are arguments.
  return tree.transform((node, path) => (isSymbol(node) && path !== 'fn' ? bindSymbol(node.name, method, context, free, chain) : node));
}

function bindSymbol(name: string, method: Method, context: EvaluationContext, free: ReadonlySet<string>, chain: string[]): MathNode {
  if (free.has(name)) return symbolNode(name);

  const assigned = context.assignments.perMethod.get(method.name)?.get(name) ?? context.assignments.global.get(name);
  if (assigned !== undefined) return constantFor(assigned);

  if (chain.includes(name)) {
    const cycle = [...chain.slice(chain.indexOf(name)), name].join(' -> ');
    throw new InputError('default_cycle', `The defaults of ${method.name} refer to each other in a cycle (${cycle}); set one of them with --set.`);
  }
  const lookup = lookupMethodSymbol(method, context.symbols, name);
  if (lookup === undefined) {
    throw new InputError(
      'missing_symbol',
      `${method.name} uses the symbol ${name}, which has no value or default; set it with --set ${name}=VALUE.`,
    );
  }
  return bindTree(lookup.info.defaultTree, method, context, free, [...chain, name]);
}

/**
 * Finds the entry for `name` in `method`: one the method defines itself (methods files), else
 * the symbol table's entry for that method, else the global one.
 */
export function lookupMethodSymbol(method: Method, symbols: SymbolTable, name: string): SymbolLookup | undefined {
  const own = method.symbols.get(name);
  if (own !== undefined) return { info: own, scope: 'method' };
  return lookupSymbol(symbols, method.name, name);
}

function constantFor(value: number): MathNode {
  // Assigned values are checked finite and positive where they are read, in the CLI and the
  // library's option parsing. This check keeps a non-finite constant out of the tree regardless.
  if (!Number.isFinite(value)) throw new InputError('invalid_value', `Symbol value ${value} is not a finite number.`);
  return constant(value);
}

/** Compiles the method's bound cost, with the symbols in `free` left as parameters. */
export function compileMethod(method: Method, context: EvaluationContext, free: ReadonlySet<string> = new Set()): CompiledCost {
  return compileCost(bindCost(method, context, free), { logBase: context.logBase });
}

/** Returns the value of every symbol the method's formula uses, in order of appearance. */
export function symbolValues(method: Method, context: EvaluationContext): Map<string, number> {
  const values = new Map<string, number>();
  for (const name of symbolsOf(method.cost)) {
    const bound = bindSymbol(name, method, context, new Set(), []);
    values.set(name, compileCost(bound, { logBase: context.logBase }).call());
  }
  return values;
}

/** Evaluates one method at the sizes of `context`. */
export function evaluateMethod(method: Method, context: EvaluationContext): MethodEvaluation {
  const cost = compileMethod(method, context).call();
  return { method, cost, values: symbolValues(method, context) };
}
