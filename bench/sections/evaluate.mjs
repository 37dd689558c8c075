// @ts-check
/**
 * Nanoseconds per evaluation of each of the 48 catalogue formulas: the function attncost
 * generates (compileMethod with N and D free, every other symbol bound to its default) against
 * the hand-written version in handwritten.mjs.
 */
import { do_not_optimize, measure } from 'mitata';
import { compileMethod, defaultCatalogue } from '../../dist/src/index.js';
import { HANDWRITTEN } from '../handwritten.mjs';
import { defaultContext, median, scatteredRange } from '../lib/common.mjs';

/** Evaluations per timed call; the time per evaluation is the call's time divided by this. */
const POINTS = 1024;

/**
 * Rounds over all formulas. Each round times every formula once per version, the two
 * measurements back to back and in alternating order, so a slow spell on a shared machine hits
 * both versions of a round alike.
 */
const ROUNDS = 5;

/**
 * mitata options for one measurement: at least 20 ms of timed calls, in samples of 32 calls.
 * A sample takes 0.04 to 2 ms on the machine in BENCHMARKS.md, where an evaluation took 1.3 to
 * 10 ns without a logarithm and 20 to 50 ns with one. mitata's default of 4096 calls per sample
 * would make one measurement take seconds.
 */
const MEASURE_OPTIONS = { min_cpu_time: 20e6, batch_samples: 32 };

/**
 * Untimed calls of each loop before it is measured. This child process runs V8's optimizing
 * compiler on the main thread (--no-concurrent-recompilation, set in bench/run.mjs), so these
 * calls leave the loop optimized. With the compiler on a background thread, a loaded machine
 * can leave a loop interpreted for the whole measurement.
 */
const WARMUP_CALLS = 200;

/**
 * Largest relative difference accepted between the two versions. They may round differently
 * where the terms are grouped differently (N·D·7·7 against N·D·7²), by a few units in the last
 * place, far below this.
 */
const RELATIVE_TOLERANCE = 1e-12;

/**
 * @typedef {object} FormulaResult
 * @property {string} method
 * @property {string[]} parameters the generated function's parameter order
 * @property {number} handwrittenNs median over rounds of ns per evaluation
 * @property {number} compiledNs
 * @property {number} ratio median over rounds of the round's generated over hand-written time,
 *   which cancels the drift between rounds that a ratio of the two medians would keep
 * @property {number} maxRelativeDifference over the POINTS inputs
 */

/** Times every formula and returns the per-formula figures and their summary. */
export async function run() {
  const context = defaultContext();
  const methods = defaultCatalogue();
  checkCoverage(methods.map((method) => method.name));

  // N from 128 to 2^20 and D from 16 to 1024, in an order with no pattern the branch
  // predictor or the compiler could exploit.
  const ns = scatteredRange(128, 2 ** 20, POINTS, 0.6180339887498949);
  const ds = scatteredRange(16, 1024, POINTS, 0.7548776662466927);

  const cases = methods.map((method) => {
    const compiled = compileMethod(method, context, new Set(['N', 'D']));
    const handwritten = HANDWRITTEN[method.name];
    const maxRelativeDifference = compareValues(method.name, compiled, handwritten, ns, ds);
    return {
      method: method.name,
      parameters: [...compiled.parameters],
      maxRelativeDifference,
      compiledLoop: makeTimedLoop(compiled.call, compiled.parameters, ns, ds),
      handwrittenLoop: makeTimedLoop(handwritten, ['N', 'D'], ns, ds),
      compiledSamples: /** @type {number[]} */ ([]),
      handwrittenSamples: /** @type {number[]} */ ([]),
    };
  });

  // The cost of the loop itself (two loads, a call and an add per point), for reading the
  // per-formula figures: a formula cannot take less than this.
  const emptyLoop = makeTimedLoop((N, D) => N + D, ['N', 'D'], ns, ds);
  const emptySamples = [];

  for (let round = 0; round < ROUNDS; round++) {
    process.stderr.write(`  formulas: round ${round + 1} of ${ROUNDS}\n`);
    emptySamples.push(await nsPerEvaluation(emptyLoop));
    for (const item of cases) {
      if (round % 2 === 0) {
        item.handwrittenSamples.push(await nsPerEvaluation(item.handwrittenLoop));
        item.compiledSamples.push(await nsPerEvaluation(item.compiledLoop));
      } else {
        item.compiledSamples.push(await nsPerEvaluation(item.compiledLoop));
        item.handwrittenSamples.push(await nsPerEvaluation(item.handwrittenLoop));
      }
    }
  }

  /** @type {FormulaResult[]} */
  const formulas = cases.map((item) => {
    const roundRatios = item.compiledSamples.map((compiledNs, round) => compiledNs / item.handwrittenSamples[round]);
    return {
      method: item.method,
      parameters: item.parameters,
      handwrittenNs: median(item.handwrittenSamples),
      compiledNs: median(item.compiledSamples),
      ratio: median(roundRatios),
      maxRelativeDifference: item.maxRelativeDifference,
    };
  });

  const ratios = formulas.map((formula) => formula.ratio);
  return {
    points: POINTS,
    rounds: ROUNDS,
    emptyLoopNs: median(emptySamples),
    medianRatio: median(ratios),
    minRatio: Math.min(...ratios),
    maxRatio: Math.max(...ratios),
    formulas,
  };
}

