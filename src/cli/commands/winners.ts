/**
 * `attncost winners`: the cheapest method in every cell of a grid over two sizes (N × D by
 * default). It prints a list of winners and a table of regions, and draws a heatmap when an
 * output file or an image format is given.
 */
import { extname, resolve } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { symbolsOf } from '../../../parsers/index.js';
import { formatRegionRow, MAX_GRID_CELLS, winnerMap, type AxisSpec, type RegionRow, type WinnerMap } from '../../analysis/index.js';
import type { Method } from '../../catalogue.js';
import { buildHeatmapChart, formatShare, type HeatmapSpec } from '../../chart/heatmap.js';
import { bindCost, type EvaluationContext } from '../../evaluate.js';
import { formatLogBase, formatNumber } from '../../format.js';
import { parseChoice, parseSize } from '../../options.js';
import type { WarningLog } from '../../warnings.js';
import type { CommandEnv } from '../command-env.js';
import { contextFromArgs, lastValue, withSizeOptions, type SizeArgs } from '../context.js';
import { writeFileAtomic } from '../files.js';
import { UsageError, type CliIO } from '../io.js';
import { loadMethods, withMethodOptions, type MethodArgs } from '../methods.js';
import { renderTable } from '../terminal-table.js';

const IMAGE_FORMATS = ['png', 'svg', 'pdf'] as const;
const FORMATS = ['table', 'json', ...IMAGE_FORMATS] as const;
type ImageFormat = (typeof IMAGE_FORMATS)[number];

interface WinnersArgs extends SizeArgs, MethodArgs {
  x: string;
  y: string;
  'x-from'?: string;
  'x-to'?: string;
  'y-from'?: string;
  'y-to'?: string;
  'x-count': string;
  'y-count': string;
  format: string;
  out?: string;
  width: number;
  height: number;
}

/** Ranges used when an axis symbol has one and --x-from/--x-to are not given: those of winnerMap. */
const DEFAULT_RANGES: Readonly<Record<string, { from: number; to: number }>> = {
  N: { from: 128, to: 2 ** 20 },
  D: { from: 16, to: 1024 },
};

/** Axis titles of the two usual axes; any other symbol is titled by its meaning in the symbol table. */
const AXIS_TITLES: Readonly<Record<string, string>> = {
  N: 'sequence length N (tokens)',
  D: 'head dimension D',
};

/** At most this many groups of rows are printed, so a 100-row map stays readable in a terminal. */
const MAX_PRINTED_GROUPS = 24;

