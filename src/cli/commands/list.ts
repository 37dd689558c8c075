import type { Argv, CommandModule } from 'yargs';
import type { CommandEnv } from '../command-env.js';
import { loadMethods, withMethodOptions, type MethodArgs } from '../methods.js';
import { renderTable } from '../terminal-table.js';
import { lastValue } from '../context.js';
import { parseChoice } from '../../options.js';

interface ListArgs extends MethodArgs {
  format: string;
}

export function listCommand(env: CommandEnv): CommandModule<object, ListArgs> {
  return {
    command: 'list',
    describe: 'List every method with its arXiv id, causal flag and formula',
    builder: (yargs: Argv) =>
      withMethodOptions(yargs).option('format', { type: 'string', default: 'table', requiresArg: true, describe: 'output format: table or json' }),
    handler: async (args) => {
      const methods = await loadMethods(args, env.io);
      const format = parseChoice(lastValue(args.format) ?? 'table', ['table', 'json'] as const, '--format');
      if (format === 'json') {
        const rows = methods.map((method) => ({
          name: method.name,
          arxivId: method.arxivId,
          code: method.code,
          codeInPaper: method.codeInPaper,
          causal: method.causal,
          baseline: method.baseline,
          complexity: method.complexity,
          comment: method.comment,
        }));
        env.io.stdout(JSON.stringify(rows, null, 2) + '\n');
        return;
      }
      const rows = methods.map((method) => [
        method.baseline ? `${method.name} (baseline)` : method.name,
        method.arxivId ?? '',
        method.causal ? 'yes' : 'no',
        method.complexity,
      ]);
      env.io.stdout(renderTable(['method', 'arXiv', 'causal', 'complexity'], rows, env.io) + '\n');
    },
  };
}