/**
 * Throws unless the hand-written table has exactly one function per catalogue method.
 * @param {string[]} names
 */
function checkCoverage(names) {
  const missing = names.filter((name) => !(name in HANDWRITTEN));
  const extra = Object.keys(HANDWRITTEN).filter((name) => !names.includes(name));
  if (missing.length > 0 || extra.length > 0) {
    throw new Error(
      `bench/handwritten.mjs does not match the catalogue: missing ${missing.join(', ') || 'none'}; ` +
        `not in the catalogue ${extra.join(', ') || 'none'}. Add or rename the hand-written functions.`,
    );
  }
}

/**
 * Evaluates both versions at every input and returns the largest relative difference. Throws
 * when it exceeds RELATIVE_TOLERANCE, because timing two functions that compute different
 * things would mean nothing.
 * @param {string} name
 * @param {import('../../dist/src/index.js').CompiledCost} compiled
 * @param {(N: number, D: number) => number} handwritten
 * @param {Float64Array} ns
 * @param {Float64Array} ds
 */
function compareValues(name, compiled, handwritten, ns, ds) {
  let worst = 0;
  for (let i = 0; i < ns.length; i++) {
    const values = new Map([
      ['N', ns[i]],
      ['D', ds[i]],
    ]);
    const generated = compiled.evaluate(values);
    const expected = handwritten(ns[i], ds[i]);
    const difference = Math.abs(generated - expected) / Math.abs(expected);
    if (!(difference <= RELATIVE_TOLERANCE)) {
      throw new Error(
        `${name}: generated code returns ${generated} at N = ${ns[i]}, D = ${ds[i]}, ` +
          `the hand-written version ${expected}; fix whichever is wrong before timing.`,
      );
    }
    worst = Math.max(worst, difference);
  }
  return worst;
}

let loopSerial = 0;

/**
 * Builds a function that evaluates `cost` at every input, adds up the results and hands the sum
 * to mitata's do_not_optimize, so the engine can neither drop the work nor fold it into a
 * constant. Each loop is compiled from its own source text, which gives it its own inline
 * caches: the call to `cost` then has one target and can be inlined, as in a caller that
 * evaluates one formula many times. A shared loop would see 97 targets and time the call
 * overhead instead of the formula. The serial number in the source matters because V8 caches
 * `new Function` by source text, feedback included, so two loops with equal text would share
 * their inline caches.
 * @param {(...args: number[]) => number} cost
 * @param {readonly string[]} parameters names in the order `cost` takes them, each N or D
 * @param {Float64Array} ns
 * @param {Float64Array} ds
 * @returns {() => void}
 */
function makeTimedLoop(cost, parameters, ns, ds) {
  const argumentsList = parameters.map((name) => {
    if (name === 'N') return 'ns[i]';
    if (name === 'D') return 'ds[i]';
    throw new Error(`unexpected free symbol ${name}: only N and D are left free`);
  });
  loopSerial += 1;
  const source = `"use strict"; // loop ${loopSerial}
    return function timedLoop() {
      let sum = 0;
      for (let i = 0; i < ns.length; i++) sum += cost(${argumentsList.join(', ')});
      sink(sum);
    };`;
  return new Function('cost', 'ns', 'ds', 'sink', source)(cost, ns, ds, do_not_optimize);
}

/**
 * Returns the median time of one call of `loop` divided by POINTS, in nanoseconds.
 * @param {() => void} loop
 */
async function nsPerEvaluation(loop) {
  for (let i = 0; i < WARMUP_CALLS; i++) loop();
  const stats = await measure(loop, MEASURE_OPTIONS);
  return stats.p50 / POINTS;
}