export function winnersCommand(env: CommandEnv): CommandModule<object, WinnersArgs> {
  return {
    command: 'winners',
    describe: 'Find the cheapest method in every cell of a grid over two sizes (N × D by default) and optionally draw it as a heatmap',
    builder: (yargs: Argv) =>
      withMethodOptions(withSizeOptions(yargs, { sweepsN: false }))
        .option('x', { type: 'string', default: 'N', requiresArg: true, describe: 'symbol on the x axis' })
        .option('y', { type: 'string', default: 'D', requiresArg: true, describe: 'symbol on the y axis' })
        .option('x-from', { type: 'string', requiresArg: true, describe: 'smallest x value (default 128 for N, 16 for D; required for other symbols)' })
        .option('x-to', { type: 'string', requiresArg: true, describe: 'largest x value (default 1M for N, 1024 for D; required for other symbols)' })
        .option('y-from', { type: 'string', requiresArg: true, describe: 'smallest y value (defaults as for --x-from)' })
        .option('y-to', { type: 'string', requiresArg: true, describe: 'largest y value (defaults as for --x-to)' })
        .option('x-count', { type: 'string', default: '100', requiresArg: true, describe: 'number of x values, spaced evenly on a log scale' })
        .option('y-count', { type: 'string', default: '100', requiresArg: true, describe: 'number of y values, spaced evenly on a log scale' })
        .option('format', {
          type: 'string',
          default: 'table',
          requiresArg: true,
          describe: 'table or json: what is printed; png, svg or pdf: the image format of the figure, which is then written even without --out',
        })
        .option('out', { type: 'string', requiresArg: true, describe: 'write the heatmap to this file (format from --format, else from the extension, else png)' })
        .option('width', { type: 'number', default: 1000, describe: 'figure width in pixels' })
        .option('height', { type: 'number', default: 1000, describe: 'figure height in pixels' }) as unknown as Argv<WinnersArgs>,
    handler: async (args) => {
      const format = parseChoice(lastValue(args.format) ?? 'table', FORMATS, '--format');
      const x = axisFromArgs(args, 'x');
      const y = axisFromArgs(args, 'y');
      checkGrid(x, y);
      const figure = figureTarget(format, lastValue(args.out), env.io.cwd);
      if (figure !== undefined) {
        checkPixels(lastValue(args.width)!, '--width');
        checkPixels(lastValue(args.height)!, '--height');
      }

      const methods = await loadMethods(args, env.io);
      const context = contextFromArgs(args, methods, env.warnings);
      rejectAxisAssignments(context, [x.symbol, y.symbol]);
      const map = winnerMap(methods, context, env.warnings, { x, y });
      warnUnusedAxes(map, context, env.warnings);

      if (format === 'json') {
        env.io.stdout(JSON.stringify(winnerMapJson(map, context)) + '\n');
      } else {
        env.io.stdout(describeWinnerMap(map, context, methods, env.io).join('\n') + '\n');
      }

      if (figure !== undefined) {
        const width = lastValue(args.width)!;
        const height = lastValue(args.height)!;
        const config = buildHeatmapChart(heatmapSpec(map, context, { width, height, causalOnly: args.causal === true }));
        // Loaded here so that commands which draw nothing never load the chart stack.
        const { renderChart } = await import('../../render/index.js');
        await writeFileAtomic(figure.path, renderChart(config, { format: figure.format, width, height }));
        // Keeps stdout valid JSON when JSON is printed.
        (format === 'json' ? env.io.stderr : env.io.stdout)(`Wrote ${figure.path}\n`);
      }
    },
  };
}

type Axis = Extract<AxisSpec, { from: number }>;

function axisFromArgs(args: WinnersArgs, axisName: 'x' | 'y'): Axis {
  const symbol = (lastValue(args[axisName]) ?? '').trim();
  if (!/^[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)?$/.test(symbol)) {
    throw new UsageError(`Invalid --${axisName} "${symbol}": name a symbol, a letter optionally with a subscript, such as N, D, k or n_b.`);
  }

  const fromText = lastValue(args[`${axisName}-from`]);
  const toText = lastValue(args[`${axisName}-to`]);
  const defaults = DEFAULT_RANGES[symbol];
  if (defaults === undefined && (fromText === undefined || toText === undefined)) {
    throw new UsageError(`Missing --${axisName}-from or --${axisName}-to: ${symbol} has no default range, so give both, as in --${axisName}-from 16 --${axisName}-to 1024.`);
  }
  const from = fromText === undefined ? defaults!.from : parseSize(fromText, `--${axisName}-from`);
  const to = toText === undefined ? defaults!.to : parseSize(toText, `--${axisName}-to`);
  if (from >= to) {
    throw new UsageError(`--${axisName}-from ${formatNumber(from)} must be smaller than --${axisName}-to ${formatNumber(to)}; swap them or widen the range.`);
  }

  const countText = (lastValue(args[`${axisName}-count`]) ?? '').trim();
  const count = /^\d+$/.test(countText) ? Number(countText) : Number.NaN;
  if (!(count >= 2 && count <= MAX_GRID_CELLS)) {
    throw new UsageError(`Invalid --${axisName}-count "${countText}": use a whole number of values from 2 to ${MAX_GRID_CELLS}.`);
  }
  return { symbol, from, to, count };
}

