import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuiltCli } from './helpers/cli.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function temporaryFolder(): string {
  return mkdtempSync(join(tmpdir(), 'attncost-analysis-'));
}

/** Writes a methods file and returns its path. */
function methodsFile(entries: unknown[]): string {
  const path = join(temporaryFolder(), 'methods.json');
  writeFileSync(path, JSON.stringify(entries));
  return path;
}

interface AnalyzeJson {
  against: string;
  variable: string;
  from: number;
  to: number;
  logBase: number;
  methods: Array<{
    name: string;
    growth: { kind: string; plainText?: string; term?: { power: number; logPower: number } };
    crossovers: { verdict: string; crossings: Array<{ at: number; direction: string }>; cheaper: Array<{ from: number; to: number }> };
  }>;
}

describe('attncost analyze', () => {
  const { status, stdout, stderr } = runBuiltCli(['analyze', '--format', 'json']);
  const result = JSON.parse(stdout) as AnalyzeJson;
  const byName = new Map(result.methods.map((method) => [method.name, method]));

  it('exits 0 with one entry per method', () => {
    expect(status).toBe(0);
    expect(result.methods).toHaveLength(49);
    expect(result.against).toBe('Full attention');
    expect(result.logBase).toBe(2);
    expect(result.from).toBe(2);
    expect(result.to).toBe(2 ** 40);
    // BP-Transformer's log(N/k) is zero or negative for N up to k = 4, which is reported.
    expect(stderr).toMatch(/^warning: BP-Transformer against Full attention/);
  });

  it('classifies growth in N', () => {
    const expected: Record<string, string> = {
      Linformer: 'O(N)',
      SCRAM: 'O(N log N)',
      'Sparse Transformer': 'O(N^1.5)',
      'Sinkhorn Attention': 'O(N^2)',
      AutoNL: 'O(N)',
      Reformer: 'O(N log N)',
      'Full attention': 'O(N^2)',
    };
    for (const [name, growth] of Object.entries(expected)) {
      const method = byName.get(name)!;
      expect(method.growth.kind, name).toBe('classified');
      expect(method.growth.plainText, name).toBe(growth);
    }
  });

  it('finds Linformer crossing full attention at 256', () => {
    // Linformer costs N·k·D with k = 256, full attention N²·D: equal at N = k.
    const linformer = byName.get('Linformer')!.crossovers;
    expect(linformer.verdict).toBe('crosses');
    expect(linformer.crossings).toHaveLength(1);
    expect(linformer.crossings[0]!.at).toBeCloseTo(256, 5);
    expect(linformer.crossings[0]!.direction).toBe('a-becomes-cheaper');
    expect(linformer.cheaper).toHaveLength(1);
    expect(linformer.cheaper[0]!.from).toBeCloseTo(256, 5);
    expect(linformer.cheaper[0]!.to).toBe(2 ** 40);
  });

  it('reports verdicts without crossings', () => {
    expect(byName.get('StarTransformer')!.crossovers.verdict).toBe('always-cheaper');
    expect(byName.get('Synthesizer')!.crossovers.verdict).toBe('equal-everywhere');
    expect(byName.get('LambdaNetworks')!.crossovers.verdict).toBe('never-cheaper');
  });

  it('prints a table with a row per method', () => {
    const table = runBuiltCli(['analyze', '--methods', 'Linformer,SCRAM']);
    expect(table.status).toBe(0);
    expect(table.stdout).toContain('growth in N');
    const linformer = table.stdout.split('\n').find((line) => line.includes('Linformer'))!;
    expect(linformer).toMatch(/│ O\(N\)\s+│ 256\s+│ N > 256\s+│/);
    const scram = table.stdout.split('\n').find((line) => line.includes('SCRAM'))!;
    expect(scram).toMatch(/│ O\(N log N\)\s+│ none\s+│ always\s+│/);
    expect(table.stdout).toContain('Full attention (baseline)');
  });

  it('prints Markdown', () => {
    const markdown = runBuiltCli(['analyze', '--methods', 'Linformer', '--format', 'md']);
    expect(markdown.status).toBe(0);
    expect(markdown.stdout).toContain('| method | growth in N | crosses full attention at N | cheaper than full attention |');
    expect(markdown.stdout).toContain('| Linformer | O(N) | 256 | N > 256 |');
  });

  it('searches the range given', () => {
    const narrow = runBuiltCli(['analyze', '--methods', 'Linformer', '--format', 'json', '--from', '512', '--to', '4096']);
    const linformer = (JSON.parse(narrow.stdout) as AnalyzeJson).methods.find((method) => method.name === 'Linformer')!;
    expect(linformer.crossovers.verdict).toBe('always-cheaper');
  });

  it('rejects an unknown format', () => {
    const wrong = runBuiltCli(['analyze', '--format', 'xml']);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('Invalid --format "xml"');
  });
});

