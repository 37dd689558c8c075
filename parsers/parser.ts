/**
 * A recursive-descent parser for published complexity formulas, from LaTeX or plain text
 * to the tree described in tree.ts.
 *
 * Grammar, loosest binding first:
 *
 *   sum       = product (("+" | "-") product)*
 *   product   = implicit (("*" | "/") implicit)*          `*` also: \cdot \times \ast × ·
 *   implicit  = unary power*                              juxtaposition: `2n\log n`, `kN`
 *   unary     = ("-" | "+") unary | power                 so `-N^2` is -(N^2) and `2 -n` subtracts
 *   power     = primary scripts                           scripts: `_name` and `^exponent`, either order
 *   exponent  = ["-" | "+"] operand ["^" exponent]        right-associative: `a^b^c` is a^(b^c)
 *   primary   = number | letter | word | command | {group} | (bracket)
 *
 * Errors are found in three passes, and an earlier pass wins. The lexer reports characters
 * and numbers. The bracket check then reports unbalanced braces and brackets anywhere in the
 * input. Last, the parser reports the first syntax error from the left.
 *
 * Rules for forms that read more than one way. Each is tested in tests/parser/ambiguity.test.ts.
 * - `n^1.5d` is n^{1.5}·d. An unbraced exponent or subscript takes a whole number (`n^12`,
 *   `\log_10`), unlike TeX, which takes one character, because plain-text authors mean the
 *   number. So `x^2y` is x²·y.
 * - `x^ab` and `d_model`, an unbraced exponent or subscript letter followed directly by more
 *   letters, are rejected as ambiguous: TeX reads x^a·b, a plain-text author means x^{ab}.
 *   One letter (`n_b`, `N^k D`), one command (`N^\epsilon`) or, in an exponent, one whole
 *   word (`N^epsilon`, `2^sqrt(N)`) is fine.
 * - `1/2N`, and any `/` whose right operand is a juxtaposition, is rejected as ambiguous:
 *   (1/2)·N and 1/(2N) are both common readings.
 * - `n2`, and any number written after another factor (`(a+b)2`, `n 2`), is rejected as
 *   ambiguous: n·2, n² and n₂ are all plausible. A number may only lead a product (`2n`).
 * - `N.m`, a dot between factors, is rejected as ambiguous: N·m or one name N.m.
 * - `nlogn`, a run of letters that contains a function name, is rejected as ambiguous:
 *   n·log(n) or the product n·l·o·g·n. A run that is exactly a function or Greek letter
 *   name (`log`, `sqrt`, `epsilon`) is that word, and any other run is a product of letters.
 * - `\log 2N`, a bare function argument that is a number followed by another factor, is
 *   rejected as ambiguous: log(2N) or log(2)·N. Otherwise a bare argument is the next
 *   factor only, so `\log N D` is log(N)·D.
 * - A `.` at the very end is a sentence full stop and is ignored.
 *
 * Limits. Every limit ends in a ParseError, never in a stack overflow, and a limit check
 * costs at most one pass over the input.
 * - MAX_INPUT_LENGTH (100,000 UTF-16 code units, `too_long`) is checked before lexing, so a
 *   1 MB input is rejected at once. The longest catalogue formula has 41 characters.
 * - MAX_NESTING_DEPTH (256, `too_deeply_nested`) bounds the parser's recursion: brackets,
 *   braces, commands, words with arguments, exponents and signs each add a level. Parsing
 *   256 nested brackets needs 350 to 400 KB of stack on Node 20.20 (measured by running
 *   node with smaller --stack-size values), well under the default of 984 KB.
 * - MAX_TREE_DEPTH (1,000, `too_deeply_nested`) bounds the depth of the tree, because the
 *   printers and the evaluator walk it recursively. A chain of n operators, such as a sum
 *   of n + 1 terms, is n levels deep even without brackets.
 */
