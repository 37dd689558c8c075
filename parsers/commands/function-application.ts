/** The argument rules shared by every function: `\log`, `\ln`, `\min`, `sqrt(x)` and the rest. */
import type { Token } from '../lexer.js';
import type { FunctionName, MathNode } from '../tree.js';
import type { CommandContext } from './types.js';

export interface FunctionRules {
  /** The function in the tree. */
  readonly name: FunctionName;
  /** Minimum and maximum number of arguments inside brackets, the base not counted. */
  readonly arity: readonly [number, number];
  /**
   * `optional`: a base may follow as a subscript (`\log_2 n`) or as a second bracketed
   * argument (`log(n, 2)`). A number: the base is fixed (`\lg` is base 2). `none`: no base.
   */
  readonly base: 'optional' | 'none' | number;
  /** Whether the argument may be written without brackets, as in `\log n`. */
  readonly bareArgument: boolean;
}

/**
 * Parses the scripts and arguments after a function name.
 *
 * Forms: `\log n`, `\log(n)`, `\log_2 n`, `\log_{k}(n)`, `\log^2 n` (the power applies to
 * the function value), `log2(n)` and `log10 n` (plain words only: digits written directly
 * after `log` are its base), `\min(a, b)`, `\max\{a, b\}`.
 */
export function applyFunction(context: CommandContext, head: Token, rules: FunctionRules): MathNode {
  const { nodes } = context;
  const written = context.source(head);
  let base: MathNode | undefined;
  let power: MathNode | undefined;

  for (;;) {
    const token = context.peek();
    if (token.kind !== 'operator') break;
    if (token.text === '_' && base === undefined) {
      if (rules.base !== 'optional') {
        context.fail('invalid_subscript', token, `\`${written}\` takes no base subscript`);
      }
      base = context.parseScript(head);
    } else if (token.text === '^' && power === undefined) {
      power = context.parseScript(head);
    } else {
      break;
    }
  }

  const glued = context.peek();
  if (head.kind === 'letter' && rules.base === 'optional' && base === undefined && glued.kind === 'number' && glued.start === head.end) {
    context.consume();
    base = nodes.constant(Number(glued.text));
  }

  let args: MathNode[];
  if (context.isOpenBracket(context.peek())) {
    const bracket = context.parseBracketArguments();
    args = bracket.args;
    checkArgumentCount(context, rules, written, bracket, base !== undefined);
  } else if (rules.bareArgument) {
    args = [context.parseBareArgument(head)];
  } else {
    context.fail('missing_argument', head, `\`${written}\` needs its arguments in brackets, as in ${written}(a, b)`);
  }

  if (base !== undefined) args = [...args, base];
  if (typeof rules.base === 'number') args = [...args, nodes.constant(rules.base)];

  const value = nodes.call(rules.name, args);
  return power === undefined ? value : nodes.binary('^', value, power);
}

function checkArgumentCount(
  context: CommandContext,
  rules: FunctionRules,
  written: string,
  bracket: { args: MathNode[]; span: { start: number; end: number } },
  hasBase: boolean,
): void {
  const [min, declaredMax] = rules.arity;
  // A second bracketed argument is the base, so `log(n, 2)` is allowed unless `\log_2` or `log2` already gave one.
  const max = rules.base === 'optional' && !hasBase ? declaredMax + 1 : declaredMax;
  const count = bracket.args.length;
  if (count >= min && count <= max) return;

  let expected = `${min} to ${max} arguments`;
  if (min === max) expected = min === 1 ? '1 argument' : `${min} arguments`;
  else if (max === Infinity) expected = `at least ${min} arguments`;
  context.fail('wrong_argument_count', bracket.span, `\`${written}\` takes ${expected}, found ${count}`);
}
