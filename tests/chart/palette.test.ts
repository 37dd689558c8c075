import { describe, expect, it } from 'vitest';

import { assignSeriesStyles, BASELINE_STYLE, DASH_PATTERNS, MARKER_SHAPES, METHOD_COLORS, styleForIndex } from '../../src/chart/index.js';
import { methodRecords } from '../render/sample-specs.js';

const methodNames = methodRecords().map((record) => record.name);

function styleKey(style: { color: string; dash: readonly number[]; marker: string }): string {
  return `${style.color}|${style.dash.join(',')}|${style.marker}`;
}

describe('palette', () => {
  it('has at least twelve distinct colours', () => {
    expect(new Set(METHOD_COLORS.map((color) => color.toLowerCase())).size).toBeGreaterThanOrEqual(12);
    expect(METHOD_COLORS.map((color) => color.toLowerCase())).not.toContain('#000000');
  });

  it('gives 192 distinct styles', () => {
    const keys = new Set<string>();
    for (let index = 0; index < METHOD_COLORS.length * DASH_PATTERNS.length * MARKER_SHAPES.length; index++) {
      keys.add(styleKey(styleForIndex(index)));
    }
    expect(keys.size).toBe(192);
  });

  it('separates shared colours by dash and marker', () => {
    for (let a = 0; a < 48; a++) {
      for (let b = a + 1; b < 48; b++) {
        const first = styleForIndex(a);
        const second = styleForIndex(b);
        if (first.color === second.color) {
          expect(first.dash, `dash of styles ${a} and ${b}`).not.toEqual(second.dash);
          expect(first.marker, `marker of styles ${a} and ${b}`).not.toBe(second.marker);
        }
      }
    }
  });

  it('rejects a negative index', () => {
    expect(() => styleForIndex(-1)).toThrow(RangeError);
  });
});

describe('style assignment', () => {
  it('is distinct for 48 methods and the baseline', () => {
    const styles = assignSeriesStyles(methodNames, ['Full attention']);
    expect(styles.size).toBe(49);
    expect(new Set([...styles.values()].map(styleKey)).size).toBe(49);
  });

  it('does not depend on series order', () => {
    const forward = assignSeriesStyles(methodNames);
    const reversed = assignSeriesStyles([...methodNames].reverse());
    for (const name of methodNames) {
      expect(reversed.get(name), name).toEqual(forward.get(name));
    }
  });

  it('is the same on every call', () => {
    const first = assignSeriesStyles(methodNames, ['Full attention']);
    const second = assignSeriesStyles([...methodNames], ['Full attention']);
    expect([...second.entries()]).toEqual([...first.entries()]);
  });

  it('draws the baseline thick, solid and black', () => {
    const styles = assignSeriesStyles(methodNames, ['Full attention']);
    const baseline = styles.get('Full attention');
    expect(baseline).toBe(BASELINE_STYLE);
    expect(baseline?.color).toBe('#000000');
    expect(baseline?.dash).toEqual([]);
    expect(baseline?.widthFactor).toBeGreaterThan(1.5);
    for (const name of methodNames) {
      expect(styles.get(name)?.color, name).not.toBe('#000000');
      expect(styles.get(name)?.widthFactor, name).toBe(1);
    }
  });

  it('shares a style between duplicate names', () => {
    const styles = assignSeriesStyles(['B', 'A', 'B']);
    expect(styles.size).toBe(2);
    expect(styles.get('A')?.index).toBe(0);
    expect(styles.get('B')?.index).toBe(1);
  });
});
