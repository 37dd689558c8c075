/**
 * Growth classes: how a method's cost grows with one symbol (N by default), with the other
 * symbols at their values. Defaults written in terms of that symbol move with it, so image
 * methods grow through H = W = √N, and Sinkhorn's n_b = N/64 makes its cost grow like N^2.
 */
import { symbol, toLatex, toPlainText } from '../../parsers/index.js';
import type { Method } from '../catalogue.js';
import { bindCost, compileMethod, type EvaluationContext } from '../evaluate.js';
import { EXPONENT_TOLERANCE, growthOfTree, type AsymptoticTerm } from './asymptotic.js';

export interface GrowthOptions {
  /** The symbol that grows; `N` by default. */
  variable?: string;
}

export interface ClassifiedGrowth {
  kind: 'classified';
  method: string;
  variable: string;
  /** The leading term of the cost, coefficient included, with the log base of the context. */
  term: AsymptoticTerm;
  /** Big-O class as LaTeX, such as `O(N \log N)` or `O(N^{1.5})`. */
  latex: string;
  /** Big-O class as plain text, such as `O(N log N)` or `O(N^1.5)`. */
  plainText: string;
}

export interface UnclassifiedGrowth {
  kind: 'unclassified';
  method: string;
  variable: string;
  /** Reason that no class of the form O(x^a (log x)^b) could be derived. */
  reason: string;
}

export type GrowthClass = ClassifiedGrowth | UnclassifiedGrowth;

/**
 * Derives the growth class of `method` from its cost tree with every symbol but the variable
 * bound. Throws InputError where a symbol has no value or default, as bindCost does.
 */
export function growthClass(method: Method, context: EvaluationContext, options: GrowthOptions = {}): GrowthClass {
  const variable = options.variable ?? 'N';
  const bound = bindCost(method, context, new Set([variable]));
  const growth = growthOfTree(bound, variable, context.logBase);
  const base = { method: method.name, variable };

  if (growth.kind === 'unclassified') return { kind: 'unclassified', ...base, reason: growth.reason };

  const { term } = growth;
  if (term.coefficient === 0) {
    return { kind: 'unclassified', ...base, reason: `the cost is zero for all large ${variable}` };
  }
  if (term.coefficient < 0) {
    return { kind: 'unclassified', ...base, reason: `the cost becomes negative as ${variable} grows` };
  }

  const snapped: AsymptoticTerm = { coefficient: term.coefficient, power: snapExponent(term.power), logPower: snapExponent(term.logPower) };
  return { kind: 'classified', ...base, term: snapped, latex: bigOLatex(snapped, variable), plainText: bigOPlainText(snapped, variable) };
}

/** Removes float noise from an exponent, so 0.5 + 1 prints as 1.5 and never as 1.5000000000000002. */
function snapExponent(value: number): number {
  if (Math.abs(value) <= EXPONENT_TOLERANCE) return 0;
  const nearestInteger = Math.round(value);
  if (Math.abs(value - nearestInteger) <= EXPONENT_TOLERANCE) return nearestInteger;
  return Number(value.toPrecision(12));
}

/** Formats a big-O class as LaTeX: `O(1)`, `O(N)`, `O(N^{2})`, `O(N \log N)`, `O(N^{1.5} \log^{2} N)`. */
export function bigOLatex(term: AsymptoticTerm, variable: string): string {
  const name = toLatex(symbol(variable));
  const parts: string[] = [];
  if (term.power === 1) parts.push(name);
  else if (term.power !== 0) parts.push(`${name}^{${formatExponent(term.power)}}`);
  if (term.logPower === 1) parts.push(`\\log ${name}`);
  else if (term.logPower !== 0) parts.push(`\\log^{${formatExponent(term.logPower)}} ${name}`);
  return `O(${parts.length === 0 ? '1' : parts.join(' ')})`;
}

