// @ts-check
/**
 * The work of a winner map: the cheapest of the 48 catalogue methods in every cell of a
 * 1000 × 1000 grid of N × D. Times the library's winnerMap and, for comparison, a bare loop
 * that only keeps the minimum per cell.
 */
import { do_not_optimize, measure } from 'mitata';
import { WarningLog, compileMethod, defaultCatalogue } from '../../dist/src/index.js';
import { defaultContext, geometricRange, nowMs, withCpuTime } from '../lib/common.mjs';

const SIDE = 1000;
const N_AXIS = { symbol: 'N', from: 128, to: 2 ** 20, count: SIDE };
const D_AXIS = { symbol: 'D', from: 16, to: 1024, count: SIDE };
/**
 * Relative margin by which a later method must undercut the best cost so far to take a cell.
 * It equals winnerMap's TIE_TOLERANCE, so formulas equal up to rounding (N·D and √N·√N·D) tie
 * in both versions and the two maps can be compared cell by cell.
 */
const TIE_TOLERANCE = 1e-12;
/** Timed runs of each version; the reported time is their median. */
const SAMPLES = 5;

/** Times the library's winnerMap (where the build has it) and the reference loop. */
export async function run() {
  const context = defaultContext();
  const methods = defaultCatalogue();
  const winnerMap = await loadWinnerMap();

  const ns = geometricRange(N_AXIS.from, N_AXIS.to, SIDE);
  const ds = geometricRange(D_AXIS.from, D_AXIS.to, SIDE);
  const reference = referenceLoop(methods, context, ns, ds);

  process.stderr.write(`  grid: reference loop, ${SAMPLES} runs\n`);
  const referenceFirstStart = nowMs();
  const referenceCells = reference();
  const referenceFirstMs = nowMs() - referenceFirstStart;
  const referenceTimed = withCpuTime(reference);
  const referenceStats = await measure(() => do_not_optimize(referenceTimed.timed()), { min_samples: SAMPLES, max_samples: SAMPLES, min_cpu_time: 0 });

  let library = null;
  if (winnerMap !== undefined) {
    process.stderr.write(`  grid: winnerMap, ${SAMPLES} runs\n`);
    const runMap = () => winnerMap(methods, context, new WarningLog(), { x: N_AXIS, y: D_AXIS });
    const firstStart = nowMs();
    const map = runMap();
    const firstMs = nowMs() - firstStart;
    const { timed, meanCpuMs } = withCpuTime(runMap);
    const stats = await measure(() => do_not_optimize(timed()), { min_samples: SAMPLES, max_samples: SAMPLES, min_cpu_time: 0 });
    library = {
      function: 'winnerMap (dist/src/analysis/winners.js)',
      firstMs,
      medianMs: stats.p50 / 1e6,
      minMs: stats.min / 1e6,
      maxMs: stats.max / 1e6,
      meanCpuMs: meanCpuMs(),
      cellsDifferingFromReference: countDifferences(map.cells, referenceCells),
      distinctWinners: map.winners.length,
    };
  }

  return {
    methods: methods.length,
    cells: SIDE * SIDE,
    axes: { x: N_AXIS, y: D_AXIS },
    samples: SAMPLES,
    library,
    reference: {
      function: 'one sweep per method and D row, then the minimum per cell; no tie or region bookkeeping',
      firstMs: referenceFirstMs,
      medianMs: referenceStats.p50 / 1e6,
      minMs: referenceStats.min / 1e6,
      maxMs: referenceStats.max / 1e6,
      meanCpuMs: referenceTimed.meanCpuMs(),
    },
  };
}

/**
 * Returns the library's winnerMap, or undefined when this build has none.
 * @returns {Promise<undefined | typeof import('../../dist/src/analysis/winners.js').winnerMap>}
 */
async function loadWinnerMap() {
  try {
    const module = await import('../../dist/src/analysis/winners.js');
    return module.winnerMap;
  } catch (error) {
    if (/** @type {{ code?: string }} */ (error).code === 'ERR_MODULE_NOT_FOUND') return undefined;
    throw error;
  }
}

/**
 * Builds the smallest loop that finds each cell's cheapest method with the library's compiled
 * functions. For each D row, every method sweeps N into a row buffer and the loop keeps the
 * minimum per cell. The first of costs equal within TIE_TOLERANCE wins, and an unusable cost
 * (zero, negative, not finite) never does. Cells
 * are laid out as in winnerMap, row-major with N along the row.
 * @param {import('../../dist/src/index.js').Method[]} methods
 * @param {import('../../dist/src/index.js').EvaluationContext} context
 * @param {Float64Array} ns
 * @param {Float64Array} ds
 */
function referenceLoop(methods, context, ns, ds) {
  const compiled = methods.map((method) => compileMethod(method, context, new Set(['N', 'D'])));
  const rowCosts = new Float64Array(ns.length);
  const best = new Float64Array(ns.length);
  const fixed = new Map();

  return () => {
    const cells = new Int32Array(ns.length * ds.length);
    for (let j = 0; j < ds.length; j++) {
      fixed.set('D', ds[j]);
      const row = cells.subarray(j * ns.length, (j + 1) * ns.length);
      best.fill(Number.POSITIVE_INFINITY);
      row.fill(-1);
      for (let m = 0; m < compiled.length; m++) {
        compiled[m].sweep('N', ns, fixed, rowCosts);
        keepMinimum(rowCosts, m, best, row);
      }
    }
    return cells;
  };
}

/**
 * @param {Float64Array} costs
 * @param {number} m
 * @param {Float64Array} best
 * @param {Int32Array} row
 */
function keepMinimum(costs, m, best, row) {
  for (let i = 0; i < costs.length; i++) {
    const cost = costs[i];
    if (cost > 0 && cost < best[i] * (1 - TIE_TOLERANCE)) {
      best[i] = cost;
      row[i] = m;
    }
  }
}

/**
 * @param {Int32Array} a
 * @param {Int32Array} b
 */
function countDifferences(a, b) {
  let count = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) count += 1;
  return count;
}
