/**
 * Geometric sample points for the analysis modules. Costs are compared on a log scale, so
 * points are spaced evenly in log(x), with both ends of the range included exactly.
 */

/** The largest number of points one sampled range may have, to bound memory and time. */
export const MAX_SAMPLES = 1_000_000;

/** Returns `count` points from `from` to `to`, both included, spaced evenly on a log scale. */
export function geometricSamples(from: number, to: number, count: number): Float64Array {
  checkRange(from, to);
  if (!Number.isInteger(count) || count < 2 || count > MAX_SAMPLES) {
    throw new RangeError(`invalid point count ${count}: use an integer from 2 to ${MAX_SAMPLES}`);
  }

  const points = new Float64Array(count);
  const step = Math.log(to / from) / (count - 1);
  for (let i = 0; i < count; i++) points[i] = from * Math.exp(step * i);
  points[0] = from;
  points[count - 1] = to;
  return points;
}

/**
 * Returns points from `from` to `to`, both included, with at least `perOctave` points in every
 * factor of 2 of the range.
 */
export function octaveSamples(from: number, to: number, perOctave: number): Float64Array {
  checkRange(from, to);
  if (!Number.isInteger(perOctave) || perOctave < 1) {
    throw new RangeError(`invalid points per octave ${perOctave}: use a positive integer`);
  }
  const count = Math.max(2, Math.ceil(Math.log2(to / from) * perOctave) + 1);
  if (count > MAX_SAMPLES) {
    throw new RangeError(`range ${from} to ${to} needs ${count} points at ${perOctave} per octave, more than ${MAX_SAMPLES}`);
  }
  return geometricSamples(from, to, count);
}

function checkRange(from: number, to: number): void {
  if (!(Number.isFinite(from) && Number.isFinite(to) && from > 0 && to > from)) {
    throw new RangeError(`invalid range ${from} to ${to}: need finite numbers with 0 < from < to`);
  }
}
