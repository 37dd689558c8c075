// @ts-check
/**
 * The attncost benchmark: runs each section in a child process of its own, prints the figures
 * and the targets met or missed, and writes everything to bench/results/latest.json.
 *
 * Usage (after `npm run build`): node bench/run.mjs [--renders N] [--rounds N] [--only SECTION]...
 */
import { fork } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { printReport } from './lib/report.mjs';
import { evaluateTargets } from './lib/targets.mjs';
import { nowMs } from './lib/common.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(BENCH, '..');

/** Sections in the order they run, with extra V8 flags for the section's child process. */
const SECTIONS = [
  // V8 optimizes on the main thread in this section, so that a short warm-up is enough to reach
  // optimized code even when other processes keep both cores busy.
  { id: 'evaluate', title: 'formula evaluation, generated against hand-written', v8Flags: ['--no-concurrent-recompilation', '--no-concurrent-osr'] },
  { id: 'sweep', title: 'sweep kernel, 48 methods × 1,000,000 points' },
  { id: 'grid', title: 'winner-map grid, 1000 × 1000 cells × 48 methods' },
  { id: 'cold-start', title: 'cold CLI start' },
  { id: 'render-memory', title: 'renders of the default figure in one process' },
];

const { values } = parseArgs({
  options: {
    renders: { type: 'string', default: '1000' },
    rounds: { type: 'string', default: '10' },
    only: { type: 'string', multiple: true },
    out: { type: 'string', default: join(BENCH, 'results', 'latest.json') },
  },
});
const renders = positiveInteger(values.renders, '--renders');
const rounds = positiveInteger(values.rounds, '--rounds');
const only = values.only ?? SECTIONS.map((section) => section.id);
for (const id of only) {
  if (!SECTIONS.some((section) => section.id === id)) {
    throw new Error(`unknown section "${id}" given to --only: use ${SECTIONS.map((section) => section.id).join(', ')}`);
  }
}
if (!existsSync(join(ROOT, 'dist', 'cli', 'attncost.js')) || !existsSync(join(ROOT, 'dist', 'src', 'index.js'))) {
  throw new Error('dist/ is missing or incomplete: run `npm run build` first (`npm run bench` does).');
}

const startedAt = new Date();
const runStart = nowMs();
const machine = describeMachine();
process.stderr.write(`attncost benchmark on ${machine.cpu} (${machine.cores} cores), Node ${machine.node}, load average ${machine.loadAverageAtStart.join(' ')}\n`);

/** @type {Record<string, any>} */
const results = {};
/** @type {Record<string, { wallSeconds: number, loadAverageBefore: number[], loadAverageAfter: number[] }>} */
const sectionRuns = {};
for (const section of SECTIONS) {
  if (!only.includes(section.id)) continue;
  process.stderr.write(`${section.id}: ${section.title}\n`);
  const loadAverageBefore = roundedLoadAverage();
  const sectionStart = nowMs();
  const options = section.id === 'render-memory' ? { renders } : section.id === 'cold-start' ? { rounds } : {};
  results[section.id] = await runSection(section.id, options, section.v8Flags ?? []);
  sectionRuns[section.id] = { wallSeconds: (nowMs() - sectionStart) / 1000, loadAverageBefore, loadAverageAfter: roundedLoadAverage() };
}

const report = {
  date: startedAt.toISOString(),
  command: `node ${relative(ROOT, fileURLToPath(import.meta.url))} ${process.argv.slice(2).join(' ')}`.trim(),
  machine: { ...machine, loadAverageAtEnd: roundedLoadAverage() },
  wallSeconds: (nowMs() - runStart) / 1000,
  sectionRuns,
  results,
  targets: evaluateTargets(results),
};

printReport(report);
mkdirSync(dirname(values.out), { recursive: true });
writeFileSync(values.out, JSON.stringify(report, null, 2) + '\n');
process.stdout.write(`\nWrote ${relative(process.cwd(), resolve(values.out))}\n`);

/**
 * Runs one section in a child node process with --expose-gc and resolves with the result it
 * sends; rejects when the child exits without one.
 * @param {string} id
 * @param {object} options
 * @param {string[]} v8Flags
 * @returns {Promise<any>}
 */
function runSection(id, options, v8Flags) {
  return new Promise((resolvePromise, reject) => {
    const child = fork(join(BENCH, 'child.mjs'), [id, JSON.stringify(options)], {
      cwd: ROOT,
      execArgv: ['--expose-gc', ...v8Flags],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    /** @type {any} */
    let result;
    child.on('message', (message) => {
      result = message;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (result !== undefined) resolvePromise(result);
      else reject(new Error(`benchmark section ${id} exited with ${signal ?? `status ${code}`} before sending a result`));
    });
  });
}

/** Returns the CPU model, core count, memory and Node version of this machine. */
function describeMachine() {
  let cpu = cpus()[0]?.model ?? 'unknown';
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (match) cpu = match[1].trim();
  } catch {
    // /proc/cpuinfo exists on Linux only; elsewhere the model os.cpus() reports is kept.
  }
  return {
    cpu,
    cores: cpus().length,
    memoryGiB: Number((totalmem() / 2 ** 30).toFixed(1)),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverageAtStart: roundedLoadAverage(),
  };
}

/** Returns the 1, 5 and 15 minute load averages to two decimals. */
function roundedLoadAverage() {
  return loadavg().map((value) => Number(value.toFixed(2)));
}

/**
 * @param {string} text
 * @param {string} option
 */
function positiveInteger(text, option) {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`invalid ${option} ${text}: use a whole number of at least 1`);
  return value;
}
