/**
 * The command registry: every LaTeX command and plain-text word the parser accepts, one spec
 * per construct. Add a construct by writing a spec and listing it in COMMANDS.
 */
import { softBound } from './bounds.js';
import { closeBrace, closeParenthesis, closeSquareBracket, openBrace, openParenthesis, openSquareBracket } from './brackets.js';
import { fraction } from './fractions.js';
import { binaryLogarithm, exponential, logarithm, maximum, minimum, naturalLogarithm } from './functions.js';
import { greekLetter } from './greek.js';
import { division, multiplication } from './operators.js';
import { nthRoot, squareRoot } from './roots.js';
import { delimiterSizing, mathDelimiters, spacing } from './spacing.js';
import { fontStyle, operatorName, textMode } from './styles.js';
import { closestName } from './suggest.js';
import type { CommandSpec, ValueCommand } from './types.js';

export type { CommandContext, CommandSpec, NodeBuilder, ValueCommand } from './types.js';
export { BOUND_NAMES } from './bounds.js';
export { GREEK_CHARACTERS, GREEK_SYMBOL_NAMES } from './greek.js';

export const COMMANDS: readonly CommandSpec[] = [
  spacing,
  delimiterSizing,
  mathDelimiters,
  multiplication,
  division,
  openBrace,
  closeBrace,
  openSquareBracket,
  closeSquareBracket,
  openParenthesis,
  closeParenthesis,
  fraction,
  squareRoot,
  nthRoot,
  logarithm,
  binaryLogarithm,
  naturalLogarithm,
  exponential,
  minimum,
  maximum,
  greekLetter,
  fontStyle,
  textMode,
  operatorName,
  softBound,
];

const commandsByName = new Map<string, CommandSpec>();
const valuesByWord = new Map<string, ValueCommand>();

for (const spec of COMMANDS) {
  for (const name of spec.names) {
    if (commandsByName.has(name)) throw new Error(`command \\${name} is registered twice`);
    commandsByName.set(name, spec);
  }
  if (spec.kind === 'value') {
    for (const word of spec.words ?? []) {
      if (valuesByWord.has(word)) throw new Error(`word ${word} is registered twice`);
      valuesByWord.set(word, spec);
    }
  }
}

/** Words that name functions. A run of letters that contains one of them is ambiguous (`nlogn`). */
export const FUNCTION_WORDS: readonly string[] = COMMANDS.flatMap((spec) => (spec.kind === 'value' && spec.isFunction ? (spec.words ?? []) : []));

const FUNCTION_WORDS_LONGEST_FIRST = [...FUNCTION_WORDS].sort((a, b) => b.length - a.length);

/**
 * Finds a function word inside a run of letters, such as `log` in `nlogn`, and returns the
 * word and where it starts. Words of three or more letters match in any case (`Log`, `MAX`),
 * since a product of those letters is implausible. `ln` and `lg` match only in lower case,
 * because `LN` is as likely to be L·N. A run that is itself a word is not checked here.
 */
export function findHiddenFunctionWord(run: string): { word: string; index: number } | undefined {
  const lowerRun = run.toLowerCase();
  for (const word of FUNCTION_WORDS_LONGEST_FIRST) {
    const index = word.length >= 3 ? lowerRun.indexOf(word.toLowerCase()) : run.indexOf(word);
    if (index !== -1) return { word, index };
  }
  return undefined;
}

const SUGGESTABLE_NAMES = [...commandsByName.keys()].filter((name) => /^[A-Za-z]{2,}$/.test(name));

/** Looks up a command by its name without the backslash. */
export function lookupCommand(name: string): CommandSpec | undefined {
  return commandsByName.get(name);
}

/** Looks up a plain-text word (`log`, `sqrt`, `epsilon`). Words are case-sensitive. */
export function lookupWord(word: string): ValueCommand | undefined {
  return valuesByWord.get(word);
}

/** Returns the known command name closest to an unknown one, if one is close enough to be a typo. */
export function suggestCommand(name: string): string | undefined {
  return closestName(name, SUGGESTABLE_NAMES);
}
