/**
 * Winner maps: the cheapest method in every cell of a grid over two symbols (N × D by
 * default).
 *
 * Each method is compiled once with the two grid symbols as parameters. For each row of the y
 * axis, one sweep call per method fills that row's costs, so a 1000 × 1000 grid of 49 methods is
 * 49,000 sweep calls over 1000 points each.
 */
import type { Method } from '../catalogue.js';
import type { CompiledCost } from '../compile.js';
import { compileMethod, type EvaluationContext } from '../evaluate.js';
import { formatNumber } from '../format.js';
import { costProblem } from '../rank.js';
import type { WarningLog } from '../warnings.js';
import { geometricSamples } from './sampling.js';

/** A grid axis: a symbol and either a geometric range or explicit values. */
export type AxisSpec =
  | { symbol: string; from: number; to: number; count: number }
  | { symbol: string; values: readonly number[] };

export interface WinnerMapOptions {
  /** The x axis; N from 128 to 2^20 with DEFAULT_AXIS_COUNT points by default. */
  x?: AxisSpec;
  /** The y axis; D from 16 to 1024 with DEFAULT_AXIS_COUNT points by default. */
  y?: AxisSpec;
  /** Keep only the methods that support causal (autoregressive) attention. */
  causalOnly?: boolean;
}

export interface Axis {
  symbol: string;
  values: Float64Array;
}

export interface TiedMethod {
  /** Index into `WinnerMap.methods`. */
  index: number;
  name: string;
  /** Cells in which this method's cost equals the winner's but the winner came first. */
  cells: number;
}

export interface WinnerSummary {
  /** Index into `WinnerMap.methods`. */
  index: number;
  name: string;
  /** Cells this method wins. */
  cells: number;
  /** Methods that tied with this one in some of its cells and lost on input order. */
  tiedWith: TiedMethod[];
}

/** A stretch of neighbouring x values in one row with the same winner. */
export interface RegionRun {
  /** Index into `WinnerMap.methods`, or -1 where no method has a usable cost. */
  winner: number;
  /** First and last x value of the run (cell values, not boundaries between cells). */
  from: number;
  to: number;
  /** First and last index on the x axis. */
  firstIndex: number;
  lastIndex: number;
}

export interface RegionRow {
  /** The y value of the row. */
  y: number;
  runs: RegionRun[];
}

export interface WinnerMap {
  x: Axis;
  y: Axis;
  /** The methods that took part, in input order; indices in `cells` refer to this list. */
  methods: Method[];
  /**
   * The winner of each cell, row-major: cell (i, j) at x[i], y[j] is `cells[j * x.length + i]`.
   * -1 marks a cell where no method has a usable cost.
   */
  cells: Int32Array;
  /** Per cell, how many other methods tied with the winner (same layout as `cells`). */
  ties: Int32Array;
  /** The methods that win at least one cell, most cells first, then in input order. */
  winners: WinnerSummary[];
  /** For each y value, the runs of x over which one method wins. */
  regions: RegionRow[];
}

/** Points on each default axis. Neighbouring N values are then 9.5 % apart and D values 4.3 %. */
export const DEFAULT_AXIS_COUNT = 100;

/** The largest grid, in cells. The two per-cell Int32Arrays then take at most 32 MiB. */
export const MAX_GRID_CELLS = 2 ** 22;

/**
 * Relative tolerance for ties: a later method wins a cell only where its cost is lower than the
 * current winner's by more than this fraction. Equal formulas evaluated in a different order
 * differ by float rounding (about 1e-16 per operation), far below it.
 */
export const TIE_TOLERANCE = 1e-12;

const DEFAULT_X: AxisSpec = { symbol: 'N', from: 128, to: 2 ** 20, count: DEFAULT_AXIS_COUNT };
const DEFAULT_Y: AxisSpec = { symbol: 'D', from: 16, to: 1024, count: DEFAULT_AXIS_COUNT };

/**
 * Finds the cheapest method in each cell. Ties go to the method that comes first in `methods`
 * and are counted in `ties` and `tiedWith`. A method whose cost is zero, negative or not finite
 * in a cell takes no part there, with one warning per method.
 */
