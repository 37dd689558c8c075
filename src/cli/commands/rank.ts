import type { Argv, CommandModule } from 'yargs';
import { rankMethods } from '../../rank.js';
import { RANKING_COLUMNS, rankingCells, rankingToCsv, rankingToJson, rankingToLatex, rankingToMarkdown } from '../../tables.js';
import { describeValues, formatLogBase } from '../../format.js';
import type { CommandEnv } from '../command-env.js';
import { loadMethods, withMethodOptions, type MethodArgs } from '../methods.js';
import { contextFromArgs, lastValue, withSizeOptions, type SizeArgs } from '../context.js';
import { parseChoice } from '../../options.js';
import { renderTable } from '../terminal-table.js';

const RANK_FORMATS = ['table', 'json', 'csv', 'md', 'tex'] as const;

interface RankArgs extends SizeArgs, MethodArgs {
  format: string;
}

export function rankCommand(env: CommandEnv): CommandModule<object, RankArgs> {
  return {
    command: 'rank',
    describe: 'Rank every method and the full-attention baseline by cost at one set of sizes, cheapest first',
    builder: (yargs: Argv) =>
      withMethodOptions(withSizeOptions(yargs, { sweepsN: false })).option('format', {
        type: 'string',
        default: 'table',
        requiresArg: true,
        describe: 'output format: table, json, csv, md (GitHub Markdown) or tex (LaTeX booktabs)',
      }) as unknown as Argv<RankArgs>,
    handler: async (args) => {
      const methods = await loadMethods(args, env.io);
      const context = contextFromArgs(args, methods, env.warnings);
      const ranking = rankMethods(methods, context, env.warnings);

      switch (parseChoice(lastValue(args.format) ?? 'table', RANK_FORMATS, '--format')) {
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
