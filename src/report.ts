/**
 * The report: one Markdown page with the cost figures, rankings at several sequence lengths,
 * each method's growth class and crossover with full attention, every formula with its links,
 * and the warnings raised on the way. The builder is pure; the caller renders the figures it
 * lists and writes the files.
 *
 * The page contains no dates or timings, so the same inputs give the same bytes.
 */
import { toLatex } from '../parsers/index.js';
import {
  DEFAULT_CROSSOVER_FROM,
  DEFAULT_CROSSOVER_TO,
  findCrossovers,
  growthClass,
  type CrossoverResult,
  type GrowthClass,
} from './analysis/index.js';
import type { CostChartSpec } from './chart/index.js';
import type { Method } from './catalogue.js';
import { defaultPointCount, type SweepRange } from './curves.js';
import { InputError } from './errors.js';
import type { EvaluationContext } from './evaluate.js';
import { formatLogBase, formatNumber } from './format.js';
import { costFigureSpec, figureBaseName, fixedSizesSubtitle, formatSize } from './figures.js';
import { rankMethods } from './rank.js';
import { rankingToMarkdown } from './tables.js';
import { WarningLog } from './warnings.js';

/** The sequence lengths of the ranking tables unless the caller chooses others. */
export const DEFAULT_REPORT_SIZES: readonly number[] = [1024, 4096, 16_384, 65_536];

/** Figure size in CSS pixels: wide enough for a legend of 49 entries beside the plot. */
export const REPORT_FIGURE_WIDTH = 1200;
export const REPORT_FIGURE_HEIGHT = 800;

export interface ReportOptions {
  /** The range of N that the figures sweep. */
  range: SweepRange;
  /** Sequence lengths of the ranking tables, in the order given. */
  at: readonly number[];
  /** The command that made the report, recorded so it can be run again. */
  commandLine: string;
  /** The attncost version that made the report. */
  version: string;
}

export interface ReportFigure {
  /** File name inside the report folder, such as `cost-vs-N.png`; the page links to it by this relative path. */
  file: string;
  spec: CostChartSpec;
}

export interface Report {
  /** The page, meant to be saved as README.md next to the figures. */
  markdown: string;
  /** The figures the page shows, each to be rendered as a PNG under its `file` name. */
  figures: ReportFigure[];
}

/**
 * Builds the report page and the specifications of its figures. Warnings go to `warnings`, and
 * every warning in the log when the page is finished, earlier ones included, is listed on it.
 * Raises InputError where a ranking size or the range is invalid.
 */
export function buildReport(methods: readonly Method[], context: EvaluationContext, options: ReportOptions, warnings: WarningLog): Report {
  if (options.at.length === 0) throw new InputError('invalid_value', 'A report needs at least one sequence length to rank the methods at.');
  const range: SweepRange = { ...options.range, variable: 'N' };
  const size = { width: REPORT_FIGURE_WIDTH, height: REPORT_FIGURE_HEIGHT };

  const costFile = `${figureBaseName('N')}.png`;
  const relativeFile = `${figureBaseName('N', true)}.png`;
  const costSpec = costFigureSpec(methods, context, { range, ...size }, warnings);
  // The relative figure repeats most of the cost figure's warnings word for word; a separate
  // log keeps them from being counted twice.
  const relativeWarnings = new WarningLog();
  const relativeSpec = costFigureSpec(methods, context, { range, ...size, relative: true }, relativeWarnings);
  addNewWarnings(warnings, relativeWarnings);

  const sections = [
    headerSection(options),
    sizesSection(methods, context, range, options.at),
    figureSection('Cost against sequence length', costSpec, costFile),
    figureSection('Cost relative to full attention', relativeSpec, relativeFile),
    rankingSection(methods, context, options.at, warnings),
    analysisSection(methods, context, warnings),
    methodsSection(methods),
    // Last, so it lists the warnings of every section above.
    warningsSection(warnings),
  ];

  return {
    markdown: sections.join('\n'),
    figures: [
      { file: costFile, spec: costSpec },
      { file: relativeFile, spec: relativeSpec },
    ],
  };
}

function headerSection(options: ReportOptions): string {
  return [
    '# Attention cost report',
    '',
    `Made with attncost ${options.version} by this command:`,
    '',
    '```sh',
    options.commandLine,
    '```',
    '',
    'The same command run with the same version writes the same files, byte for byte.',
    'Costs are published time complexities with constant factors omitted, so they compare how methods scale, not measured run times.',
    '',
  ].join('\n');
}

function sizesSection(methods: readonly Method[], context: EvaluationContext, range: SweepRange, at: readonly number[]): string {
  const points = range.points ?? defaultPointCount(range.from, range.to);
  const methodCount = methods.filter((method) => !method.baseline).length;
  return [
    '## Sizes',
    '',
    `- Figures: N from ${formatSize(range.from)} to ${formatSize(range.to)}, ${points} points per curve on a log scale.`,
    `- Rankings: N = ${listInWords(at.map((value) => formatSize(value)))}.`,
    `- Held fixed: ${fixedSizesSubtitle(context, 'N')}.`,
    `- Logarithms written without a base use base ${formatLogBase(context.logBase)}.`,
    `- Methods: ${methodCount} and the full-attention baseline.`,
    '- Sizes with a K or M suffix are binary: 1K = 1024 and 1M = 1,048,576.',
    '',
  ].join('\n');
}

function figureSection(heading: string, spec: CostChartSpec, file: string): string {
  const notes = (spec.notes ?? []).flatMap((note) => [escapeMarkdown(note), '']);
  return [`## ${heading}`, '', `![${escapeMarkdown(spec.title)}](${file})`, '', ...notes].join('\n');
}

