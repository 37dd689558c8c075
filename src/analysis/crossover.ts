/**
 * Crossovers: the sizes at which one method's cost equals another's (the full-attention
 * baseline by default).
 *
 * The difference g(x) = ln costA(x) − ln costB(x) is sampled on a geometric grid. Each change of
 * sign between neighbouring samples brackets a crossing, which bisection then narrows to a
 * relative tolerance. Working with the log ratio keeps the comparison scale-free, so costs of
 * 1e30 and 1e3 are handled alike.
 *
 * NOTE: sampling finds only crossings where the order actually changes. Two crossings closer
 * than one sample step (2^(1/64), about 1.1 %, by default) or a point where the curves touch
 * without crossing can be missed.
 */
import { fullAttention, type Method } from '../catalogue.js';
import { compileMethod, type EvaluationContext } from '../evaluate.js';
import { formatNumber } from '../format.js';
import { costProblem } from '../rank.js';
import type { WarningLog } from '../warnings.js';
import { octaveSamples } from './sampling.js';

/** The order of method A's cost relative to method B's. */
export type Relation = 'cheaper' | 'equal' | 'more-expensive';

export interface CrossoverOptions {
  /** The method compared with; the full-attention baseline by default. */
  against?: Method;
  /** The swept symbol; `N` by default. Other symbols keep their values or defaults. */
  variable?: string;
  /** Range start; 2 by default. */
  from?: number;
  /** Range end; 2^40 by default. */
  to?: number;
  /** Samples per factor of 2 of the range; 64 by default. */
  pointsPerOctave?: number;
  /** Bisection stops when the bracket's upper end over its lower end is below 1 + this; 1e-9 by default. */
  relativeTolerance?: number;
}

export interface Crossing {
  /** The crossing point: the geometric mean of the final bracket. */
  at: number;
  /** The final bracket; its ends differ by at most the relative tolerance unless `refined` is false. */
  bracket: [number, number];
  before: Relation;
  after: Relation;
  direction: 'a-becomes-cheaper' | 'a-becomes-more-expensive';
  /** False when a cost was unusable inside the bracket, so bisection stopped early. */
  refined: boolean;
}

/** An interval of the range over which the relation holds, with crossings or gaps as its ends. */
export interface RelationSegment {
  from: number;
  to: number;
  relation: Relation;
}

/** Sample points where either cost is zero, negative or not finite, as first and last point. */
export interface CostGap {
  from: number;
  to: number;
  /** How many samples the gap holds. */
  points: number;
}

/**
 * - `always-cheaper`, `never-cheaper` (more expensive or equal everywhere), `equal-everywhere`:
 *   the order never changes over the usable part of the range.
 * - `crosses`: `crossings` lists where the order changes.
 * - `changes-across-gap`: the order differs on the two sides of a gap, where the costs cannot be
 *   compared, and never changes elsewhere.
 * - `no-usable-points`: no sample has usable costs for both methods.
 */
export type CrossoverVerdict = 'always-cheaper' | 'never-cheaper' | 'equal-everywhere' | 'crosses' | 'changes-across-gap' | 'no-usable-points';

export interface CrossoverResult {
  method: string;
  against: string;
  variable: string;
  from: number;
  to: number;
  verdict: CrossoverVerdict;
  crossings: Crossing[];
  segments: RelationSegment[];
  gaps: CostGap[];
}

export const DEFAULT_CROSSOVER_FROM = 2;
export const DEFAULT_CROSSOVER_TO = 2 ** 40;

/**
 * 64 samples per octave puts neighbouring samples 1.1 % apart, so only crossings closer than
 * that can hide from each other. The default range, 2 to 2^40, then has 2,497 samples.
 */
export const DEFAULT_POINTS_PER_OCTAVE = 64;

export const DEFAULT_RELATIVE_TOLERANCE = 1e-9;

/**
 * Two costs whose logs differ by at most this are equal. A cost goes through at most a few
 * dozen float operations, each off by about 1e-16 relative, so equal formulas written in
 * different orders stay within it, and no difference a user would care about falls inside it.
 */
export const EQUAL_LOG_TOLERANCE = 1e-12;

type Sign = -1 | 0 | 1;

interface Run {
  sign: Sign;
  first: number;
  last: number;
}

