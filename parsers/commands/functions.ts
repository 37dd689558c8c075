/** Functions written as operator names: `\log`, `\lg`, `\ln`, `\exp`, `\min`, `\max`. */
import { applyFunction } from './function-application.js';
import type { ValueCommand } from './types.js';

/** `\log x` keeps one argument, so the evaluator picks the default base (base 2 unless configured). */
export const logarithm: ValueCommand = {
  kind: 'value',
  names: ['log'],
  words: ['log'],
  isFunction: true,
  parse: (context, head) => applyFunction(context, head, { name: 'log', arity: [1, 1], base: 'optional', bareArgument: true }),
};

/**
 * `\lg x` is the binary logarithm, as computer-science texts use it. Some other fields
 * read `lg` as base 10, and those formulas need `\log_{10}` instead.
 */
export const binaryLogarithm: ValueCommand = {
  kind: 'value',
  names: ['lg'],
  words: ['lg'],
  isFunction: true,
  parse: (context, head) => applyFunction(context, head, { name: 'log', arity: [1, 1], base: 2, bareArgument: true }),
};

export const naturalLogarithm: ValueCommand = {
  kind: 'value',
  names: ['ln'],
  words: ['ln'],
  isFunction: true,
  parse: (context, head) => applyFunction(context, head, { name: 'ln', arity: [1, 1], base: 'none', bareArgument: true }),
};

export const exponential: ValueCommand = {
  kind: 'value',
  names: ['exp'],
  words: ['exp'],
  isFunction: true,
  parse: (context, head) => applyFunction(context, head, { name: 'exp', arity: [1, 1], base: 'none', bareArgument: true }),
};

export const minimum: ValueCommand = {
  kind: 'value',
  names: ['min'],
  words: ['min'],
  isFunction: true,
  parse: (context, head) => applyFunction(context, head, { name: 'min', arity: [2, Infinity], base: 'none', bareArgument: false }),
};

export const maximum: ValueCommand = {
  kind: 'value',
  names: ['max'],
  words: ['max'],
  isFunction: true,
  parse: (context, head) => applyFunction(context, head, { name: 'max', arity: [2, Infinity], base: 'none', bareArgument: false }),
};
