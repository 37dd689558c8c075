/**
 * One test group per ambiguity rule in parsers/parser.ts: the forms the rule accepts, with
 * their values, and the forms it rejects, with the readings and the full message.
 */
import { describe, expect, it } from 'vitest';

import { ParseError, parseFormula, toBracketed } from '../../parsers/index.js';
import { referenceEvaluate, sameNumber } from '../helpers/reference-eval.js';

const VALUES = { N: 64, D: 16, a: 7, b: 2, c: 11, d: 6, g: 5, k: 4, l: 3, m: 8, n: 32, o: 9, x: 5, y: 3, n_b: 8 };

function expectValue(input: string, bracketed: string, expected: number): void {
  const tree = parseFormula(input);
  expect(toBracketed(tree)).toBe(bracketed);
  const actual = referenceEvaluate(tree, VALUES, 2);
  expect(sameNumber(actual, expected), `${actual} != ${expected}`).toBe(true);
}

function parseError(input: string): ParseError {
  try {
    parseFormula(input);
  } catch (error) {
    if (error instanceof ParseError) return error;
    throw error;
  }
  throw new Error(`expected ${input} to be rejected`);
}

function expectAmbiguous(input: string, readings: string[], message: string): void {
  const error = parseError(input);
  expect(error.code).toBe('ambiguous');
  expect(error.readings).toEqual(readings);
  expect(error.message).toBe(message);
}

describe('unbraced exponent takes a whole number', () => {
  it('reads n^1.5d as n^{1.5} times d', () => {
    expectValue('n^1.5d', '((n ^ 1.5) * d)', VALUES.n ** 1.5 * VALUES.d);
  });

  it('reads x^2y as x^2 times y', () => {
    expectValue('x^2y', '((x ^ 2) * y)', VALUES.x ** 2 * VALUES.y);
  });

  it('reads n^12 as n to the twelfth', () => {
    expectValue('n^12', '(n ^ 12)', VALUES.n ** 12);
  });

  it('reads an unbraced logarithm base as a whole number', () => {
    expectValue('\\log_10 N', 'log(N, 10)', Math.log10(VALUES.N));
  });
});

describe('unbraced script followed by letters', () => {
  it('rejects x^ab', () => {
    expectAmbiguous('x^ab', ['x^{ab}', 'x^{a}·b'], '`x^ab` can be read as x^{ab} or x^{a}·b; write x^{ab} or x^{a} b at position 1\nx^ab\n^^^^');
  });

  it('rejects d_model', () => {
    expectAmbiguous(
      'd_model',
      ['d_{model}', 'd_{m}·odel'],
      '`d_model` can be read as d_{model} or d_{m}·odel; write d_{model} or d_{m} odel at position 1\nd_model\n^^^^^^^',
    );
  });

  it('rejects a logarithm base followed by letters', () => {
    expectAmbiguous(
      '\\log_ab',
      ['\\log_{ab}', '\\log_{a}·b'],
      '`\\log_ab` can be read as \\log_{ab} or \\log_{a}·b; write \\log_{ab} or \\log_{a} b at position 1\n\\log_ab\n^^^^^^^',
    );
  });

  it('accepts one letter followed by a space', () => {
    expectValue('n_b k', '(n_b * k)', VALUES.n_b * VALUES.k);
    expectValue('N^k D', '((N ^ k) * D)', VALUES.N ** VALUES.k * VALUES.D);
  });
});

describe('juxtaposition after a slash', () => {
  it('rejects 1/2N with both readings', () => {
    const error = parseError('1/2N');
    expect(error.code).toBe('ambiguous');
    expect(error.readings).toEqual(['(1/2)·N', '1/(2N)']);
    expect(error.suggestion).toBe('\\frac{1}{2}N or \\frac{1}{2N}');
    expect(error.position).toBe(0);
    expect(error.length).toBe(4);
    expect(error.message).toBe('`1/2N` can be read as (1/2)·N or 1/(2N); write \\frac{1}{2}N or \\frac{1}{2N} at position 1\n1/2N\n^^^^');
  });

  it('rejects letters after a slash', () => {
    expectAmbiguous('N/bk', ['(N/b)·k', 'N/(bk)'], '`N/bk` can be read as (N/b)·k or N/(bk); write \\frac{N}{b}k or \\frac{N}{bk} at position 1\nN/bk\n^^^^');
  });

  it('quotes the whole numerator', () => {
    expectAmbiguous(
      'a*b/cd',
      ['(a*b/c)·d', 'a*b/(cd)'],
      '`a*b/cd` can be read as (a*b/c)·d or a*b/(cd); write \\frac{a*b}{c}d or \\frac{a*b}{cd} at position 1\na*b/cd\n^^^^^^',
    );
  });

  it('rejects a function after a slash and a number', () => {
    expect(parseError('1/2\\sqrt{N}').readings).toEqual(['(1/2)·\\sqrt{N}', '1/(2\\sqrt{N})']);
  });

  it('accepts the unambiguous spellings', () => {
    expectValue('1/(2N)', '(1 / (2 * N))', 1 / (2 * VALUES.N));
    expectValue('\\frac{1}{2}N', '((1 / 2) * N)', VALUES.N / 2);
    expectValue('(1/2)N', '((1 / 2) * N)', VALUES.N / 2);
    expectValue('N/2 \\cdot k', '((N / 2) * k)', (VALUES.N / 2) * VALUES.k);
  });
});

