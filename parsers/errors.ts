/**
 * ParseError, the only error the formula parser throws, and its rendering with a caret line.
 *
 * Offsets are 0-based and count UTF-16 code units, as JavaScript string indexes do, so
 * `input.slice(position, position + length)` is the offending text. The rendered message
 * shows the position 1-based ("at position 1" is the first character).
 */

/** Stable error codes. Callers may branch on them, so a code is never renamed. */
export type ParseErrorCode =
  /** The input is empty, or contains only spacing and `$` delimiters. */
  | 'empty_input'
  /** The input is longer than MAX_INPUT_LENGTH. */
  | 'too_long'
  /** Brackets, arguments, signs or exponents nest past MAX_NESTING_DEPTH, or the tree is deeper than MAX_TREE_DEPTH. */
  | 'too_deeply_nested'
  /** A character that no construct uses, such as `#` or `|`. */
  | 'unexpected_character'
  /** A malformed or non-finite number, such as `1.2.3`. */
  | 'invalid_number'
  /** A TeX group brace `{` or `}` without its partner. */
  | 'unbalanced_brace'
  /** A visible bracket `(`, `[` or `\{` without its partner, or closed by the wrong kind. */
  | 'unbalanced_bracket'
  /** A backslash command, or an `\operatorname` name, that the parser does not know. */
  | 'unknown_command'
  /** `{}`, `()` or `\text{}` where a value is needed. */
  | 'empty_group'
  /** A command or function without the argument it needs, such as `\frac{N}`. */
  | 'missing_argument'
  /** A function called with too few or too many arguments, such as `\ln(a, b)`. */
  | 'wrong_argument_count'
  /** A subscript on something that is not a letter, a second subscript, or a subscript that is not a name. */
  | 'invalid_subscript'
  /** An operator with nothing after it, such as `N +` or `N^`. */
  | 'trailing_operator'
  /** A token where the grammar expects something else. */
  | 'unexpected_token'
  /** A form with more than one reading; `readings` lists them. */
  | 'ambiguous';

export const PARSE_ERROR_CODES: readonly ParseErrorCode[] = [
  'empty_input',
  'too_long',
  'too_deeply_nested',
  'unexpected_character',
  'invalid_number',
  'unbalanced_brace',
  'unbalanced_bracket',
  'unknown_command',
  'empty_group',
  'missing_argument',
  'wrong_argument_count',
  'invalid_subscript',
  'trailing_operator',
  'unexpected_token',
  'ambiguous',
];

export interface ParseErrorDetails {
  code: ParseErrorCode;
  input: string;
  position: number;
  length: number;
  rawMessage: string;
  readings?: readonly string[];
  suggestion?: string;
}

/** A half-open range of UTF-16 offsets into the input. */
export interface Span {
  start: number;
  end: number;
}

export class ParseError extends Error {
  override readonly name = 'ParseError';
  readonly code: ParseErrorCode;
  /** The complete input that failed to parse. */
  readonly input: string;
  /** Start of the offending text: a 0-based UTF-16 offset into `input`, at most `input.length`. */
  readonly position: number;
  /** Length of the offending text in UTF-16 code units, 0 for a point such as the end of the input. */
  readonly length: number;
  /** The one-line description without position or excerpt. */
  readonly rawMessage: string;
  /** For `ambiguous`: each way the text can be read, in plain notation. */
  readonly readings?: readonly string[];
  /** Replacement text to try: the closest known command, or unambiguous spellings. */
  readonly suggestion?: string;

  constructor(details: ParseErrorDetails) {
    // Quoted input may contain line breaks, and the message text must stay on one line.
    const rawMessage = showable(details.rawMessage);
    super(formatParseError({ ...details, rawMessage }));
    this.code = details.code;
    this.input = details.input;
    this.position = details.position;
    this.length = details.length;
    this.rawMessage = rawMessage;
    if (details.readings !== undefined) this.readings = details.readings.map(showable);
    if (details.suggestion !== undefined) this.suggestion = showable(details.suggestion);
  }

  /** Renders the message, the input and a caret line under the offending text. */
  format(): string {
    return formatParseError(this);
  }
}

/** Creates a ParseError for the text in `span`. */
export function parseErrorAt(
  code: ParseErrorCode,
  input: string,
  span: Span,
  rawMessage: string,
  extra: { readings?: readonly string[]; suggestion?: string } = {},
): ParseError {
  return new ParseError({
    code,
    input,
    position: span.start,
    length: span.end - span.start,
    rawMessage,
    ...extra,
  });
}

/** Maximum length of input text quoted in a message. Longer text is cut and ends with `...`. */
const MAX_QUOTED_LENGTH = 40;

/** Quotes input text for a message in backticks, shortening text longer than MAX_QUOTED_LENGTH. */
export function quote(text: string): string {
  const shortened = text.length > MAX_QUOTED_LENGTH ? `${[...text].slice(0, MAX_QUOTED_LENGTH - 3).join('')}...` : text;
  return `\`${shortened}\``;
}

/**
 * Input lines longer than this many UTF-16 code units are cut to a window around the
 * error, so a 100,000-character formula still gives a short message.
 */
const MAX_EXCERPT_LENGTH = 80;
/** Code units of context shown on each side of the error when the line is cut. */
const EXCERPT_CONTEXT = 30;
/** Maximum length of offending text shown when the line is cut. A longer span is cut there, with no context after it. */
const MAX_EXCERPT_SPAN = 20;
const ELLIPSIS = '...';

/**
 * Renders `rawMessage at position N`, the input and a caret line.
 *
 * Tabs and line breaks in the input are shown as spaces so the caret stays aligned. Caret
 * columns count code points, so a pasted letter outside the Basic Multilingual Plane (𝑛)
 * takes one column. Wide characters such as CJK still misalign the caret.
 */
export function formatParseError(details: Pick<ParseErrorDetails, 'input' | 'position' | 'length' | 'rawMessage'>): string {
  const { input, position, length, rawMessage } = details;
  const spanEnd = Math.min(input.length, position + length);

  let from = 0;
  let to = input.length;
  if (input.length > MAX_EXCERPT_LENGTH) {
    from = surrogateSafe(input, Math.max(0, position - EXCERPT_CONTEXT));
    const spanIsCut = spanEnd - position > MAX_EXCERPT_SPAN;
    to = surrogateSafe(input, spanIsCut ? position + MAX_EXCERPT_SPAN : Math.min(input.length, spanEnd + EXCERPT_CONTEXT));
  }

  const prefix = from > 0 ? ELLIPSIS : '';
  const suffix = to < input.length ? ELLIPSIS : '';
  const line = prefix + showable(input.slice(from, to)) + suffix;

  const caretColumn = prefix.length + codePointCount(input.slice(from, position));
  const caretWidth = Math.max(1, codePointCount(input.slice(position, Math.min(spanEnd, to))));
  const caret = ' '.repeat(caretColumn) + '^'.repeat(caretWidth);

  return `${rawMessage} at position ${position + 1}\n${line}\n${caret}`;
}

/** Moves an offset off the second half of a surrogate pair, so a cut never splits a character. */
function surrogateSafe(text: string, offset: number): number {
  const code = text.charCodeAt(offset);
  const isLowSurrogate = code >= 0xdc00 && code <= 0xdfff;
  return isLowSurrogate && offset > 0 ? offset - 1 : offset;
}

/** Replaces tabs and line breaks with spaces. */
function showable(text: string): string {
  return text.replace(/[\t\n\r\v\f\u0085\u2028\u2029]/g, ' ');
}

function codePointCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}
