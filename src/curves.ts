/**
 * Cost curves: each method's cost over a geometric range of one symbol (N unless the caller
 * sweeps another), with unusable points left out and reported.
 */
import { symbol as symbolNode, symbolsOf } from '../parsers/index.js';
import { fullAttention, type Method } from './catalogue.js';
import { compileMethod, lookupMethodSymbol, symbolValues, type EvaluationContext } from './evaluate.js';
import { InputError } from './errors.js';
import { formatNumber } from './format.js';
import { geometricSamples } from './analysis/sampling.js';
import { costProblem } from './rank.js';
import type { WarningLog } from './warnings.js';

/**
 * Sample density. 40 points per decade keeps every curve smooth on a log axis at 3000 pixels
 * wide (a decade spans at most a few hundred pixels there) and costs nothing to evaluate.
 */
export const POINTS_PER_DECADE = 40;

/**
 * The largest number of sample points a curve may have. The CLI draws figures at most 10,000
 * pixels wide, so more points add nothing visible. Drawing time grows with the number of
 * points: in one measurement, 49 curves of 10,000 points took about 40 s at 1200×800.
 */
export const MAX_POINTS = 10_000;

/** The range of N swept when the caller gives none: 128 to 128K tokens. */
export const DEFAULT_N_RANGE = { from: 128, to: 131_072 } as const;

/**
 * How far a default range reaches on each side of a symbol's value when a symbol other than N
 * is swept: to 1/16 and 16 times the value. The range is narrowed to whole decades, because
 * such a symbol's axis has a tick at each power of ten, so a head dimension of 64 sweeps 10 to 1000.
 */
export const DEFAULT_RANGE_FACTOR = 16;

export interface SweepRange {
  /** The swept symbol, `N` by default. */
  variable: string;
  from: number;
  to: number;
  /** Number of sample points, both ends included; POINTS_PER_DECADE in every decade by default. */
  points?: number;
}

export interface CurveOptions {
  /** Divide each cost by the baseline's cost at the same point, so the baseline is 1 everywhere. */
  relative?: boolean;
}

/** Sample points left out of a curve because the value there cannot be drawn on a log axis. */
export interface LeftOutPoints {
  /** How many points were left out, of `sampled`. */
  points: number;
  sampled: number;
  /** The first and last point left out; points in between may have been kept. */
  from: number;
  to: number;
  /** Why, such as `cost is zero or negative`. */
  reason: string;
}

export interface CostCurve {
  method: Method;
  /** The swept symbol's values, kept where the cost is usable. */
  xs: Float64Array;
  /** The costs at `xs`, or the costs relative to the baseline when the curves are relative. */
  costs: Float64Array;
  /** Present when some points were left out. */
  leftOut?: LeftOutPoints;
}

/** Returns the number of points that POINTS_PER_DECADE gives the range from `from` to `to`. */
export function defaultPointCount(from: number, to: number, perDecade = POINTS_PER_DECADE): number {
  return Math.max(2, Math.ceil(Math.log10(to / from) * perDecade) + 1);
}

/**
 * Returns points spaced evenly on a log scale from `from` to `to`, both included, with at least
 * `perDecade` points in every decade of the range. Raises InputError for an empty range or one
 * that would need more than MAX_POINTS points.
 */
export function geometricPoints(from: number, to: number, perDecade = POINTS_PER_DECADE): Float64Array {
  checkRange(from, to);
  const count = defaultPointCount(from, to, perDecade);
  if (count > MAX_POINTS) {
    throw new InputError(
      'invalid_value',
      `The range ${formatNumber(from)} to ${formatNumber(to)} needs ${count} points at ${perDecade} per decade, ` +
        `more than the cap of ${MAX_POINTS}; narrow the range or set a smaller number of points (--points).`,
    );
  }
  return geometricSamples(from, to, count);
}

/** Returns the sample points of `range`: `range.points` of them, or POINTS_PER_DECADE per decade. */
export function sweepPoints(range: SweepRange): Float64Array {
  if (range.points === undefined) return geometricPoints(range.from, range.to);
  checkRange(range.from, range.to);
  checkPointCount(range.points);
  return geometricSamples(range.from, range.to, range.points);
}

