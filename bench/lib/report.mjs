// @ts-check
/**
 * Prints the benchmark's figures as tables on standard output.
 */
import Table from 'cli-table3';

/**
 * @param {number} value
 * @param {number} digits
 */
const fixed = (value, digits) => (value == null ? 'n/a' : value.toFixed(digits));

/**
 * Prints every section that ran, then the targets.
 * @param {{ date: string, command: string, machine: any, wallSeconds: number, sectionRuns: Record<string, { wallSeconds: number, loadAverageBefore: number[], loadAverageAfter: number[] }>, results: Record<string, any>, targets: import('./targets.mjs').TargetResult[] }} report
 */
export function printReport(report) {
  const { machine, results } = report;
  const out = (/** @type {string} */ text) => process.stdout.write(text + '\n');

  out(`\nattncost benchmark, ${report.date}`);
  out(`${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}`);
  out(`load average at start ${machine.loadAverageAtStart.join(' ')}, at end ${machine.loadAverageAtEnd.join(' ')}; ${report.wallSeconds.toFixed(0)} s in all`);
  if (machine.loadAverageAtStart[0] > 1) {
    out('NOTE: the 1-minute load average was above 1 before the benchmark started, so other processes shared the cores and wall times are inflated.');
  }
  const sections = new Table({ head: ['section', 'wall time', 'load average before', 'load average after'] });
  for (const [id, run] of Object.entries(report.sectionRuns)) {
    sections.push([id, `${run.wallSeconds.toFixed(0)} s`, run.loadAverageBefore.join(' '), run.loadAverageAfter.join(' ')]);
  }
  out(sections.toString());

  if (results.evaluate) printEvaluate(out, results.evaluate);
  if (results.sweep) printSweep(out, results.sweep);
  if (results.grid) printGrid(out, results.grid);
  if (results['cold-start']) printColdStart(out, results['cold-start']);
  if (results['render-memory']) printRenderMemory(out, results['render-memory']);

  out('\nTargets');
  const table = new Table({ head: ['target', 'measured', 'limit', 'status', 'margin'] });
  for (const target of report.targets) {
    const digits = target.unit === 'ms' ? 0 : 2;
    table.push([target.target, `${fixed(target.value, digits)} ${target.unit}`, `${target.limit} ${target.unit}`, target.met ? 'met' : 'MISSED', target.margin]);
  }
  out(table.toString());
}

/**
 * @param {(text: string) => void} out
 * @param {any} evaluate
 */
function printEvaluate(out, evaluate) {
  out(`\n1. Time per evaluation (ns), median of ${evaluate.rounds} rounds, ${evaluate.points} inputs per timed call`);
  const table = new Table({ head: ['method', 'parameters', 'hand-written', 'generated', 'ratio'] });
  for (const formula of evaluate.formulas) {
    table.push([formula.method, formula.parameters.join(', '), fixed(formula.handwrittenNs, 2), fixed(formula.compiledNs, 2), fixed(formula.ratio, 2)]);
  }
  out(table.toString());
  out('ratio: median over rounds of generated / hand-written within the round');
  out(`median ratio ${fixed(evaluate.medianRatio, 2)}, range ${fixed(evaluate.minRatio, 2)} to ${fixed(evaluate.maxRatio, 2)}; empty loop ${fixed(evaluate.emptyLoopNs, 2)} ns per point`);
}

/**
 * @param {(text: string) => void} out
 * @param {any} sweep
 */
function printSweep(out, sweep) {
  out(`\n2. Sweep kernel, ${sweep.methods} methods × ${sweep.points} points of N from ${sweep.range.from} to ${sweep.range.to}`);
  const table = new Table({ head: ['figure', 'value'] });
  table.push(
    ['compile 48 methods', `${fixed(sweep.compileMs, 1)} ms`],
    ['first pass (kernels generated and unoptimized)', `${fixed(sweep.firstPassMs, 0)} ms`],
    [`pass, median of ${sweep.samples}`, `${fixed(sweep.medianMs, 0)} ms (min ${fixed(sweep.minMs, 0)}, max ${fixed(sweep.maxMs, 0)})`],
    ['per point', `${fixed(sweep.nsPerPoint, 2)} ns`],
    ['CPU time per pass, mean', `${fixed(sweep.meanCpuMs, 0)} ms`],
  );
  out(table.toString());
}

