import { mkdtempSync, readFileSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuiltCli } from './helpers/cli.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('attncost list', () => {
  it('prints every method and the baseline', () => {
    const { status, stdout, stderr } = runBuiltCli(['list']);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toContain('Linformer');
    expect(stdout).toContain('2006.04768');
    expect(stdout).toContain('Full attention (baseline)');
  });

  it('prints JSON with 49 entries', () => {
    const { status, stdout } = runBuiltCli(['list', '--format', 'json']);
    expect(status).toBe(0);
    const rows = JSON.parse(stdout) as Array<{ name: string; baseline: boolean }>;
    expect(rows).toHaveLength(49);
    expect(rows.filter((row) => row.baseline).map((row) => row.name)).toEqual(['Full attention']);
  });
});

describe('attncost rank', () => {
  it('prints a 49-row table', () => {
    const { status, stdout } = runBuiltCli(['rank', '--N', '4096', '--D', '64']);
    expect(status).toBe(0);
    expect(stdout).toContain('Log base 2.');
    const dataRows = stdout.split('\n').filter((line) => /^│\s*\d+\s*│/.test(line));
    expect(dataRows).toHaveLength(49);
    expect(stdout).toContain('Full attention (baseline)');
  });

  it('prints one JSON object in the documented shape', () => {
    const { status, stdout, stderr } = runBuiltCli(['rank', '--N', '4096', '--D', '64', '--format', 'json']);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const result = JSON.parse(stdout) as {
      logBase: number;
      rows: Array<{ rank: number; name: string; cost: number; vsFull: number; causal: boolean; baseline: boolean; values: Record<string, number> }>;
    };
    expect(result.logBase).toBe(2);
    expect(result.rows).toHaveLength(49);
    expect(result.rows.map((row) => row.rank)).toEqual(Array.from({ length: 49 }, (_, i) => i + 1));

    const costs = result.rows.map((row) => row.cost);
    expect(costs).toEqual([...costs].sort((a, b) => a - b));

    const full = result.rows.find((row) => row.baseline)!;
    expect(full.name).toBe('Full attention');
    expect(full.cost).toBe(4096 ** 2 * 64);
    expect(full.vsFull).toBe(1);
    expect(full.values).toEqual({ N: 4096, D: 64 });

    const linformer = result.rows.find((row) => row.name === 'Linformer')!;
    expect(linformer.values).toEqual({ N: 4096, k: 256, D: 64 });
    expect(linformer.cost).toBe(4096 * 256 * 64);
    expect(linformer.vsFull).toBe(256 / 4096);
    expect(linformer.causal).toBe(false);
  });

  it('applies --set globally and per method', () => {
    const { stdout } = runBuiltCli(['rank', '--format', 'json', '--set', 'k=32', '--set', 'linformer.k=512']);
    const rows = (JSON.parse(stdout) as { rows: Array<{ name: string; cost: number; values: Record<string, number> }> }).rows;
    const byName = new Map(rows.map((row) => [row.name, row]));
    expect(byName.get('Linformer')!.values.k).toBe(512);
    expect(byName.get('EMA')!.values.k).toBe(32);
    expect(byName.get('EMA')!.cost).toBe(4096 * 32 * 64);
  });

  it('uses the log base given', () => {
    const { stdout } = runBuiltCli(['rank', '--format', 'json', '--log-base', '10', '--N', '1000']);
    const result = JSON.parse(stdout) as { logBase: number; rows: Array<{ name: string; cost: number }> };
    expect(result.logBase).toBe(10);
    expect(result.rows.find((row) => row.name === 'SCRAM')!.cost).toBeCloseTo(1000 * 3 * 64, 6);
  });

  it('prints CSV with a header and 49 rows', () => {
    const { status, stdout } = runBuiltCli(['rank', '--format', 'csv']);
    expect(status).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('rank,name,cost,vs_full,causal,baseline,values');
    expect(lines).toHaveLength(50);
    expect(lines.some((line) => line.includes('"N = 4096, D = 64"'))).toBe(true);
  });

  it('prints a Markdown table', () => {
    const { status, stdout } = runBuiltCli(['rank', '--format', 'md']);
    expect(status).toBe(0);
    const tableLines = stdout.split('\n').filter((line) => line.startsWith('|'));
    expect(tableLines).toHaveLength(51);
    expect(tableLines[0]).toBe('| rank | method | cost | vs full | causal | values |');
  });

  it('warns when a cost is not positive and ranks it last', () => {
    // BP-Transformer's log(N/k) is 0 at N = k.
    const { status, stdout, stderr } = runBuiltCli(['rank', '--format', 'json', '--N', '4', '--set', 'BP-Transformer.k=4']);
    expect(status).toBe(0);
    expect(stderr).toBe('warning: BP-Transformer: cost is zero at N = 4, k = 4, D = 64; ranked last.\n');
    const rows = (JSON.parse(stdout) as { rows: Array<{ name: string; cost: number | null; note?: string }> }).rows;
    expect(rows.at(-1)).toMatchObject({ name: 'BP-Transformer', cost: null, note: 'cost is zero at these sizes' });
  });
});