/** Formats a big-O class as plain text: `O(1)`, `O(N)`, `O(N^2)`, `O(N log N)`, `O(N^(1/3))`. */
export function bigOPlainText(term: AsymptoticTerm, variable: string): string {
  const name = toPlainText(symbol(variable));
  const parts: string[] = [];
  if (term.power === 1) parts.push(name);
  else if (term.power !== 0) parts.push(`${name}^${plainExponent(term.power)}`);
  if (term.logPower === 1) parts.push(`log ${name}`);
  else if (term.logPower !== 0) parts.push(`log^${plainExponent(term.logPower)} ${name}`);
  return `O(${parts.length === 0 ? '1' : parts.join(' ')})`;
}

function plainExponent(value: number): string {
  const text = formatExponent(value);
  return /^\d+(\.\d+)?$/.test(text) ? text : `(${text})`;
}

/**
 * Prints an exponent as an integer, a decimal of at most 4 places (1.5, 0.25), a fraction
 * with a denominator up to 64 (1/3), or 6 significant digits, in that order of preference.
 */
export function formatExponent(value: number): string {
  if (Number.isInteger(value)) return String(value);
  const decimal = String(value);
  if (/^-?\d+\.\d{1,4}$/.test(decimal)) return decimal;
  for (let denominator = 2; denominator <= 64; denominator++) {
    const numerator = Math.round(value * denominator);
    if (Math.abs(value - numerator / denominator) <= EXPONENT_TOLERANCE) return `${numerator}/${denominator}`;
  }
  return String(Number(value.toPrecision(6)));
}

export interface SlopeCheckOptions {
  /** Lower end of the secant; 2^40 by default. Must be greater than 1. */
  from?: number;
  /** Upper end of the secant; 2^44 by default. */
  to?: number;
  /** Largest accepted |measured − expected|; 0.01 by default (see DEFAULT_SLOPE_TOLERANCE). */
  tolerance?: number;
}

export interface SlopeCheck {
  from: number;
  to: number;
  /** Secant slope of ln(cost) against ln(x) from `from` to `to`, from the compiled cost. */
  measured: number;
  /** The same secant slope of the pure leading term c · x^a · (ln x)^b. */
  expected: number;
  difference: number;
  tolerance: number;
  agrees: boolean;
}

/**
 * Default tolerance of the slope check. Two classes that differ by one log factor differ in
 * expected secant slope by ln(44/40) / ln(2^4) ≈ 0.034 between 2^40 and 2^44, more than 3 times
 * this. Lower-order terms shift the slope far less at those sizes: with the bundled defaults the
 * largest shift is about 0.002, from BP-Transformer's log(N/k), which is ln N − ln k.
 */
export const DEFAULT_SLOPE_TOLERANCE = 0.01;

/**
 * Compares a derived class with the cost itself. For f = c x^a (ln x)^b exactly, the secant
 * slope of ln f against ln x from x1 to x2 is a + b · ln(ln x2 / ln x1) / ln(x2 / x1); a wrong
 * exponent or log power moves the measured slope away from that value.
 */
export function checkGrowthSlope(
  method: Method,
  context: EvaluationContext,
  growth: ClassifiedGrowth,
  options: SlopeCheckOptions = {},
): SlopeCheck {
  const from = options.from ?? 2 ** 40;
  const to = options.to ?? 2 ** 44;
  const tolerance = options.tolerance ?? DEFAULT_SLOPE_TOLERANCE;
  if (!(from > 1 && to > from && Number.isFinite(to))) {
    throw new RangeError(`invalid slope range ${from} to ${to}: need 1 < from < to`);
  }

  const compiled = compileMethod(method, context, new Set([growth.variable]));
  const costs = compiled.sweep(growth.variable, Float64Array.from([from, to]), new Map());
  const span = Math.log(to / from);
  const measured = (Math.log(costs[1]!) - Math.log(costs[0]!)) / span;
  const expected = growth.term.power + (growth.term.logPower * Math.log(Math.log(to) / Math.log(from))) / span;
  const difference = measured - expected;
  return { from, to, measured, expected, difference, tolerance, agrees: Math.abs(difference) <= tolerance };
}