export function winnerMap(methods: readonly Method[], context: EvaluationContext, warnings: WarningLog, options: WinnerMapOptions = {}): WinnerMap {
  const x = axisOf(options.x ?? DEFAULT_X);
  const y = axisOf(options.y ?? DEFAULT_Y);
  if (x.symbol === y.symbol) throw new RangeError(`the two axes of a winner map must differ, both are ${x.symbol}`);
  const nx = x.values.length;
  const ny = y.values.length;
  if (nx * ny > MAX_GRID_CELLS) throw new RangeError(`a ${nx} × ${ny} grid has more than ${MAX_GRID_CELLS} cells; use fewer points`);

  const candidates = methods.filter((method) => !options.causalOnly || method.causal);
  const free = new Set([x.symbol, y.symbol]);
  const compiled = candidates.map((method) => compileMethod(method, context, free));

  const cells = new Int32Array(nx * ny);
  const ties = new Int32Array(nx * ny);
  const rowCosts = new Float64Array(nx);
  const best = new Float64Array(nx);
  const unusable = new Array<number>(candidates.length).fill(0);
  const tiePairs = new Map<number, number>();
  const tieEvents: TieEvents = { cells: [], winners: [], methods: [] };
  const fixed = new Map<string, number>();

  for (let j = 0; j < ny; j++) {
    fixed.set(y.symbol, y.values[j]!);
    const row = cells.subarray(j * nx, (j + 1) * nx);
    const rowTies = ties.subarray(j * nx, (j + 1) * nx);
    best.fill(Number.POSITIVE_INFINITY);
    row.fill(-1);

    for (let m = 0; m < candidates.length; m++) {
      const costs = compiled[m]!.sweep(x.symbol, x.values, fixed, rowCosts);
      unusable[m]! += scanRow(costs, m, best, row, tieEvents);
    }
    settleTies(tieEvents, row, rowTies, candidates.length, tiePairs);
  }

  unusable.forEach((count, m) => {
    if (count > 0) warnUnusable(candidates[m]!, count, nx * ny, x, y, compiled[m]!, warnings);
  });

  return {
    x,
    y,
    methods: candidates,
    cells,
    ties,
    winners: summarizeWinners(cells, candidates, tiePairs),
    regions: regionsOf(cells, x, y),
  };
}

/**
 * Ties seen while scanning one row: cell index, the winner at that moment and the tied method.
 * A tie counts only if that winner still wins the cell at the end of the row.
 */
interface TieEvents {
  cells: number[];
  winners: number[];
  methods: number[];
}

/**
 * Makes method `m` the winner of every cell of the row where its cost is lower than the best so
 * far by more than TIE_TOLERANCE, records ties with the current winner, and returns how many of
 * its costs were unusable. The hot loop is a small function of its own so the engine optimizes
 * it once for all rows.
 */
function scanRow(costs: Float64Array, m: number, best: Float64Array, row: Int32Array, ties: TieEvents): number {
  let unusable = 0;
  for (let i = 0; i < costs.length; i++) {
    const cost = costs[i]!;
    // Written so that NaN fails the test too.
    if (!(cost > 0 && cost < Number.POSITIVE_INFINITY)) {
      unusable += 1;
    } else if (cost < best[i]! * (1 - TIE_TOLERANCE)) {
      best[i] = cost;
      row[i] = m;
    } else if (cost - best[i]! <= TIE_TOLERANCE * best[i]!) {
      ties.cells.push(i);
      ties.winners.push(row[i]!);
      ties.methods.push(m);
    }
  }
  return unusable;
}

/** Counts the ties of one row whose winner kept the cell, per cell and per pair of methods. */
function settleTies(ties: TieEvents, row: Int32Array, rowTies: Int32Array, methodCount: number, tiePairs: Map<number, number>): void {
  for (let t = 0; t < ties.cells.length; t++) {
    const cell = ties.cells[t]!;
    const winner = ties.winners[t]!;
    if (row[cell] !== winner) continue;
    rowTies[cell]! += 1;
    const key = winner * methodCount + ties.methods[t]!;
    tiePairs.set(key, (tiePairs.get(key) ?? 0) + 1);
  }
  ties.cells.length = 0;
  ties.winners.length = 0;
  ties.methods.length = 0;
}

