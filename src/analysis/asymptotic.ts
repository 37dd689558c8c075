/**
 * Leading-term analysis of a cost tree in one variable x as x → ∞.
 *
 * Every subtree is reduced to a term c · x^a · (ln x)^b that it equals up to a factor tending
 * to 1. Sums keep the dominant term, so lower-order terms are dropped, and a term records
 * whether anything was dropped (`exact`). That flag is what makes cancellation safe: `N - N` is
 * exactly zero, but in `(N^2 + N) - N^2` the leading terms cancel and the dropped `N` decides
 * the growth, so that tree is reported as unclassified instead of guessed.
 *
 * Anything whose growth is not of the form c · x^a · (ln x)^b (exp(x), x^x, log log x) or
 * depends on a dropped term is unclassified, with a reason.
 */
import {
  functionName,
  isConstant,
  isFunction,
  isOperator,
  isSymbol,
  toPlainText,
  type MathNode,
} from '../../parsers/index.js';

/** A term c · x^power · (ln x)^logPower. */
export interface AsymptoticTerm {
  coefficient: number;
  power: number;
  logPower: number;
}

export type TreeGrowth =
  | { kind: 'classified'; term: AsymptoticTerm; exact: boolean }
  | { kind: 'unclassified'; reason: string };

/**
 * Tolerance on exponents. Exponents come from constants in the formula and from sums and
 * products of them (1/2 for a square root), so they carry only float rounding, far below this.
 */
export const EXPONENT_TOLERANCE = 1e-9;

/**
 * Relative tolerance on coefficients when deciding that two leading terms are equal or cancel.
 * A coefficient passes through a few dozen float operations at most, each off by about 1e-16.
 */
export const COEFFICIENT_TOLERANCE = 1e-12;

/** A term with a flag: `exact` is true when the subtree equals the term for all large x. */
interface Expansion extends AsymptoticTerm {
  exact: boolean;
}

class Unclassifiable extends Error {}

/**
 * Finds the leading term of `tree` as `variable` → ∞. A bare `log` uses `logBase`, which only
 * changes the coefficient. Every other symbol must already be replaced by a value.
 */
export function growthOfTree(tree: MathNode, variable: string, logBase: number): TreeGrowth {
  try {
    const { exact, ...term } = expand(tree, variable, logBase);
    return { kind: 'classified', term, exact };
  } catch (error) {
    if (error instanceof Unclassifiable) return { kind: 'unclassified', reason: error.message };
    throw error;
  }
}

function expand(node: MathNode, variable: string, logBase: number): Expansion {
  const recurse = (child: MathNode): Expansion => expand(child, variable, logBase);

  if (isConstant(node)) return constantTerm(node.value as number);
  if (isSymbol(node)) {
    if (node.name !== variable) {
      throw new Unclassifiable(`the symbol ${node.name} has no value, so the growth in ${variable} is unknown`);
    }
    return { coefficient: 1, power: 1, logPower: 0, exact: true };
  }

  if (isOperator(node)) {
    const [left, right] = node.args.map(recurse);
    if (node.fn === 'unaryMinus' && left !== undefined && right === undefined) return { ...left, coefficient: -left.coefficient };
    if (left === undefined || right === undefined) throw new Unclassifiable(`unsupported operator in ${toPlainText(node)}`);
    switch (node.fn) {
      case 'add':
        return add(left, right, node);
      case 'subtract':
        return add(left, { ...right, coefficient: -right.coefficient }, node);
      case 'multiply':
        return multiply(left, right);
      case 'divide':
        return divide(left, right, node);
      case 'pow':
        return power(left, constantExponent(right, node), node);
    }
    throw new Unclassifiable(`unsupported operator ${node.op} in ${toPlainText(node)}`);
  }

  if (isFunction(node)) {
    const args = node.args.map(recurse);
    const [first, second] = args;
    switch (functionName(node)) {
      case 'sqrt':
        return power(first!, 0.5, node);
      case 'nthRoot': {
        const degree = constantExponent(second!, node);
        if (degree === 0) throw new Unclassifiable(`${toPlainText(node)} takes a root of degree 0`);
        return power(first!, 1 / degree, node);
      }
      case 'ln':
        return naturalLog(first!, node);
      case 'log': {
        const base = second === undefined ? logBase : constantExponent(second, node);
        if (!(base > 0 && base !== 1)) throw new Unclassifiable(`${toPlainText(node)} has the invalid log base ${base}`);
        const log = naturalLog(first!, node);
        return { ...log, coefficient: log.coefficient / Math.log(base) };
      }
      case 'exp':
        return exponential(first!, node);
      case 'min':
        return args.reduce((least, next) => (compareEventually(next, least) < 0 ? next : mergeTie(least, next)));
      case 'max':
        return args.reduce((most, next) => (compareEventually(next, most) > 0 ? next : mergeTie(most, next)));
    }
  }
  throw new Unclassifiable(`unsupported node ${node.type} in ${toPlainText(node)}`);
}

