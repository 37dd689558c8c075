// @ts-check
/**
 * The benchmark's targets, each checked against the figures of one run. Every target is an
 * upper limit: a figure at or below it meets it.
 */

/**
 * @typedef {object} TargetResult
 * @property {string} target what is measured and its limit, in words
 * @property {number} value the measured figure
 * @property {number} limit
 * @property {string} unit
 * @property {boolean} met
 * @property {string} margin how far below or above the limit the figure is
 */

/**
 * Returns one entry per target whose section ran.
 * @param {Record<string, any>} results
 * @returns {TargetResult[]}
 */
export function evaluateTargets(results) {
  /** @type {TargetResult[]} */
  const targets = [];
  const add = (/** @type {string} */ target, /** @type {number} */ value, /** @type {number} */ limit, /** @type {string} */ unit) => {
    targets.push({ target, value, limit, unit, met: value <= limit, margin: describeMargin(value, limit) });
  };

  const { evaluate, sweep, grid } = results;
  const coldStart = results['cold-start'];
  const renderMemory = results['render-memory'];

  if (evaluate) add('generated over hand-written time per evaluation, median of 48 formulas', evaluate.medianRatio, 1.5, '×');
  if (sweep) add('sweep of 48 methods × 1,000,000 points', sweep.medianMs, 1000, 'ms');
  if (grid?.library) add('winnerMap, 1000 × 1000 grid, 48 methods', grid.library.medianMs, 2000, 'ms');
  if (grid) add('reference winner loop, 1000 × 1000 grid, 48 methods', grid.reference.medianMs, 2000, 'ms');
  if (coldStart) {
    add('cold `rank` over bare node', coldStart.rankOverBare, 3, '×');
    add('cold `plot` to PNG', coldStart.plotMs, 600, 'ms');
  }
  if (renderMemory?.rssEndOverAfter100 != null) {
    add(`RSS after ${renderMemory.renders} renders over RSS after 100`, renderMemory.rssEndOverAfter100, 1.2, '×');
  }
  return targets;
}

/**
 * @param {number} value
 * @param {number} limit
 */
function describeMargin(value, limit) {
  const share = value / limit;
  if (share <= 1) return `${((1 - share) * 100).toFixed(0)}% below the limit`;
  return `${((share - 1) * 100).toFixed(0)}% over the limit (${share.toFixed(2)}× it)`;
}
