/**
 * The lexer: turns a formula into tokens with spans in the original input.
 *
 * Characters pasted from PDFs are normalised here, so the parser gets ASCII: mathematical
 * italic and script letters (𝑂, 𝒪, 𝑛) and full-width forms go through NFKC, `× · ⋅` become
 * `*`, `⁄ ÷` become `/`, `−` becomes `-`, `√` becomes `\sqrt`, Greek characters become
 * Greek letter commands, and superscript or subscript runs (`n²`, `n⁻¹`, `n₁`) become `^{...}`
 * or `_{...}`. Spans always refer to the input as given, in UTF-16 code units.
 *
 * Spacing, `$`, `~`, `\left`, `\right` and the other ignored commands produce no tokens.
 */
import { GREEK_CHARACTERS, lookupCommand } from './commands/index.js';
import { parseErrorAt, quote } from './errors.js';

export type TokenKind =
  /** Digits with an optional decimal part: `12`, `1.5`, `.5`. */
  | 'number'
  /** One letter. The first letter of a run of two or more also carries the run (`Nmn`, `log`). */
  | 'letter'
  /** A backslash command that produces a value or is unknown; `text` is the name without the backslash. */
  | 'command'
  /** One of `+ - * / ^ _`. */
  | 'operator'
  /** `(`, `[`, `{` (a TeX group) or `\{`. */
  | 'open'
  /** `)`, `]`, `}` or `\}`. */
  | 'close'
  | 'comma'
  /** A `.` that is not part of a number. */
  | 'dot'
  /** The end of the input, always the last token. */
  | 'end';

export interface Token {
  readonly kind: TokenKind;
  /** Normalised ASCII text: the digits, the letter, the command name, the operator or the bracket. */
  readonly text: string;
  /** 0-based UTF-16 offset of the first code unit in the input. */
  readonly start: number;
  /** UTF-16 offset just past the token, so `input.slice(start, end)` is the token as written. */
  readonly end: number;
  /**
   * For `number`: the input offset of each character of `text`, because a pasted digit can
   * take two code units and the parser splits `\frac12` into two digits.
   */
  readonly offsets?: readonly number[];
  /**
   * For the first `letter` of a run of two or more letters without spaces: the whole run and
   * where it ends. The parser reads a run such as `log` or `epsilon` as one word.
   */
  readonly run?: { readonly text: string; readonly end: number };
  /** For commands that take raw text (`\text{max}`): the text between the braces and its offset. */
  readonly rawArgument?: { readonly text: string; readonly start: number };
}

const OPERATOR_CHARACTERS: Readonly<Record<string, string>> = {
  '+': '+',
  '-': '-',
  '*': '*',
  '/': '/',
  '^': '^',
  _: '_',
  '×': '*',
  '·': '*',
  '⋅': '*',
  '∗': '*',
  '∙': '*',
  '÷': '/',
  '⁄': '/',
  '∕': '/',
  '−': '-',
  '–': '-',
};

const OPEN_BRACKETS = new Set(['(', '[', '{']);
const CLOSE_BRACKETS = new Set([')', ']', '}']);

/** Superscript characters and the ASCII they stand for inside the exponent. */
const SUPERSCRIPTS: Readonly<Record<string, string>> = zip('⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁽⁾ⁿⁱ', '0123456789+-()ni');
/** Subscript characters and the ASCII they stand for inside the subscript. */
const SUBSCRIPTS: Readonly<Record<string, string>> = zip('₀₁₂₃₄₅₆₇₈₉ₐₑₒₓₕₖₗₘₙₚₛₜᵢⱼ', '0123456789aeoxhklmnpstij');

/**
 * Characters skipped like spaces: `~` (a TeX non-breaking space), `$` (math delimiters),
 * zero-width spaces, and the invisible function-application and times signs that MathML
 * copies into text. Invisible times then reads as juxtaposition, which is a product anyway.
 */
const SKIPPED = new Set(['~', '$', '\u200b', '\u2061', '\u2062', '\u2063', '\u2064']);

/** Splits a formula into tokens, ending with an `end` token. Throws ParseError on a character no construct uses. */
export function tokenize(input: string): Token[] {
  return new Lexer(input).run();
}

class Lexer {
  private readonly tokens: Token[] = [];
  private position = 0;

  constructor(private readonly input: string) {}

  run(): Token[] {
    while (this.position < this.input.length) this.lexNext();
    this.tokens.push({ kind: 'end', text: '', start: this.input.length, end: this.input.length });
    return this.tokens;
  }

