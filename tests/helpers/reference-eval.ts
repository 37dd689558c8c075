/**
 * A small recursive evaluator for parser tests. It shares no code with the project's
 * evaluator, so a test that compares the two catches a mistake in either.
 */
import type { ConstantNode, FunctionNode, MathNode, OperatorNode, SymbolNode } from '../../parsers/index.js';

export type Values = Readonly<Record<string, number>>;

/**
 * Evaluates `node` with the given symbol values. `log(x)` without a base uses `defaultLogBase`.
 * Throws on a symbol without a value, so a test cannot pass by evaluating to NaN.
 */
export function referenceEvaluate(node: MathNode, values: Values, defaultLogBase = 2): number {
  const evaluate = (child: MathNode): number => referenceEvaluate(child, values, defaultLogBase);

  switch (node.type) {
    case 'ConstantNode':
      return Number((node as ConstantNode).value);

    case 'SymbolNode': {
      const { name } = node as SymbolNode;
      const value = values[name];
      if (value === undefined) throw new Error(`no value for symbol ${name}`);
      return value;
    }

    case 'OperatorNode': {
      const operator = node as OperatorNode;
      const [left, right] = operator.args.map(evaluate);
      if (operator.args.length === 1) return -left!;
      switch (operator.op) {
        case '+':
          return left! + right!;
        case '-':
          return left! - right!;
        case '*':
          return left! * right!;
        case '/':
          return left! / right!;
        case '^':
          return left! ** right!;
        default:
          throw new Error(`unexpected operator ${operator.op}`);
      }
    }

    case 'FunctionNode': {
      const call = node as FunctionNode;
      const args = call.args.map(evaluate);
      const [first, second] = args;
      switch (call.fn.name) {
        case 'sqrt':
          return Math.sqrt(first!);
        case 'nthRoot':
          return first! ** (1 / second!);
        case 'log':
          return Math.log(first!) / Math.log(second ?? defaultLogBase);
        case 'ln':
          return Math.log(first!);
        case 'exp':
          return Math.exp(first!);
        case 'min':
          return Math.min(...args);
        case 'max':
          return Math.max(...args);
        default:
          throw new Error(`unexpected function ${call.fn.name}`);
      }
    }

    default:
      throw new Error(`unexpected node type ${node.type}`);
  }
}

/** Tests whether two results agree to a relative 1e-12, treating NaN as equal to NaN. */
export function sameNumber(actual: number, expected: number): boolean {
  if (Number.isNaN(actual) || Number.isNaN(expected)) return Number.isNaN(actual) && Number.isNaN(expected);
  if (!Number.isFinite(actual) || !Number.isFinite(expected)) return actual === expected;
  return Math.abs(actual - expected) <= 1e-12 * Math.max(1, Math.abs(expected));
}
