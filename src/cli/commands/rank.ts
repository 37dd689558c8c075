import type { Argv, CommandModule } from 'yargs';
import { rankMethods } from '../../rank.js';
import { RANKING_COLUMNS, rankingCells, rankingToCsv, rankingToJson, rankingToLatex, rankingToMarkdown } from '../../tables.js';
import { describeValues, formatLogBase } from '../../format.js';
import type { CommandEnv } from '../command-env.js';
import { loadMethods, withMethodOptions, type MethodArgs } from '../methods.js';
import { contextFromArgs, withSizeOptions, type SizeArgs } from '../context.js';
import { renderTable } from '../terminal-table.js';

interface RankArgs extends SizeArgs, MethodArgs {
  format: 'table' | 'json' | 'csv' | 'md' | 'tex';
}

export function rankCommand(env: CommandEnv): CommandModule<object, RankArgs> {
  return {
    command: 'rank',
    describe: 'Rank every method and the full-attention baseline by cost at one set of sizes, cheapest first',
    builder: (yargs: Argv) =>
      withMethodOptions(withSizeOptions(yargs, { sweepsN: false })).option('format', {
        choices: ['table', 'json', 'csv', 'md', 'tex'] as const,
        default: 'table' as const,
        describe: 'output format',
      }) as unknown as Argv<RankArgs>,
    handler: async (args) => {
      const methods = await loadMethods(args, env.io);
      const context = contextFromArgs(args, methods, env.warnings);
      const ranking = rankMethods(methods, context, env.warnings);

      switch (args.format) {
        case 'json':
          env.io.stdout(JSON.stringify(rankingToJson(ranking)) + '\n');
          return;
        case 'csv':
          env.io.stdout(rankingToCsv(ranking));
          return;
        case 'md':
          env.io.stdout(rankingToMarkdown(ranking));
          return;
        case 'tex':
          env.io.stdout(rankingToLatex(ranking, `Attention cost at ${describeValues(context.assignments.global)}.`));
          return;
        case 'table':
          env.io.stdout(`Log base ${formatLogBase(ranking.logBase)}.\n`);
          env.io.stdout(renderTable([...RANKING_COLUMNS], ranking.rows.map(rankingCells), env.io, [0, 2, 3]) + '\n');
      }
    },
  };
}