/**
 * Finds every crossing of `method`'s cost with that of `options.against` over the range.
 * Samples where either cost is unusable are gaps: they get one warning per pair and no
 * crossing is searched inside them.
 */
export function findCrossovers(method: Method, context: EvaluationContext, warnings: WarningLog, options: CrossoverOptions = {}): CrossoverResult {
  const against = options.against ?? fullAttention();
  const variable = options.variable ?? 'N';
  const from = options.from ?? DEFAULT_CROSSOVER_FROM;
  const to = options.to ?? DEFAULT_CROSSOVER_TO;
  const relativeTolerance = options.relativeTolerance ?? DEFAULT_RELATIVE_TOLERANCE;
  if (!(relativeTolerance > 0)) throw new RangeError(`invalid relative tolerance ${relativeTolerance}: use a positive number`);

  const xs = octaveSamples(from, to, options.pointsPerOctave ?? DEFAULT_POINTS_PER_OCTAVE);
  const free = new Set([variable]);
  const costA = compileMethod(method, context, free);
  const costB = compileMethod(against, context, free);
  const fixed = new Map<string, number>();
  const logRatio = (x: number): number | undefined => {
    const at = Float64Array.of(x);
    return usableLogRatio(costA.sweep(variable, at, fixed)[0]!, costB.sweep(variable, at, fixed)[0]!);
  };

  const valuesA = costA.sweep(variable, xs, fixed);
  const valuesB = costB.sweep(variable, xs, fixed);
  const signs: (Sign | undefined)[] = Array.from(xs, (_, i) => signOf(usableLogRatio(valuesA[i]!, valuesB[i]!)));

  const gaps = findGaps(xs, signs);
  if (gaps.length > 0) warnAboutGaps(method, against, variable, xs, valuesA, valuesB, gaps, warnings);

  const crossings: Crossing[] = [];
  const segments: RelationSegment[] = [];
  for (const [start, end] of usableStretches(signs)) {
    const runs = mergeTouches(runsOf(signs, start, end));
    let segmentStart = xs[start]!;
    for (let r = 0; r + 1 < runs.length; r++) {
      const crossing = bisect(runs[r]!, runs[r + 1]!, xs, logRatio, relativeTolerance);
      crossings.push(crossing);
      segments.push({ from: segmentStart, to: crossing.at, relation: relationOf(runs[r]!.sign) });
      segmentStart = crossing.at;
    }
    segments.push({ from: segmentStart, to: xs[end]!, relation: relationOf(runs[runs.length - 1]!.sign) });
  }

  const verdict = verdictOf(segments, crossings);
  return { method: method.name, against: against.name, variable, from, to, verdict, crossings, segments, gaps };
}

function usableLogRatio(a: number, b: number): number | undefined {
  if (costProblem(a) !== undefined || costProblem(b) !== undefined) return undefined;
  return Math.log(a) - Math.log(b);
}

function signOf(logRatio: number | undefined): Sign | undefined {
  if (logRatio === undefined) return undefined;
  if (logRatio < -EQUAL_LOG_TOLERANCE) return -1;
  if (logRatio > EQUAL_LOG_TOLERANCE) return 1;
  return 0;
}

function relationOf(sign: Sign): Relation {
  if (sign < 0) return 'cheaper';
  if (sign > 0) return 'more-expensive';
  return 'equal';
}

/** Returns [first, last] index pairs of the stretches of samples with usable costs. */
function usableStretches(signs: readonly (Sign | undefined)[]): [number, number][] {
  const stretches: [number, number][] = [];
  let start = -1;
  signs.forEach((sign, i) => {
    if (sign !== undefined && start < 0) start = i;
    if (sign === undefined && start >= 0) {
      stretches.push([start, i - 1]);
      start = -1;
    }
  });
  if (start >= 0) stretches.push([start, signs.length - 1]);
  return stretches;
}

function findGaps(xs: Float64Array, signs: readonly (Sign | undefined)[]): CostGap[] {
  const gaps: CostGap[] = [];
  let start = -1;
  for (let i = 0; i <= signs.length; i++) {
    const unusable = i < signs.length && signs[i] === undefined;
    if (unusable && start < 0) start = i;
    if (!unusable && start >= 0) {
      gaps.push({ from: xs[start]!, to: xs[i - 1]!, points: i - start });
      start = -1;
    }
  }
  return gaps;
}