import { BOUND_NAMES, FUNCTION_WORDS, findHiddenFunctionWord, lookupCommand, lookupWord, suggestCommand } from './commands/index.js';
import type { CommandContext, NodeBuilder } from './commands/index.js';
import { parseErrorAt, quote, type ParseErrorCode, type Span } from './errors.js';
import { tokenize, type Token, type TokenKind } from './lexer.js';
import * as tree from './tree.js';
import type { BinaryOperator, MathNode } from './tree.js';

export const MAX_INPUT_LENGTH = 100_000;
export const MAX_NESTING_DEPTH = 256;
export const MAX_TREE_DEPTH = 1_000;

/** Parses a formula into a tree. Throws ParseError, and only ParseError, on invalid input. */
export function parseFormula(input: string): MathNode {
  if (input.length > MAX_INPUT_LENGTH) {
    throw parseErrorAt(
      'too_long',
      input,
      { start: MAX_INPUT_LENGTH, end: input.length },
      `formula has ${input.length} characters, more than the maximum of ${MAX_INPUT_LENGTH}`,
    );
  }
  const tokens = tokenize(input);
  checkBrackets(input, tokens);
  return new Parser(input, tokens).parseFormula();
}

const CLOSING_PARTNER: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}', '\\{': '\\}' };

/** Reports the first unmatched or mismatched brace or bracket, before parsing starts. */
function checkBrackets(input: string, tokens: readonly Token[]): void {
  const openers: Token[] = [];
  const describe = (token: Token): string => quote(input.slice(token.start, token.end) || token.text);
  const codeFor = (...texts: string[]): ParseErrorCode => (texts.some((text) => text === '{' || text === '}') ? 'unbalanced_brace' : 'unbalanced_bracket');

  for (const token of tokens) {
    if (token.kind === 'open') {
      openers.push(token);
    } else if (token.kind === 'close') {
      const opener = openers.pop();
      if (opener === undefined) {
        throw parseErrorAt(codeFor(token.text), input, token, `unmatched ${describe(token)}`);
      }
      if (CLOSING_PARTNER[opener.text] !== token.text) {
        throw parseErrorAt(
          codeFor(opener.text, token.text),
          input,
          token,
          `${describe(token)} does not match ${describe(opener)}; expected \`${CLOSING_PARTNER[opener.text]}\``,
        );
      }
    }
  }

  const unclosed = openers[openers.length - 1];
  if (unclosed !== undefined) {
    throw parseErrorAt(codeFor(unclosed.text), input, unclosed, `unclosed ${describe(unclosed)}`);
  }
}

/** One factor of a juxtaposition, with the input span it came from. */
interface Factor {
  node: MathNode;
  start: number;
  end: number;
}

class Parser implements CommandContext {
  readonly nodes: NodeBuilder;
  private index = 0;
  private depth = 0;
  private previous: Token;
  private readonly treeDepths = new WeakMap<MathNode, number>();

  constructor(
    readonly input: string,
    private readonly tokens: Token[],
  ) {
    this.previous = tokens[0]!;
    this.nodes = this.createNodeBuilder();
  }

  parseFormula(): MathNode {
    if (this.peek().kind === 'end') {
      this.fail('empty_input', { start: 0, end: this.input.length }, 'formula is empty');
    }
    const node = this.parseSum();
    if (this.peek().kind === 'dot' && this.peek(1).kind === 'end') this.consume();
    if (this.peek().kind !== 'end') this.unexpected('an operator or the end of the formula');
    return node;
  }

  // ---- Token access -------------------------------------------------------------------

