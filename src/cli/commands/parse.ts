import type { Argv, CommandModule } from 'yargs';
import { parseFormula, symbolsOf, toBracketed, toLatex, toPlainText } from '../../../parsers/index.js';
import type { CommandEnv } from '../command-env.js';
import { lastValue } from '../context.js';
import { parseChoice } from '../../options.js';

interface ParseArgs {
  formula: string;
  format: string;
}

export function parseCommand(env: CommandEnv): CommandModule<object, ParseArgs> {
  return {
    command: 'parse <formula>',
    describe: 'Parse a complexity formula and print its tree, LaTeX, plain text and symbols',
    builder: (yargs: Argv) =>
      yargs
        .positional('formula', { type: 'string', demandOption: true, describe: 'formula such as "O(n \\log n \\cdot d)"' })
        .option('format', { type: 'string', default: 'text', requiresArg: true, describe: 'output format: text or json' }) as unknown as Argv<ParseArgs>,
    handler: (args) => {
      const tree = parseFormula(args.formula);
      const result = {
        formula: args.formula,
        tree: toBracketed(tree),
        latex: toLatex(tree),
        text: toPlainText(tree),
        symbols: symbolsOf(tree),
      };
      if (parseChoice(lastValue(args.format) ?? 'text', ['text', 'json'] as const, '--format') === 'json') {
        env.io.stdout(JSON.stringify(result) + '\n');
        return;
      }
      env.io.stdout(
        [
          `tree:    ${result.tree}`,
          `LaTeX:   ${result.latex}`,
          `text:    ${result.text}`,
          `symbols: ${result.symbols.length > 0 ? result.symbols.join(', ') : '(none)'}`,
        ].join('\n') + '\n',
      );
    },
  };
}
