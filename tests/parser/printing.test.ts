/**
 * Printing back: toLatex output renders in KaTeX with strict checks, and each printer's
 * output parses back to the same tree and value.
 */
import { readFileSync } from 'node:fs';

import katex from 'katex';
import { describe, expect, it } from 'vitest';

import { formatNumber, parseFormula, toBracketed, toLatex, toPlainText } from '../../parsers/index.js';
import { referenceEvaluate, sameNumber } from '../helpers/reference-eval.js';
import { NOTATION_CASES, VALUES } from './formulas.js';

const catalogue = JSON.parse(readFileSync(new URL('../../data/FastAttention.json', import.meta.url), 'utf8')) as { name: string; complexity: string }[];

const CATALOGUE_VALUES = { N: 4096, D: 64, b: 32, k: 16, r: 8, K: 256, H: 64, W: 64, Q: 512, n_b: 64, h: 8, w: 8, g: 4, m: 128, v: 32 };

const FORMULAS = [
  ...catalogue.map((entry) => ({ label: entry.name, input: entry.complexity, values: CATALOGUE_VALUES as Record<string, number> })),
  ...Object.values(NOTATION_CASES)
    .flat()
    .map((notationCase) => ({ label: notationCase.input, input: notationCase.input, values: VALUES as Record<string, number> })),
];

function renderKatex(latex: string): string {
  return katex.renderToString(latex, { strict: 'error', throwOnError: true });
}

describe.each([
  { printer: 'toLatex', print: toLatex },
  { printer: 'toPlainText', print: toPlainText },
  { printer: 'toBracketed', print: toBracketed },
])('$printer round trip', ({ printer, print }) => {
  it.each(FORMULAS)('$label', ({ input, values }) => {
    const tree = parseFormula(input);
    const printed = print(tree);
    if (printer === 'toLatex') expect(() => renderKatex(printed)).not.toThrow();

    const reparsed = parseFormula(printed);
    expect(toBracketed(reparsed)).toBe(toBracketed(tree));
    expect(sameNumber(referenceEvaluate(reparsed, values), referenceEvaluate(tree, values))).toBe(true);
  });
});

describe('toLatex', () => {
  const cases: [string, string][] = [
    ['{N}*\\sqrt{N}*{D}', 'N\\sqrt{N}D'],
    ['\\frac{{N}^2}{n_b}+{n_b}^2', '\\frac{N^2}{n_{b}} + n_{b}^2'],
    ['{N}*{k}*\\log(\\frac{N}{k})*{D}', 'Nk\\log\\left(\\frac{N}{k}\\right)D'],
    ['(\\frac{H}{h}*\\frac{W}{w})*(\\frac{D}{k})^2', '\\frac{H}{h}\\frac{W}{w}\\left(\\frac{D}{k}\\right)^2'],
    ['{N}*\\log({N})*{D}', 'N\\log N \\cdot D'],
    ['N*2', 'N \\cdot 2'],
    ['2*3', '2 \\cdot 3'],
    ['\\log_2 N', '\\log_{2} N'],
    ['\\lg N', '\\log_{2} N'],
    ['\\ln(N+1)', '\\ln(N + 1)'],
    ['\\min(a, b)', '\\min(a, b)'],
    ['\\max(a, b, c)', '\\max(a, b, c)'],
    ['\\sqrt[3]{x}', '\\sqrt[3]{x}'],
    ['\\epsilon*N', '\\epsilon N'],
    ['l*n', 'l n'],
    ['e*t*a', 'et a'],
    ['O*N', 'ON'],
    ['O*(N+1)', 'O \\cdot (N + 1)'],
    ['N^2*D', 'N^2 D'],
    ['N^{k+1}', 'N^{k + 1}'],
    ['a-(b-c)', 'a - (b - c)'],
    ['a-(-b)', 'a - (-b)'],
    ['-(a*b)', '-(ab)'],
    ['a*(b*c)', 'a(bc)'],
    ['a*(-b)', 'a(-b)'],
    ['(\\log N)^2', '(\\log N)^2'],
    ['\\sqrt{N}^3', '(\\sqrt{N})^3'],
    ['N^{-1}', 'N^{-1}'],
    ['1/2', '\\frac{1}{2}'],
    ['a/b/c', '\\frac{\\frac{a}{b}}{c}'],
  ];

  it.each(cases)('%s prints as %s', (input, expected) => {
    expect(toLatex(parseFormula(input))).toBe(expected);
  });
});

describe('toPlainText', () => {
  const cases: [string, string][] = [
    ['{N}*\\sqrt{N}*{D}', 'N * sqrt(N) * D'],
    ['\\frac{{N}^2}{n_b}+{n_b}^2', 'N^2 / n_b + n_b^2'],
    ['\\log(\\frac{N}{k})', 'log(N / k)'],
    ['\\log_2(\\frac{N}{k})', 'log_2(N / k)'],
    ['\\log_k N', 'log_k(N)'],
    ['\\log_{n_b} N', 'log(N, n_b)'],
    ['\\sqrt[3]{x}', 'nthRoot(x, 3)'],
    ['a/(b*c)', 'a / (b * c)'],
    ['a/b*c', 'a / b * c'],
    ['N^{k+1}', 'N^(k + 1)'],
    ['N^{-1}', 'N^(-1)'],
    ['-(a+b)', '-(a + b)'],
    ['\\epsilon N', 'epsilon * N'],
    ['d_{model}', 'd_{model}'],
  ];

  it.each(cases)('%s prints as %s', (input, expected) => {
    expect(toPlainText(parseFormula(input))).toBe(expected);
  });
});

describe('toBracketed', () => {
  it('brackets every operation', () => {
    expect(toBracketed(parseFormula('{N}*\\sqrt{N}*{D}+1'))).toBe('(((N * sqrt(N)) * D) + 1)');
  });

  it('writes the logarithm base as a second argument', () => {
    expect(toBracketed(parseFormula('\\log_2 N'))).toBe('log(N, 2)');
  });
});

describe('formatNumber', () => {
  it.each([
    [1.5, '1.5'],
    [1e21, '1000000000000000000000'],
    [1.25e22, '12500000000000000000000'],
    [1e-7, '0.0000001'],
    [1.5e-7, '0.00000015'],
    [-2e21, '-2000000000000000000000'],
  ])('%s prints as %s', (value, expected) => {
    expect(formatNumber(value)).toBe(expected);
    expect(Number(expected)).toBe(value);
  });
});