describe('attncost crossover', () => {
  it('finds Linformer against full attention at 256', () => {
    const { status, stdout } = runBuiltCli(['crossover', 'Linformer', 'Full attention']);
    expect(status).toBe(0);
    expect(stdout).toContain('Linformer becomes cheaper than Full attention at N = 256.');
    expect(stdout).toContain('N from 2 to 256: Linformer is more expensive than Full attention');
  });

  it('prints the crossing as JSON', () => {
    const { status, stdout } = runBuiltCli(['crossover', 'linformer', 'full attention', '--format', 'json']);
    expect(status).toBe(0);
    const result = JSON.parse(stdout) as { method: string; against: string; verdict: string; crossings: Array<{ at: number; bracket: number[] }> };
    expect(result.method).toBe('Linformer');
    expect(result.against).toBe('Full attention');
    expect(result.verdict).toBe('crosses');
    expect(result.crossings).toHaveLength(1);
    expect(Math.abs(result.crossings[0]!.at - 256) / 256).toBeLessThan(1e-8);
  });

  it('finds equal formulas equal everywhere', () => {
    // Synthesizer's cost is N²·D as written in the catalogue, the same as full attention's.
    const { status, stdout } = runBuiltCli(['crossover', 'Synthesizer', 'Full attention']);
    expect(status).toBe(0);
    expect(stdout).toContain('Synthesizer and Full attention cost the same everywhere for N from 2 to 1.1e12.');
  });

  it('finds a methods-file copy equal everywhere', () => {
    const file = methodsFile([{ name: 'Linformer copy', complexity: '{N}*256*{D}', causal: false }]);
    const { status, stdout } = runBuiltCli(['crossover', 'Linformer copy', 'Linformer', '--methods-file', file, '--format', 'json']);
    expect(status).toBe(0);
    const result = JSON.parse(stdout) as { verdict: string; crossings: unknown[] };
    expect(result.verdict).toBe('equal-everywhere');
    expect(result.crossings).toEqual([]);
  });

  it('follows --set', () => {
    const { stdout } = runBuiltCli(['crossover', 'Linformer', 'Full attention', '--set', 'Linformer.k=1024', '--format', 'json']);
    const result = JSON.parse(stdout) as { crossings: Array<{ at: number }> };
    expect(result.crossings[0]!.at).toBeCloseTo(1024, 4);
  });

  it('suggests the closest name', () => {
    const { status, stderr } = runBuiltCli(['crossover', 'Linformer', 'Ful attention']);
    expect(status).toBe(2);
    expect(stderr).toContain('Unknown method "Ful attention". Did you mean "Full attention"?');
  });

  it('rejects an empty range', () => {
    const { status, stderr } = runBuiltCli(['crossover', 'Linformer', 'Full attention', '--from', '4096', '--to', '64']);
    expect(status).toBe(2);
    expect(stderr).toContain('--from 4096 must be smaller than --to 64');
  });
});