function constantTerm(value: number): Expansion {
  if (!Number.isFinite(value)) throw new Unclassifiable(`the constant ${value} is not a finite number`);
  return { coefficient: value, power: 0, logPower: 0, exact: true };
}

function isExactConstant(term: Expansion): boolean {
  return term.exact && isConstantOrder(term);
}

function isConstantOrder(term: AsymptoticTerm): boolean {
  return Math.abs(term.power) <= EXPONENT_TOLERANCE && Math.abs(term.logPower) <= EXPONENT_TOLERANCE;
}

function isZero(term: Expansion): boolean {
  return term.exact && term.coefficient === 0;
}

/** Reads an exponent, root degree or log base, which must not depend on the variable. */
function constantExponent(term: Expansion, node: MathNode): number {
  if (!isExactConstant(term)) {
    throw new Unclassifiable(
      `${toPlainText(node)} has an exponent, root degree or log base that depends on the variable, so its growth is not a power of it`,
    );
  }
  return term.coefficient;
}

/** Compares the orders x^a (ln x)^b of two terms: -1, 0 or 1, ignoring the coefficients. */
function compareOrder(left: AsymptoticTerm, right: AsymptoticTerm): number {
  const byPower = left.power - right.power;
  if (Math.abs(byPower) > EXPONENT_TOLERANCE) return Math.sign(byPower);
  const byLogPower = left.logPower - right.logPower;
  if (Math.abs(byLogPower) > EXPONENT_TOLERANCE) return Math.sign(byLogPower);
  return 0;
}

function sameCoefficient(left: number, right: number): boolean {
  return Math.abs(left - right) <= COEFFICIENT_TOLERANCE * Math.max(Math.abs(left), Math.abs(right));
}

/** Returns the sign of left(x) − right(x) for all large x, or 0 when the leading terms agree. */
function compareEventually(left: Expansion, right: Expansion): number {
  const leftSign = Math.sign(left.coefficient);
  const rightSign = Math.sign(right.coefficient);
  if (leftSign !== rightSign) return Math.sign(leftSign - rightSign);
  if (leftSign === 0) return 0;

  // Same sign: a higher order is larger in size, which is larger for positive terms and
  // smaller for negative ones.
  const order = compareOrder(left, right);
  if (order !== 0) return order * leftSign;
  if (sameCoefficient(left.coefficient, right.coefficient)) return 0;
  return Math.sign(left.coefficient - right.coefficient);
}

/**
 * Merges the argument min or max has chosen so far with one it did not prefer. Where their
 * leading terms agree, the result is exact only if both are.
 */
function mergeTie(current: Expansion, other: Expansion): Expansion {
  if (compareEventually(current, other) !== 0) return current;
  return { ...current, exact: current.exact && other.exact };
}

function add(left: Expansion, right: Expansion, node: MathNode): Expansion {
  if (isZero(left)) return right;
  if (isZero(right)) return left;

  const order = compareOrder(left, right);
  if (order > 0) return { ...left, exact: false };
  if (order < 0) return { ...right, exact: false };

  const coefficient = left.coefficient + right.coefficient;
  const cancels = Math.abs(coefficient) <= COEFFICIENT_TOLERANCE * Math.max(Math.abs(left.coefficient), Math.abs(right.coefficient));
  if (!cancels) return { ...left, coefficient, exact: left.exact && right.exact };
  if (left.exact && right.exact) return constantTerm(0);
  throw new Unclassifiable(`the leading terms of ${toPlainText(node)} cancel, so its growth depends on lower-order terms that are not tracked`);
}

function multiply(left: Expansion, right: Expansion): Expansion {
  if (isZero(left) || isZero(right)) return constantTerm(0);
  return {
    coefficient: left.coefficient * right.coefficient,
    power: left.power + right.power,
    logPower: left.logPower + right.logPower,
    exact: left.exact && right.exact,
  };
}

