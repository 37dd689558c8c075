// @ts-check
/**
 * Time per chart and resident memory over many renders of the default figure in one process.
 * That is the figure `attncost plot` draws with no options: every method and the baseline,
 * N from 128 to 131072, 1200 × 800 pixels, PNG. costFigure builds it and renderChart draws it.
 */
import { WarningLog, costFigure, defaultMethods } from '../../dist/src/index.js';
import { renderChart } from '../../dist/src/render/index.js';
import { defaultContext, median, nowMs, quantile } from '../lib/common.mjs';

const WIDTH = 1200;
const HEIGHT = 800;
const RANGE = { variable: 'N', from: 128, to: 131_072 };
/** Renders after which memory is recorded besides every hundredth. */
const EXTRA_CHECKPOINTS = [1, 10, 50];

/**
 * Renders the default figure `renders` times and returns per-render times and memory at the
 * checkpoints. Before each memory reading a full garbage collection runs (when node was started
 * with --expose-gc), outside the timed part, so the readings show memory still in use rather
 * than garbage not yet collected.
 * @param {{ renders?: number }} options
 */
export async function run({ renders = 1000 } = {}) {
  const methods = defaultMethods();
  const context = defaultContext();
  const collect = /** @type {undefined | (() => void)} */ (globalThis.gc);

  /** @type {number[]} */
  const figureMs = [];
  /** @type {number[]} */
  const renderMs = [];
  /** @type {number[]} */
  const cpuMs = [];
  /** @type {{ renders: number, rssMiB: number, heapUsedMiB: number, externalMiB: number }[]} */
  const memory = [];
  let bytes = 0;

  for (let i = 1; i <= renders; i++) {
    const cpuStart = process.cpuUsage();
    const start = nowMs();
    const config = costFigure(methods, context, { range: RANGE, width: WIDTH, height: HEIGHT }, new WarningLog());
    const built = nowMs();
    const image = await renderChart(config, { format: 'png', width: WIDTH, height: HEIGHT });
    const done = nowMs();
    const cpu = process.cpuUsage(cpuStart);
    cpuMs.push((cpu.user + cpu.system) / 1000);
    figureMs.push(built - start);
    renderMs.push(done - built);
    bytes = image.length;

    if (i % 100 === 0 || EXTRA_CHECKPOINTS.includes(i) || i === renders) {
      collect?.();
      const usage = process.memoryUsage();
      const mib = (/** @type {number} */ value) => value / 2 ** 20;
      memory.push({ renders: i, rssMiB: mib(usage.rss), heapUsedMiB: mib(usage.heapUsed), externalMiB: mib(usage.external) });
      if (i % 100 === 0) process.stderr.write(`  render: ${i} of ${renders}, RSS ${mib(usage.rss).toFixed(0)} MiB\n`);
    }
  }

  const totalMs = figureMs.map((value, i) => value + renderMs[i]);
  const after100 = memory.find((point) => point.renders === 100);
  const last = memory[memory.length - 1];
  return {
    renders,
    figure: { width: WIDTH, height: HEIGHT, format: 'png', methods: methods.length, range: RANGE, pngBytes: bytes },
    gcBeforeReadings: collect !== undefined,
    firstChartMs: totalMs[0],
    medianChartMs: median(totalMs),
    p90ChartMs: quantile(totalMs, 0.9),
    medianFigureMs: median(figureMs),
    medianRenderMs: median(renderMs),
    // CPU time of this process per chart (user + system, all threads), less inflated than wall
    // time when other processes compete for the cores.
    medianChartCpuMs: median(cpuMs),
    memory,
    rssAfter100MiB: after100?.rssMiB ?? null,
    rssEndMiB: last.rssMiB,
    rssEndOverAfter100: after100 === undefined ? null : last.rssMiB / after100.rssMiB,
  };
}
