/** Every error code, with its fields and the full rendered message. */
import { describe, expect, it } from 'vitest';

import { PARSE_ERROR_CODES, ParseError, parseFormula, safeParseFormula, type ParseErrorCode } from '../../parsers/index.js';

interface ErrorCase {
  input: string;
  code: ParseErrorCode;
  position: number;
  length: number;
  message: string;
  suggestion?: string;
}

/** Cases per code. The message is the whole rendered text: description, input line and caret line. */
const ERROR_CASES: ErrorCase[] = [
  { input: '', code: 'empty_input', position: 0, length: 0, message: 'formula is empty at position 1\n\n^' },
  { input: '  $ $ ', code: 'empty_input', position: 0, length: 6, message: 'formula is empty at position 1\n  $ $ \n^^^^^^' },
  { input: 'N # M', code: 'unexpected_character', position: 2, length: 1, message: 'unexpected character `#` at position 3\nN # M\n  ^' },
  { input: '1.2.3 N', code: 'invalid_number', position: 0, length: 5, message: 'invalid number `1.2.3` at position 1\n1.2.3 N\n^^^^^' },
  { input: '\\frac{N}{b', code: 'unbalanced_brace', position: 8, length: 1, message: 'unclosed `{` at position 9\n\\frac{N}{b\n        ^' },
  { input: 'N}', code: 'unbalanced_brace', position: 1, length: 1, message: 'unmatched `}` at position 2\nN}\n ^' },
  {
    input: '\\text{max',
    code: 'unbalanced_brace',
    position: 5,
    length: 1,
    message: 'unclosed `{` after `\\text` at position 6\n\\text{max\n     ^',
  },
  {
    input: '(N]',
    code: 'unbalanced_bracket',
    position: 2,
    length: 1,
    message: '`]` does not match `(`; expected `)` at position 3\n(N]\n  ^',
  },
  { input: '(N', code: 'unbalanced_bracket', position: 0, length: 1, message: 'unclosed `(` at position 1\n(N\n^' },
  { input: 'N)', code: 'unbalanced_bracket', position: 1, length: 1, message: 'unmatched `)` at position 2\nN)\n ^' },
  {
    input: '\\sqr{N}',
    code: 'unknown_command',
    position: 0,
    length: 4,
    suggestion: '\\sqrt',
    message: 'unknown command `\\sqr` (did you mean `\\sqrt`?) at position 1\n\\sqr{N}\n^^^^',
  },
  { input: 'N \\foo', code: 'unknown_command', position: 2, length: 4, message: 'unknown command `\\foo` at position 3\nN \\foo\n  ^^^^' },
  {
    input: '\\operatorname{mx}(a,b)',
    code: 'unknown_command',
    position: 14,
    length: 2,
    suggestion: 'max',
    message: 'unknown function name `mx` in `\\operatorname{mx}` (did you mean max?) at position 15\n\\operatorname{mx}(a,b)\n              ^^',
  },
  { input: '{}', code: 'empty_group', position: 0, length: 2, message: 'empty group `{}` at position 1\n{}\n^^' },
  { input: 'N()', code: 'empty_group', position: 1, length: 2, message: 'empty group `()` at position 2\nN()\n ^^' },
  { input: '\\text{ }', code: 'empty_group', position: 0, length: 8, message: '`\\text{ }` is empty at position 1\n\\text{ }\n^^^^^^^^' },
  {
    input: '\\frac{N}',
    code: 'missing_argument',
    position: 0,
    length: 5,
    message: 'missing denominator of `\\frac` at position 1\n\\frac{N}\n^^^^^',
  },
  { input: '\\sqrt', code: 'missing_argument', position: 0, length: 5, message: 'missing radicand of `\\sqrt` at position 1\n\\sqrt\n^^^^^' },
  { input: 'N \\log', code: 'missing_argument', position: 2, length: 4, message: 'missing argument of `\\log` at position 3\nN \\log\n  ^^^^' },
  {
    input: '\\max a',
    code: 'missing_argument',
    position: 0,
    length: 4,
    message: '`\\max` needs its arguments in brackets, as in \\max(a, b) at position 1\n\\max a\n^^^^',
  },
  { input: 'min(a,)', code: 'missing_argument', position: 5, length: 1, message: 'missing argument after `,` at position 6\nmin(a,)\n     ^' },
  {
    input: '\\min(a)',
    code: 'wrong_argument_count',
    position: 4,
    length: 3,
    message: '`\\min` takes at least 2 arguments, found 1 at position 5\n\\min(a)\n    ^^^',
  },
  {
    input: '\\ln(a, b)',
    code: 'wrong_argument_count',
    position: 3,
    length: 6,
    message: '`\\ln` takes 1 argument, found 2 at position 4\n\\ln(a, b)\n   ^^^^^^',
  },
  {
    input: '\\log_2(a, b)',
    code: 'wrong_argument_count',
    position: 6,
    length: 6,
    message: '`\\log` takes 1 argument, found 2 at position 7\n\\log_2(a, b)\n      ^^^^^^',
  },
  {
    input: '(a+b)_c',
    code: 'invalid_subscript',
    position: 5,
    length: 1,
    message: 'a subscript can follow only a letter or a Greek letter, not `(a+b)` at position 6\n(a+b)_c\n     ^',
  },
  {
    input: 'n_b_c',
    code: 'invalid_subscript',
    position: 3,
    length: 1,
    message: '`n_b` already has a subscript; write one subscript such as n_{bc} at position 4\nn_b_c\n   ^',
  },
  {
    input: 'a_{b+c}',
    code: 'invalid_subscript',
    position: 4,
    length: 1,
    message: 'a subscript name can contain only letters, digits and Greek letters, found `+` at position 5\na_{b+c}\n    ^',
  },
  { input: '\\ln_2 n', code: 'invalid_subscript', position: 3, length: 1, message: '`\\ln` takes no base subscript at position 4\n\\ln_2 n\n   ^' },
  { input: 'N +', code: 'trailing_operator', position: 2, length: 1, message: 'missing operand after `+` at position 3\nN +\n  ^' },
  { input: 'N^', code: 'trailing_operator', position: 1, length: 1, message: 'missing exponent after `^` at position 2\nN^\n ^' },
  { input: 'n_', code: 'trailing_operator', position: 1, length: 1, message: 'missing subscript after `_` at position 2\nn_\n ^' },
  { input: '(N*)', code: 'trailing_operator', position: 2, length: 1, message: 'missing operand after `*` at position 3\n(N*)\n  ^' },
  {
    input: 'N+*M',
    code: 'unexpected_token',
    position: 2,
    length: 1,
    message: 'expected a number, a letter, a command or a bracket, found `*` at position 3\nN+*M\n  ^',
  },
  {
    input: '(a, b)',
    code: 'unexpected_token',
    position: 2,
    length: 1,
    message: 'expected `)` to close `(`, found `,` at position 3\n(a, b)\n  ^',
  },
  {
    input: 'N, M',
    code: 'unexpected_token',
    position: 1,
    length: 1,
    message: 'expected an operator or the end of the formula, found `,` at position 2\nN, M\n ^',
  },
  {
    input: '\\frac{a}(b)',
    code: 'unexpected_token',
    position: 8,
    length: 1,
    message: 'expected the denominator of `\\frac` in braces, found `(` at position 9\n\\frac{a}(b)\n        ^',
  },
  {
    input: 'N^{2}_b^{3}',
    code: 'unexpected_token',
    position: 7,
    length: 1,
    message: 'double superscript; write the whole exponent in one group, such as x^{a+b} at position 8\nN^{2}_b^{3}\n       ^',
  },
  {
    input: '1/2N',
    code: 'ambiguous',
    position: 0,
    length: 4,
    suggestion: '\\frac{1}{2}N or \\frac{1}{2N}',
    message: '`1/2N` can be read as (1/2)·N or 1/(2N); write \\frac{1}{2}N or \\frac{1}{2N} at position 1\n1/2N\n^^^^',
  },
  {
    input: 'N+'.repeat(60_000) + 'N',
    code: 'too_long',
    position: 100_000,
    length: 20_001,
    message:
      'formula has 120001 characters, more than the maximum of 100000 at position 100001\n' +
      `...${'N+'.repeat(25)}...\n` +
      `${' '.repeat(33)}${'^'.repeat(20)}`,
  },
  {
    input: '('.repeat(300) + 'N' + ')'.repeat(300),
    code: 'too_deeply_nested',
    position: 256,
    length: 1,
    message: `brackets, arguments, signs or exponents nest more than 256 levels deep at position 257\n...${'('.repeat(61)}...\n${' '.repeat(33)}^`,
  },
  {
    input: 'N+'.repeat(1000) + 'N',
    code: 'too_deeply_nested',
    position: 2000,
    length: 1,
    message: `expression is more than 1000 levels deep; each operator in a chain such as a+b+c adds a level at position 2001\n...${'N+'.repeat(15)}N\n${' '.repeat(33)}^`,
  },
];

