/**
 * Cost curves: each method's cost over a geometric range of one symbol (N unless the caller
 * sweeps another), with unusable points left out and reported.
 */
import type { Method } from './catalogue.js';
import { compileMethod, type EvaluationContext } from './evaluate.js';
import { formatNumber } from './format.js';
import { costProblem } from './rank.js';
import type { WarningLog } from './warnings.js';

/**
 * Sample density. 40 points per decade keeps every curve smooth on a log axis at 3000 pixels
 * wide (a decade spans at most a few hundred pixels there) and costs nothing to evaluate.
 */
export const POINTS_PER_DECADE = 40;

/** The largest number of sample points a curve may have, to bound memory and drawing time. */
export const MAX_POINTS = 100_000;

export interface SweepRange {
  /** The swept symbol, `N` by default. */
  variable: string;
  from: number;
  to: number;
}

export interface CostCurve {
  method: Method;
  /** The swept symbol's values, kept where the cost is usable. */
  xs: Float64Array;
  costs: Float64Array;
}

/**
 * Returns points spaced evenly on a log scale from `from` to `to`, both included, with at least
 * POINTS_PER_DECADE points in every decade of the range.
 */
export function geometricPoints(from: number, to: number, perDecade = POINTS_PER_DECADE): Float64Array {
  if (!(from > 0 && to > from)) throw new RangeError(`invalid range ${from} to ${to}: need 0 < from < to`);
  const decades = Math.log10(to / from);
  const count = Math.max(2, Math.ceil(decades * perDecade) + 1);
  if (count > MAX_POINTS) throw new RangeError(`range ${from} to ${to} needs ${count} points, more than ${MAX_POINTS}`);
  const points = new Float64Array(count);
  const step = Math.log(to / from) / (count - 1);
  for (let i = 0; i < count; i++) points[i] = from * Math.exp(step * i);
  points[0] = from;
  points[count - 1] = to;
  return points;
}

/**
 * Evaluates every method over the range. A method's unusable points (zero, negative or not
 * finite) are left out with one warning naming the range left out; a method left with no
 * points at all gets a `nothing_to_draw` warning and an empty curve.
 */
export function costCurves(methods: readonly Method[], context: EvaluationContext, range: SweepRange, warnings: WarningLog): CostCurve[] {
  const xs = geometricPoints(range.from, range.to);
  const free = new Set([range.variable]);
  const fixed = new Map<string, number>();

  return methods.map((method) => {
    const compiled = compileMethod(method, context, free);
    const costs = compiled.sweep(range.variable, xs, fixed);
    return keepUsable(method, xs, costs, range.variable, warnings);
  });
}

function keepUsable(method: Method, xs: Float64Array, costs: Float64Array, variable: string, warnings: WarningLog): CostCurve {
  const keptX: number[] = [];
  const keptCost: number[] = [];
  const dropped: number[] = [];
  const reasons = new Set<string>();

  for (let i = 0; i < xs.length; i++) {
    const problem = costProblem(costs[i]!);
    if (problem === undefined) {
      keptX.push(xs[i]!);
      keptCost.push(costs[i]!);
    } else {
      dropped.push(xs[i]!);
      reasons.add(problem.text.replace(/ \(.*\)$/, ''));
    }
  }

  if (dropped.length > 0) {
    const span = `${variable} from ${formatNumber(dropped[0]!)} to ${formatNumber(dropped[dropped.length - 1]!)}`;
    const why = [...reasons].join(' or ');
    if (keptX.length === 0) {
      warnings.add('nothing_to_draw', `${method.name}: cost is ${why} over the whole range (${span}); nothing to draw.`, { method: method.name });
    } else {
      warnings.add('points_dropped', `${method.name}: cost is ${why} for ${dropped.length} of ${xs.length} points (${span}); those points are left out.`, { method: method.name });
    }
  }
  return { method, xs: Float64Array.from(keptX), costs: Float64Array.from(keptCost) };
}
