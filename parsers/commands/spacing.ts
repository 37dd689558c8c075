/** Commands that only change spacing, size or style and carry no math. The lexer drops them. */
import type { IgnoredCommand } from './types.js';

/** `\,`, `\;`, `\quad` and the like, and the style switches `\displaystyle` and `\limits`. */
export const spacing: IgnoredCommand = {
  kind: 'ignored',
  names: [',', ';', ':', '>', '!', ' ', 'quad', 'qquad', 'displaystyle', 'textstyle', 'scriptstyle', 'limits', 'nolimits'],
};

/** `\left`, `\right` and the `\big` family, which only size the bracket after them. */
export const delimiterSizing: IgnoredCommand = {
  kind: 'ignored',
  takesDelimiter: true,
  names: [
    'left',
    'right',
    'big',
    'Big',
    'bigg',
    'Bigg',
    'bigl',
    'bigr',
    'Bigl',
    'Bigr',
    'biggl',
    'biggr',
    'Biggl',
    'Biggr',
    'bigm',
    'Bigm',
  ],
};

/** The math-mode delimiters `\(`, `\)`, `\[` and `\]` around a pasted formula. */
export const mathDelimiters: IgnoredCommand = {
  kind: 'ignored',
  names: ['(', ')', '[', ']'],
};
