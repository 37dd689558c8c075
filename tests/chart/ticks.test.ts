import { describe, expect, it } from 'vitest';

import {
  binaryUnitLegend,
  formatTickLabel,
  logAxisDomain,
  measureTickLabel,
  planLogTicks,
  powerOfTenLabel,
  powerOfTwoLabel,
  superscript,
  type LogAxisDomain,
  type LogTickPlan,
  type TickStyle,
} from '../../src/chart/index.js';
import { HORIZONTAL_LABEL_GAP_EM, VERTICAL_LABEL_PITCH_EM } from '../../src/chart/ticks.js';
import { estimateTextWidth } from '../../src/chart/typography.js';

const FONT_PX = 10;
const estimate = (text: string, fontPx: number) => estimateTextWidth(text, fontPx);

function plan(domain: LogAxisDomain, style: TickStyle, axisLengthPx: number, orientation: 'horizontal' | 'vertical'): LogTickPlan {
  return planLogTicks({
    domain,
    style,
    axisLengthPx,
    orientation,
    fontSizePx: FONT_PX,
    measureLabel: (label) => measureTickLabel(label, FONT_PX, estimate),
  });
}

/** Horizontal extent of each labelled tick, from the tick's position along the axis. */
function labelSpans(result: LogTickPlan, domain: LogAxisDomain, axisLengthPx: number) {
  const span = domain.maxExponent - domain.minExponent;
  return result.ticks
    .filter((tick) => tick.labelled)
    .map((tick) => {
      const centre = ((tick.exponent - domain.minExponent) / span) * axisLengthPx;
      const width = measureTickLabel(tick.label, FONT_PX, estimate);
      return { text: formatTickLabel(tick.exponent, 'binary'), left: centre - width / 2, right: centre + width / 2 };
    });
}

describe('binary tick labels', () => {
  it('labels powers of two compactly', () => {
    const cases: [number, string][] = [
      [0, '1'],
      [7, '128'],
      [9, '512'],
      [10, '1K'],
      [11, '2K'],
      [16, '64K'],
      [17, '128K'],
      [19, '512K'],
      [20, '1M'],
      [30, '1G'],
      [40, '1T'],
      [69, '512E'],
    ];
    for (const [exponent, label] of cases) {
      expect(powerOfTwoLabel(exponent)).toEqual({ base: label });
      expect(formatTickLabel(exponent, 'binary')).toBe(label);
    }
  });

  it('uses superscripts outside 2^0 to 2^69', () => {
    expect(powerOfTwoLabel(-3)).toEqual({ base: '2', exponent: '\u22123' });
    expect(formatTickLabel(-3, 'binary')).toBe('2⁻³');
    expect(formatTickLabel(70, 'binary')).toBe('2⁷⁰');
  });

  it('names the binary units in the domain', () => {
    expect(binaryUnitLegend({ base: 2, minExponent: 7, maxExponent: 17 })).toBe('K = 1024');
    expect(binaryUnitLegend({ base: 2, minExponent: 4, maxExponent: 30 })).toBe('K = 1024, M = 1024², G = 1024³');
    expect(binaryUnitLegend({ base: 2, minExponent: 2, maxExponent: 9 })).toBeUndefined();
  });
});

describe('decimal tick labels', () => {
  it('labels every power of ten as 10 with an exponent', () => {
    expect(powerOfTenLabel(6)).toEqual({ base: '10', exponent: '6' });
    expect(powerOfTenLabel(0)).toEqual({ base: '10', exponent: '0' });
    expect(powerOfTenLabel(-2)).toEqual({ base: '10', exponent: '\u22122' });
    expect(formatTickLabel(6, 'decimal')).toBe('10⁶');
    expect(formatTickLabel(12, 'decimal')).toBe('10¹²');
    expect(formatTickLabel(-2, 'decimal')).toBe('10⁻²');
  });

  it('writes superscript integers', () => {
    expect(superscript(1234567890)).toBe('¹²³⁴⁵⁶⁷⁸⁹⁰');
    expect(superscript(-45)).toBe('⁻⁴⁵');
    expect(() => superscript(1.5)).toThrow(RangeError);
  });
});