describe('attncost show', () => {
  it('lists k with its meaning and source', () => {
    const { status, stdout, stderr } = runBuiltCli(['show', 'Linformer']);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const lines = stdout.split('\n');
    const k = lines.findIndex((line) => line.trim() === 'k = 256');
    expect(k).toBeGreaterThan(0);
    expect(lines[k + 1]).toMatch(/meaning\s+projected length of keys and values/);
    expect(lines[k + 2]).toMatch(/default\s+256 \(Linformer's own entry\)/);
    expect(lines[k + 3]).toMatch(/source\s+Linformer, Wang et al\. 2020 \(arXiv:2006\.04768\)/);
  });

  it('shows formula, links, class and crossing', () => {
    const { stdout } = runBuiltCli(['show', 'Linformer']);
    expect(stdout).toMatch(/^formula\s+\{N\}\*\{k\}\*\{D\}$/m);
    expect(stdout).toMatch(/^LaTeX\s+NkD$/m);
    expect(stdout).toMatch(/^plain text\s+N \* k \* D$/m);
    expect(stdout).toMatch(/^causal\s+no$/m);
    expect(stdout).toMatch(/^growth\s+O\(N\) as N grows/m);
    expect(stdout).toMatch(/^arXiv\s+https:\/\/arxiv\.org\/abs\/2006\.04768$/m);
    expect(stdout).toMatch(/^code\s+https:\/\/github\.com\/tatp22\/linformer-pytorch$/m);
    expect(stdout).toContain('Linformer becomes cheaper than Full attention at N = 256.');
  });

  it('says when the code is in the paper', () => {
    const { stdout } = runBuiltCli(['show', 'FracTAL']);
    expect(stdout).toMatch(/^code\s+in the paper$/m);
    expect(stdout).toContain('FracTAL is always cheaper than Full attention');
  });

  it('shows values at the sizes given', () => {
    const { stdout } = runBuiltCli(['show', 'Linformer', '--N', '1024', '--set', 'k=128']);
    expect(stdout).toContain('  N = 1024\n');
    expect(stdout).toContain('  k = 128\n');
    expect(stdout).toContain('at N = 128.');
  });

  it('prints JSON', () => {
    const { status, stdout } = runBuiltCli(['show', 'Linformer', '--format', 'json']);
    expect(status).toBe(0);
    const description = JSON.parse(stdout) as {
      name: string;
      symbols: Array<{ name: string; scope: string; value: number; meaning: string }>;
      growth: { plainText: string };
      crossovers: { crossings: Array<{ at: number }> };
      logBase: number;
    };
    expect(description.name).toBe('Linformer');
    expect(description.symbols.map((symbol) => [symbol.name, symbol.scope, symbol.value])).toEqual([
      ['N', 'global', 4096],
      ['k', 'method', 256],
      ['D', 'global', 64],
    ]);
    expect(description.growth.plainText).toBe('O(N)');
    expect(description.crossovers.crossings[0]!.at).toBeCloseTo(256, 5);
    expect(description.logBase).toBe(2);
  });

  it('suggests the closest name for a typo', () => {
    const { status, stdout, stderr } = runBuiltCli(['show', 'Linformr']);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('error: Unknown method "Linformr". Did you mean "Linformer"? Run "attncost list" to see every method.\n');
  });

  it('says why --causal hides a method', () => {
    const { status, stderr } = runBuiltCli(['show', 'Linformer', '--causal']);
    expect(status).toBe(2);
    expect(stderr).toContain('Method "Linformer" is left out: --causal keeps only causal methods.');
  });

  it('shows a methods-file method with its own symbols', () => {
    const file = methodsFile([
      {
        name: 'Windowed',
        complexity: '{N}*{w_s}*{D}',
        causal: true,
        symbols: { w_s: { meaning: 'window size (tokens)', default: '128', source: 'a test entry' } },
      },
    ]);
    const { status, stdout } = runBuiltCli(['show', 'windowed', '--methods-file', file]);
    expect(status).toBe(0);
    expect(stdout).toContain('  w_s = 128\n');
    expect(stdout).toMatch(/meaning\s+window size \(tokens\)/);
    expect(stdout).toMatch(/default\s+128 \(Windowed's own entry\)/);
    expect(stdout).toContain('Windowed becomes cheaper than Full attention at N = 128.');
  });
});

interface WinnersJson {
  logBase: number;
  x: { symbol: string; values: number[] };
  y: { symbol: string; values: number[] };
  methods: string[];
  cells: number[][];
  ties: number[][];
  winners: Array<{ name: string; cells: number; share: number }>;
  regions: Array<{ y: number; runs: Array<{ winner: string | null; from: number; to: number }> }>;
}

describe('attncost winners', () => {
  it('matches costs computed by hand in every cell', () => {
    const { status, stdout, stderr } = runBuiltCli([
      'winners',
      '--x-count',
      '4',
      '--y-count',
      '3',
      '--format',
      'json',
      '--methods',
      'Linformer,Performer(FAVOR),Sparse Transformer',
    ]);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const map = JSON.parse(stdout) as WinnersJson;
    expect(map.x.symbol).toBe('N');
    expect(map.y.symbol).toBe('D');
    expect(map.x.values).toHaveLength(4);
    expect(map.x.values[0]).toBe(128);
    expect(map.x.values[3]).toBe(2 ** 20);
    expect(map.y.values[0]).toBe(16);
    expect(map.y.values[2]).toBe(1024);
    expect(map.methods).toEqual(['Sparse Transformer', 'Performer(FAVOR)', 'Linformer', 'Full attention']);

    // The catalogue formulas with the bundled defaults (k = 256 for Linformer, log base 2).
    const costs: Record<string, (N: number, D: number) => number> = {
      'Sparse Transformer': (N, D) => N * Math.sqrt(N) * D,
      'Performer(FAVOR)': (N, D) => N * D ** 2 * Math.log2(D),
      Linformer: (N, D) => N * 256 * D,
      'Full attention': (N, D) => N ** 2 * D,
    };
    const seen = new Set<string>();
    map.y.values.forEach((D, j) => {
      map.x.values.forEach((N, i) => {
        const values = map.methods.map((name) => costs[name]!(N, D));
        const cheapest = values.indexOf(Math.min(...values));
        expect(map.cells[j]![i], `N = ${N}, D = ${D}`).toBe(cheapest);
        seen.add(map.methods[cheapest]!);
      });
    });
    // The grid is chosen so that the winner changes across it.
    expect(seen.size).toBeGreaterThan(1);

    const total = map.winners.reduce((sum, winner) => sum + winner.cells, 0);
    expect(total).toBe(12);
    for (const winner of map.winners) expect(winner.share).toBeCloseTo(winner.cells / 12, 12);
  });

  it('prints winners and regions', () => {
    const { status, stdout } = runBuiltCli(['winners', '--x-count', '4', '--y-count', '3', '--methods', 'Linformer,Performer(FAVOR),Sparse Transformer']);
    expect(status).toBe(0);
    expect(stdout).toContain('Cheapest method on a 4 × 3 grid: N from 128 to 1048576, D from 16 to 1024; 4 methods; log base 2.');
    expect(stdout).toMatch(/│ winner\s+│ cells │ share │/);
    expect(stdout).toContain('Regions: for each D, the runs of N with one winner.');
    expect(stdout).toMatch(/^ {2}D = 16: N 128–\d+ Sparse Transformer, N \d+–1048576 Performer\(FAVOR\)$/m);
  });

  it('merges identical rows of the default grid', () => {
    const { status, stdout } = runBuiltCli(['winners', '--causal']);
    expect(status).toBe(0);
    expect(stdout).toMatch(/100 rows in \d+ groups/);
    expect(stdout).toContain('D = 16 to 64 (34 rows): N 128–1048576 TaLK');
    expect(stdout).toMatch(/│ TaLK\s+│\s+4003 │ 40\.0% │ Memformer \(4003\), RFA \(4003\)/);
    const regionLines = stdout.slice(stdout.indexOf('Regions:')).split('\n').filter((line) => line.startsWith('  '));
    expect(regionLines.length).toBeLessThanOrEqual(60);
  });

  it('writes a PNG of the requested size', () => {
    const folder = temporaryFolder();
    const { status, stdout } = runBuiltCli(['winners', '--x-count', '20', '--y-count', '10', '--out', 'maps/winners.png', '--width', '640', '--height', '480'], { cwd: folder });
    expect(status).toBe(0);
    const path = join(folder, 'maps', 'winners.png');
    expect(stdout).toContain(`Wrote ${path}`);
    const png = readFileSync(path);
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    // The IHDR chunk stores the width and height as big-endian integers at bytes 16 and 20.
    expect(png.readUInt32BE(16)).toBe(640);
    expect(png.readUInt32BE(20)).toBe(480);
  });

  it('writes SVG and PDF by --format', () => {
    const folder = temporaryFolder();
    const svg = runBuiltCli(['winners', '--x-count', '8', '--y-count', '8', '--format', 'svg'], { cwd: folder });
    expect(svg.status).toBe(0);
    expect(readFileSync(join(folder, 'out', 'winner-map.svg'), 'utf8')).toMatch(/<svg\b/);
    const pdf = runBuiltCli(['winners', '--x-count', '8', '--y-count', '8', '--out', 'map.pdf'], { cwd: folder });
    expect(pdf.status).toBe(0);
    expect(readFileSync(join(folder, 'map.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('keeps stdout JSON when it writes a figure', () => {
    const folder = temporaryFolder();
    const { status, stdout, stderr } = runBuiltCli(['winners', '--x-count', '4', '--y-count', '4', '--format', 'json', '--out', 'map.png'], { cwd: folder });
    expect(status).toBe(0);
    expect(() => JSON.parse(stdout)).not.toThrow();
    expect(stderr).toContain(`Wrote ${join(folder, 'map.png')}`);
  });

  it('puts other symbols on the axes', () => {
    const { status, stdout } = runBuiltCli(['winners', '--x', 'k', '--x-from', '16', '--x-to', '1024', '--x-count', '3', '--y-count', '2', '--N', '8192', '--methods', 'Linformer', '--format', 'json']);
    expect(status).toBe(0);
    const map = JSON.parse(stdout) as WinnersJson;
    expect(map.x.symbol).toBe('k');
    expect(map.x.values).toHaveLength(3);
    expect(map.x.values[0]).toBe(16);
    expect(map.x.values[1]).toBeCloseTo(128, 9);
    expect(map.x.values[2]).toBe(1024);
    // Linformer (N·k·D) beats full attention (N²·D) wherever k < N = 8192.
    expect(map.cells).toEqual([
      [0, 0, 0],
      [0, 0, 0],
    ]);
  });

  it('rejects invalid grids', () => {
    const cases: [string[], string][] = [
      [['--N', '4096'], 'N is an axis of the map, so --N has no effect'],
      [['--set', 'D=32'], 'D is an axis of the map, so --D has no effect'],
      [['--x', 'D'], '--x and --y are both D'],
      [['--x', 'k'], 'Missing --x-from or --x-to: k has no default range'],
      [['--x-count', '1'], 'Invalid --x-count "1"'],
      [['--y-count', '2.5'], 'Invalid --y-count "2.5"'],
      [['--x-count', '4096', '--y-count', '4096'], 'more than 4194304'],
      [['--x-from', '4096', '--x-to', '128'], '--x-from 4096 must be smaller than --x-to 128'],
      [['--format', 'svg', '--out', 'map.png'], '--format svg does not match the extension of --out map.png'],
      [['--out', 'map.png', '--width', '50'], 'Invalid --width 50'],
      [['--format', 'gif'], 'Invalid --format "gif"'],
    ];
    for (const [options, message] of cases) {
      const { status, stderr } = runBuiltCli(['winners', ...options], { cwd: temporaryFolder() });
      expect(status, options.join(' ')).toBe(2);
      expect(stderr, options.join(' ')).toContain(message);
    }
  });

  it('warns about an axis no method uses', () => {
    const { status, stderr } = runBuiltCli(['winners', '--x', 'Z', '--x-from', '1', '--x-to', '8', '--x-count', '2', '--y-count', '2']);
    expect(status).toBe(0);
    expect(stderr).toContain("warning: No selected method's cost depends on Z");
  });
});
