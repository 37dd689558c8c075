/**
 * Compiles a cost tree into a JavaScript function by generating code from the tree.
 *
 * Safety invariant: no text from a formula reaches the generated code. Symbols become the
 * parameters `p0`, `p1`, ... by position, functions map to a fixed table of `Math` calls, and
 * the only literals are numbers that pass `Number.isFinite`, printed by `String(number)`.
 * Anything outside the tree vocabulary of parsers/tree.ts is rejected, not compiled.
 */
import {
  functionName,
  isConstant,
  isFunction,
  isOperator,
  isSymbol,
  symbolsOf,
  type MathNode,
} from '../parsers/tree.js';

export interface CompiledCost {
  /** Symbol names in the order the compiled function takes them as arguments. */
  readonly parameters: readonly string[];
  /** The generated function; arguments follow `parameters`. */
  readonly call: (...args: number[]) => number;
  /** Evaluates at one point; every parameter must have a value. */
  evaluate(values: ReadonlyMap<string, number>): number;
  /**
   * Evaluates at every value of `variable` in `xs`, the other parameters fixed, in one call.
   * Writes into `out` when given (same length as `xs`) and returns it.
   */
  sweep(variable: string, xs: Float64Array, fixed: ReadonlyMap<string, number>, out?: Float64Array): Float64Array;
}

export interface CompileOptions {
  /** Base of a logarithm written without one; 2 by default. Any positive number other than 1. */
  logBase?: number;
}

type SweepKernel = (xs: Float64Array, out: Float64Array, ...args: number[]) => Float64Array;

/** Compiles `tree` once; the result evaluates many times without touching the tree again. */
export function compileCost(tree: MathNode, options: CompileOptions = {}): CompiledCost {
  const logBase = options.logBase ?? 2;
  checkLogBase(logBase);

  const parameters = symbolsOf(tree);
  const names = parameters.map((_, index) => `p${index}`);
  const indexOf = new Map(parameters.map((name, index) => [name, index]));
  const body = generate(tree, indexOf, logBase);

  const call = new Function(...names, `"use strict"; return ${body};`) as (...args: number[]) => number;
  const kernels = new Map<string, SweepKernel>();

  const argumentsFor = (values: ReadonlyMap<string, number>, skip?: string): number[] =>
    parameters.map((name) => {
      if (name === skip) return 0;
      const value = values.get(name);
      if (value === undefined) throw new Error(`compiled cost has no value for symbol "${name}"`);
      return value;
    });

  return {
    parameters,
    call,
    evaluate(values) {
      return call(...argumentsFor(values));
    },
    sweep(variable, xs, fixed, out = new Float64Array(xs.length)) {
      let kernel = kernels.get(variable);
      if (kernel === undefined) {
        kernel = makeSweepKernel(names, indexOf.get(variable), body);
        kernels.set(variable, kernel);
      }
      return kernel(xs, out, ...argumentsFor(fixed, variable));
    },
  };
}

/** Throws unless `base` is a usable logarithm base. */
export function checkLogBase(base: number): void {
  if (!Number.isFinite(base) || base <= 0 || base === 1) {
    throw new RangeError(`invalid log base ${base}: use 2, 10, e or any positive number other than 1`);
  }
}

/**
 * Builds a loop over `xs` with the swept parameter read from `xs[i]`. A variable the formula
 * does not use leaves the cost constant, and the loop still fills every point.
 */
function makeSweepKernel(names: string[], sweptIndex: number | undefined, body: string): SweepKernel {
  const fixedNames = names.map((name, index) => (index === sweptIndex ? '_unused' + index : name));
  const read = sweptIndex === undefined ? '' : `const ${names[sweptIndex]} = xs[i]; `;
  const source = `"use strict"; const n = xs.length; for (let i = 0; i < n; i++) { ${read}out[i] = ${body}; } return out;`;
  return new Function('xs', 'out', ...fixedNames, source) as SweepKernel;
}

function generate(node: MathNode, indexOf: Map<string, number>, logBase: number): string {
  const recurse = (child: MathNode): string => generate(child, indexOf, logBase);

  if (isConstant(node)) return literal(node.value as unknown);
  if (isSymbol(node)) return `p${indexOf.get(node.name)}`;

  if (isOperator(node)) {
    const [left, right] = node.args;
    if (node.fn === 'unaryMinus' && left !== undefined && node.args.length === 1) return `(-${recurse(left)})`;
    if (left === undefined || right === undefined || node.args.length !== 2) throw unsupported(node);
    const operator = BINARY_OPERATORS[node.fn];
    if (operator === undefined) throw unsupported(node);
    return `(${recurse(left)} ${operator} ${recurse(right)})`;
  }

  if (isFunction(node)) {
    const args = node.args.map(recurse);
    switch (functionName(node)) {
      case 'sqrt':
        return `Math.sqrt(${args[0]})`;
      case 'nthRoot':
        return `Math.pow(${args[0]}, 1 / ${args[1]})`;
      case 'ln':
        return `Math.log(${args[0]})`;
      case 'exp':
        return `Math.exp(${args[0]})`;
      case 'min':
        return `Math.min(${args.join(', ')})`;
      case 'max':
        return `Math.max(${args.join(', ')})`;
      case 'log':
        return args.length === 1 ? logarithm(args[0]!, logBase) : explicitLogarithm(node.args[1]!, args[0]!, args[1]!);
    }
  }
  throw unsupported(node);
}

const BINARY_OPERATORS: Record<string, string> = {
  add: '+',
  subtract: '-',
  multiply: '*',
  divide: '/',
  pow: '**',
};

function logarithm(argument: string, base: number): string {
  if (base === 2) return `Math.log2(${argument})`;
  if (base === 10) return `Math.log10(${argument})`;
  if (base === Math.E) return `Math.log(${argument})`;
  return `(Math.log(${argument}) / ${literal(Math.log(base))})`;
}

function explicitLogarithm(baseNode: MathNode, argument: string, base: string): string {
  if (isConstant(baseNode) && (baseNode.value === 2 || baseNode.value === 10)) {
    return logarithm(argument, baseNode.value as number);
  }
  return `(Math.log(${argument}) / Math.log(${base}))`;
}

function literal(value: unknown): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new Error(`cost tree contains a constant that is not a finite number: ${String(value)}`);
  }
  return `(${String(value)})`;
}

function unsupported(node: MathNode): Error {
  return new Error(`cost tree contains a node the compiler does not support: ${node.type} ${node.toString()}`);
}
