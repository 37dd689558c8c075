/** Font and text commands, which carry no math: `\mathbf{T}` is `T`, `\text{max}` is the function max. */
import type { Span } from '../errors.js';
import type { Token } from '../lexer.js';
import { closestName } from './suggest.js';
import type { CommandContext, ValueCommand } from './types.js';

/** `\mathrm{x}`, `\mathbf{T}`, `\boldsymbol{\epsilon}`, `\mathcal{O}`: the argument is read as math. */
export const fontStyle: ValueCommand = {
  kind: 'value',
  names: ['mathrm', 'mathit', 'mathbf', 'mathsf', 'mathtt', 'mathnormal', 'boldsymbol', 'bm', 'mathcal', 'mathscr'],
  fontOnly: true,
  parse(context, head) {
    // `\mathrm{max}(a, b)` is an upright function name, so the argument after the braces belongs to it.
    return context.parseBracedFunctionName(head) ?? context.parseArgument(head, 'argument');
  },
};

/**
 * `\text{max}`, `\mbox{log}`: text mode, whose argument the lexer keeps as raw text. The text
 * must be a function name, a Greek letter name or a single letter, because prose has no value.
 */
export const textMode: ValueCommand = {
  kind: 'value',
  names: ['text', 'textrm', 'textit', 'textbf', 'textnormal', 'textsf', 'mbox'],
  fontOnly: true,
  rawTextArgument: true,
  parse(context, head) {
    const { word, span } = rawWord(context, head);
    const named = context.parseWord(word, head);
    if (named !== undefined) return named;
    if (/^[A-Za-z]$/.test(word)) return context.nodes.symbol(word);
    return context.fail(
      'unexpected_token',
      span,
      `text \`${word}\` has no value; only a function name such as max, a Greek letter name or a single letter can stand in \`${context.source(head)}\``,
    );
  },
};

/** `\operatorname{max}(a, b)`: the name must be a known function. */
export const operatorName: ValueCommand = {
  kind: 'value',
  names: ['operatorname'],
  rawTextArgument: true,
  parse(context, head) {
    const { word, span } = rawWord(context, head);
    if (context.isFunctionWord(word)) return context.parseWord(word, head)!;

    const suggestion = closestName(word, OPERATOR_NAMES);
    const hint = suggestion === undefined ? `; known names are ${OPERATOR_NAMES.join(', ')}` : ` (did you mean ${suggestion}?)`;
    return context.fail('unknown_command', span, `unknown function name \`${word}\` in \`${context.source(head)}\`${hint}`, {
      ...(suggestion === undefined ? {} : { suggestion }),
    });
  },
};

const OPERATOR_NAMES = ['log', 'lg', 'ln', 'exp', 'min', 'max', 'sqrt'];

/** Returns the trimmed raw argument of a text command and its span, rejecting empty text. */
function rawWord(context: CommandContext, head: Token): { word: string; span: Span } {
  const raw = head.rawArgument!;
  const leading = raw.text.length - raw.text.trimStart().length;
  const word = raw.text.trim();
  const span = { start: raw.start + leading, end: raw.start + leading + word.length };
  if (word === '') {
    context.fail('empty_group', head, `\`${context.source(head)}\` is empty`);
  }
  return { word, span };
}