function checkGrid(x: Axis, y: Axis): void {
  if (x.symbol === y.symbol) {
    throw new UsageError(`--x and --y are both ${x.symbol}; put two different symbols on the axes.`);
  }
  if (x.count * y.count > MAX_GRID_CELLS) {
    throw new UsageError(`A ${x.count} × ${y.count} grid has ${x.count * y.count} cells, more than ${MAX_GRID_CELLS}; lower --x-count or --y-count.`);
  }
}

/** Rejects a value set for an axis symbol, which the map would ignore because it sweeps that symbol. */
function rejectAxisAssignments(context: EvaluationContext, axes: readonly string[]): void {
  for (const symbol of axes) {
    if (context.assignments.global.has(symbol)) {
      const option = symbol === 'N' || symbol === 'D' ? `--${symbol}` : `--set ${symbol}=…`;
      throw new UsageError(`${symbol} is an axis of the map, so ${option} has no effect; drop it or put another symbol on that axis.`);
    }
    for (const [method, values] of context.assignments.perMethod) {
      if (values.has(symbol)) {
        throw new UsageError(`${symbol} is an axis of the map, so --set ${method}.${symbol}=… has no effect; drop it or put another symbol on that axis.`);
      }
    }
  }
}

function warnUnusedAxes(map: WinnerMap, context: EvaluationContext, warnings: WarningLog): void {
  for (const axis of [map.x, map.y]) {
    const free = new Set([axis.symbol]);
    const used = map.methods.some((method) => symbolsOf(bindCost(method, context, free)).includes(axis.symbol));
    if (!used) {
      warnings.add('unused_symbol', `No selected method's cost depends on ${axis.symbol}, so the winner does not change along that axis; check its spelling (symbols are case-sensitive).`);
    }
  }
}

function figureTarget(format: (typeof FORMATS)[number], out: string | undefined, cwd: string): { format: ImageFormat; path: string } | undefined {
  const extension = out === undefined ? undefined : extname(out).slice(1).toLowerCase();
  const fromExtension = (IMAGE_FORMATS as readonly string[]).includes(extension ?? '') ? (extension as ImageFormat) : undefined;

  if (format === 'table' || format === 'json') {
    return out === undefined ? undefined : { format: fromExtension ?? 'png', path: resolve(cwd, out) };
  }
  if (fromExtension !== undefined && fromExtension !== format) {
    throw new UsageError(`--format ${format} does not match the extension of --out ${out}; change one of them.`);
  }
  return { format, path: resolve(cwd, out ?? `out/winner-map.${format}`) };
}

/** Bounds a figure dimension, as plot does. 10,000 pixels a side keeps one canvas under about 400 MB. */
function checkPixels(value: number, option: string): void {
  if (!Number.isInteger(value) || value < 200 || value > 10_000) {
    throw new UsageError(`Invalid ${option} ${value}: use a whole number of pixels from 200 to 10000.`);
  }
}

/** Converts the map to JSON, where `cells[j][i]` is the index into `methods` of the winner at x[i], y[j], or -1. */
function winnerMapJson(map: WinnerMap, context: EvaluationContext): Record<string, unknown> {
  const nx = map.x.values.length;
  const rows = (values: Int32Array): number[][] => Array.from(map.y.values, (_, j) => Array.from(values.subarray(j * nx, (j + 1) * nx)));
  const total = map.cells.length;
  return {
    logBase: context.logBase,
    x: { symbol: map.x.symbol, values: Array.from(map.x.values) },
    y: { symbol: map.y.symbol, values: Array.from(map.y.values) },
    methods: map.methods.map((method) => method.name),
    cells: rows(map.cells),
    ties: rows(map.ties),
    winners: map.winners.map((winner) => ({
      name: winner.name,
      cells: winner.cells,
      share: winner.cells / total,
      tiedWith: winner.tiedWith.map((tied) => ({ name: tied.name, cells: tied.cells })),
    })),
    regions: map.regions.map((row) => ({
      y: row.y,
      runs: row.runs.map((run) => ({ winner: run.winner < 0 ? null : map.methods[run.winner]!.name, from: run.from, to: run.to })),
    })),
  };
}

