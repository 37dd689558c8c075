/**
 * Limits: huge or deeply nested inputs end in a ParseError with the right code within a
 * second, never in a stack overflow, while ordinary nesting still parses.
 */
import { performance } from 'node:perf_hooks';

import { describe, expect, it } from 'vitest';

import {
  MAX_INPUT_LENGTH,
  MAX_NESTING_DEPTH,
  MAX_TREE_DEPTH,
  ParseError,
  parseFormula,
  toBracketed,
  toLatex,
  toPlainText,
  type ParseErrorCode,
} from '../../parsers/index.js';
import { referenceEvaluate } from '../helpers/reference-eval.js';

function expectRejectedQuickly(input: string, code: ParseErrorCode): void {
  const start = performance.now();
  let caught: unknown;
  try {
    parseFormula(input);
  } catch (error) {
    caught = error;
  }
  const milliseconds = performance.now() - start;

  expect(caught).toBeInstanceOf(ParseError);
  expect((caught as ParseError).code).toBe(code);
  expect(milliseconds).toBeLessThan(1_000);
}

const nested = (open: string, inner: string, close: string, depth: number): string => open.repeat(depth) + inner + close.repeat(depth);

describe('rejected inputs', () => {
  it('rejects 10,000 nested brackets', () => {
    expectRejectedQuickly(nested('(', 'N', ')', 10_000), 'too_deeply_nested');
  });

  it('rejects 10,000 nested braces', () => {
    expectRejectedQuickly(nested('{', 'N', '}', 10_000), 'too_deeply_nested');
  });

  it('rejects 5,000 nested sized brackets', () => {
    expectRejectedQuickly(nested('\\left(', 'N', '\\right)', 5_000), 'too_deeply_nested');
  });

  it('rejects 10,000 nested bounds', () => {
    expectRejectedQuickly(nested('O(', 'N', ')', 10_000), 'too_deeply_nested');
  });

  it('rejects 20,000 chained powers', () => {
    expectRejectedQuickly(`${'N^'.repeat(20_000)}N`, 'too_deeply_nested');
  });

  it('rejects 20,000 nested braced exponents', () => {
    expectRejectedQuickly(nested('N^{', 'N', '}', 20_000), 'too_deeply_nested');
  });

  it('rejects 20,000 signs', () => {
    expectRejectedQuickly(`${'-'.repeat(20_000)}N`, 'too_deeply_nested');
  });

  it('rejects 10,000 nested roots and logarithms', () => {
    expectRejectedQuickly(`${'\\sqrt'.repeat(10_000)} N`, 'too_deeply_nested');
    expectRejectedQuickly(`${'\\log '.repeat(10_000)}N`, 'too_deeply_nested');
    expectRejectedQuickly(nested('\\frac{', 'N', '}{2}', 5_000), 'too_deeply_nested');
    expectRejectedQuickly(`${'log '.repeat(10_000)}N`, 'too_deeply_nested');
  });

  it('rejects a 1 MB sum as too long', () => {
    expectRejectedQuickly(`${'N+'.repeat(500_000)}N`, 'too_long');
  });

  it('rejects a sum deeper than the tree limit', () => {
    expectRejectedQuickly(`${'N+'.repeat(MAX_TREE_DEPTH)}N`, 'too_deeply_nested');
  });

  it('rejects the longest allowed input when its tree is too deep', () => {
    const input = `${'N+'.repeat(MAX_INPUT_LENGTH / 2 - 1)}N`;
    expect(input.length).toBe(MAX_INPUT_LENGTH - 1);
    expectRejectedQuickly(input, 'too_deeply_nested');
  });

  it('rejects one character past the input limit', () => {
    expectRejectedQuickly(`N${' '.repeat(MAX_INPUT_LENGTH)}`, 'too_long');
  });
});

describe('accepted inputs', () => {
  it('parses 50 levels of ordinary nesting', () => {
    const values = { N: 3, k: 2 };
    expect(referenceEvaluate(parseFormula(nested('(', 'N', ')', 50)), values)).toBe(3);
    expect(referenceEvaluate(parseFormula(nested('{', 'N', '}', 50)), values)).toBe(3);
    expect(referenceEvaluate(parseFormula(nested('\\sqrt{', 'N', '}', 50)), values)).toBeCloseTo(3 ** (1 / 2 ** 50), 12);
    expect(referenceEvaluate(parseFormula(nested('\\frac{', 'N', '}{1}', 50)), values)).toBe(3);
    expect(referenceEvaluate(parseFormula(`${'(k+'.repeat(50)}N${')'.repeat(50)}`), values)).toBe(103);
    expect(referenceEvaluate(parseFormula(`${'1^'.repeat(50)}N`), values)).toBe(1);
  });

  it('parses brackets exactly at the nesting limit', () => {
    expect(toBracketed(parseFormula(nested('(', 'N', ')', MAX_NESTING_DEPTH)))).toBe('N');
    expect(toBracketed(parseFormula(`${'-'.repeat(MAX_NESTING_DEPTH)}N`))).toBe(`${'(-'.repeat(MAX_NESTING_DEPTH)}N${')'.repeat(MAX_NESTING_DEPTH)}`);
  });

  it('rejects one bracket past the nesting limit', () => {
    expectRejectedQuickly(nested('(', 'N', ')', MAX_NESTING_DEPTH + 1), 'too_deeply_nested');
  });

  it('parses and prints a sum at the tree depth limit', () => {
    const tree = parseFormula(`${'N+'.repeat(MAX_TREE_DEPTH - 1)}N`);
    expect(referenceEvaluate(tree, { N: 2 })).toBe(2 * MAX_TREE_DEPTH);
    expect(toBracketed(parseFormula(toLatex(tree)))).toBe(toBracketed(tree));
    expect(toBracketed(parseFormula(toPlainText(tree)))).toBe(toBracketed(tree));
    expect(toBracketed(tree).startsWith('('.repeat(MAX_TREE_DEPTH - 1))).toBe(true);
  });

  it('parses a long formula that stays shallow', () => {
    const terms = Array.from({ length: 500 }, () => '(N+N)').join('*');
    const input = `${terms}`;
    expect(() => parseFormula(input)).not.toThrow();
  });
});
