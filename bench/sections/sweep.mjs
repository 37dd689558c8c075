// @ts-check
/**
 * The sweep kernel at scale: every catalogue method over 1,000,000 values of N in one call
 * each, D and the other symbols at their defaults.
 */
import { do_not_optimize, measure } from 'mitata';
import { compileMethod, defaultCatalogue } from '../../dist/src/index.js';
import { HANDWRITTEN } from '../handwritten.mjs';
import { defaultContext, geometricRange, nowMs, withCpuTime } from '../lib/common.mjs';

const POINTS = 1_000_000;
const FROM = 128;
const TO = 2 ** 20;
/** The global default of D in data/symbols.json, for checking the swept values. */
const DEFAULT_D = 64;
/** Timed passes over all methods; the reported time is their median. */
const SAMPLES = 7;

/** Times one pass of 48 sweeps and returns its median and the one-off costs before it. */
export async function run() {
  const context = defaultContext();
  const methods = defaultCatalogue();
  const xs = geometricRange(FROM, TO, POINTS);
  const out = new Float64Array(POINTS);
  const fixed = new Map();

  const compileStart = nowMs();
  const compiled = methods.map((method) => compileMethod(method, context, new Set(['N'])));
  const compileMs = nowMs() - compileStart;

  const sweepAll = () => {
    for (const cost of compiled) {
      cost.sweep('N', xs, fixed, out);
      do_not_optimize(out[POINTS - 1]);
    }
  };

  // The first pass also generates the 48 sweep kernels and runs them before the engine has
  // optimized them.
  const firstStart = nowMs();
  sweepAll();
  const firstPassMs = nowMs() - firstStart;

  checkSweptValues(methods.map((method) => method.name), compiled, xs, out);

  process.stderr.write(`  sweep: ${SAMPLES} passes of ${methods.length} methods × ${POINTS} points\n`);
  const { timed, meanCpuMs } = withCpuTime(sweepAll);
  const stats = await measure(timed, { min_samples: SAMPLES, max_samples: SAMPLES, min_cpu_time: 0 });
  const medianMs = stats.p50 / 1e6;
  return {
    methods: methods.length,
    points: POINTS,
    range: { variable: 'N', from: FROM, to: TO },
    compileMs,
    firstPassMs,
    samples: SAMPLES,
    medianMs,
    minMs: stats.min / 1e6,
    maxMs: stats.max / 1e6,
    meanCpuMs: meanCpuMs(),
    nsPerPoint: stats.p50 / (methods.length * POINTS),
  };
}

/**
 * Checks the first, middle and last value of every sweep against the hand-written formula,
 * so the timed loop is known to compute the right thing.
 * @param {string[]} names
 * @param {import('../../dist/src/index.js').CompiledCost[]} compiled
 * @param {Float64Array} xs
 * @param {Float64Array} out
 */
function checkSweptValues(names, compiled, xs, out) {
  const fixed = new Map();
  compiled.forEach((cost, m) => {
    cost.sweep('N', xs, fixed, out);
    for (const i of [0, POINTS >> 1, POINTS - 1]) {
      const expected = HANDWRITTEN[names[m]](xs[i], DEFAULT_D);
      if (!(Math.abs(out[i] - expected) <= 1e-12 * Math.abs(expected))) {
        throw new Error(
          `${names[m]}: sweep returns ${out[i]} at N = ${xs[i]}, expected ${expected} from bench/handwritten.mjs; ` +
            'fix whichever is wrong before timing.',
        );
      }
    }
  });
}
