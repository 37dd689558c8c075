/**
 * The formula parser's public API: parse published complexity formulas written in LaTeX or
 * plain text, and print trees back as LaTeX, plain text or fully bracketed text.
 */
import { ParseError } from './errors.js';
import { parseFormula } from './parser.js';
import type { MathNode } from './tree.js';

export { ParseError, PARSE_ERROR_CODES, formatParseError, type ParseErrorCode } from './errors.js';
export { parseFormula, MAX_INPUT_LENGTH, MAX_NESTING_DEPTH, MAX_TREE_DEPTH } from './parser.js';
export { toLatex, toPlainText, toBracketed, formatNumber } from './print.js';
export { COMMANDS } from './commands/index.js';
export * from './tree.js';

export type SafeParseResult = { ok: true; value: MathNode } | { ok: false; error: ParseError };

/** Parses like parseFormula but returns a ParseError instead of throwing it. Other errors still propagate. */
export function safeParseFormula(input: string): SafeParseResult {
  try {
    return { ok: true, value: parseFormula(input) };
  } catch (error) {
    if (error instanceof ParseError) return { ok: false, error };
    throw error;
  }
}