describe('log axis domain', () => {
  it('keeps exact powers as ends', () => {
    expect(logAxisDomain([128, 1024, 131072], 2)).toEqual({ base: 2, minExponent: 7, maxExponent: 17 });
    expect(logAxisDomain([1e-3, 1e6], 10)).toEqual({ base: 10, minExponent: -3, maxExponent: 6 });
  });

  it('pads to whole powers', () => {
    expect(logAxisDomain([100, 1000], 2)).toEqual({ base: 2, minExponent: 6, maxExponent: 10 });
    expect(logAxisDomain([3.2e4, 7.1e12], 10)).toEqual({ base: 10, minExponent: 4, maxExponent: 13 });
  });

  it('widens a single power', () => {
    expect(logAxisDomain([1000], 10)).toEqual({ base: 10, minExponent: 2, maxExponent: 4 });
  });

  it('ignores unusable values', () => {
    expect(logAxisDomain([Number.NaN, -5, 0, Infinity, 64], 2)).toEqual({ base: 2, minExponent: 5, maxExponent: 7 });
    expect(logAxisDomain([], 10)).toEqual({ base: 10, minExponent: 0, maxExponent: 1 });
  });
});

describe('tick plan', () => {
  const sequenceDomain: LogAxisDomain = { base: 2, minExponent: 7, maxExponent: 17 };
  const widths = [60, 80, 120, 160, 200, 260, 320, 400, 480, 640, 1000, 3000];

  it('never overlaps x labels for 128 to 128K', () => {
    for (const width of widths) {
      const spans = labelSpans(plan(sequenceDomain, 'binary', width, 'horizontal'), sequenceDomain, width);
      for (let index = 1; index < spans.length; index++) {
        const gap = spans[index]!.left - spans[index - 1]!.right;
        expect(gap, `gap between ${spans[index - 1]!.text} and ${spans[index]!.text} at ${width} px`).toBeGreaterThanOrEqual(
          HORIZONTAL_LABEL_GAP_EM * FONT_PX,
        );
      }
    }
  });

  it('labels every power on a long axis', () => {
    const result = plan(sequenceDomain, 'binary', 1000, 'horizontal');
    expect(result.labelStride).toBe(1);
    expect(result.ticks.filter((tick) => tick.labelled).map((tick) => formatTickLabel(tick.exponent, 'binary'))).toEqual([
      '128',
      '256',
      '512',
      '1K',
      '2K',
      '4K',
      '8K',
      '16K',
      '32K',
      '64K',
      '128K',
    ]);
  });

  it('thins labels on a short axis', () => {
    const result = plan(sequenceDomain, 'binary', 200, 'horizontal');
    const labelled = result.ticks.filter((tick) => tick.labelled).map((tick) => formatTickLabel(tick.exponent, 'binary'));
    expect(result.labelStride).toBeGreaterThan(1);
    expect(labelled.length).toBeGreaterThanOrEqual(2);
    expect(labelled.length).toBeLessThan(11);
  });

  it('labels both ends when the stride divides the span', () => {
    for (const width of [120, 200, 320]) {
      const result = plan(sequenceDomain, 'binary', width, 'horizontal');
      const labelled = result.ticks.filter((tick) => tick.labelled).map((tick) => tick.exponent);
      if (10 % result.labelStride === 0) {
        expect(labelled[0], `first label at ${width} px`).toBe(7);
        expect(labelled[labelled.length - 1], `last label at ${width} px`).toBe(17);
      }
    }
  });

  it('puts labels on round values otherwise', () => {
    const domain: LogAxisDomain = { base: 10, minExponent: 4, maxExponent: 13 };
    const result = plan(domain, 'decimal', 100, 'vertical');
    const labelled = result.ticks.filter((tick) => tick.labelled).map((tick) => tick.exponent);
    expect(result.labelStride).toBe(2);
    expect(labelled).toEqual([4, 6, 8, 10, 12]);
  });

  it('keeps vertical labels a line apart', () => {
    const domain: LogAxisDomain = { base: 10, minExponent: -5, maxExponent: 40 };
    for (const height of [80, 150, 250, 400, 800, 1800]) {
      const result = plan(domain, 'decimal', height, 'vertical');
      const pitch = height / (domain.maxExponent - domain.minExponent);
      const labelled = result.ticks.filter((tick) => tick.labelled).map((tick) => tick.exponent);
      for (let index = 1; index < labelled.length; index++) {
        const distance = (labelled[index]! - labelled[index - 1]!) * pitch;
        expect(distance, `label distance at ${height} px`).toBeGreaterThanOrEqual(VERTICAL_LABEL_PITCH_EM * FONT_PX);
      }
    }
  });

  it('puts every label on a gridline', () => {
    for (const width of widths) {
      const result = plan(sequenceDomain, 'binary', width, 'horizontal');
      const exponents = result.ticks.map((tick) => tick.exponent);
      expect(exponents[0]).toBe(7);
      expect(exponents[exponents.length - 1]).toBe(17);
      expect([...exponents].sort((a, b) => a - b)).toEqual(exponents);
      for (const tick of result.ticks) {
        expect(tick.value).toBe(2 ** tick.exponent);
      }
      expect(result.labelStride % result.gridStride).toBe(0);
    }
  });
});
