/**
 * `attncost analyze`: the growth class of every selected method and where its cost crosses
 * that of full attention, in one table.
 */
import type { Argv, CommandModule } from 'yargs';
import { describeMethod, type CrossoverResult, type GrowthClass, type Outcome } from '../../analysis/index.js';
import { fullAttention } from '../../catalogue.js';
import { formatLogBase, formatNumber } from '../../format.js';
import { parseChoice } from '../../options.js';
import type { CommandEnv } from '../command-env.js';
import { contextFromArgs, lastValue, withSizeOptions, type SizeArgs } from '../context.js';
import { loadMethods, withMethodOptions, type MethodArgs } from '../methods.js';
import { renderTable } from '../terminal-table.js';
import { cheaperWhere, rangeFromArgs, withRangeOptions, type RangeArgs } from './crossover.js';

interface AnalyzeArgs extends SizeArgs, MethodArgs, RangeArgs {
  format: string;
}

const FORMATS = ['table', 'json', 'md'] as const;

const COLUMNS = ['method', 'growth in N', 'crosses full attention at N', 'cheaper than full attention'] as const;

interface AnalysisRow {
  name: string;
  baseline: boolean;
  causal: boolean;
  growth: Outcome<GrowthClass>;
  crossovers: Outcome<CrossoverResult>;
}

export function analyzeCommand(env: CommandEnv): CommandModule<object, AnalyzeArgs> {
  return {
    command: 'analyze',
    describe: 'Tabulate the growth class of every method and the sequence lengths N at which it crosses full attention',
    builder: (yargs: Argv) =>
      withRangeOptions(withMethodOptions(withSizeOptions(yargs, { sweepsN: true }))).option('format', {
        type: 'string',
        default: 'table',
        requiresArg: true,
        describe: 'output format: table, json or md (GitHub Markdown)',
      }) as unknown as Argv<AnalyzeArgs>,
    handler: async (args) => {
      const format = parseChoice(lastValue(args.format) ?? 'table', FORMATS, '--format');
      const range = rangeFromArgs(args);
      const methods = await loadMethods(args, env.io);
      const context = contextFromArgs(args, methods, env.warnings);
      const rows: AnalysisRow[] = methods.map((method) => {
        const description = describeMethod(method, context, env.warnings, { crossovers: range });
        return { name: method.name, baseline: method.baseline, causal: method.causal, growth: description.growth, crossovers: description.crossovers };
      });
      const against = fullAttention().name;

      switch (format) {
        case 'json':
          env.io.stdout(JSON.stringify({ against, variable: 'N', ...range, logBase: context.logBase, methods: rows.map(rowJson) }, null, 2) + '\n');
          return;
        case 'md': {
          const escape = (cell: string): string => cell.replace(/\|/g, '\\|');
          const lines = [
            `Log base ${formatLogBase(context.logBase)}; crossings searched for N from ${formatNumber(range.from)} to ${formatNumber(range.to)}.`,
            '',
            `| ${COLUMNS.join(' | ')} |`,
            `| ${COLUMNS.map(() => '---').join(' | ')} |`,
            ...rows.map((row) => `| ${rowCells(row).map(escape).join(' | ')} |`),
          ];
          env.io.stdout([...lines, ...footnotes(rows)].join('\n') + '\n');
          return;
        }
        case 'table':
          env.io.stdout(`Log base ${formatLogBase(context.logBase)}; crossings searched for N from ${formatNumber(range.from)} to ${formatNumber(range.to)}.\n`);
          env.io.stdout(renderTable([...COLUMNS], rows.map(rowCells), env.io) + '\n');
          env.io.stdout(footnotes(rows).map((line) => line + '\n').join(''));
      }
    },
  };
}

function rowCells(row: AnalysisRow): string[] {
  const name = row.baseline ? `${row.name} (baseline)` : row.name;
  return [name, growthCell(row.growth), crossingsCell(row), cheaperCell(row)];
}

function growthCell(growth: Outcome<GrowthClass>): string {
  if (!growth.ok) return 'error (see below)';
  return growth.value.kind === 'classified' ? growth.value.plainText : 'unclassified (see below)';
}

/** Lists the crossing points compactly, or `none`. */
function crossingsCell(row: AnalysisRow): string {
  if (row.baseline) return '(baseline)';
  if (!row.crossovers.ok) return 'error (see below)';
  const result = row.crossovers.value;
  if (result.crossings.length === 0) return 'none';
  return result.crossings.map((crossing) => formatNumber(crossing.at)).join(', ');
}

function cheaperCell(row: AnalysisRow): string {
  if (row.baseline) return '(baseline)';
  if (!row.crossovers.ok) return 'error (see below)';
  return cheaperWhere(row.crossovers.value);
}

/** Explains the cells that read "see below": unclassified growth and failed evaluations. */
function footnotes(rows: readonly AnalysisRow[]): string[] {
  const notes: string[] = [];
  for (const row of rows) {
    if (!row.growth.ok) notes.push(`${row.name}: growth not computed: ${row.growth.error.message}`);
    else if (row.growth.value.kind === 'unclassified') notes.push(`${row.name}: growth unclassified: ${row.growth.value.reason}.`);
    if (!row.crossovers.ok && !row.baseline) notes.push(`${row.name}: crossings not computed: ${row.crossovers.error.message}`);
  }
  return notes.length === 0 ? [] : ['', ...notes];
}

function rowJson(row: AnalysisRow): Record<string, unknown> {
  const growth = row.growth.ok ? row.growth.value : { kind: 'error', code: row.growth.error.code, message: row.growth.error.message };
  const base = { name: row.name, baseline: row.baseline, causal: row.causal, growth };
  if (!row.crossovers.ok) {
    return { ...base, crossovers: { kind: 'error', code: row.crossovers.error.code, message: row.crossovers.error.message } };
  }
  const result = row.crossovers.value;
  return {
    ...base,
    crossovers: {
      verdict: result.verdict,
      crossings: result.crossings.map((crossing) => ({ at: crossing.at, direction: crossing.direction, refined: crossing.refined })),
      cheaper: result.segments.filter((segment) => segment.relation === 'cheaper').map((segment) => ({ from: segment.from, to: segment.to })),
      gaps: result.gaps,
    },
  };
}
