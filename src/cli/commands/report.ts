import { join, resolve } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import packageJson from '../../../package.json' with { type: 'json' };
import { buildCostChart } from '../../chart/index.js';
import { parseSize } from '../../options.js';
import { buildReport, DEFAULT_REPORT_SIZES } from '../../report.js';
import { formatSize } from '../../figures.js';
import type { CommandEnv } from '../command-env.js';
import { loadMethods, withMethodOptions, type MethodArgs } from '../methods.js';
import { contextFromArgs, lastValue, withSizeOptions, type SizeArgs } from '../context.js';
import { writeFileAtomic } from '../files.js';
import { UsageError } from '../io.js';
import { sweepRange, withRangeOptions, type RangeArgs } from './plot.js';

const DEFAULT_FOLDER = 'out/report';

interface ReportArgs extends SizeArgs, MethodArgs, RangeArgs {
  out?: string;
  at?: string[];
}

export function reportCommand(env: CommandEnv): CommandModule<object, ReportArgs> {
  return {
    command: 'report',
    describe: 'Write a Markdown report with cost figures, rankings, growth classes and every formula to a folder',
    builder: (yargs: Argv) =>
      withRangeOptions(withMethodOptions(withSizeOptions(yargs, { sweepsN: true })), { sweepsOnlyN: true })
        .option('out', { type: 'string', requiresArg: true, describe: `folder of the report (default: ${DEFAULT_FOLDER})` })
        .option('at', {
          type: 'string',
          array: true,
          requiresArg: true,
          describe: `sequence lengths of the ranking tables, separated by commas (default: ${DEFAULT_REPORT_SIZES.map((value) => formatSize(value)).join(',')})`,
        })
        .epilogue(
          'Writes README.md, cost-vs-N.png and relative-cost-vs-N.png to the folder; README.md links to the figures by relative ' +
            'paths, so the folder can be moved. Each file is written to a temporary name and renamed, so files of an earlier ' +
            'report are replaced whole and other files in the folder are left alone. The report records the command and the ' +
            'attncost version, and running the same command again writes the same bytes.',
        ) as unknown as Argv<ReportArgs>,
    handler: async (args) => {
      const at = reportSizes(args.at);
      const folder = resolve(env.io.cwd, lastValue(args.out) ?? DEFAULT_FOLDER);

      const methods = await loadMethods(args, env.io);
      const context = contextFromArgs(args, methods, env.warnings);
      const range = sweepRange(args, 'N', context);
      const report = buildReport(methods, context, { range, at, commandLine: commandLineOf(args), version: packageJson.version }, env.warnings);

      // Loaded here so that commands which draw nothing never load the chart stack.
      const { renderChart } = await import('../../render/index.js');
      // The figures go first, so a README.md on disk never links to a figure not yet written.
      for (const figure of report.figures) {
        const path = join(folder, figure.file);
        const image = renderChart(buildCostChart(figure.spec), { format: 'png', width: figure.spec.width, height: figure.spec.height });
        await writeFileAtomic(path, image);
        env.io.stdout(`Wrote ${path}\n`);
      }
      const readme = join(folder, 'README.md');
      await writeFileAtomic(readme, report.markdown);
      env.io.stdout(`Wrote ${readme}\n`);
    },
  };
}

/** Reads --at, which takes repeated and comma-separated sizes; a size given twice is ranked once. */
function reportSizes(values: string[] | undefined): number[] {
  if (values === undefined) return [...DEFAULT_REPORT_SIZES];
  const sizes: number[] = [];
  for (const text of values.flatMap((value) => value.split(','))) {
    if (text.trim() === '') continue;
    const size = parseSize(text, '--at');
    if (!sizes.includes(size)) sizes.push(size);
  }
  if (sizes.length === 0) throw new UsageError('Missing the sizes after --at: give sequence lengths separated by commas, such as 1K,4K,16K.');
  return sizes;
}

/**
 * Returns a command line that makes the same report: the options that were given, in a fixed
 * order, with the last value of a repeated option. Handlers see parsed options only, so the
 * line is rebuilt from them rather than copied from argv.
 */
function commandLineOf(args: ReportArgs): string {
  const words = ['attncost', 'report'];
  const add = (option: string, value: string | undefined): void => {
    if (value !== undefined) words.push(`--${option}`, shellQuote(value));
  };
  add('out', lastValue(args.out));
  if (args.at !== undefined) add('at', args.at.join(','));
  add('from', lastValue(args.from));
  add('to', lastValue(args.to));
  add('points', lastValue(args.points));
  add('D', lastValue(args.D));
  for (const assignment of args.set ?? []) add('set', assignment);
  const logBase = lastValue(args['log-base']);
  if (logBase !== undefined && logBase !== '2') add('log-base', logBase);
  add('methods-file', lastValue(args['methods-file']));
  for (const pattern of args.methods ?? []) add('methods', pattern);
  if (args.causal) words.push('--causal');
  return words.join(' ');
}

/** Quotes a word for a POSIX shell when it contains anything beyond plain path and size characters. */
function shellQuote(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
