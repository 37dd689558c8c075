/**
 * A second LaTeX printer for the property tests, separate from parsers/print.ts. It brackets
 * every compound operand, so its only job is to vary the notation: braces around symbols,
 * the multiplication sign, `\frac` or `/`, and the bracket style.
 */
import { formatNumber, functionName, isConstant, isFunction, isOperator, isSymbol, type MathNode } from '../../parsers/index.js';

export interface NotationStyle {
  braces: boolean;
  multiplication: 'cdot' | 'times' | 'star' | 'unicode' | 'juxtaposition';
  division: 'frac' | 'slash';
  brackets: 'round' | 'square' | 'sized' | 'big';
}

const BRACKETS: Record<NotationStyle['brackets'], [string, string]> = {
  round: ['(', ')'],
  square: ['[', ']'],
  sized: ['\\left(', '\\right)'],
  big: ['\\big(', '\\big)'],
};

const SIGNS: Record<Exclude<NotationStyle['multiplication'], 'juxtaposition'>, string> = {
  cdot: ' \\cdot ',
  times: ' \\times ',
  star: ' * ',
  unicode: ' × ',
};

const GREEK = new Set(['epsilon', 'Theta', 'alpha']);
const BOUNDS = new Set(['O', 'Theta', 'Omega']);

export function printStyled(node: MathNode, style: NotationStyle): string {
  const [open, close] = BRACKETS[style.brackets];
  const wrap = (child: MathNode): string => (isConstant(child) || isSymbol(child) ? print(child) : `${open}${print(child)}${close}`);

  function print(current: MathNode): string {
    if (isConstant(current)) return formatNumber(current.value as number);
    if (isSymbol(current)) {
      const [base, subscript] = current.name.split('_') as [string, string | undefined];
      const text = `${GREEK.has(base) ? `\\${base}` : base}${subscript === undefined ? '' : `_{${subscript}}`}`;
      return style.braces ? `{${text}}` : text;
    }
    if (isOperator(current)) {
      const [left, right] = current.args as [MathNode, MathNode | undefined];
      if (right === undefined) return `-${wrap(left)}`;
      switch (current.op) {
        case '*': {
          if (style.multiplication !== 'juxtaposition') return `${wrap(left)}${SIGNS[style.multiplication]}${wrap(right)}`;
          // Juxtaposition needs a sign before a number, and after O, Θ or Ω, which a bracket would turn into a bound.
          const needsSign = isConstant(right) || (isSymbol(left) && BOUNDS.has(left.name));
          return `${wrap(left)}${needsSign ? ' \\cdot ' : ' '}${wrap(right)}`;
        }
        case '/':
          return style.division === 'frac' ? `\\frac{${print(left)}}{${print(right)}}` : `${wrap(left)}/${wrap(right)}`;
        case '^':
          return `${wrap(left)}^{${print(right)}}`;
        default:
          return `${wrap(left)} ${current.op} ${wrap(right)}`;
      }
    }
    if (isFunction(current)) {
      const args = current.args.map(print);
      const name = functionName(current);
      switch (name) {
        case 'sqrt':
          return `\\sqrt{${args[0]}}`;
        case 'nthRoot':
          return `\\sqrt[{${args[1]}}]{${args[0]}}`;
        case 'log':
          return args.length === 2 ? `\\log_{${args[1]}}${open}${args[0]}${close}` : `\\log${open}${args[0]}${close}`;
        default:
          return `\\${name}${open}${args.join(', ')}${close}`;
      }
    }
    throw new Error(`unexpected node ${current.type}`);
  }

  return print(node);
}