function axisOf(spec: AxisSpec): Axis {
  if ('values' in spec) {
    const values = Float64Array.from(spec.values);
    if (values.length === 0) throw new RangeError(`the ${spec.symbol} axis has no values`);
    values.forEach((value, i) => {
      if (!(Number.isFinite(value) && value > 0)) throw new RangeError(`invalid ${spec.symbol} value ${value}: use finite positive numbers`);
      if (i > 0 && !(value > values[i - 1]!)) throw new RangeError(`the ${spec.symbol} values must increase strictly, found ${values[i - 1]} then ${value}`);
    });
    return { symbol: spec.symbol, values };
  }
  return { symbol: spec.symbol, values: geometricSamples(spec.from, spec.to, spec.count) };
}

function summarizeWinners(cells: Int32Array, methods: readonly Method[], tiePairs: ReadonlyMap<number, number>): WinnerSummary[] {
  const counts = new Array<number>(methods.length).fill(0);
  for (const winner of cells) if (winner >= 0) counts[winner]! += 1;

  const summaries: WinnerSummary[] = [];
  counts.forEach((cellCount, index) => {
    if (cellCount === 0) return;
    const tiedWith: TiedMethod[] = [];
    methods.forEach((other, otherIndex) => {
      const tied = tiePairs.get(index * methods.length + otherIndex);
      if (tied !== undefined) tiedWith.push({ index: otherIndex, name: other.name, cells: tied });
    });
    summaries.push({ index, name: methods[index]!.name, cells: cellCount, tiedWith });
  });
  // Array.prototype.sort is stable, so equal counts keep the input order.
  return summaries.sort((a, b) => b.cells - a.cells);
}

function regionsOf(cells: Int32Array, x: Axis, y: Axis): RegionRow[] {
  const nx = x.values.length;
  return Array.from(y.values, (yValue, j) => {
    const runs: RegionRun[] = [];
    for (let i = 0; i < nx; i++) {
      const winner = cells[j * nx + i]!;
      const last = runs[runs.length - 1];
      if (last !== undefined && last.winner === winner) {
        last.lastIndex = i;
        last.to = x.values[i]!;
      } else {
        runs.push({ winner, from: x.values[i]!, to: x.values[i]!, firstIndex: i, lastIndex: i });
      }
    }
    return { y: yValue, runs };
  });
}

/**
 * Formats one row of the region table as `D = 64: N 128–4096 Linformer, N 4346–1.049e6 SCRAM`.
 * A run of one cell shows one value, and cells without a winner read "no usable cost".
 */
export function formatRegionRow(map: WinnerMap, row: RegionRow): string {
  const runs = row.runs.map((run) => {
    const span = run.from === run.to ? formatNumber(run.from) : `${formatNumber(run.from)}–${formatNumber(run.to)}`;
    const name = run.winner < 0 ? 'no usable cost' : map.methods[run.winner]!.name;
    return `${map.x.symbol} ${span} ${name}`;
  });
  return `${map.y.symbol} = ${formatNumber(row.y)}: ${runs.join(', ')}`;
}

function warnUnusable(
  method: Method,
  count: number,
  total: number,
  x: Axis,
  y: Axis,
  compiled: CompiledCost,
  warnings: WarningLog,
): void {
  // Find the kinds of problem only now, for the few methods that have any, to keep the main
  // loop to one comparison per cell.
  const reasons = new Set<string>();
  const fixed = new Map<string, number>();
  for (const yValue of y.values) {
    fixed.set(y.symbol, yValue);
    for (const cost of compiled.sweep(x.symbol, x.values, fixed)) {
      const problem = costProblem(cost);
      if (problem !== undefined) reasons.add(problem.text.replace(/ \(.*\)$/, ''));
    }
  }
  warnings.add(
    'winner_cells_dropped',
    `${method.name}: cost is ${[...reasons].join(' or ')} in ${count} of ${total} cells of the ${x.symbol} × ${y.symbol} grid; it takes no part in those cells.`,
    { method: method.name },
  );
}