  peek(offset = 0): Token {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)]!;
  }

  consume(): Token {
    const token = this.peek();
    if (token.kind !== 'end') this.index++;
    this.previous = token;
    return token;
  }

  /** Consumes the current token if it has this kind and text, and reports what was expected otherwise. */
  private expect(kind: TokenKind, text: string, description: string): Token {
    const token = this.peek();
    if (token.kind === kind && token.text === text) return this.consume();
    return this.unexpected(description);
  }

  /** Throws the one "expected X, found Y" error that every syntax mismatch goes through. */
  private unexpected(expected: string, code: ParseErrorCode = 'unexpected_token'): never {
    const token = this.peek();
    return this.fail(code, token, `expected ${expected}, found ${this.describe(token)}`);
  }

  private describe(token: Token): string {
    if (token.kind === 'end') return 'the end of the formula';
    return quote(this.source(token) || token.text);
  }

  private isOperator(token: Token, ...texts: string[]): boolean {
    return token.kind === 'operator' && texts.includes(token.text);
  }

  /** Rejects an operator with nothing after it (`N +`, `(N^)`), pointing at the operator. */
  private requireOperand(operator: Token): void {
    const next = this.peek();
    if (next.kind !== 'end' && next.kind !== 'close' && next.kind !== 'comma') return;
    let missingPart = 'operand';
    if (operator.text === '^') missingPart = 'exponent';
    if (operator.text === '_') missingPart = 'subscript';
    this.fail('trailing_operator', operator, `missing ${missingPart} after ${this.describe(operator)}`);
  }

  private enter(token: Token): void {
    this.depth++;
    if (this.depth > MAX_NESTING_DEPTH) {
      this.fail('too_deeply_nested', token, `brackets, arguments, signs or exponents nest more than ${MAX_NESTING_DEPTH} levels deep`);
    }
  }

  private leave(): void {
    this.depth--;
  }

  fail(code: ParseErrorCode, span: Span, rawMessage: string, extra?: { readings?: readonly string[]; suggestion?: string }): never {
    throw parseErrorAt(code, this.input, span, rawMessage, extra);
  }

  source(span: Span): string {
    return this.input.slice(span.start, span.end);
  }

  // ---- Precedence ladder --------------------------------------------------------------

  private parseSum(): MathNode {
    let left = this.parseProduct();
    for (;;) {
      const operator = this.peek();
      if (!this.isOperator(operator, '+', '-')) return left;
      this.consume();
      this.requireOperand(operator);
      const right = this.parseProduct();
      left = this.nodes.binary(operator.text as BinaryOperator, left, right);
    }
  }

  private parseProduct(): MathNode {
    const start = this.peek().start;
    let left = this.parseImplicitProduct();
    for (;;) {
      const operator = this.peek();
      if (!this.isOperator(operator, '*', '/')) return left;
      this.consume();
      this.requireOperand(operator);

      let right: MathNode;
      if (operator.text === '/') {
        const factors = this.parseFactors();
        if (factors.length > 1) this.rejectJuxtapositionAfterSlash(start, operator, factors);
        right = factors[0]!.node;
      } else {
        right = this.parseImplicitProduct();
      }
      left = this.nodes.binary(operator.text as BinaryOperator, left, right);
    }
  }

  private parseImplicitProduct(): MathNode {
    const factors = this.parseFactors();
    let product = factors[0]!.node;
    for (const factor of factors.slice(1)) product = this.nodes.binary('*', product, factor.node, true);
    return product;
  }

  /** Parses the factors of a juxtaposition. Only the first may carry a sign. */
  private parseFactors(): Factor[] {
    const factors = [this.parseFactor(() => this.parseUnary())];
    for (;;) {
      const next = this.peek();
      const last = factors[factors.length - 1]!;
      if (next.kind === 'dot' && this.startsFactor(this.peek(1))) this.rejectDotBetweenFactors(last);
      if (!this.startsFactor(next)) return factors;
      if (next.kind === 'number') this.rejectNumberAfterFactor(last, next);
      factors.push(this.parseFactor(() => this.parsePower()));
    }
  }

  private parseFactor(parse: () => MathNode): Factor {
    const start = this.peek().start;
    const node = parse();
    return { node, start, end: this.previous.end };
  }

  private parseUnary(): MathNode {
    const sign = this.peek();
    if (!this.isOperator(sign, '-', '+')) return this.parsePower();

    this.consume();
    this.requireOperand(sign);
    this.enter(sign);
    const operand = this.parseUnary();
    this.leave();
    return sign.text === '-' ? this.nodes.negate(operand) : operand;
  }

  private parsePower(): MathNode {
    const start = this.peek().start;
    let base = this.parsePrimary();

    // `O(N^2)`, `\Theta\left(N\right)`: the bound is dropped and its argument is the cost.
    if (tree.isSymbol(base) && BOUND_NAMES.has(base.name) && this.isOpenBracket(this.peek())) {
      base = this.parseGroup();
    }

    let exponent: MathNode | undefined;
    for (;;) {
      const token = this.peek();
      if (this.isOperator(token, '_')) {
        base = this.parseSubscript(base, { start, end: this.previous.end });
      } else if (this.isOperator(token, '^')) {
        if (exponent !== undefined) {
          this.fail('unexpected_token', token, 'double superscript; write the whole exponent in one group, such as x^{a+b}');
        }
        exponent = this.parseExponent(start);
      } else {
        break;
      }
    }
    return exponent === undefined ? base : this.nodes.binary('^', base, exponent);
  }

  /**
   * Parses `^` and its exponent. The operand is one token or group, see parseScriptOperand.
   * `ownerStart` is where the base starts, for messages.
   */
  private parseExponent(ownerStart: number): MathNode {
    const marker = this.consume();
    this.requireOperand(marker);
    this.enter(marker);

    const sign = this.peek();
    const negative = this.isOperator(sign, '-');
    if (this.isOperator(sign, '-', '+')) {
      this.consume();
      this.requireOperand(sign);
    }
    let operand = this.parseScriptOperand(ownerStart);
    if (this.isOperator(this.peek(), '^')) operand = this.nodes.binary('^', operand, this.parseExponent(ownerStart));

    this.leave();
    return negative ? this.nodes.negate(operand) : operand;
  }

  /**
   * Parses the operand of `^`, or of `_` after a function name: a whole number, one letter,
   * one word or command with its arguments, or a group. A subscript after a letter binds to that
   * letter, so `N^n_b` is N^(n_b), while `N^{n}_b` puts the subscript on N as TeX does.
   */
  private parseScriptOperand(ownerStart: number): MathNode {
    const token = this.peek();
    let operand: MathNode;
    switch (token.kind) {
      case 'number':
        this.consume();
        return this.nodes.constant(Number(token.text));
      case 'letter':
        if (token.run !== undefined && lookupWord(token.run.text) !== undefined) {
          operand = this.parsePrimary();
          break;
        }
        if (token.run !== undefined) this.rejectLettersAfterScript(ownerStart, token);
        operand = this.nodes.symbol(this.consume().text);
        break;
      case 'command':
        operand = this.parsePrimary();
        break;
      case 'open':
        return this.parsePrimary();
      default:
        return this.unexpected(`an exponent or subscript after ${this.describe(this.previous)}`);
    }
    if (this.isOperator(this.peek(), '_')) operand = this.parseSubscript(operand, { start: token.start, end: this.previous.end });
    return operand;
  }

  private parsePrimary(): MathNode {
    const token = this.peek();
    switch (token.kind) {
      case 'number':
        this.consume();
        return this.nodes.constant(Number(token.text));
      case 'letter':
        return this.parseLetter();
      case 'command': {
        // Commands read their own arguments, which may nest.
        this.enter(token);
        const node = this.parseCommand();
        this.leave();
        return node;
      }
      case 'open':
        return this.parseGroup();
      default:
        return this.unexpected('a number, a letter, a command or a bracket');
    }
  }

  // ---- Letters, words and commands ----------------------------------------------------

  private parseLetter(): MathNode {
    const token = this.peek();
    const command = token.run === undefined ? undefined : lookupWord(token.run.text);
    if (command !== undefined) {
      // Words read their own arguments, which may nest: `log log log n`.
      this.enter(token);
      const head = this.consumeRun(token);
      const node = command.parse(this, head, head.text);
      this.leave();
      return node;
    }
    return this.nodes.symbol(this.consumeLetter().text);
  }

  /** Consumes one letter, rejecting a run that hides a function name (`nlogn`). */
  private consumeLetter(): Token {
    const token = this.peek();
    const run = token.run;
    if (run !== undefined && lookupWord(run.text) === undefined) {
      const hidden = findHiddenFunctionWord(run.text);
      if (hidden !== undefined) this.rejectHiddenFunctionWord(token, hidden.word, hidden.index);
    }
    return this.consume();
  }

  /** Consumes the letter tokens of a run and returns one token spanning the run. */
  private consumeRun(first: Token): Token {
    const run = first.run!;
    for (let i = 0; i < run.text.length; i++) this.consume();
    const head: Token = { kind: 'letter', text: run.text, start: first.start, end: run.end };
    this.previous = head;
    return head;
  }

  private parseCommand(): MathNode {
    const token = this.consume();
    const spec = lookupCommand(token.text);
    if (spec === undefined || spec.kind !== 'value') {
      const suggestion = suggestCommand(token.text);
      const hint = suggestion === undefined ? '' : ` (did you mean \`\\${suggestion}\`?)`;
      return this.fail('unknown_command', token, `unknown command ${quote(this.source(token))}${hint}`, {
        ...(suggestion === undefined ? {} : { suggestion: `\\${suggestion}` }),
      });
    }
    return spec.parse(this, token, token.text);
  }

  parseWord(word: string, head: Token): MathNode | undefined {
    return lookupWord(word)?.parse(this, head, word);
  }

  isFunctionWord(word: string): boolean {
    return FUNCTION_WORDS.includes(word);
  }

  parseBracedFunctionName(head: Token): MathNode | undefined {
    const open = this.peek();
    const first = this.peek(1);
    if (open.kind !== 'open' || open.text !== '{' || first.kind !== 'letter') return undefined;

    const word = first.run?.text ?? first.text;
    const close = this.peek(1 + word.length);
    if (!this.isFunctionWord(word) || close.kind !== 'close' || close.text !== '}') return undefined;

    this.consume();
    this.consumeRun(first);
    this.consume();
    return this.parseWord(word, head);
  }

  // ---- Groups and brackets ------------------------------------------------------------

  /** Parses a TeX group `{...}` or a visible bracket `(...)`, `[...]`, `\{...\}`. Both only group. */
  private parseGroup(): MathNode {
    const open = this.consume();
    this.enter(open);
    this.rejectEmpty(open);
    const inner = this.parseSum();
    this.expectClose(open);
    this.leave();
    return inner;
  }

  isOpenBracket(token: Token): boolean {
    return token.kind === 'open' && token.text !== '{';
  }

  startsFactor(token: Token): boolean {
    return token.kind === 'number' || token.kind === 'letter' || token.kind === 'command' || token.kind === 'open';
  }

  parseBracketArguments(): { args: MathNode[]; span: Span } {
    const open = this.consume();
    this.enter(open);
    this.rejectEmpty(open);
    const args = [this.parseSum()];
    while (this.peek().kind === 'comma') {
      const comma = this.consume();
      const next = this.peek();
      if (next.kind === 'close' || next.kind === 'end') this.fail('missing_argument', comma, 'missing argument after `,`');
      args.push(this.parseSum());
    }
    const close = this.expectClose(open);
    this.leave();
    return { args, span: { start: open.start, end: close.end } };
  }

  private rejectEmpty(open: Token): void {
    const next = this.peek();
    if (next.kind === 'close') {
      this.fail('empty_group', { start: open.start, end: next.end }, `empty group ${quote(this.source({ start: open.start, end: next.end }))}`);
    }
  }

  private expectClose(open: Token): Token {
    const expected = CLOSING_PARTNER[open.text]!;
    return this.expect('close', expected, `\`${expected}\` to close ${this.describe(open)}`);
  }

  // ---- Services for command specs -----------------------------------------------------

  parseArgument(command: Token, role: string): MathNode {
    const token = this.peek();
    const argument = `${role} of ${this.describe(command)}`;
    switch (token.kind) {
      case 'open':
        if (token.text === '{') return this.parseGroup();
        return this.unexpected(`the ${argument} in braces`);
      case 'number':
        return this.nodes.constant(Number(this.consumeDigit(argument)));
      case 'letter':
        return this.nodes.symbol(this.consumeLetter().text);
      case 'command':
        return this.parsePrimary();
      default:
        return this.fail('missing_argument', command, `missing ${argument}`);
    }
  }

  /** Consumes the first digit of a number token, as TeX reads `\frac12`, and leaves the rest. */
  private consumeDigit(argument: string): string {
    const token = this.peek();
    const digit = token.text[0]!;
    if (digit === '.') this.unexpected(`the ${argument}`);
    if (token.text.length === 1) return this.consume().text;

    const offsets = token.offsets!;
    const rest: Token = { ...token, text: token.text.slice(1), start: offsets[1]!, offsets: offsets.slice(1) };
    this.tokens[this.index] = rest;
    this.previous = { ...token, text: digit, end: offsets[1]!, offsets: [offsets[0]!] };
    return digit;
  }

  parseOptionalArgument(): MathNode | undefined {
    const open = this.peek();
    if (open.kind !== 'open' || open.text !== '[') return undefined;
    return this.parseGroup();
  }

  parseBareArgument(head: Token): MathNode {
    const token = this.peek();
    if (!this.startsFactor(token)) {
      this.fail('missing_argument', head, `missing argument of ${this.describe(head)}`);
    }
    const argument = this.parsePower();
    const next = this.peek();
    if (token.kind === 'number' && this.startsFactor(next)) this.rejectNumberAsBareArgument(head, token, next);
    return argument;
  }

  parseScript(head: Token): MathNode {
    const marker = this.peek();
    if (marker.text === '^') return this.parseExponent(head.start);
    this.consume();
    this.requireOperand(marker);
    this.enter(marker);
    const operand = this.parseScriptOperand(head.start);
    this.leave();
    return operand;
  }

  // ---- Subscripts ---------------------------------------------------------------------

  /** Parses `_name` after a symbol, giving the symbol `base_name` (`n_b`, `N_g`, `epsilon_k`). */
  private parseSubscript(base: MathNode, baseSpan: Span): MathNode {
    const marker = this.peek();
    if (!tree.isSymbol(base)) {
      this.fail('invalid_subscript', marker, `a subscript can follow only a letter or a Greek letter, not ${quote(this.source(baseSpan))}`);
    }
    if (base.name.includes('_')) {
      this.fail('invalid_subscript', marker, `${quote(this.source(baseSpan))} already has a subscript; write one subscript such as n_{bc}`);
    }
    this.consume();
    this.requireOperand(marker);
    return this.nodes.symbol(`${base.name}_${this.parseSubscriptName(baseSpan.start)}`);
  }

  /**
   * Parses a subscript name: a braced name (`{b}`, `{max}`, `{\alpha 1}`), one letter (`_b`,
   * as in TeX), a whole number (`_12`) or one Greek letter.
   */
  private parseSubscriptName(ownerStart: number): string {
    const token = this.peek();
    switch (token.kind) {
      case 'open':
        if (token.text === '{') return this.parseBracedName();
        break;
      case 'letter':
        if (token.run !== undefined) this.rejectLettersAfterScript(ownerStart, token);
        return this.consume().text;
      case 'number':
        if (/^\d+$/.test(token.text)) return this.consume().text;
        break;
      case 'command':
        return this.parseCommandInName();
      default:
        break;
    }
    return this.unexpected('a letter, digits or a braced name after `_`', 'invalid_subscript');
  }

  private parseBracedName(): string {
    const open = this.consume();
    this.enter(open);
    this.rejectEmpty(open);
    let name = '';
    for (;;) {
      const token = this.peek();
      if (token.kind === 'close' && token.text === '}') break;
      if (token.kind === 'letter') {
        name += this.consumeLetter().text;
      } else if (token.kind === 'number' && /^\d+$/.test(token.text)) {
        name += this.consume().text;
      } else if (token.kind === 'command') {
        name += this.parseCommandInName();
      } else if (token.kind === 'open' && token.text === '{') {
        name += this.parseBracedName();
      } else {
        this.fail('invalid_subscript', token, `a subscript name can contain only letters, digits and Greek letters, found ${this.describe(token)}`);
      }
    }
    this.consume();
    this.leave();
    return name;
  }

  /**
   * Parses a command inside a subscript name and returns its part of the name: the text of
   * a font or text command (`\mathrm{heads}`, `\text{heads}`), or the name of a command that
   * gives a plain symbol (`\alpha`).
   */
  private parseCommandInName(): string {
    const token = this.peek();
    const spec = lookupCommand(token.text);
    const invalid = (span: Span): never =>
      this.fail('invalid_subscript', span, `a subscript name can contain only letters, digits and Greek letters, found ${this.describe(token)}`);

    if (spec?.kind === 'value' && spec.fontOnly) {
      this.consume();
      if (token.rawArgument !== undefined) {
        const text = token.rawArgument.text.trim();
        if (!/^[A-Za-z0-9]+$/.test(text)) invalid(token);
        return text;
      }
      const next = this.peek();
      if (next.kind === 'open' && next.text === '{') return this.parseBracedName();
      if (next.kind === 'letter') return this.consumeLetter().text;
      return invalid(next);
    }

    const node = this.parsePrimary();
    if (!tree.isSymbol(node) || node.name.includes('_')) invalid({ start: token.start, end: this.previous.end });
    return (node as tree.SymbolNode).name;
  }

  // ---- Ambiguity rules (see the file header) ------------------------------------------

  private rejectJuxtapositionAfterSlash(start: number, slash: Token, factors: Factor[]): never {
    const numerator = this.source({ start, end: slash.start }).trim();
    const first = factors[0]!;
    const last = factors[factors.length - 1]!;
    const denominator = this.source({ start: first.start, end: first.end }).trim();
    const rest = this.source({ start: factors[1]!.start, end: last.end }).trim();
    const whole = this.source({ start: first.start, end: last.end }).trim();
    const readings = [`(${numerator}/${denominator})·${rest}`, `${numerator}/(${whole})`];
    const suggestion = `\\frac{${numerator}}{${denominator}}${rest} or \\frac{${numerator}}{${whole}}`;
    const quoted = this.source({ start, end: last.end }).trim();
    return this.fail('ambiguous', { start, end: last.end }, `${quote(quoted)} can be read as ${readings.join(' or ')}; write ${suggestion}`, {
      readings,
      suggestion,
    });
  }

  private rejectNumberAfterFactor(previous: Factor, number: Token): never {
    const factor = this.source(previous).trim();
    const digits = this.source(number);
    const readings = [`${factor}·${digits}`, `${factor}^${digits}`];
    const spellings = [/^[\d.]/.test(factor) ? `${factor} \\cdot ${digits}` : `${digits}${factor}`, `${factor}^{${digits}}`];
    if (/^[A-Za-z]$/.test(factor)) {
      readings.push(`${factor}_${digits}`);
      spellings.push(`${factor}_{${digits}}`);
    }
    const span = { start: previous.start, end: number.end };
    const suggestion = listWithOr(spellings);
    return this.fail('ambiguous', span, `${quote(this.source(span))} can be read as ${listWithOr(readings)}; write ${suggestion}`, {
      readings,
      suggestion,
    });
  }

  private rejectDotBetweenFactors(previous: Factor): never {
    const following = this.peek(1);
    const factor = this.source(previous).trim();
    const next = this.source(following);
    const span = { start: previous.start, end: following.end };
    const isName = /^[A-Za-z]$/.test(factor) && /^[A-Za-z]$/.test(next);
    const readings = [`${factor}·${next}`, isName ? `one name ${factor}.${next}` : 'a decimal number with a misplaced point'];
    const suggestion = isName ? `${factor} \\cdot ${next} or ${factor}_{${next}}` : `${factor} \\cdot ${next}`;
    return this.fail('ambiguous', span, `${quote(this.source(span))} can be read as ${readings.join(' or ')}; write ${suggestion}`, {
      readings,
      suggestion,
    });
  }

  private rejectHiddenFunctionWord(first: Token, word: string, at: number): never {
    const run = first.run!;
    const before = [...run.text.slice(0, at)];
    const after = run.text.slice(at + word.length);
    const asFunction = [...before, `${word}(${after === '' ? '…' : after})`].join('·');
    const asLetters = [...run.text].join('·');
    const readings = [asFunction, asLetters];
    const written = lookupCommand(word) === undefined ? word : `\\${word}`;
    const suggestion = [...before, written, after].filter((part) => part !== '').join(' ');
    return this.fail(
      'ambiguous',
      { start: first.start, end: run.end },
      `${quote(run.text)} can be read as ${readings.join(' or ')}; write ${suggestion}, or put spaces between letters that multiply`,
      { readings, suggestion },
    );
  }

  private rejectLettersAfterScript(ownerStart: number, letter: Token): never {
    const run = letter.run!;
    const prefix = this.source({ start: ownerStart, end: letter.start }).trim();
    const rest = run.text.slice(1);
    const readings = [`${prefix}{${run.text}}`, `${prefix}{${letter.text}}·${rest}`];
    const suggestion = `${prefix}{${run.text}} or ${prefix}{${letter.text}} ${rest}`;
    const span = { start: ownerStart, end: run.end };
    return this.fail('ambiguous', span, `${quote(this.source(span))} can be read as ${readings.join(' or ')}; write ${suggestion}`, {
      readings,
      suggestion,
    });
  }

  private rejectNumberAsBareArgument(head: Token, number: Token, next: Token): never {
    const name = this.source(head).replace(/^\\/, '');
    const digits = this.source({ start: number.start, end: this.previous.end });
    const following = this.source(next);
    const readings = [`${name}(${digits}${following})`, `${name}(${digits})·${following}`];
    const written = this.source(head);
    const suggestion = `${written}(${digits}${following}) or ${following} ${written} ${digits}`;
    const span = { start: head.start, end: next.end };
    return this.fail('ambiguous', span, `${quote(this.source(span))} can be read as ${readings.join(' or ')}; write ${suggestion}`, {
      readings,
      suggestion,
    });
  }

  // ---- Tree construction --------------------------------------------------------------

  /** Wraps the tree helpers so that every node records its depth and no tree exceeds MAX_TREE_DEPTH. */
  private createNodeBuilder(): NodeBuilder {
    const track = <T extends MathNode>(node: T, children: readonly MathNode[]): T => {
      let depth = 1;
      for (const child of children) depth = Math.max(depth, (this.treeDepths.get(child) ?? 1) + 1);
      if (depth > MAX_TREE_DEPTH) {
        this.fail(
          'too_deeply_nested',
          this.previous,
          `expression is more than ${MAX_TREE_DEPTH} levels deep; each operator in a chain such as a+b+c adds a level`,
        );
      }
      this.treeDepths.set(node, depth);
      return node;
    };
    return {
      constant: (value) => tree.constant(value),
      symbol: (name) => tree.symbol(name),
      binary: (op, left, right, implicit = false) => track(tree.binary(op, left, right, implicit), [left, right]),
      negate: (operand) => track(tree.negate(operand), [operand]),
      call: (name, args) => track(tree.call(name, args), args),
    };
  }
}

function listWithOr(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
