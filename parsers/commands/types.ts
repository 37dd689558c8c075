/**
 * The shape of a command spec and the parser services a spec may use.
 *
 * Each LaTeX construct (a fraction, a root, a function, a font command) is one small spec.
 * The lexer consumes the token-level specs (spacing, operators, brackets). The parser
 * hands a `value` spec the command token and a CommandContext, and the spec reads its
 * own arguments. So the generic parser has no branch for any particular command.
 */
import type { Span, ParseErrorCode } from '../errors.js';
import type { Token } from '../lexer.js';
import type { BinaryOperator, FunctionName, MathNode } from '../tree.js';

/** Spacing and sizing commands that carry no math (`\,`, `\quad`, `\left`, `\big`). */
export interface IgnoredCommand {
  readonly kind: 'ignored';
  readonly names: readonly string[];
  /** Whether a following `.` is TeX's null delimiter (`\left.`) and is dropped too. */
  readonly takesDelimiter?: boolean;
}

/** A command that is an operator sign (`\cdot`, `\times`). */
export interface OperatorCommand {
  readonly kind: 'operator';
  readonly names: readonly string[];
  readonly operator: BinaryOperator;
}

/** A command that is a bracket (`\{`, `\rbrace`). */
export interface BracketCommand {
  readonly kind: 'bracket';
  readonly names: readonly string[];
  readonly bracket: '(' | ')' | '[' | ']' | '\\{' | '\\}';
}

/** A command that produces a value and reads its own arguments. */
export interface ValueCommand {
  readonly kind: 'value';
  /** Command names without the backslash. */
  readonly names: readonly string[];
  /**
   * Bare words with the same meaning, for plain text: `log(n)`, `sqrt(N)`, `epsilon`.
   * A word is recognised only as a whole run of letters (see the parser).
   */
  readonly words?: readonly string[];
  /** Whether the word names a function, which a run of letters may not hide (`nlogn`). */
  readonly isFunction?: boolean;
  /**
   * Whether the command only sets the font of its argument. Inside a subscript name the
   * argument is then part of the name: `N_{\mathrm{heads}}` is the symbol `N_heads`.
   */
  readonly fontOnly?: boolean;
  /** Whether the lexer reads the braced argument as raw text (`\text{max}`) and stores it on the token. */
  readonly rawTextArgument?: boolean;
  /**
   * Parses the construct after `head`, the command or word token, which is already consumed.
   * `name` is the command name or word as written (`dfrac`, `varepsilon`, `max`).
   */
  parse(context: CommandContext, head: Token, name: string): MathNode;
}

export type CommandSpec = IgnoredCommand | OperatorCommand | BracketCommand | ValueCommand;

/** Tree helpers that also enforce the tree depth limit. */
export interface NodeBuilder {
  constant(value: number): MathNode;
  symbol(name: string): MathNode;
  binary(op: BinaryOperator, left: MathNode, right: MathNode, implicit?: boolean): MathNode;
  negate(operand: MathNode): MathNode;
  call(name: FunctionName, args: MathNode[]): MathNode;
}

/** Parser services available to a ValueCommand. */
export interface CommandContext {
  readonly input: string;
  readonly nodes: NodeBuilder;
  peek(offset?: number): Token;
  consume(): Token;
  /** Whether the token opens a visible bracket: `(`, `[` or `\{`. */
  isOpenBracket(token: Token): boolean;
  /** Whether the token can begin a factor of a product. */
  startsFactor(token: Token): boolean;
  /**
   * Parses a TeX argument: a braced group, or a single token as TeX takes it (one letter,
   * one digit, or one command with its own arguments). `role` names it in messages.
   */
  parseArgument(command: Token, role: string): MathNode;
  /** Parses an optional `[...]` argument, as in `\sqrt[3]{x}`. */
  parseOptionalArgument(): MathNode | undefined;
  /** Parses a visible bracket holding comma-separated expressions: `(a, b)`. */
  parseBracketArguments(): { args: MathNode[]; span: Span };
  /** Parses the argument of a function written without brackets: the next factor with its scripts. */
  parseBareArgument(head: Token): MathNode;
  /** Parses the subscript or superscript after `_` or `^`, which is the current token, attached to `head`. */
  parseScript(head: Token): MathNode;
  /** Parses a whole word (a function name or a Greek letter name) as if it were written as `head`. */
  parseWord(word: string, head: Token): MathNode | undefined;
  /**
   * Parses `{name}` when its braces hold exactly one function name, as in `\mathrm{max}(a, b)`,
   * with the argument after the braces. Returns undefined, consuming nothing, otherwise.
   */
  parseBracedFunctionName(head: Token): MathNode | undefined;
  /** Whether the word names a function. */
  isFunctionWord(word: string): boolean;
  fail(
    code: ParseErrorCode,
    span: Span,
    rawMessage: string,
    extra?: { readings?: readonly string[]; suggestion?: string },
  ): never;
  /** The input text of a span, for messages. */
  source(span: Span): string;
}
