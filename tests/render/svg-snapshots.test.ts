/**
 * Snapshot tests of the SVG output. Each configuration is rendered and compared byte for byte
 * with tests/render/snapshots/NAME.svg. On a mismatch the new output is written beside it as
 * NAME.changed.svg for review (open both in a browser); if the change is intended, rerun with
 * ATTNCOST_UPDATE_SNAPSHOTS=1 to accept it. renderChart already normalises the parts of Cairo's
 * SVG that change between runs, so equal input gives equal bytes.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { assignments, defaultMethods, defaultSymbols, selectMethods, WarningLog, type EvaluationContext } from '../../src/index.js';
import { costFigure, type CostFigureOptions } from '../../src/figures.js';
import { renderChart } from '../../src/render/index.js';

const SNAPSHOTS = fileURLToPath(new URL('./snapshots/', import.meta.url));
const UPDATE = process.env.ATTNCOST_UPDATE_SNAPSHOTS === '1';

interface Case {
  name: string;
  patterns?: string[];
  global?: Record<string, number>;
  options: Omit<CostFigureOptions, 'width' | 'height'>;
}

// Few points per curve keep the snapshot files small; the drawing code is the same at any count.
const CASES: Case[] = [
  { name: 'few-curves', patterns: ['Linformer', 'Performer*', 'Longformer'], options: { range: { variable: 'N', from: 128, to: 131072, points: 12 } } },
  { name: 'all-49', options: { range: { variable: 'N', from: 128, to: 131072, points: 12 } } },
  { name: 'relative', patterns: ['Linformer', 'Reformer', 'Sparse Transformer', 'BigBird'], options: { range: { variable: 'N', from: 128, to: 131072, points: 12 }, relative: true } },
  { name: 'sweep-D', patterns: ['Linformer', 'Reformer', 'Efficient Attention', 'Performer(FAVOR)'], global: { N: 4096 }, options: { range: { variable: 'D', from: 10, to: 1000, points: 12 } } },
];

function renderCase(testCase: Case): string {
  const methods = selectMethods(defaultMethods(), { patterns: testCase.patterns ?? [] });
  const context: EvaluationContext = { symbols: defaultSymbols(), assignments: assignments(testCase.global ?? {}), logBase: 2 };
  const config = costFigure(methods, context, { ...testCase.options, width: 640, height: 400 }, new WarningLog());
  return renderChart(config, { format: 'svg', width: 640, height: 400 }).toString('utf8');
}

describe('SVG snapshots', () => {
  for (const testCase of CASES) {
    it(`matches the snapshot: ${testCase.name}`, () => {
      const expectedPath = `${SNAPSHOTS}${testCase.name}.svg`;
      const changedPath = `${SNAPSHOTS}${testCase.name}.changed.svg`;
      const actual = renderCase(testCase);

      if (UPDATE) {
        writeFileSync(expectedPath, actual);
        rmSync(changedPath, { force: true });
        return;
      }
      expect(existsSync(expectedPath), `missing ${expectedPath}; run with ATTNCOST_UPDATE_SNAPSHOTS=1 to create it`).toBe(true);

      const expected = readFileSync(expectedPath, 'utf8');
      if (actual !== expected) writeFileSync(changedPath, actual);
      else rmSync(changedPath, { force: true });
      expect(actual === expected, `SVG differs from ${expectedPath}; the new output is in ${changedPath}`).toBe(true);
    });
  }
});