/** Raises InputError unless `count` is a whole number of points from 2 to MAX_POINTS; `what` names it in the message. */
export function checkPointCount(count: number, what = 'point count'): void {
  if (!Number.isInteger(count) || count < 2 || count > MAX_POINTS) {
    throw new InputError(
      'invalid_value',
      `Invalid ${what} ${count}: use a whole number of sample points from 2 to ${MAX_POINTS}, the cap that bounds drawing time.`,
    );
  }
}

function checkRange(from: number, to: number): void {
  if (!(from > 0 && to > from && Number.isFinite(to))) {
    throw new InputError('invalid_value', `Invalid range ${formatNumber(from)} to ${formatNumber(to)}: the start must be above 0 and below the end.`);
  }
}


/**
 * Returns the range swept when the caller gives none: 128 to 128K for N. For another symbol it
 * is the whole decades from 1/16 to 16 times the symbol's value at the context's sizes (its
 * global default unless it is set), starting no lower than 1, and at least one decade wide.
 * Raises InputError for a symbol with no global value to centre the range on.
 */
export function defaultSweepRange(variable: string, context: EvaluationContext): { from: number; to: number } {
  if (variable === 'N') return { ...DEFAULT_N_RANGE };
  if (!context.symbols.global.has(variable)) {
    throw new InputError('missing_symbol', `Symbol ${variable} has no global default to centre a range on; give the range to sweep (--from and --to).`);
  }
  // The baseline has no symbol entries of its own, so a stand-in with the symbol as its cost
  // resolves the symbol's global value, defaults written as formulas included.
  const value = symbolValues({ ...fullAttention(), cost: symbolNode(variable) }, context).get(variable)!;
  const low = Math.max(0, Math.ceil(Math.log10(value / DEFAULT_RANGE_FACTOR) - 1e-9));
  const high = Math.max(low + 1, Math.floor(Math.log10(value * DEFAULT_RANGE_FACTOR) + 1e-9));
  return { from: 10 ** low, to: 10 ** high };
}

/**
 * Raises InputError unless sweeping `variable` moves the cost of at least one of `methods` and
 * no value is set for it, since a value set for the swept symbol would be ignored silently.
 */
export function checkSweptSymbol(variable: string, methods: readonly Method[], context: EvaluationContext): void {
  const used = symbolsUsed(methods, context);
  if (!used.has(variable)) {
    const names = [...used].sort();
    throw new InputError(
      'unknown_symbol',
      `No selected method uses the symbol ${variable}, so sweeping it would draw flat lines; sweep one of ${names.join(', ')} (symbols are case-sensitive).`,
    );
  }
  const global = context.assignments.global.get(variable);
  if (global !== undefined) {
    throw new InputError('invalid_value', `Symbol ${variable} is swept, so it cannot also be set (to ${formatNumber(global)}); drop that value or sweep another symbol.`);
  }
  for (const [method, values] of context.assignments.perMethod) {
    const value = values.get(variable);
    if (value !== undefined) {
      throw new InputError('invalid_value', `Symbol ${variable} is swept, so it cannot also be set for ${method} (to ${formatNumber(value)}); drop that value or sweep another symbol.`);
    }
  }
}

/** Returns every symbol that the methods' costs use, directly or through the defaults of other symbols. */
export function symbolsUsed(methods: readonly Method[], context: EvaluationContext): Set<string> {
  const used = new Set<string>();
  for (const method of methods) {
    const seen = new Set<string>();
    const pending = symbolsOf(method.cost);
    while (pending.length > 0) {
      const name = pending.pop()!;
      if (seen.has(name)) continue;
      seen.add(name);
      used.add(name);
      // A symbol with a value set no longer follows its default.
      if (context.assignments.perMethod.get(method.name)?.has(name) || context.assignments.global.has(name)) continue;
      const lookup = lookupMethodSymbol(method, context.symbols, name);
      if (lookup !== undefined) pending.push(...symbolsOf(lookup.info.defaultTree));
    }
  }
  return used;
}

/**
 * Evaluates every method over the range. A method's unusable points (zero, negative or not
 * finite) are left out with one warning naming the range left out. A method left with no
 * points at all gets a `nothing_to_draw` warning and an empty curve. Relative curves need
 * exactly one baseline among `methods`.
 */