describe('number after a factor', () => {
  it('rejects n2 with three readings', () => {
    expectAmbiguous('n2', ['n·2', 'n^2', 'n_2'], '`n2` can be read as n·2, n^2 or n_2; write 2n, n^{2} or n_{2} at position 1\nn2\n^^');
  });

  it('rejects a number after a bracket', () => {
    expectAmbiguous(
      '(a+b)2',
      ['(a+b)·2', '(a+b)^2'],
      '`(a+b)2` can be read as (a+b)·2 or (a+b)^2; write 2(a+b) or (a+b)^{2} at position 1\n(a+b)2\n^^^^^^',
    );
  });

  it('rejects a number after a space', () => {
    expect(parseError('n 2').readings).toEqual(['n·2', 'n^2', 'n_2']);
  });

  it('rejects two numbers side by side', () => {
    expectAmbiguous('2 3', ['2·3', '2^3'], '`2 3` can be read as 2·3 or 2^3; write 2 \\cdot 3 or 2^{3} at position 1\n2 3\n^^^');
  });

  it('rejects a digit after a one-character TeX argument', () => {
    expect(parseError('\\frac123').code).toBe('ambiguous');
  });

  it('accepts a leading number', () => {
    expectValue('2n', '(2 * n)', 2 * VALUES.n);
    expectValue('n \\cdot 2', '(n * 2)', VALUES.n * 2);
  });
});

describe('dot between factors', () => {
  it('rejects N.m', () => {
    expectAmbiguous('N.m', ['N·m', 'one name N.m'], '`N.m` can be read as N·m or one name N.m; write N \\cdot m or N_{m} at position 1\nN.m\n^^^');
  });

  it('rejects a dot after a number', () => {
    expectAmbiguous(
      '2.N',
      ['2·N', 'a decimal number with a misplaced point'],
      '`2.N` can be read as 2·N or a decimal number with a misplaced point; write 2 \\cdot N at position 1\n2.N\n^^^',
    );
  });

  it('accepts a full stop at the end', () => {
    expectValue('N.', 'N', VALUES.N);
    expectValue('O(n \\log n).', '(n * log(n))', VALUES.n * Math.log2(VALUES.n));
  });
});

describe('function name inside a run of letters', () => {
  it('rejects nlogn', () => {
    expectAmbiguous(
      'nlogn',
      ['n·log(n)', 'n·l·o·g·n'],
      '`nlogn` can be read as n·log(n) or n·l·o·g·n; write n \\log n, or put spaces between letters that multiply at position 1\nnlogn\n^^^^^',
    );
  });

  it('rejects a capitalised function name', () => {
    expect(parseError('Log n').readings).toEqual(['log(…)', 'L·o·g']);
    expect(parseError('nMAXk').readings).toEqual(['n·max(k)', 'n·M·A·X·k']);
  });

  it('rejects a function name glued to the letter before it', () => {
    expect(parseError('Nlog N').readings).toEqual(['N·log(…)', 'N·l·o·g']);
  });

  it('accepts whole words and separated letters', () => {
    expectValue('n log n', '(n * log(n))', VALUES.n * Math.log2(VALUES.n));
    expectValue('n l o g n', '((((n * l) * o) * g) * n)', VALUES.n * VALUES.l * VALUES.o * VALUES.g * VALUES.n);
  });

  it('reads capital LN and LG as products', () => {
    const values = { L: 3, N: 5, G: 7 };
    expect(referenceEvaluate(parseFormula('LN'), values)).toBe(15);
    expect(referenceEvaluate(parseFormula('LG'), values)).toBe(21);
  });
});

describe('number as a bare function argument', () => {
  it('rejects \\log 2N', () => {
    expectAmbiguous(
      '\\log 2N',
      ['log(2N)', 'log(2)·N'],
      '`\\log 2N` can be read as log(2N) or log(2)·N; write \\log(2N) or N \\log 2 at position 1\n\\log 2N\n^^^^^^^',
    );
  });

  it('rejects the form with a space', () => {
    expect(parseError('\\log 2 N').readings).toEqual(['log(2N)', 'log(2)·N']);
  });

  it('accepts a letter argument followed by another factor', () => {
    expectValue('\\log N D', '(log(N) * D)', Math.log2(VALUES.N) * VALUES.D);
  });

  it('accepts the unambiguous spellings', () => {
    expectValue('\\log(2N)', 'log((2 * N))', Math.log2(2 * VALUES.N));
    expectValue('\\log 2 \\cdot N', '(log(2) * N)', VALUES.N);
  });
});