  private lexNext(): void {
    const start = this.position;
    const character = this.characterAt(start);
    const ascii = toAscii(character);

    if (SKIPPED.has(character) || /^\s$/u.test(character)) {
      this.position += character.length;
    } else if (character in SUPERSCRIPTS) {
      this.lexScriptRun('^', SUPERSCRIPTS);
    } else if (character in SUBSCRIPTS) {
      this.lexScriptRun('_', SUBSCRIPTS);
    } else if (character === '√') {
      this.push('command', 'sqrt', start, start + 1);
      this.position += 1;
    } else if (greekName(character) !== undefined) {
      this.push('command', greekName(character)!, start, start + character.length);
      this.position += character.length;
    } else if (character in OPERATOR_CHARACTERS || (ascii !== undefined && ascii in OPERATOR_CHARACTERS)) {
      this.push('operator', OPERATOR_CHARACTERS[character] ?? OPERATOR_CHARACTERS[ascii!]!, start, start + character.length);
      this.position += character.length;
    } else if (ascii === '\\') {
      this.lexCommand();
    } else if (ascii !== undefined && (isDigit(ascii) || (ascii === '.' && isDigit(toAscii(this.characterAt(start + 1)) ?? '')))) {
      this.lexNumber();
    } else if (ascii !== undefined && isLetter(ascii)) {
      this.lexLetters();
    } else if (ascii !== undefined && OPEN_BRACKETS.has(ascii)) {
      this.push('open', ascii, start, start + character.length);
      this.position += character.length;
    } else if (ascii !== undefined && CLOSE_BRACKETS.has(ascii)) {
      this.push('close', ascii, start, start + character.length);
      this.position += character.length;
    } else if (ascii === ',') {
      this.push('comma', ',', start, start + character.length);
      this.position += character.length;
    } else if (ascii === '.') {
      this.push('dot', '.', start, start + character.length);
      this.position += character.length;
    } else {
      throw parseErrorAt('unexpected_character', this.input, { start, end: start + character.length }, `unexpected character \`${character}\``);
    }
  }

  private lexCommand(): void {
    const start = this.position;
    let end = start + 1;
    if (end >= this.input.length) {
      throw parseErrorAt('unexpected_character', this.input, { start, end }, 'a backslash at the end of the formula has no command name');
    }
    if (isLetter(this.input[end]!)) {
      while (end < this.input.length && isLetter(this.input[end]!)) end++;
    } else {
      end += this.characterAt(end).length;
    }
    const name = this.input.slice(start + 1, end);
    this.position = end;

    const spec = lookupCommand(name);
    switch (spec?.kind) {
      case 'ignored':
        if (spec.takesDelimiter) this.skipNullDelimiter();
        return;
      case 'operator':
        this.push('operator', spec.operator, start, end);
        return;
      case 'bracket':
        this.push(spec.bracket.endsWith('{') || spec.bracket === '(' || spec.bracket === '[' ? 'open' : 'close', spec.bracket, start, end);
        return;
      case 'value':
        if (spec.rawTextArgument) {
          this.lexRawTextArgument(name, start);
          return;
        }
        this.push('command', name, start, end);
        return;
      case undefined:
        // The parser reports an unknown command when it reaches it, with a suggestion.
        this.push('command', name, start, end);
        return;
    }
  }

  /** Drops the `.` of `\left.` or `\right.`, TeX's invisible delimiter. */
  private skipNullDelimiter(): void {
    let next = this.position;
    while (next < this.input.length && /\s/.test(this.input[next]!)) next++;
    if (this.input[next] === '.') this.position = next + 1;
  }

  /** Reads the braced argument of `\text` or `\operatorname` as raw text, as TeX's text mode does. */
  private lexRawTextArgument(name: string, commandStart: number): void {
    let open = this.position;
    while (open < this.input.length && /\s/.test(this.input[open]!)) open++;
    if (this.input[open] !== '{') {
      throw parseErrorAt(
        'missing_argument',
        this.input,
        { start: commandStart, end: this.position },
        `\`\\${name}\` needs its text in braces, as in \\${name}{max}`,
      );
    }

    let depth = 0;
    let close = open;
    for (; close < this.input.length; close++) {
      const character = this.input[close];
      if (character === '{') depth++;
      if (character === '}') depth--;
      if (depth === 0) break;
    }
    if (close >= this.input.length) {
      throw parseErrorAt('unbalanced_brace', this.input, { start: open, end: open + 1 }, `unclosed \`{\` after \`\\${name}\``);
    }

    this.tokens.push({
      kind: 'command',
      text: name,
      start: commandStart,
      end: close + 1,
      rawArgument: { text: this.input.slice(open + 1, close), start: open + 1 },
    });
    this.position = close + 1;
  }

