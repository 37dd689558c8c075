/** Each supported notation gives the expected tree and the value computed by hand. */
import { describe, expect, it } from 'vitest';

import { parseFormula, toBracketed } from '../../parsers/index.js';
import { referenceEvaluate, sameNumber } from '../helpers/reference-eval.js';
import { NOTATION_CASES, VALUES } from './formulas.js';

for (const [notation, cases] of Object.entries(NOTATION_CASES)) {
  describe(notation, () => {
    it.each(cases)('$input', ({ input, bracketed, value }) => {
      const tree = parseFormula(input);
      expect(toBracketed(tree)).toBe(bracketed);

      const actual = referenceEvaluate(tree, VALUES, 2);
      const expected = value(VALUES);
      expect(sameNumber(actual, expected), `${actual} != ${expected}`).toBe(true);
    });
  });
}

describe('implicit products', () => {
  it('marks juxtaposition as implicit', () => {
    const tree = parseFormula('kN');
    expect(tree.type).toBe('OperatorNode');
    expect((tree as unknown as { implicit: boolean }).implicit).toBe(true);
  });

  it('leaves explicit products unmarked', () => {
    for (const input of ['k*N', 'k \\cdot N', 'k×N']) {
      expect((parseFormula(input) as unknown as { implicit: boolean }).implicit).toBe(false);
    }
  });

  it('marks a number before a function as implicit', () => {
    const tree = parseFormula('2\\log n') as unknown as { implicit: boolean; op: string };
    expect(tree.op).toBe('*');
    expect(tree.implicit).toBe(true);
  });
});

describe('function arguments', () => {
  it('keeps one argument for a logarithm without base', () => {
    const tree = parseFormula('\\log n') as unknown as { args: unknown[] };
    expect(tree.args).toHaveLength(1);
  });

  it('gives nthRoot the radicand first', () => {
    expect(toBracketed(parseFormula('\\sqrt[k]{N}'))).toBe('nthRoot(N, k)');
  });
});
