/** Typesetting of formulas with KaTeX. */
import katex from 'katex';
import { toLatex, type MathNode } from '../../../parsers/index.js';

/**
 * Typesets a formula tree into `target`. KaTeX writes both HTML, which is what is seen, and
 * MathML, which screen readers read.
 */
export function typeset(tree: MathNode, target: HTMLElement): void {
  katex.render(toLatex(tree), target, { throwOnError: false, output: 'htmlAndMathml' });
}

/** Returns a new inline element holding the typeset formula. */
export function typesetInline(tree: MathNode, className = 'math'): HTMLSpanElement {
  const span = document.createElement('span');
  span.className = className;
  typeset(tree, span);
  return span;
}