  /**
   * Reads digits and dots. A number is `12`, `1.5` or `.5`. A trailing dot without digits
   * after it is left as a `dot` token (`2.` then `N`). Anything else, such as `1.2.3` or
   * `1..2`, is an invalid number rather than two numbers, because no reading is likely.
   */
  private lexNumber(): void {
    const start = this.position;
    let text = '';
    const offsets: number[] = [];
    let end = start;
    while (end < this.input.length) {
      const character = this.characterAt(end);
      const ascii = toAscii(character);
      if (ascii === undefined || !(isDigit(ascii) || ascii === '.')) break;
      text += ascii;
      offsets.push(end);
      end += character.length;
    }

    let accepted = text;
    if (!/^(\d+(\.\d+)?|\.\d+)$/.test(text)) {
      const withoutDot = text.slice(0, -1);
      if (text.endsWith('.') && /^(\d+(\.\d+)?|\.\d+)$/.test(withoutDot)) {
        accepted = withoutDot;
        end = offsets[offsets.length - 1]!;
      } else {
        throw parseErrorAt('invalid_number', this.input, { start, end }, `invalid number ${quote(this.input.slice(start, end))}`);
      }
    }
    if (!Number.isFinite(Number(accepted))) {
      throw parseErrorAt('invalid_number', this.input, { start, end }, `number ${quote(this.input.slice(start, end))} is too large`);
    }

    this.tokens.push({ kind: 'number', text: accepted, start, end, offsets: offsets.slice(0, accepted.length) });
    this.position = end;
  }

  private lexLetters(): void {
    const first = this.tokens.length;
    let text = '';
    let end = this.position;
    while (end < this.input.length) {
      const character = this.characterAt(end);
      if (character in SUPERSCRIPTS || character in SUBSCRIPTS) break;
      const ascii = toAscii(character);
      if (ascii === undefined || !isLetter(ascii)) break;
      this.push('letter', ascii, end, end + character.length);
      text += ascii;
      end += character.length;
    }
    if (text.length > 1) this.tokens[first] = { ...this.tokens[first]!, run: { text, end } };
    this.position = end;
  }

  /**
   * Reads a run such as `⁻¹` or `₁₂` and emits it as `^{-1}` or `_{12}`, so the whole run is
   * one exponent or subscript (`2ⁿ⁻¹` is 2^(n-1)). The added `^`, `{` and `}` tokens take no
   * input, so their spans are empty.
   */
  private lexScriptRun(marker: '^' | '_', table: Readonly<Record<string, string>>): void {
    const runStart = this.position;
    this.push('operator', marker, runStart, runStart);
    this.push('open', '{', runStart, runStart);

    let digits = '';
    let digitOffsets: number[] = [];
    const flushDigits = (): void => {
      if (digits === '') return;
      const start = digitOffsets[0]!;
      const end = digitOffsets[digitOffsets.length - 1]! + 1;
      if (!Number.isFinite(Number(digits))) {
        throw parseErrorAt('invalid_number', this.input, { start, end }, `number ${quote(this.input.slice(start, end))} is too large`);
      }
      this.tokens.push({ kind: 'number', text: digits, start, end, offsets: digitOffsets });
      digits = '';
      digitOffsets = [];
    };

    while (this.position < this.input.length) {
      const start = this.position;
      const ascii = table[this.input[start]!];
      if (ascii === undefined) break;

      if (isDigit(ascii)) {
        digits += ascii;
        digitOffsets.push(start);
      } else {
        flushDigits();
        if (isLetter(ascii)) {
          // Letters inside a script run stay single: `ⁿⁱ` is n·i, since no script run spells a word.
          this.push('letter', ascii, start, start + 1);
        } else if (ascii === '(' || ascii === ')') {
          this.push(ascii === '(' ? 'open' : 'close', ascii, start, start + 1);
        } else {
          this.push('operator', ascii, start, start + 1);
        }
      }
      this.position = start + 1;
    }
    flushDigits();

    this.push('close', '}', this.position, this.position);
  }

  private push(kind: TokenKind, text: string, start: number, end: number): void {
    this.tokens.push({ kind, text, start, end });
  }

  /** Returns the code point at `offset` as a string of one or two code units, or '' past the end. */
  private characterAt(offset: number): string {
    const codePoint = this.input.codePointAt(offset);
    return codePoint === undefined ? '' : String.fromCodePoint(codePoint);
  }
}

/** Maps a character to ASCII: itself if ASCII, else its NFKC form if that is one ASCII character. */
function toAscii(character: string): string | undefined {
  if (character.length === 1 && character.charCodeAt(0) < 0x80) return character;
  if (character === '') return undefined;
  const normalised = character.normalize('NFKC');
  return normalised.length === 1 && normalised.charCodeAt(0) < 0x80 ? normalised : undefined;
}

function greekName(character: string): string | undefined {
  if (character === '' || character.charCodeAt(0) < 0x80) return undefined;
  return GREEK_CHARACTERS[character] ?? GREEK_CHARACTERS[character.normalize('NFKC')];
}

function isDigit(character: string): boolean {
  return character >= '0' && character <= '9' && character.length === 1;
}

function isLetter(character: string): boolean {
  return character.length === 1 && ((character >= 'a' && character <= 'z') || (character >= 'A' && character <= 'Z'));
}

function zip(keys: string, values: string): Record<string, string> {
  const table: Record<string, string> = {};
  const keyCharacters = [...keys];
  keyCharacters.forEach((key, index) => {
    table[key] = values[index]!;
  });
  return table;
}
