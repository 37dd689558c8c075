/**
 * Fuzzing the CLI entry point in-process with random argument lists and random methods files.
 * Whatever comes in, the CLI must exit 0 or 2 (nothing here writes files, so the failure status
 * 1 would mean an unexpected error), print errors as one "error:" message without a stack
 * trace, and never print NaN or undefined as a result.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../src/cli/io.js';
import { runCli } from '../src/cli/run.js';

async function run(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    cwd: tmpdir(),
    env: { NO_COLOR: '1' },
    isTTY: false,
  };
  const status = await runCli(args, io);
  return { status, stdout, stderr };
}

function expectDocumentedOutcome(result: { status: number; stdout: string; stderr: string }, args: string[]): void {
  const context = JSON.stringify(args);
  expect([0, 2], context).toContain(result.status);
  if (!args.includes('--debug')) expect(result.stderr, context).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(result.stderr, context).not.toMatch(/TypeError|ReferenceError|RangeError|Cannot read properties/);
  expect(result.stdout, context).not.toMatch(/\bNaN\b|\bundefined\b/);
  if (result.status === 2) expect(result.stderr, context).toMatch(/^(warning: .*\n)*error: \S/);
}

const values = fc.oneof(
  fc.constantFrom('0', '-3', '1e400', 'NaN', 'abc', '12345678901234567890', '64K', '1M', '4096', '2', '0.5', '', ' ', '1e-9'),
  fc.string({ maxLength: 6 }),
);
const setValues = fc.oneof(
  fc.constantFrom('k=', '=3', 'k=3=4', 'k=-3', 'k=32', 'Linformer.k=256', 'linformr.k=2', 'q=1', 'n_b=4', '.k=3', 'Linformer.=3'),
  fc.tuple(fc.string({ maxLength: 4 }), values).map(([name, value]) => `${name}=${value}`),
);
const option = fc.oneof(
  fc.tuple(fc.constantFrom('--N', '--D', '--log-base', '--format', '--methods'), values).map(([flag, value]) => [flag, value]),
  setValues.map((value) => ['--set', value]),
  fc.constantFrom(['--causal'], ['--debug'], ['--help'], ['--bogus', '1'], ['-X'], ['--N'], ['--format', 'tex'], ['--format', 'md'], ['--format', 'csv']),
);
const command = fc.constantFrom('list', 'rank', 'parse', 'eval', 'rnak', '');
const formula = fc.oneof(
  fc.constantFrom('N^2 D', '\\log(N/k)*N', '\\frac{N}{0}', 'O(n \\log n)', '1/2N', '{N', 'N^', '\\log(0)', 'N^{1e400}', 'x'),
  fc.string({ maxLength: 12 }),
);

describe('CLI fuzz', () => {
  it('random argument lists end in documented outcomes', async () => {
    await fc.assert(
      fc.asyncProperty(command, formula, fc.array(option, { maxLength: 5 }), async (name, text, options) => {
        const args = [name, ...(name === 'parse' || name === 'eval' ? [text] : []), ...options.flat()].filter((arg) => arg !== '');
        expectDocumentedOutcome(await run(args), args);
      }),
      { seed: 20261204, numRuns: 200 },
    );
  });

  it('random methods files end in documented outcomes', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'attncost-fuzz-'));
    const entry = fc.record(
      {
        name: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('Linformer', 'A', '__proto__', 'constructor'), fc.integer()),
        complexity: fc.oneof(formula, fc.constant(42)),
        causal: fc.oneof(fc.boolean(), fc.constant('yes')),
        arxiv_id: fc.string({ maxLength: 10 }),
        symbols: fc.dictionary(fc.constantFrom('w', 'x', 'N', 'constructor'), fc.record({ meaning: fc.string({ maxLength: 5 }), default: formula })),
      },
      { requiredKeys: [] },
    );
    const file = fc.oneof(
      fc.array(entry, { maxLength: 4 }).map((entries) => JSON.stringify(entries)),
      fc.constantFrom('{', '[', '{"name": "A"}', 'null', '[1, 2]', '[{"name": "A", "complexity": "N", "causal": true, "__proto__": {}}]', ''),
    );
    let counter = 0;
    await fc.assert(
      fc.asyncProperty(file, async (contents) => {
        const path = join(folder, `methods-${counter++}.json`);
        writeFileSync(path, contents);
        const args = ['rank', '--methods-file', path, '--format', 'json'];
        expectDocumentedOutcome(await run(args), [...args, contents]);
      }),
      { seed: 20261204, numRuns: 80 },
    );
  });
});
