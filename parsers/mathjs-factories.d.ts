/**
 * Declarations for the mathjs node factories that parsers/tree.ts calls directly. mathjs exports
 * them at run time (every `create*` factory is a named export of the package) but its type
 * definitions only describe the classes made by `create()`.
 */
import 'mathjs';

declare module 'mathjs' {
  type NodeClass = new (...args: any[]) => MathNode;

  export function createNode(dependencies: { mathWithTransform: object }): NodeClass;
  export function createConstantNode(dependencies: { Node: NodeClass; isBounded: (value: unknown) => boolean }): NodeClass;
  export function createSymbolNode(dependencies: { math: object; Node: NodeClass; Unit?: unknown }): NodeClass;
  export function createOperatorNode(dependencies: { Node: NodeClass }): NodeClass;
  export function createFunctionNode(dependencies: { math: object; Node: NodeClass; SymbolNode: NodeClass }): NodeClass;
}
