/**
 * Commands that are brackets. Visible braces `\{ \}` group like parentheses, while the
 * plain braces `{ }` are TeX groups and never reach this table.
 */
import type { BracketCommand } from './types.js';

export const openBrace: BracketCommand = { kind: 'bracket', names: ['{', 'lbrace'], bracket: '\\{' };
export const closeBrace: BracketCommand = { kind: 'bracket', names: ['}', 'rbrace'], bracket: '\\}' };
export const openSquareBracket: BracketCommand = { kind: 'bracket', names: ['lbrack'], bracket: '[' };
export const closeSquareBracket: BracketCommand = { kind: 'bracket', names: ['rbrack'], bracket: ']' };
export const openParenthesis: BracketCommand = { kind: 'bracket', names: ['lparen'], bracket: '(' };
export const closeParenthesis: BracketCommand = { kind: 'bracket', names: ['rparen'], bracket: ')' };
