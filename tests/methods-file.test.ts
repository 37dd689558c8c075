import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuiltCli } from './helpers/cli.js';

function methodsFile(contents: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'attncost-methods-'));
  const path = join(folder, 'methods.json');
  writeFileSync(path, contents);
  return path;
}

describe('--methods-file', () => {
  it('adds a method with its own symbols and replaces one by name', () => {
    const path = methodsFile(
      JSON.stringify([
        { name: 'Windowed', complexity: 'O(n w d)', causal: true, symbols: { w: { meaning: 'window size (tokens)', default: '128' } } },
        { name: 'linformer', complexity: 'N k D / 2', causal: false },
      ]),
    );
    const { status, stdout, stderr } = runBuiltCli(['rank', '--methods-file', path, '--format', 'json']);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const rows = (JSON.parse(stdout) as { rows: Array<{ name: string; cost: number; values: Record<string, number> }> }).rows;
    expect(rows).toHaveLength(50);
    const windowed = rows.find((row) => row.name === 'Windowed')!;
    expect(windowed.values).toEqual({ n: 4096, w: 128, d: 64 });
    expect(windowed.cost).toBe(4096 * 128 * 64);
    expect(rows.filter((row) => row.name.toLowerCase() === 'linformer')).toEqual([
      expect.objectContaining({ name: 'Linformer', cost: (4096 * 256 * 64) / 2 }),
    ]);
  });

  it('reports every problem of every entry together', () => {
    const path = methodsFile(
      JSON.stringify([
        { name: 'A', complexity: 'N^', causal: true },
        { name: 'B', complexity: '\\fracc{N}{2}', causal: 'yes' },
        { name: 'A', complexity: 'N', causal: true },
        { complexity: 'N D', causal: true },
      ]),
    );
    const { status, stdout, stderr } = runBuiltCli(['rank', '--methods-file', path]);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      [
        `error: Methods file ${path} has 5 problems:`,
        '- entry 1 ("A"): invalid complexity.',
        '    missing exponent after `^` at position 2',
        '    N^',
        '     ^',
        '- entry 2 ("B"): invalid complexity.',
        '    unknown command `\\fracc` (did you mean `\\frac`?) at position 1',
        '    \\fracc{N}{2}',
        '    ^^^^^^',
        '- entry 2 ("B"), field "causal": invalid input: expected boolean, received string.',
        '- entry 3 ("A"): duplicate method name "A"; give each method a distinct name.',
        '- entry 4, field "name": missing.',
        '',
      ].join('\n'),
    );
  });

  it('rejects keys such as __proto__ and constructor', () => {
    const path = methodsFile('[{"name": "C", "complexity": "N", "causal": true, "__proto__": {"polluted": 1}, "constructor": 3}]');
    const { status, stderr } = runBuiltCli(['rank', '--methods-file', path]);
    expect(status).toBe(2);
    expect(stderr).toBe(`error: Methods file ${path} has 1 problem:\n- entry 1 ("C"): unrecognized keys: "__proto__", "constructor".\n`);
  });

  it('gives the line and column of invalid JSON', () => {
    const path = methodsFile('[\n {"name": "A",\n  "complexity": "N"\n  "causal": true}\n]');
    const { status, stderr } = runBuiltCli(['rank', '--methods-file', path]);
    expect(status).toBe(2);
    expect(stderr).toBe(`error: Methods file ${path} is not valid JSON: expected ',' or '}' after property value at line 4, column 3.\n`);
  });

  it('names a missing file', () => {
    const { status, stderr } = runBuiltCli(['rank', '--methods-file', '/nonexistent/methods.json']);
    expect(status).toBe(2);
    expect(stderr).toBe('error: Methods file /nonexistent/methods.json not found; check the path given to --methods-file.\n');
  });

  it('requires a value for a symbol without a default', () => {
    const path = methodsFile(JSON.stringify([{ name: 'Strided', complexity: 'N n_s D', causal: true }]));
    const { status, stderr } = runBuiltCli(['rank', '--methods-file', path]);
    expect(status).toBe(2);
    expect(stderr).toBe('error: Strided uses the symbol n_s, which has no value or default; set it with --set n_s=VALUE.\n');
    expect(runBuiltCli(['rank', '--methods-file', path, '--set', 'n_s=8']).status).toBe(0);
  });
});

describe('method selection', () => {
  it('keeps methods matching names or patterns, and the baseline', () => {
    const { status, stdout } = runBuiltCli(['rank', '--methods', 'performer*', '--methods', 'linformer', '--format', 'json']);
    expect(status).toBe(0);
    const names = (JSON.parse(stdout) as { rows: Array<{ name: string }> }).rows.map((row) => row.name).sort();
    expect(names).toEqual(['Full attention', 'Linformer', 'Performer(FAVOR)', 'Performer(FAVOR+)']);
  });

  it('keeps only causal methods', () => {
    const { stdout } = runBuiltCli(['list', '--causal', '--format', 'json']);
    const rows = JSON.parse(stdout) as Array<{ name: string; causal: boolean }>;
    expect(rows.every((row) => row.causal)).toBe(true);
    expect(rows.map((row) => row.name)).toContain('Longformer');
    expect(rows.map((row) => row.name)).not.toContain('Linformer');
  });

  it('suggests a name for a pattern that matches nothing', () => {
    const { status, stderr } = runBuiltCli(['rank', '--methods', 'Linformr']);
    expect(status).toBe(2);
    expect(stderr).toBe('error: No method matches "Linformr". Did you mean "Linformer"? Run "attncost list" to see every method.\n');
  });
});

describe('attncost parse and eval', () => {
  it('prints the tree, LaTeX, text and symbols', () => {
    const { status, stdout } = runBuiltCli(['parse', 'O(n \\log n \\cdot d_k)']);
    expect(status).toBe(0);
    expect(stdout).toBe(['tree:    ((n * log(n)) * d_k)', 'LaTeX:   n\\log n \\cdot d_{k}', 'text:    n * log(n) * d_k', 'symbols: n, d_k', ''].join('\n'));
  });

  it('evaluates with defaults and --set, as JSON', () => {
    const { status, stdout } = runBuiltCli(['eval', 'N_{g} \\cdot n^2', '--set', 'N_g=3', '--N', '1024', '--format', 'json']);
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ formula: 'N_{g} \\cdot n^2', value: 3 * 1024 ** 2, values: { N_g: 3, n: 1024 } });
  });

  it('names a symbol that has no value', () => {
    const { status, stderr } = runBuiltCli(['eval', 'N n_s']);
    expect(status).toBe(2);
    expect(stderr).toBe('error: The formula uses the symbol n_s, which has no value or default; set it with --set n_s=VALUE.\n');
  });

  it('shows a caret under a syntax error', () => {
    const { status, stderr } = runBuiltCli(['eval', 'N^']);
    expect(status).toBe(2);
    expect(stderr).toBe('error: missing exponent after `^` at position 2\nN^\n ^\n');
  });
});
