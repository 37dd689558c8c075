/**
 * Asymptotic bounds. The bound is dropped and its argument is the cost, so `O(N^2)`,
 * `\mathcal{O}(N^2)`, `\Theta(N^2)` and `\tilde{O}(N^2)` all parse to `N^2`.
 *
 * The parser treats the symbols in BOUND_NAMES as a bound only when an opening bracket
 * follows directly (`O(N)`, `\Theta\left(N\right)`). Elsewhere they are ordinary symbols.
 */
import { isSymbol } from '../tree.js';
import type { ValueCommand } from './types.js';

export const BOUND_NAMES: ReadonlySet<string> = new Set(['O', 'Theta', 'Omega']);

/** `\tilde{O}` and `\widetilde{O}`, the soft-O bound, which hides logarithmic factors. */
export const softBound: ValueCommand = {
  kind: 'value',
  names: ['tilde', 'widetilde'],
  parse(context, head) {
    const argument = context.parseArgument(head, 'argument');
    if (!isSymbol(argument) || argument.name !== 'O') {
      context.fail('unexpected_token', head, `\`${context.source(head)}\` is supported only in the bound ${context.source(head)}{O}(...)`);
    }
    return argument;
  },
};
