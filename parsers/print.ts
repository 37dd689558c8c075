/**
 * Printers for parsed trees.
 *
 * - toLatex: LaTeX for display, with brackets only where the parser needs them to rebuild
 *   the same tree. Products are juxtaposed (`N\sqrt{N}D`) except where juxtaposition would
 *   change the reading, which gets `\cdot`: before a number (`N \cdot 2`), after a function
 *   written without brackets (`\log N \cdot D`), after a bound letter that a bracket
 *   follows (`O \cdot (N + 1)`), and after a product that already has a `\cdot`, which
 *   juxtaposition would regroup (`N \cdot 2 \cdot D`).
 * - toPlainText: ASCII that the parser reads back: `N * sqrt(N) * D`, `N^2 / n_b`,
 *   `log_2(N / k)`. A logarithm's base is a subscript when it is a number or one letter
 *   (`log_2(x)`, `log_k(x)`), and a second argument otherwise (`log(x, n_b)`). The default
 *   base stays unwritten (`log(x)`).
 * - toBracketed: every operation in its own brackets, `((N * sqrt(N)) * D)`, for showing
 *   and comparing structure. The parser reads it back too.
 *
 * parseFormula(toLatex(tree)) and parseFormula(toPlainText(tree)) have the structure of
 * `tree` for every tree the parser builds. Only the `implicit` flag of products may differ.
 * NOTE: the printed brackets can nest deeper than the input's (`\log\log n` prints as
 * `\log(\log n)`), so a tree parsed close to MAX_NESTING_DEPTH may not parse back.
 * toBracketed output nests one bracket per operation and parses back only for shallow trees.
 */
import { findHiddenFunctionWord, GREEK_SYMBOL_NAMES, lookupWord } from './commands/index.js';
import { functionName, isConstant, isFunction, isOperator, isSymbol } from './tree.js';
import type { MathNode } from './tree.js';

/** Binding strength of a printed form, in the order of the parser's grammar. */
const Level = { Sum: 1, Product: 2, Unary: 3, Power: 4, Atom: 5 } as const;
type Level = (typeof Level)[keyof typeof Level];

interface Printed {
  text: string;
  level: Level;
  /** LaTeX only: the top-level product uses `\cdot`, so juxtaposing another factor would regroup it. */
  explicit?: boolean;
  /** LaTeX only: the text ends with a function whose argument has no brackets, such as `\log N`. */
  endsBare?: boolean;
}

export function toLatex(node: MathNode): string {
  return latex(node).text;
}

export function toPlainText(node: MathNode): string {
  return plain(node).text;
}

export function toBracketed(node: MathNode): string {
  if (isConstant(node)) return formatNumber(node.value as number);
  if (isSymbol(node)) return plainSymbol(node.name);
  if (isOperator(node)) {
    const [left, right] = node.args;
    if (right === undefined) return `(-${toBracketed(left!)})`;
    return `(${toBracketed(left!)} ${node.op} ${toBracketed(right)})`;
  }
  if (isFunction(node)) return `${functionName(node)}(${node.args.map(toBracketed).join(', ')})`;
  throw new TypeError(`cannot print a ${node.type}`);
}

// ---- LaTeX --------------------------------------------------------------------------

function latex(node: MathNode): Printed {
  if (isConstant(node)) return number(node.value as number);
  if (isSymbol(node)) return { text: latexSymbol(node.name), level: Level.Atom };
  if (isOperator(node)) {
    const [left, right] = node.args;
    if (right === undefined) return latexNegation(left!);
    switch (node.op) {
      case '+':
      case '-':
        return latexSum(node.op, left!, right);
      case '*':
        return latexProduct(left!, right);
      case '/':
        return { text: `\\frac{${latex(left!).text}}{${latex(right).text}}`, level: Level.Atom };
      case '^':
        return latexPower(left!, right);
    }
  }
  if (isFunction(node)) return latexFunction(functionName(node), node.args);
  throw new TypeError(`cannot print a ${node.type}`);
}

function latexNegation(operand: MathNode): Printed {
  const inner = latex(operand);
  const wrapped = inner.level <= Level.Unary;
  return {
    text: `-${wrapped ? latexBrackets(inner.text) : inner.text}`,
    level: Level.Unary,
    endsBare: !wrapped && inner.endsBare === true,
  };
}