function parseError(input: string): ParseError {
  const result = safeParseFormula(input);
  if (result.ok) throw new Error(`expected ${input.slice(0, 40)} to be rejected`);
  return result.error;
}

describe('error codes', () => {
  it('has a case for every code', () => {
    const covered = new Set(ERROR_CASES.map((errorCase) => errorCase.code));
    expect([...covered].sort()).toEqual([...PARSE_ERROR_CODES].sort());
  });

  it.each(ERROR_CASES.map((errorCase) => ({ ...errorCase, label: errorCase.input.slice(0, 30) })))('$code: $label', (errorCase) => {
    const error = parseError(errorCase.input);
    expect(error).toBeInstanceOf(ParseError);
    expect(error.name).toBe('ParseError');
    expect(error.code).toBe(errorCase.code);
    expect(error.input).toBe(errorCase.input);
    expect(error.position).toBe(errorCase.position);
    expect(error.length).toBe(errorCase.length);
    expect(error.message).toBe(errorCase.message);
    expect(error.format()).toBe(errorCase.message);
    expect(error.rawMessage).toBe(errorCase.message.split('\n')[0]!.replace(/ at position \d+$/, ''));
    expect(error.suggestion).toBe(errorCase.suggestion);
  });
});

describe('error rendering', () => {
  it('aligns the caret after pasted astral letters', () => {
    const error = parseError('𝑛 # 𝑚');
    expect(error.position).toBe(3);
    expect(error.message).toBe('unexpected character `#` at position 4\n𝑛 # 𝑚\n  ^');
  });

  it('shows line breaks in the input as spaces', () => {
    expect(parseError('N +\n#').message).toBe('unexpected character `#` at position 5\nN + #\n    ^');
  });

  it('shortens a long quoted number', () => {
    expect(parseError('9'.repeat(400)).message).toBe(
      `number \`${'9'.repeat(37)}...\` is too large at position 1\n${'9'.repeat(20)}...\n${'^'.repeat(20)}`,
    );
  });

  it('keeps the rendered message on three lines', () => {
    for (const { input } of ERROR_CASES) {
      expect(parseError(input).message.split('\n')).toHaveLength(3);
    }
  });
});

describe('safeParseFormula', () => {
  it('returns the tree on success', () => {
    const result = safeParseFormula('N^2');
    expect(result.ok).toBe(true);
  });

  it('returns the ParseError on failure', () => {
    const result = safeParseFormula('N +');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('trailing_operator');
  });

  it('matches what parseFormula throws', () => {
    expect(() => parseFormula('N +')).toThrow(ParseError);
    expect(() => parseFormula('N +')).toThrow('missing operand after `+` at position 3');
  });
});
