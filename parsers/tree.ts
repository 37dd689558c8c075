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
 */
import { createConstantNode, createFunctionNode, createNode, createOperatorNode, createSymbolNode } from 'mathjs';
import type { ConstantNode, FunctionNode, MathNode, OperatorNode, SymbolNode } from 'mathjs';

/*
 * The node classes are built by calling mathjs's node factories directly with empty namespaces,
 * instead of through `create()`. Going through `create()` resolves each factory's declared
 * dependencies, which pulls in units, matrices and the typed-function machinery: about 1 MB of
 * code that every command would load and never use. With empty namespaces a tree can be built,
 * traversed, transformed and printed, but mathjs's own `evaluate()`/`compile()` cannot run on
 * it; that is intended, because attncost evaluates trees with its own compiler (src/compile.ts).
 */
const Node = createNode({ mathWithTransform: {} });
const ConstantNodeClass = createConstantNode({ Node, isBounded: (value: unknown) => Number.isFinite(value) });
const SymbolNodeClass = createSymbolNode({ math: {}, Node });
const OperatorNodeClass = createOperatorNode({ Node });
const FunctionNodeClass = createFunctionNode({ math: {}, Node, SymbolNode: SymbolNodeClass });

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
  return new ConstantNodeClass(value) as ConstantNode;
}

export function symbol(name: string): SymbolNode {
  return new SymbolNodeClass(name) as SymbolNode;
}

export function binary(op: BinaryOperator, left: MathNode, right: MathNode, implicit = false): OperatorNode {
  return new OperatorNodeClass(op, OPERATOR_FUNCTIONS[op], [left, right], implicit) as unknown as OperatorNode;
}

export function negate(operand: MathNode): OperatorNode {
  return new OperatorNodeClass('-', 'unaryMinus', [operand]) as unknown as OperatorNode;
}

export function call(name: FunctionName, args: MathNode[]): FunctionNode {
  return new FunctionNodeClass(name, args) as unknown as FunctionNode;
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
