/**
 * The expression-tree vocabulary shared by the parser, the printers and the evaluator.
 *
 * Trees are mathjs nodes, but only this subset ever appears:
 * - ConstantNode: a finite, non-negative JavaScript number.
 * - SymbolNode: a normalised symbol name (`N`, `D`, `n_b`, `N_g`, `epsilon`).
 * - OperatorNode, binary: `+` (add), `-` (subtract), `*` (multiply), `/` (divide), `^` (pow).
 *   `implicit` is true on a `*` written as juxtaposition (`kN`, `2\log n`).
 * - OperatorNode, unary: `-` (unaryMinus).
 * - FunctionNode with one of the names in FUNCTION_NAMES:
 *   `sqrt(x)`, `nthRoot(x, n)`, `log(x)` in the default base chosen at evaluation time,
 *   `log(x, b)` with an explicit base, `ln(x)`, `exp(x)`, `min(a, b, ...)`, `max(a, b, ...)`.
 *
 * Parentheses are not kept as nodes: the printers decide where brackets are needed.
 * The node classes come from a mathjs instance holding only the four node factories, so the
 * rest of mathjs (units, matrices, its string parser) is never created.
 */
import {
  create,
  ConstantNodeDependencies,
  FunctionNodeDependencies,
  OperatorNodeDependencies,
  SymbolNodeDependencies,
} from 'mathjs';
import type { ConstantNode, FactoryFunctionMap, FunctionNode, MathNode, OperatorNode, SymbolNode } from 'mathjs';

const math = create({
  ConstantNodeDependencies,
  FunctionNodeDependencies,
  OperatorNodeDependencies,
  SymbolNodeDependencies,
} as FactoryFunctionMap);

export type { ConstantNode, FunctionNode, MathNode, OperatorNode, SymbolNode };

/** Function names a tree may contain, with the argument counts each accepts. */
export const FUNCTION_ARITY = {
  sqrt: [1, 1],
  nthRoot: [2, 2],
  log: [1, 2],
  ln: [1, 1],
  exp: [1, 1],
  min: [2, Infinity],
  max: [2, Infinity],
} as const satisfies Record<string, readonly [number, number]>;

export type FunctionName = keyof typeof FUNCTION_ARITY;

export const FUNCTION_NAMES = Object.keys(FUNCTION_ARITY) as FunctionName[];

export type BinaryOperator = '+' | '-' | '*' | '/' | '^';

const OPERATOR_FUNCTIONS: Record<BinaryOperator, 'add' | 'subtract' | 'multiply' | 'divide' | 'pow'> = {
  '+': 'add',
  '-': 'subtract',
  '*': 'multiply',
  '/': 'divide',
  '^': 'pow',
};

export function constant(value: number): ConstantNode {
  return new math.ConstantNode(value);
}

export function symbol(name: string): SymbolNode {
  return new math.SymbolNode(name);
}

export function binary(op: BinaryOperator, left: MathNode, right: MathNode, implicit = false): OperatorNode {
  return new math.OperatorNode(op, OPERATOR_FUNCTIONS[op], [left, right], implicit) as unknown as OperatorNode;
}

export function negate(operand: MathNode): OperatorNode {
  return new math.OperatorNode('-', 'unaryMinus', [operand]) as unknown as OperatorNode;
}

export function call(name: FunctionName, args: MathNode[]): FunctionNode {
  return new math.FunctionNode(name, args) as unknown as FunctionNode;
}

export function isConstant(node: MathNode): node is ConstantNode {
  return node.type === 'ConstantNode';
}

export function isSymbol(node: MathNode): node is SymbolNode {
  return node.type === 'SymbolNode';
}

export function isOperator(node: MathNode): node is OperatorNode {
  return node.type === 'OperatorNode';
}

export function isFunction(node: MathNode): node is FunctionNode {
  return node.type === 'FunctionNode';
}

/** Returns the function name of a FunctionNode (mathjs stores it on `fn.name`). */
export function functionName(node: FunctionNode): string {
  return node.fn.name;
}

/** Lists the distinct symbol names of a tree in order of first appearance. */
export function symbolsOf(node: MathNode): string[] {
  const seen = new Set<string>();
  const visit = (current: MathNode): void => {
    if (isSymbol(current)) {
      seen.add(current.name);
    } else if (isOperator(current) || isFunction(current)) {
      for (const arg of current.args) visit(arg);
    }
  };
  visit(node);
  return [...seen];
}
