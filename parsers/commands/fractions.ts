import type { ValueCommand } from './types.js';

/**
 * `\frac{a}{b}` and its display and text variants. Unbraced arguments follow TeX and take
 * one token each, so `\frac12` is 1/2 and `\frac{N}2` is N/2.
 */
export const fraction: ValueCommand = {
  kind: 'value',
  names: ['frac', 'dfrac', 'tfrac', 'cfrac'],
  parse(context, head) {
    const numerator = context.parseArgument(head, 'numerator');
    const denominator = context.parseArgument(head, 'denominator');
    return context.nodes.binary('/', numerator, denominator);
  },
};
