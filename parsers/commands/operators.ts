/** Commands that are operator signs. The lexer turns them into operator tokens. */
import type { OperatorCommand } from './types.js';

export const multiplication: OperatorCommand = {
  kind: 'operator',
  names: ['cdot', 'times', 'ast'],
  operator: '*',
};

export const division: OperatorCommand = {
  kind: 'operator',
  names: ['div'],
  operator: '/',
};
