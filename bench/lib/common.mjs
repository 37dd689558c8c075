// @ts-check
/**
 * Helpers shared by the benchmark sections: the default evaluation context, order statistics
 * and deterministic inputs.
 */
import { assignments, defaultSymbols } from '../../dist/src/index.js';

/** Base of a logarithm written without one, the CLI's default (`--log-base 2`). */
export const LOG_BASE = 2;

/**
 * Returns the context the CLI builds when no size is given: bundled symbol table, nothing
 * assigned, log base 2.
 * @returns {import('../../dist/src/index.js').EvaluationContext}
 */
export function defaultContext() {
  return { symbols: defaultSymbols(), assignments: assignments(), logBase: LOG_BASE };
}

/**
 * Returns the median of `values`, the mean of the two middle values for an even count.
 * @param {readonly number[]} values
 */
export function median(values) {
  return quantile(values, 0.5);
}

/**
 * Returns the `q` quantile of `values` by linear interpolation between order statistics.
 * @param {readonly number[]} values
 * @param {number} q between 0 and 1
 */
export function quantile(values, q) {
  if (values.length === 0) throw new RangeError('quantile of an empty list');
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
}

/**
 * Returns `count` points spaced evenly on a log scale from `from` to `to`, both included.
 * @param {number} from
 * @param {number} to
 * @param {number} count at least 2
 */
export function geometricRange(from, to, count) {
  const points = new Float64Array(count);
  const step = Math.log(to / from) / (count - 1);
  for (let i = 0; i < count; i++) points[i] = from * Math.exp(step * i);
  points[count - 1] = to;
  return points;
}

/**
 * Returns `count` values scattered over [from, to] on a log scale in a fixed, non-monotonic
 * order, so that successive evaluations get different inputs but every run gets the same ones.
 * The fractional parts of i·α for an irrational α fill [0, 1) evenly (a Weyl sequence).
 * @param {number} from
 * @param {number} to
 * @param {number} count
 * @param {number} alpha an irrational number between 0 and 1
 */
export function scatteredRange(from, to, count, alpha) {
  const values = new Float64Array(count);
  const logSpan = Math.log(to / from);
  for (let i = 0; i < count; i++) {
    const fraction = (i * alpha) % 1;
    values[i] = from * Math.exp(logSpan * fraction);
  }
  return values;
}

/** Returns the time since an arbitrary origin in milliseconds, with sub-microsecond resolution. */
export function nowMs() {
  return Number(process.hrtime.bigint()) / 1e6;
}

/**
 * Wraps `fn` so that each call adds its CPU time (user + system, all threads of this process)
 * to a running total, and returns the wrapper with a function that reads the mean per call in
 * milliseconds. Wall time on a shared machine includes time spent waiting for a core; CPU time
 * mostly does not.
 * @template T
 * @param {() => T} fn
 * @returns {{ timed: () => T, meanCpuMs: () => number }}
 */
export function withCpuTime(fn) {
  let calls = 0;
  let micros = 0;
  const timed = () => {
    const start = process.cpuUsage();
    const result = fn();
    const used = process.cpuUsage(start);
    micros += used.user + used.system;
    calls += 1;
    return result;
  };
  return { timed, meanCpuMs: () => micros / calls / 1000 };
}