describe('attncost plot', () => {
  it('writes the default PNG under out/', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'attncost-plot-'));
    const { status, stdout, stderr } = runBuiltCli(['plot'], { cwd });
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const file = join(cwd, 'out', 'cost-vs-N.png');
    expect(stdout).toBe(`Wrote ${file}\n`);
    const png = readFileSync(file);
    expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    // IHDR contains the width and height as big-endian 32-bit integers at bytes 16 and 20.
    expect(png.readUInt32BE(16)).toBe(1200);
    expect(png.readUInt32BE(20)).toBe(800);
    expect(readdirSync(join(cwd, 'out'))).toEqual(['cost-vs-N.png']);
  });

  it('writes an SVG that parses as XML', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'attncost-plot-'));
    const { status } = runBuiltCli(['plot', '--format', 'svg', '--out', 'figure.svg', '--from', '1K', '--to', '64K'], { cwd });
    expect(status).toBe(0);
    const svg = readFileSync(join(cwd, 'figure.svg'), 'utf8');
    const { XMLValidator } = await import('fast-xml-parser');
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toMatch(/<svg[^>]*width="1200/);
  });

  it('rejects a range whose start is above its end', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'attncost-plot-'));
    const { status, stderr } = runBuiltCli(['plot', '--from', '4096', '--to', '128'], { cwd });
    expect(status).toBe(2);
    expect(stderr).toBe('error: --from 4096 must be smaller than --to 128; swap them or widen the range.\n');
    expect(existsSync(join(cwd, 'out'))).toBe(false);
  });
});