export function costCurves(
  methods: readonly Method[],
  context: EvaluationContext,
  range: SweepRange,
  warnings: WarningLog,
  options: CurveOptions = {},
): CostCurve[] {
  const xs = sweepPoints(range);
  const free = new Set([range.variable]);
  const fixed = new Map<string, number>();
  const sweep = (method: Method): Float64Array => compileMethod(method, context, free).sweep(range.variable, xs, fixed);

  let baselineCosts: Float64Array | undefined;
  if (options.relative) {
    const baselines = methods.filter((method) => method.baseline);
    if (baselines.length !== 1) throw new Error(`relative cost curves need exactly one baseline, found ${baselines.length}`);
    baselineCosts = sweep(baselines[0]!);
  }

  return methods.map((method) => keepUsable(method, xs, sweep(method), baselineCosts, range.variable, warnings));
}

function keepUsable(
  method: Method,
  xs: Float64Array,
  costs: Float64Array,
  baselineCosts: Float64Array | undefined,
  variable: string,
  warnings: WarningLog,
): CostCurve {
  const keptX: number[] = [];
  const keptY: number[] = [];
  const dropped: number[] = [];
  const costReasons = new Set<string>();
  const otherReasons = new Set<string>();

  for (let i = 0; i < xs.length; i++) {
    const problem = costProblem(costs[i]!);
    if (problem !== undefined) {
      dropped.push(xs[i]!);
      costReasons.add(problem.text.replace(/ \(.*\)$/, ''));
      continue;
    }
    if (baselineCosts === undefined) {
      keptX.push(xs[i]!);
      keptY.push(costs[i]!);
      continue;
    }

    const baselineProblem = costProblem(baselineCosts[i]!);
    const ratio = costs[i]! / baselineCosts[i]!;
    if (baselineProblem !== undefined) {
      dropped.push(xs[i]!);
      otherReasons.add(`the full-attention cost is ${baselineProblem.text.replace(/ \(.*\)$/, '')}`);
    } else if (costProblem(ratio) !== undefined) {
      // Both costs are usable, but their ratio overflowed or underflowed a double.
      dropped.push(xs[i]!);
      otherReasons.add('the cost relative to full attention is out of the floating-point range');
    } else {
      keptX.push(xs[i]!);
      keptY.push(ratio);
    }
  }

  const curve: CostCurve = { method, xs: Float64Array.from(keptX), costs: Float64Array.from(keptY) };
  if (dropped.length === 0) return curve;

  const reasons = [...(costReasons.size > 0 ? [`cost is ${[...costReasons].join(' or ')}`] : []), ...otherReasons];
  const reason = reasons.join('; ');
  // The sample points ascend, so the first and last dropped are the ends of the span.
  const from = dropped[0]!;
  const to = dropped[dropped.length - 1]!;
  const span = `${variable} from ${formatNumber(from)} to ${formatNumber(to)}`;
  if (keptX.length === 0) {
    warnings.add('nothing_to_draw', `${method.name}: ${reason} over the whole range (${span}); nothing to draw.`, { method: method.name });
  } else {
    warnings.add('points_dropped', `${method.name}: ${reason} for ${dropped.length} of ${xs.length} points (${span}); those points are left out.`, {
      method: method.name,
    });
  }
  curve.leftOut = { points: dropped.length, sampled: xs.length, from, to, reason };
  return curve;
}

/** Returns a curve's value at `end`, or undefined where the point at `end` was left out. */
export function valueAtEnd(curve: CostCurve, end: number): number | undefined {
  const last = curve.xs.length - 1;
  return last >= 0 && curve.xs[last] === end ? curve.costs[last] : undefined;
}

/**
 * Returns the baseline's curve and the curves of the `count` methods cheapest at `end`, the
 * last sample point, cheapest first. A method with no usable value at that point is not
 * counted, and ties keep the input order.
 */
export function cheapestAtEnd(curves: readonly CostCurve[], count: number, end: number): CostCurve[] {
  const ranked = curves
    .filter((curve) => !curve.method.baseline && valueAtEnd(curve, end) !== undefined)
    .map((curve, order) => ({ curve, order, value: valueAtEnd(curve, end)! }))
    .sort((a, b) => a.value - b.value || a.order - b.order)
    .slice(0, count)
    .map(({ curve }) => curve);
  return [...curves.filter((curve) => curve.method.baseline), ...ranked];
}