function runsOf(signs: readonly (Sign | undefined)[], start: number, end: number): Run[] {
  const runs: Run[] = [];
  for (let i = start; i <= end; i++) {
    const sign = signs[i]!;
    const last = runs[runs.length - 1];
    if (last !== undefined && last.sign === sign) last.last = i;
    else runs.push({ sign, first: i, last: i });
  }
  return runs;
}

/**
 * Drops runs of one equal sample, unless that sample is all there is. Such a sample is either a
 * point where the curves touch, or the crossing point itself falling on a sample, and in the
 * second case the bracket from its neighbours still contains the crossing.
 */
function mergeTouches(runs: Run[]): Run[] {
  const longRuns = runs.filter((run) => run.sign !== 0 || run.first !== run.last);
  if (longRuns.length === 0) return runs;

  const merged: Run[] = [];
  for (const run of longRuns) {
    const last = merged[merged.length - 1];
    if (last !== undefined && last.sign === run.sign) last.last = run.last;
    else merged.push({ ...run });
  }
  return merged;
}

/**
 * Narrows the boundary between two neighbouring runs by bisection on a log scale. Any point
 * that does not share the first run's sign counts as past the boundary, so the result is where
 * the first run's relation ends.
 */
function bisect(left: Run, right: Run, xs: Float64Array, logRatio: (x: number) => number | undefined, relativeTolerance: number): Crossing {
  let lo = xs[left.last]!;
  let hi = xs[right.first]!;
  let refined = true;

  while (hi / lo - 1 > relativeTolerance) {
    const mid = Math.sqrt(lo * hi);
    if (mid <= lo || mid >= hi) break;
    const sign = signOf(logRatio(mid));
    if (sign === undefined) {
      refined = false;
      break;
    }
    if (sign === 0 && left.sign !== 0 && right.sign !== 0) {
      // The costs are equal to within EQUAL_LOG_TOLERANCE here, so mid is a crossing point.
      lo = mid;
      hi = mid;
      break;
    }
    if (sign === left.sign) lo = mid;
    else hi = mid;
  }

  const before = relationOf(left.sign);
  const after = relationOf(right.sign);
  const direction = right.sign < left.sign ? 'a-becomes-cheaper' : 'a-becomes-more-expensive';
  return { at: Math.sqrt(lo * hi), bracket: [lo, hi], before, after, direction, refined };
}

function verdictOf(segments: readonly RelationSegment[], crossings: readonly Crossing[]): CrossoverVerdict {
  if (segments.length === 0) return 'no-usable-points';
  if (crossings.length > 0) return 'crosses';

  const relations = new Set(segments.map((segment) => segment.relation));
  if (relations.size === 1) {
    const [only] = relations;
    if (only === 'cheaper') return 'always-cheaper';
    if (only === 'equal') return 'equal-everywhere';
    return 'never-cheaper';
  }
  if (!relations.has('cheaper')) return 'never-cheaper';
  return 'changes-across-gap';
}

function warnAboutGaps(
  method: Method,
  against: Method,
  variable: string,
  xs: Float64Array,
  valuesA: Float64Array,
  valuesB: Float64Array,
  gaps: readonly CostGap[],
  warnings: WarningLog,
): void {
  const culprits = new Set<string>();
  const reasons = new Set<string>();
  for (let i = 0; i < xs.length; i++) {
    for (const [owner, value] of [
      [method.name, valuesA[i]!],
      [against.name, valuesB[i]!],
    ] as const) {
      const problem = costProblem(value);
      if (problem === undefined) continue;
      culprits.add(owner);
      reasons.add(problem.text.replace(/ \(.*\)$/, ''));
    }
  }

  const points = gaps.reduce((sum, gap) => sum + gap.points, 0);
  const spans = gaps.map((gap) => `${variable} from ${formatNumber(gap.from)} to ${formatNumber(gap.to)}`).join(', ');
  const owners = [...culprits].join(' and ');
  warnings.add(
    'crossover_gap',
    `${method.name} against ${against.name}: the cost of ${owners} is ${[...reasons].join(' or ')} at ${points} of ${xs.length} points (${spans}); crossings there are not searched.`,
    { method: method.name },
  );
}