function describeWinnerMap(map: WinnerMap, context: EvaluationContext, methods: readonly Method[], io: CliIO): string[] {
  const { x, y } = map;
  const total = map.cells.length;
  const lines = [
    `Cheapest method on a ${x.values.length} × ${y.values.length} grid: ${x.symbol} from ${formatNumber(x.values[0]!)} to ${formatNumber(x.values[x.values.length - 1]!)}, ` +
      `${y.symbol} from ${formatNumber(y.values[0]!)} to ${formatNumber(y.values[y.values.length - 1]!)}; ${methods.length} methods; log base ${formatLogBase(context.logBase)}.`,
    '',
  ];

  const rows = map.winners.map((winner) => [
    winner.name,
    String(winner.cells),
    formatShare(winner.cells, total),
    winner.tiedWith.map((tied) => `${tied.name} (${tied.cells})`).join(', '),
  ]);
  const noWinner = total - map.winners.reduce((sum, winner) => sum + winner.cells, 0);
  if (noWinner > 0) rows.push(['(no usable cost)', String(noWinner), formatShare(noWinner, total), '']);
  lines.push(renderTable(['winner', 'cells', 'share', 'tied in cost with (cells)'], rows, io, [1, 2]));
  if (map.winners.some((winner) => winner.tiedWith.length > 0)) {
    lines.push('Where methods tie, the cell goes to the one listed first in the catalogue.');
  }

  lines.push('', ...describeRegions(map));
  return lines;
}

interface RowGroup {
  first: number;
  last: number;
  row: RegionRow;
}

function sameRuns(a: RegionRow, b: RegionRow): boolean {
  return (
    a.runs.length === b.runs.length &&
    a.runs.every((run, r) => run.winner === b.runs[r]!.winner && run.firstIndex === b.runs[r]!.firstIndex && run.lastIndex === b.runs[r]!.lastIndex)
  );
}

function sameWinners(a: RegionRow, b: RegionRow): boolean {
  return a.runs.length === b.runs.length && a.runs.every((run, r) => run.winner === b.runs[r]!.winner);
}

/** Merges neighbouring rows whose runs have the same winners at the same x values. */
function groupRows(regions: readonly RegionRow[]): RowGroup[] {
  const groups: RowGroup[] = [];
  regions.forEach((row, j) => {
    const last = groups[groups.length - 1];
    if (last !== undefined && sameRuns(last.row, row)) last.last = j;
    else groups.push({ first: j, last: j, row });
  });
  return groups;
}

/**
 * Chooses the groups to print when there are too many. The first and the last group are kept,
 * and so is every group whose sequence of winners differs from the group before it, so that no
 * winner and no change of order is left out. Evenly spaced others fill up to MAX_PRINTED_GROUPS.
 */
function chooseGroups(groups: readonly RowGroup[]): Set<number> {
  const chosen = new Set<number>();
  if (groups.length <= MAX_PRINTED_GROUPS) {
    groups.forEach((_, g) => chosen.add(g));
    return chosen;
  }
  chosen.add(0);
  chosen.add(groups.length - 1);
  for (let g = 1; g < groups.length; g++) {
    if (!sameWinners(groups[g - 1]!.row, groups[g]!.row)) {
      chosen.add(g - 1);
      chosen.add(g);
    }
  }
  const spare = MAX_PRINTED_GROUPS - chosen.size;
  for (let k = 1; k <= spare; k++) chosen.add(Math.round((k * (groups.length - 1)) / (spare + 1)));
  return chosen;
}

