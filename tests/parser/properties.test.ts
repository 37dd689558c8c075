/**
 * Property tests: random trees printed in several notations parse back to the same tree
 * and the same value. The seed is fixed so that a failure reproduces.
 */
import fc from 'fast-check';
import katex from 'katex';
import { describe, expect, it } from 'vitest';

import {
  binary,
  call,
  constant,
  negate,
  parseFormula,
  symbol,
  toBracketed,
  toLatex,
  toPlainText,
  type BinaryOperator,
  type MathNode,
} from '../../parsers/index.js';
import { referenceEvaluate, sameNumber } from '../helpers/reference-eval.js';
import { printStyled, type NotationStyle } from './styled-printer.js';

/** Symbols include letters that spell function and Greek names (`l n`, `e t a`) and the bound letters. */
const SYMBOL_VALUES: Record<string, number> = {
  N: 3,
  D: 5,
  k: 2,
  x: 0.7,
  a: 1.3,
  e: 1.1,
  t: 0.9,
  l: 1.7,
  n: 2.3,
  g: 0.6,
  o: 1.9,
  m: 2.9,
  i: 0.4,
  p: 1.4,
  O: 4,
  Theta: 6,
  epsilon: 0.25,
  n_b: 8,
  N_g: 3.5,
  d_model: 64,
  alpha_1: 0.3,
};

const CONSTANTS = [0, 0.5, 1, 1.5, 2, 3, 10, 64, 1e21];

const leaf: fc.Arbitrary<MathNode> = fc.oneof(
  fc.constantFrom(...CONSTANTS).map((value) => constant(value)),
  fc.constantFrom(...Object.keys(SYMBOL_VALUES)).map((name) => symbol(name)),
);

const { tree } = fc.letrec<{ tree: MathNode; operation: MathNode; negation: MathNode; call: MathNode }>((tie) => ({
  tree: fc.oneof({ maxDepth: 5, depthSize: 'small', withCrossShrink: true }, leaf, tie('operation'), tie('negation'), tie('call')),
  operation: fc
    .tuple(fc.constantFrom<BinaryOperator>('+', '-', '*', '/', '^'), tie('tree'), tie('tree'), fc.boolean())
    .map(([op, left, right, implicit]) => binary(op, left, right, op === '*' && implicit)),
  negation: tie('tree').map((operand) => negate(operand)),
  call: fc.oneof(
    tie('tree').map((x) => call('sqrt', [x])),
    fc.tuple(tie('tree'), fc.constantFrom(2, 3)).map(([x, index]) => call('nthRoot', [x, constant(index)])),
    fc.tuple(tie('tree'), tie('tree')).map(([x, index]) => call('nthRoot', [x, index])),
    tie('tree').map((x) => call('log', [x])),
    fc.tuple(tie('tree'), tie('tree')).map(([x, base]) => call('log', [x, base])),
    tie('tree').map((x) => call('ln', [x])),
    tie('tree').map((x) => call('exp', [x])),
    fc.array(tie('tree'), { minLength: 2, maxLength: 3 }).map((args) => call('min', args)),
    fc.array(tie('tree'), { minLength: 2, maxLength: 3 }).map((args) => call('max', args)),
  ),
}));

const style: fc.Arbitrary<NotationStyle> = fc.record({
  braces: fc.boolean(),
  multiplication: fc.constantFrom<NotationStyle['multiplication']>('cdot', 'times', 'star', 'unicode', 'juxtaposition'),
  division: fc.constantFrom<NotationStyle['division']>('frac', 'slash'),
  brackets: fc.constantFrom<NotationStyle['brackets']>('round', 'square', 'sized', 'big'),
});

/** PARSER_PROPERTY_SEED and PARSER_PROPERTY_RUNS override the fixed seed and run count for a longer search. */
const RUNS = {
  seed: Number(process.env.PARSER_PROPERTY_SEED ?? 20_240_601),
  numRuns: Number(process.env.PARSER_PROPERTY_RUNS ?? 400),
};

/** Asserts that `printed` parses to a tree with the structure and value of `original`. */
function expectSameTree(printed: string, original: MathNode): void {
  const reparsed = parseFormula(printed);
  expect(toBracketed(reparsed), printed).toBe(toBracketed(original));
  for (const logBase of [2, Math.E]) {
    const expected = referenceEvaluate(original, SYMBOL_VALUES, logBase);
    const actual = referenceEvaluate(reparsed, SYMBOL_VALUES, logBase);
    expect(sameNumber(actual, expected), `${printed}: ${actual} != ${expected}`).toBe(true);
  }
}

describe('printers round trip', () => {
  it('toLatex parses back and renders in KaTeX', () => {
    fc.assert(
      fc.property(tree, (original) => {
        const latex = toLatex(original);
        katex.renderToString(latex, { strict: 'error', throwOnError: true });
        expectSameTree(latex, original);
      }),
      RUNS,
    );
  });

  it('toPlainText parses back', () => {
    fc.assert(
      fc.property(tree, (original) => expectSameTree(toPlainText(original), original)),
      RUNS,
    );
  });

  it('toBracketed parses back', () => {
    fc.assert(
      fc.property(tree, (original) => expectSameTree(toBracketed(original), original)),
      RUNS,
    );
  });

  it('toLatex is stable after one round trip', () => {
    fc.assert(
      fc.property(tree, (original) => {
        const latex = toLatex(original);
        expect(toLatex(parseFormula(latex))).toBe(latex);
      }),
      RUNS,
    );
  });
});

describe('notation variants', () => {
  it('parse back to the same tree', () => {
    fc.assert(
      fc.property(tree, style, (original, notation) => {
        const printed = printStyled(original, notation);
        katex.renderToString(printed.replace(/×/g, '\\times'), { strict: 'error', throwOnError: true });
        expectSameTree(printed, original);
      }),
      RUNS,
    );
  });
});