describe('attncost errors', () => {
  it('rejects an unknown command with a suggestion', () => {
    const { status, stderr, stdout } = runBuiltCli(['rnak']);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('Did you mean rank?');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('rejects an unknown option with the closest one', () => {
    const { status, stderr } = runBuiltCli(['plot', '--hieght', '300']);
    expect(status).toBe(2);
    expect(stderr).toBe('error: Unknown option --hieght. Did you mean --height? Run "attncost plot --help" to see the options.\n');
  });

  it('suggests the closest format', () => {
    const { status, stderr } = runBuiltCli(['rank', '--format', 'jsn']);
    expect(status).toBe(2);
    expect(stderr).toBe('error: Invalid --format "jsn": use table, json, csv, md or tex (did you mean json?).\n');
  });

  it('lists the formats without a far-fetched suggestion', () => {
    const { status, stderr } = runBuiltCli(['list', '--format', 'xml']);
    expect(status).toBe(2);
    expect(stderr).toBe('error: Invalid --format "xml": use table or json.\n');
  });

  it('reads a format in any case', () => {
    const { status, stdout } = runBuiltCli(['rank', '--format', 'JSON']);
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toHaveProperty('logBase', 2);
  });

  it('asks for the value of an option given without one', () => {
    const { status, stderr } = runBuiltCli(['rank', '--N']);
    expect(status).toBe(2);
    expect(stderr).toBe('error: Missing a value after --N; write it as --N VALUE.\n');
  });

  it('takes the last of a repeated option and every --set', () => {
    const { status, stdout } = runBuiltCli(['rank', '--N', '1', '--N', '2048', '--set', 'k=8', '--set', 'Linformer.k=2', '--format', 'json']);
    expect(status).toBe(0);
    const rows = (JSON.parse(stdout) as { rows: Array<{ name: string; values: Record<string, number> }> }).rows;
    expect(rows.find((row) => row.name === 'EMA')!.values).toEqual({ N: 2048, k: 8, D: 64 });
    expect(rows.find((row) => row.name === 'Linformer')!.values).toEqual({ N: 2048, k: 2, D: 64 });
  });

  it('names an invalid size', () => {
    const { status, stderr } = runBuiltCli(['rank', '--N', 'abc']);
    expect(status).toBe(2);
    expect(stderr).toBe('error: Invalid value "abc" for --N: expected a positive number such as 4096, 1e6 or 64K.\n');
  });

  it('rejects each invalid size with its own message', () => {
    const cases: Array<[string, string]> = [
      ['0', 'error: Invalid value "0" for --N: sizes must be greater than 0.\n'],
      ['1e400', 'error: Value "1e400" for --N is too large: use a number no larger than 2^53 (9007199254740992).\n'],
      ['NaN', 'error: Invalid value "NaN" for --N: expected a positive number such as 4096, 1e6 or 64K.\n'],
      ['12345678901234567890', 'error: Value "12345678901234567890" for --N is too large: use a number no larger than 2^53 (9007199254740992).\n'],
    ];
    for (const [value, message] of cases) {
      const { status, stdout, stderr } = runBuiltCli(['rank', '--N', value]);
      expect(status, value).toBe(2);
      expect(stdout, value).toBe('');
      expect(stderr, value).toBe(message);
    }
  });

  it('names an output folder that cannot be written', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'attncost-plot-'));
    writeFileSync(join(cwd, 'blocker'), 'a file, not a folder');
    const { status, stderr } = runBuiltCli(['plot', '--out', 'blocker/figure.png'], { cwd });
    expect(status).toBe(1);
    expect(stderr).toBe(
      `error: Cannot create the output folder ${join(cwd, 'blocker')} (a part of the path is a file, not a folder); choose another folder with --out.\n`,
    );
  });

  it('rejects a negative size given after the flag', () => {
    const { status, stderr } = runBuiltCli(['rank', '--N', '-3']);
    expect(status).toBe(2);
    expect(stderr).toBe('error: Invalid value "-3" for --N: sizes must be greater than 0.\n');
  });

  it('suggests the closest method name in --set', () => {
    const { status, stderr } = runBuiltCli(['rank', '--set', 'Linformr.k=3']);
    expect(status).toBe(2);
    expect(stderr).toBe('error: Unknown method "Linformr". Did you mean "Linformer"? Run "attncost list" to see every method.\n');
  });

  it('rejects a malformed --set', () => {
    for (const text of ['k=', '=3', 'k=3=4', 'k']) {
      const { status, stderr } = runBuiltCli(['rank', '--set', text]);
      expect(status, text).toBe(2);
      expect(stderr, text).toBe(`error: Invalid --set "${text}": write SYMBOL=VALUE (k=32) or METHOD.SYMBOL=VALUE (Linformer.k=256).\n`);
    }
  });

  it('reads a negative value inside --set as a value', () => {
    const { status, stderr } = runBuiltCli(['rank', '--set', 'k=-3']);
    expect(status).toBe(2);
    expect(stderr).toBe('error: Invalid value "-3" for --set k: sizes must be greater than 0.\n');
  });

  it('rejects an invalid log base', () => {
    const { status, stderr } = runBuiltCli(['rank', '--log-base', '1']);
    expect(status).toBe(2);
    expect(stderr).toBe('error: Invalid log base "1": use 2, 10, e or any positive number other than 1.\n');
  });

  it('warns about a symbol no method uses', () => {
    const { status, stderr } = runBuiltCli(['rank', '--set', 'q=3']);
    expect(status).toBe(0);
    expect(stderr).toBe('warning: Symbol q is set but used by no selected method; check its spelling (symbols are case-sensitive).\n');
  });
});