function rankingSection(methods: readonly Method[], context: EvaluationContext, at: readonly number[], warnings: WarningLog): string {
  const lines = ['## Rankings', '', 'Cheapest first; "vs full" is the cost divided by the cost of full attention at the same sizes.', ''];
  for (const N of at) {
    const global = new Map(context.assignments.global);
    global.set('N', N);
    const ranking = rankMethods(methods, { ...context, assignments: { ...context.assignments, global } }, warnings);
    lines.push(`### N = ${formatSize(N)}`, '', rankingToMarkdown(ranking));
  }
  return lines.join('\n');
}

function analysisSection(methods: readonly Method[], context: EvaluationContext, warnings: WarningLog): string {
  const lines = [
    '## Growth and crossover with full attention',
    '',
    'Growth is the leading term of the cost as N grows with the other symbols held fixed. ' +
      `Crossovers are searched for N from ${formatNumber(DEFAULT_CROSSOVER_FROM)} to $2^{${Math.log2(DEFAULT_CROSSOVER_TO)}}$.`,
    '',
    '| method | growth in N | compared with full attention |',
    '| --- | --- | --- |',
  ];
  for (const method of methods) {
    const growth = attempt(() => growthClass(method, context));
    const growthCell = growth.ok ? describeGrowth(growth.value) : escapeMarkdown(`unknown: ${growth.error.message}`);
    let crossoverCell = 'the reference';
    if (!method.baseline) {
      const crossover = attempt(() => findCrossovers(method, context, warnings));
      crossoverCell = crossover.ok ? describeCrossover(crossover.value) : `unknown: ${crossover.error.message}`;
    }
    lines.push(tableRow([escapeMarkdown(method.name), growthCell, escapeMarkdown(crossoverCell)]));
  }
  lines.push('');
  return lines.join('\n');
}

function describeGrowth(growth: GrowthClass): string {
  return growth.kind === 'classified' ? `$${growth.latex}$` : escapeMarkdown(`unclassified: ${growth.reason}`);
}

/**
 * Describes in words where a method is cheaper than the baseline: "cheaper over the whole
 * range", or "more expensive up to N = 85.33, then cheaper", followed by any stretch where the
 * costs cannot be compared.
 */
function describeCrossover(result: CrossoverResult): string {
  const variable = result.variable;
  const gaps = result.gaps.map((gap) => `not comparable for ${variable} from ${formatNumber(gap.from)} to ${formatNumber(gap.to)}`);
  const whole = gaps.length > 0 ? 'wherever the costs can be compared' : 'over the whole range';
  let relation: string;
  switch (result.verdict) {
    case 'always-cheaper':
      relation = `cheaper ${whole}`;
      break;
    case 'never-cheaper':
      relation = `never cheaper`;
      break;
    case 'equal-everywhere':
      relation = `equal ${whole}`;
      break;
    case 'no-usable-points':
      return 'not comparable: no point of the range has usable costs for both';
    case 'changes-across-gap':
    case 'crosses':
      relation = result.segments
        .map((segment, index) => {
          const words = relationWords(segment.relation);
          const isLast = index === result.segments.length - 1;
          return isLast ? words : `${words} up to ${variable} = ${formatNumber(segment.to)}`;
        })
        .join(', then ');
      break;
  }
  return [relation, ...gaps].join('; ');
}

function relationWords(relation: 'cheaper' | 'equal' | 'more-expensive'): string {
  return relation === 'more-expensive' ? 'more expensive' : relation;
}

function methodsSection(methods: readonly Method[]): string {
  const lines = [
    '## Methods',
    '',
    'Formulas as parsed from the catalogue, with constant factors omitted.',
    '',
    '| method | complexity | paper | code | causal |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const method of methods) {
    const name = escapeMarkdown(method.name) + (method.baseline ? ' (baseline)' : '');
    const paper = method.arxivId === null ? 'none' : `[arXiv:${method.arxivId}](https://arxiv.org/abs/${method.arxivId})`;
    let code = 'none';
    if (method.code !== null) code = `[code](${method.code})`;
    else if (method.codeInPaper) code = 'in the paper';
    lines.push(tableRow([name, `$${toLatex(method.cost)}$`, paper, code, method.causal ? 'yes' : 'no']));
  }
  lines.push('');
  return lines.join('\n');
}

function warningsSection(warnings: WarningLog): string {
  const list = warnings.list();
  const items = list.map((warning) => `- ${escapeMarkdown(warning.message)}${warning.count > 1 ? ` (${warning.count} times)` : ''}`);
  return ['## Warnings', '', ...(items.length > 0 ? items : ['None.']), ''].join('\n');
}

function addNewWarnings(target: WarningLog, source: WarningLog): void {
  const known = new Set(target.list().map((warning) => warning.message));
  for (const warning of source.list()) {
    if (known.has(warning.message)) continue;
    for (let i = 0; i < warning.count; i++) {
      target.add(warning.code, warning.message, warning.method === undefined ? {} : { method: warning.method });
    }
  }
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error: InputError };

/** Runs an analysis that fails on bad input, such as a symbol with no value, and returns the failure as data. */
function attempt<T>(run: () => T): Outcome<T> {
  try {
    return { ok: true, value: run() };
  } catch (error) {
    if (error instanceof InputError) return { ok: false, error };
    throw error;
  }
}

/** Writes a table row; a `|` inside a cell, LaTeX included, is escaped so it does not split the cell. */
function tableRow(cells: readonly string[]): string {
  return `| ${cells.map((cell) => cell.replace(/(?<!\\)\|/g, '\\|')).join(' | ')} |`;
}

/** Escapes the characters that Markdown would read as emphasis, links, code or HTML in plain text. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, '\\$&');
}

function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