function divide(left: Expansion, right: Expansion, node: MathNode): Expansion {
  if (isZero(right)) throw new Unclassifiable(`${toPlainText(node)} divides by zero`);
  if (isZero(left)) return constantTerm(0);
  return {
    coefficient: left.coefficient / right.coefficient,
    power: left.power - right.power,
    logPower: left.logPower - right.logPower,
    exact: left.exact && right.exact,
  };
}

/** Raises a term to a constant power: (c x^a (ln x)^b)^p = c^p x^(ap) (ln x)^(bp). */
function power(base: Expansion, exponent: number, node: MathNode): Expansion {
  if (isZero(base)) {
    if (exponent > 0) return constantTerm(0);
    if (exponent === 0) return constantTerm(1);
    throw new Unclassifiable(`${toPlainText(node)} raises zero to a negative power`);
  }
  if (base.coefficient < 0 && !Number.isInteger(exponent)) {
    throw new Unclassifiable(`${toPlainText(node)} takes a fractional power of a value that is eventually negative`);
  }
  const coefficient = base.coefficient ** exponent;
  if (!Number.isFinite(coefficient)) throw new Unclassifiable(`the coefficient of ${toPlainText(node)} overflows`);
  return { coefficient, power: base.power * exponent, logPower: base.logPower * exponent, exact: base.exact };
}

/**
 * ln(c x^a (ln x)^b) = a ln x + b ln ln x + ln c. For a ≠ 0 the first term leads; for a = 0 and
 * b ≠ 0 the result grows like ln ln x, which has no term of the form c x^a (ln x)^b.
 */
function naturalLog(argument: Expansion, node: MathNode): Expansion {
  if (!(argument.coefficient > 0)) {
    throw new Unclassifiable(`${toPlainText(node)} takes the logarithm of a value that is eventually zero or negative`);
  }

  if (Math.abs(argument.power) > EXPONENT_TOLERANCE) {
    // Exact only for ln(x^a): a coefficient other than 1 or a log factor adds lower terms.
    const exact = argument.exact && argument.coefficient === 1 && Math.abs(argument.logPower) <= EXPONENT_TOLERANCE;
    return { coefficient: argument.power, power: 0, logPower: 1, exact };
  }
  if (Math.abs(argument.logPower) > EXPONENT_TOLERANCE) {
    throw new Unclassifiable(`${toPlainText(node)} grows like log log of the variable, which is not of the form x^a (log x)^b`);
  }

  // The argument tends to the constant c, so the logarithm tends to ln c. When c = 1 the limit
  // is 0 and the rate at which it is reached depends on dropped terms.
  if (argument.exact) return constantTerm(Math.log(argument.coefficient));
  if (sameCoefficient(argument.coefficient, 1)) {
    throw new Unclassifiable(`the argument of ${toPlainText(node)} tends to 1, so the growth depends on lower-order terms that are not tracked`);
  }
  return { coefficient: Math.log(argument.coefficient), power: 0, logPower: 0, exact: false };
}

/**
 * exp of a term is of the form c x^a (ln x)^b only when the term tends to a constant, or is
 * exactly k ln x, which gives x^k.
 */
function exponential(argument: Expansion, node: MathNode): Expansion {
  const tendsToZero =
    argument.power < -EXPONENT_TOLERANCE || (Math.abs(argument.power) <= EXPONENT_TOLERANCE && argument.logPower < -EXPONENT_TOLERANCE);
  if (tendsToZero) return { coefficient: 1, power: 0, logPower: 0, exact: false };

  if (isConstantOrder(argument)) {
    const coefficient = Math.exp(argument.coefficient);
    if (!Number.isFinite(coefficient)) throw new Unclassifiable(`${toPlainText(node)} overflows`);
    return { coefficient, power: 0, logPower: 0, exact: argument.exact };
  }

  const isLogOfVariable = Math.abs(argument.power) <= EXPONENT_TOLERANCE && Math.abs(argument.logPower - 1) <= EXPONENT_TOLERANCE;
  if (isLogOfVariable && argument.exact) return { coefficient: 1, power: argument.coefficient, logPower: 0, exact: true };

  throw new Unclassifiable(`${toPlainText(node)} grows or decays faster than any power of the variable`);
}
