// @ts-check
/**
 * Cold wall time of the bundled CLI: `rank` and `plot` to PNG against a bare `node -e ''`,
 * each started as a new process. The three commands take turns within each round, so a change
 * in machine speed during the run affects all three alike.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, nowMs } from '../lib/common.mjs';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const CLI = join(ROOT, 'dist', 'cli', 'attncost.js');

/**
 * Times `rounds` rounds of the three commands after one untimed round that fills the file
 * system cache, and returns each command's median with the ratios to bare node.
 * @param {{ rounds?: number }} options
 */
export async function run({ rounds = 10 } = {}) {
  const workDirectory = mkdtempSync(join(tmpdir(), 'attncost-bench-'));
  const png = join(workDirectory, 'x.png');
  const commands = [
    { name: 'bare', argv: ['-e', ''] },
    { name: 'rank', argv: [CLI, 'rank'] },
    { name: 'plot', argv: [CLI, 'plot', '--out', png] },
  ];

  /** @type {Record<string, number[]>} */
  const times = { bare: [], rank: [], plot: [] };
  /** @type {Record<string, number[]>} */
  const cpuTimes = { bare: [], rank: [], plot: [] };
  try {
    for (let round = 0; round <= rounds; round++) {
      if (round > 0) process.stderr.write(`  cold start: round ${round} of ${rounds}\n`);
      for (const command of commands) {
        rmSync(png, { force: true });
        const { wallMs, cpuMs } = timeProcess(command.argv);
        if (round > 0) {
          times[command.name].push(wallMs);
          if (cpuMs !== null) cpuTimes[command.name].push(cpuMs);
        }
      }
      if (statSync(png).size === 0) throw new Error(`attncost plot wrote an empty file ${png}`);
    }
  } finally {
    rmSync(workDirectory, { recursive: true, force: true });
  }

  const bareMs = median(times.bare);
  const rankMs = median(times.rank);
  const plotMs = median(times.plot);
  return {
    rounds,
    commands: {
      bare: "node -e ''",
      rank: 'node dist/cli/attncost.js rank',
      plot: 'node dist/cli/attncost.js plot --out TMP/x.png',
    },
    node: process.execPath,
    bareMs,
    rankMs,
    plotMs,
    rankOverBare: rankMs / bareMs,
    plotOverBare: plotMs / bareMs,
    // The ratio within each round, which cancels drift between rounds.
    rankOverBarePerRound: median(times.rank.map((value, i) => value / times.bare[i])),
    plotOverBarePerRound: median(times.plot.map((value, i) => value / times.bare[i])),
    // CPU time (user + system) of each process, which other load on the machine inflates far
    // less than wall time. Linux only, in steps of one clock tick (10 ms at the usual 100 Hz).
    cpu: cpuTimes.bare.length === 0 ? null : { bareMs: median(cpuTimes.bare), rankMs: median(cpuTimes.rank), plotMs: median(cpuTimes.plot) },
    samples: times,
  };
}

/**
 * Runs node with `argv` to completion and returns its wall time (spawn to exit) and, where the
 * system reports it, its CPU time, both in milliseconds. Throws when the command fails.
 * @param {string[]} argv
 */
function timeProcess(argv) {
  const cpuBefore = childrenCpuMs();
  const start = nowMs();
  const result = spawnSync(process.execPath, argv, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const wallMs = nowMs() - start;
  const cpuAfter = childrenCpuMs();
  if (result.status !== 0) {
    throw new Error(`node ${argv.join(' ')} exited with status ${result.status}: ${result.stderr || result.error?.message}`);
  }
  return { wallMs, cpuMs: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore };
}

/**
 * Returns the user and system time of this process's finished children in milliseconds, from
 * fields 16 and 17 (cutime, cstime) of /proc/self/stat, or null where that file does not exist.
 * NOTE: assumes 100 clock ticks per second, the Linux default (`getconf CLK_TCK`).
 */
function childrenCpuMs() {
  let stat;
  try {
    stat = readFileSync('/proc/self/stat', 'utf8');
  } catch {
    return null;
  }
  // The command name in field 2 may contain spaces, so count fields after its closing bracket.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[13]) + Number(fields[14]);
  return ticks * 10;
}
