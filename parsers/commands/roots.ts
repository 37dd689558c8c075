/** Square and n-th roots: `\sqrt{x}`, `\sqrt[3]{x}`, `√N`, and the plain words `sqrt(x)` and `nthRoot(x, 3)`. */
import { applyFunction } from './function-application.js';
import type { ValueCommand } from './types.js';

export const squareRoot: ValueCommand = {
  kind: 'value',
  names: ['sqrt'],
  words: ['sqrt'],
  isFunction: true,
  parse(context, head) {
    const index = context.parseOptionalArgument();

    // TeX would take only the `(` of `\sqrt(N)`, but a reader sees the root of N, as in plain `sqrt(N)`.
    let radicand;
    if (context.isOpenBracket(context.peek())) {
      const bracket = context.parseBracketArguments();
      if (bracket.args.length !== 1) {
        context.fail('wrong_argument_count', bracket.span, `\`${context.source(head)}\` takes 1 argument, found ${bracket.args.length}`);
      }
      radicand = bracket.args[0]!;
    } else {
      radicand = context.parseArgument(head, 'radicand');
    }

    return index === undefined ? context.nodes.call('sqrt', [radicand]) : context.nodes.call('nthRoot', [radicand, index]);
  },
};

/** The plain-text form that the printers write for an n-th root, named as in the tree. */
export const nthRoot: ValueCommand = {
  kind: 'value',
  names: [],
  words: ['nthRoot'],
  isFunction: true,
  parse: (context, head) => applyFunction(context, head, { name: 'nthRoot', arity: [2, 2], base: 'none', bareArgument: false }),
};