/**
 * @param {(text: string) => void} out
 * @param {any} grid
 */
function printGrid(out, grid) {
  out(`\n3. Winner map, ${grid.cells} cells × ${grid.methods} methods, median of ${grid.samples} runs`);
  const table = new Table({ head: ['version', 'first run', 'median', 'min', 'max', 'CPU, mean', 'note'] });
  if (grid.library) {
    const library = grid.library;
    table.push([library.function, `${fixed(library.firstMs, 0)} ms`, `${fixed(library.medianMs, 0)} ms`, `${fixed(library.minMs, 0)} ms`, `${fixed(library.maxMs, 0)} ms`, `${fixed(library.meanCpuMs, 0)} ms`, `${library.distinctWinners} winning methods; ${library.cellsDifferingFromReference} cells differ from the reference`]);
  } else {
    table.push(['winnerMap', '-', '-', '-', '-', '-', 'not in this build (dist/src/analysis/winners.js missing)']);
  }
  const reference = grid.reference;
  table.push(['reference loop', `${fixed(reference.firstMs, 0)} ms`, `${fixed(reference.medianMs, 0)} ms`, `${fixed(reference.minMs, 0)} ms`, `${fixed(reference.maxMs, 0)} ms`, `${fixed(reference.meanCpuMs, 0)} ms`, reference.function]);
  out(table.toString());
}

/**
 * @param {(text: string) => void} out
 * @param {any} cold
 */
function printColdStart(out, cold) {
  out(`\n4. Cold start, median of ${cold.rounds} rounds`);
  const table = new Table({ head: ['command', 'wall, median', 'over bare node', 'over bare node, per round', 'CPU, median'] });
  const cpu = (/** @type {'bareMs' | 'rankMs' | 'plotMs'} */ key) => (cold.cpu ? `${fixed(cold.cpu[key], 0)} ms` : 'n/a');
  table.push(
    [cold.commands.bare, `${fixed(cold.bareMs, 0)} ms`, '1.00', '1.00', cpu('bareMs')],
    [cold.commands.rank, `${fixed(cold.rankMs, 0)} ms`, fixed(cold.rankOverBare, 2), fixed(cold.rankOverBarePerRound, 2), cpu('rankMs')],
    [cold.commands.plot, `${fixed(cold.plotMs, 0)} ms`, fixed(cold.plotOverBare, 2), fixed(cold.plotOverBarePerRound, 2), cpu('plotMs')],
  );
  out(table.toString());
}

/**
 * @param {(text: string) => void} out
 * @param {any} render
 */
function printRenderMemory(out, render) {
  const figure = render.figure;
  out(`\n5. ${render.renders} renders of the default figure (${figure.methods} series, ${figure.width} × ${figure.height} ${figure.format.toUpperCase()}) in one process`);
  const times = new Table({ head: ['figure', 'value'] });
  times.push(
    ['first chart', `${fixed(render.firstChartMs, 0)} ms`],
    ['chart, median', `${fixed(render.medianChartMs, 0)} ms (costFigure ${fixed(render.medianFigureMs, 1)} ms + renderChart ${fixed(render.medianRenderMs, 0)} ms)`],
    ['chart, 90th percentile', `${fixed(render.p90ChartMs, 0)} ms`],
    ['CPU time per chart, median', `${fixed(render.medianChartCpuMs, 0)} ms`],
  );
  out(times.toString());
  const memory = new Table({ head: ['renders', 'RSS (MiB)', 'heap used (MiB)', 'external (MiB)'] });
  for (const point of render.memory) memory.push([point.renders, fixed(point.rssMiB, 0), fixed(point.heapUsedMiB, 1), fixed(point.externalMiB, 1)]);
  out(memory.toString());
}