function latexSum(op: '+' | '-', leftNode: MathNode, rightNode: MathNode): Printed {
  const left = latex(leftNode);
  const right = latex(rightNode);
  const wrapped = right.level <= Level.Sum || right.text.startsWith('-');
  return {
    text: `${left.text} ${op} ${wrapped ? latexBrackets(right.text) : right.text}`,
    level: Level.Sum,
    endsBare: !wrapped && right.endsBare === true,
  };
}

function latexProduct(leftNode: MathNode, rightNode: MathNode): Printed {
  let left = latex(leftNode);
  let right = latex(rightNode);
  if (left.level < Level.Product) left = { text: latexBrackets(left.text), level: Level.Atom };
  // A product on the right must keep its brackets to keep the tree, and a negation needs them to juxtapose.
  if (right.level <= Level.Unary) right = { text: latexBrackets(right.text), level: Level.Atom };

  const juxtapose =
    left.explicit !== true &&
    left.endsBare !== true &&
    !/^[\d.]/.test(right.text) &&
    !(endsWithBoundLetter(left.text) && /^(\(|\[|\\left)/.test(right.text));

  return {
    text: juxtapose ? juxtaposeLatex(left.text, right.text) : `${left.text} \\cdot ${right.text}`,
    level: Level.Product,
    explicit: !juxtapose,
    endsBare: right.endsBare === true,
  };
}

function latexPower(baseNode: MathNode, exponentNode: MathNode): Printed {
  const base = latex(baseNode);
  const baseText = isConstant(baseNode) || isSymbol(baseNode) ? base.text : latexBrackets(base.text);
  const exponent = latex(exponentNode).text;
  const exponentText = /^\d$/.test(exponent) ? exponent : `{${exponent}}`;
  return { text: `${baseText}^${exponentText}`, level: Level.Power };
}

function latexFunction(name: string, args: readonly MathNode[]): Printed {
  const [first, second] = args.map(latex);
  switch (name) {
    case 'sqrt':
      return { text: `\\sqrt{${first!.text}}`, level: Level.Atom };
    case 'nthRoot': {
      // Braces keep a `]` inside the index from ending TeX's optional argument.
      const index = second!.text.includes(']') ? `{${second!.text}}` : second!.text;
      return { text: `\\sqrt[${index}]{${first!.text}}`, level: Level.Atom };
    }
    case 'log':
    case 'ln':
    case 'exp': {
      const operator = second === undefined ? `\\${name}` : `\\log_{${second.text}}`;
      const bare = isConstant(args[0]!) || isSymbol(args[0]!);
      if (bare) return { text: `${operator} ${first!.text}`, level: Level.Atom, endsBare: true };
      return { text: `${operator}${latexBrackets(first!.text)}`, level: Level.Atom };
    }
    case 'min':
    case 'max':
      return { text: `\\${name}${latexBrackets(args.map((arg) => latex(arg).text).join(', '))}`, level: Level.Atom };
    default:
      throw new TypeError(`cannot print the function ${name}`);
  }
}

/** Brackets that grow with a fraction inside, and plain ones otherwise. */
function latexBrackets(text: string): string {
  return text.includes('\\frac') ? `\\left(${text}\\right)` : `(${text})`;
}

/**
 * Joins two factors without a sign. A space separates a command name from a letter
 * (`\epsilon N`), letters that would form a word the parser reads as a function or a
 * Greek letter (`l n` rather than `ln`), and a digit exponent from a letter (`N^2 D`).
 */
function juxtaposeLatex(left: string, right: string): string {
  const leadingLetters = /^[A-Za-z]+/.exec(right)?.[0];
  if (leadingLetters === undefined) return left + right;
  if (/\\[A-Za-z]+$/.test(left) || /\^\d$/.test(left)) return `${left} ${right}`;

  const trailingLetters = /[A-Za-z]+$/.exec(left)?.[0];
  if (trailingLetters === undefined) return left + right;
  const run = trailingLetters + leadingLetters;
  const formsWord = lookupWord(run) !== undefined || findHiddenFunctionWord(run) !== undefined;
  return formsWord ? `${left} ${right}` : left + right;
}

/** Tests whether the text ends with `O`, `\Theta` or `\Omega`, which a bracket would turn into a bound. */
function endsWithBoundLetter(text: string): boolean {
  return (/O$/.test(text) && !/\\[A-Za-z]*$/.test(text)) || /\\(Theta|Omega)$/.test(text);
}

function latexSymbol(name: string): string {
  const separator = name.indexOf('_');
  const base = separator === -1 ? name : name.slice(0, separator);
  const subscript = separator === -1 ? undefined : name.slice(separator + 1);

  // NOTE: a multi-letter name that is not a Greek letter cannot come from the parser, and
  // its LaTeX reads back as a product of letters.
  let baseText = base;
  if (GREEK_SYMBOL_NAMES.has(base)) baseText = `\\${base}`;
  else if (base.length > 1) baseText = `\\mathit{${base}}`;
  if (subscript === undefined) return baseText;
  return `${baseText}_{${GREEK_SYMBOL_NAMES.has(subscript) ? `\\${subscript}` : subscript}}`;
}

// ---- Plain text ---------------------------------------------------------------------

function plain(node: MathNode): Printed {
  if (isConstant(node)) return number(node.value as number);
  if (isSymbol(node)) return { text: plainSymbol(node.name), level: Level.Atom };
  if (isOperator(node)) {
    const [left, right] = node.args;
    if (right === undefined) {
      const inner = plain(left!);
      return { text: `-${inner.level <= Level.Unary ? `(${inner.text})` : inner.text}`, level: Level.Unary };
    }
    switch (node.op) {
      case '+':
      case '-': {
        const l = plain(left!);
        const r = plain(right);
        const rightText = r.level <= Level.Sum || r.text.startsWith('-') ? `(${r.text})` : r.text;
        return { text: `${l.text} ${node.op} ${rightText}`, level: Level.Sum };
      }
      case '*':
      case '/': {
        const l = plain(left!);
        const r = plain(right);
        const leftText = l.level < Level.Product ? `(${l.text})` : l.text;
        const rightText = r.level <= Level.Unary ? `(${r.text})` : r.text;
        return { text: `${leftText} ${node.op} ${rightText}`, level: Level.Product };
      }
      case '^': {
        const base = plain(left!).text;
        const exponent = plain(right).text;
        const baseText = isConstant(left!) || isSymbol(left!) ? base : `(${base})`;
        const exponentText = isConstant(right) || (isSymbol(right) && /^[A-Za-z]$/.test(right.name)) ? exponent : `(${exponent})`;
        return { text: `${baseText}^${exponentText}`, level: Level.Power };
      }
    }
  }
  if (isFunction(node)) return { text: plainFunction(functionName(node), node.args), level: Level.Atom };
  throw new TypeError(`cannot print a ${node.type}`);
}

function plainFunction(name: string, args: readonly MathNode[]): string {
  const texts = args.map((arg) => plain(arg).text);
  if (name === 'log' && args.length === 2) {
    const base = args[1]!;
    const simpleBase = isConstant(base) || (isSymbol(base) && /^[A-Za-z]$/.test(base.name));
    if (simpleBase) return `log_${texts[1]}(${texts[0]})`;
  }
  return `${name}(${texts.join(', ')})`;
}

/** Plain symbol names: `n_b`, `n_12`, `n_{ab}`, `epsilon`. Braces keep a longer subscript together. */
function plainSymbol(name: string): string {
  const separator = name.indexOf('_');
  if (separator === -1) return name;
  const subscript = name.slice(separator + 1);
  const simple = subscript.length === 1 || /^\d+$/.test(subscript);
  return `${name.slice(0, separator)}_${simple ? subscript : `{${subscript}}`}`;
}

// ---- Numbers ------------------------------------------------------------------------

function number(value: number): Printed {
  const text = formatNumber(value);
  return { text, level: text.startsWith('-') ? Level.Unary : Level.Atom };
}

/**
 * Formats a number without exponent notation, which neither LaTeX nor the parser reads:
 * 1e21 becomes 1000000000000000000000. The digits are JavaScript's shortest round-trip form.
 */
export function formatNumber(value: number): string {
  const text = String(value);
  const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (match === null) return text;

  const [, sign, whole, fraction = '', exponentText] = match;
  const digits = whole! + fraction;
  const point = whole!.length + Number(exponentText);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}