function describeRegions(map: WinnerMap): string[] {
  const groups = groupRows(map.regions);
  const chosen = chooseGroups(groups);
  const rowCount = map.regions.length;
  const merged = groups.length < rowCount ? ` Neighbouring rows with the same regions are merged: ${rowCount} rows in ${groups.length} groups.` : '';
  const subset = chosen.size < groups.length ? ` ${chosen.size} of the groups are shown; --format json lists every row.` : '';
  const lines = [`Regions: for each ${map.y.symbol}, the runs of ${map.x.symbol} with one winner.${merged}${subset}`];

  let skipped = 0;
  groups.forEach((group, g) => {
    if (!chosen.has(g)) {
      skipped += 1;
      return;
    }
    if (skipped > 0) lines.push(`  … ${skipped} ${skipped === 1 ? 'group' : 'groups'} left out`);
    skipped = 0;
    // formatRegionRow starts with "Y = value: "; a group of rows gets its own label instead.
    const text = formatRegionRow(map, group.row);
    const runs = text.slice(text.indexOf(': ') + 2);
    const label =
      group.first === group.last
        ? `${map.y.symbol} = ${formatNumber(map.y.values[group.first]!)}`
        : `${map.y.symbol} = ${formatNumber(map.y.values[group.first]!)} to ${formatNumber(map.y.values[group.last]!)} (${group.last - group.first + 1} rows)`;
    lines.push(`  ${label}: ${runs}`);
  });
  if (skipped > 0) lines.push(`  … ${skipped} ${skipped === 1 ? 'group' : 'groups'} left out`);
  return lines;
}

function axisTitle(symbol: string, context: EvaluationContext): string {
  const title = AXIS_TITLES[symbol];
  if (title !== undefined) return title;
  const meaning = context.symbols.global.get(symbol)?.meaning;
  return meaning === undefined ? symbol : `${symbol}: ${meaning}`;
}

/**
 * Lists the values the map keeps fixed: N and D where they are not axes (set or default), every
 * other value set, and the log base.
 */
function fixedSizes(context: EvaluationContext, axes: ReadonlySet<string>): string {
  const parts: string[] = [];
  const global = context.assignments.global;
  for (const size of ['N', 'D']) {
    if (axes.has(size) || global.has(size)) continue;
    const entry = context.symbols.global.get(size);
    if (entry !== undefined) parts.push(`${size} = ${entry.default}`);
  }
  for (const [name, value] of global) if (!axes.has(name)) parts.push(`${name} = ${formatNumber(value)}`);
  for (const [method, values] of context.assignments.perMethod) {
    for (const [name, value] of values) parts.push(`${method}.${name} = ${formatNumber(value)}`);
  }
  parts.push('other symbols at their per-method defaults', `log base ${formatLogBase(context.logBase)}`);
  return parts.join(', ');
}

/** Notes the ties, which the map resolves by catalogue order, so a reader knows a region may have several owners. */
function tieNotes(map: WinnerMap): string[] {
  return map.winners
    .filter((winner) => winner.tiedWith.length > 0)
    .map((winner) => {
      const byCount = new Map<number, string[]>();
      for (const tied of winner.tiedWith) byCount.set(tied.cells, [...(byCount.get(tied.cells) ?? []), tied.name]);
      const groups = [...byCount]
        .sort((a, b) => b[0] - a[0])
        .map(([cells, names]) => `with ${joinNames(names)} in ${cells === winner.cells ? 'all' : cells} of its ${winner.cells} cells`);
      return `${winner.name} ties in cost ${groups.join(', and ')}; the map shows the method listed first in the catalogue.`;
    });
}

function joinNames(names: readonly string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function heatmapSpec(map: WinnerMap, context: EvaluationContext, options: { width: number; height: number; causalOnly: boolean }): HeatmapSpec {
  const axes = new Set([map.x.symbol, map.y.symbol]);
  const kind = options.causalOnly ? 'causal attention method' : 'attention method';
  return {
    x: { values: map.x.values, title: axisTitle(map.x.symbol, context) },
    y: { values: map.y.values, title: axisTitle(map.y.symbol, context) },
    methods: map.methods.map((method) => ({ name: method.name, baseline: method.baseline })),
    cells: map.cells,
    title: `Cheapest ${kind} at each ${map.x.symbol} and ${map.y.symbol}`,
    subtitle: `${map.x.values.length} × ${map.y.values.length} grid; ${fixedSizes(context, axes)}`,
    notes: tieNotes(map),
    width: options.width,
    height: options.height,
  };
}
