import { describe, expect, it } from 'vitest';

import { figureTheme, layoutFrame, layoutLegend, type LegendLayout, type LegendLayoutRequest } from '../../src/chart/index.js';
import { estimateTextWidth } from '../../src/chart/typography.js';
import { methodRecords } from '../render/sample-specs.js';

const labels = ['Full attention (baseline)', ...methodRecords().map((record) => record.name)];
const estimate = (text: string, fontPx: number) => estimateTextWidth(text, fontPx);

function request(overrides: Partial<LegendLayoutRequest>): LegendLayoutRequest {
  return {
    labels,
    placement: 'right',
    maxWidthPx: 250,
    maxHeightPx: 320,
    maxFontPx: 9.35,
    minFontPx: 6.5,
    minSwatchLengthPx: 19,
    measure: estimate,
    ...overrides,
  };
}

/** Check that every cell of the layout lies inside its region and that no two cells overlap. */
function expectCellsInside(layout: LegendLayout, widthPx: number, heightPx: number): void {
  const boxes = layout.cells.map((cell) => {
    const sample = cell.entry >= 0 ? layout.swatchLengthPx + layout.swatchGapPx : 0;
    return {
      text: cell.text,
      left: cell.x,
      top: cell.y,
      right: cell.x + sample + estimate(cell.text, layout.fontPx),
      bottom: cell.y + layout.rowHeightPx,
    };
  });

  for (const box of boxes) {
    expect(box.left, box.text).toBeGreaterThanOrEqual(0);
    expect(box.top, box.text).toBeGreaterThanOrEqual(0);
    expect(box.right, box.text).toBeLessThanOrEqual(widthPx + 1e-9);
    expect(box.bottom, box.text).toBeLessThanOrEqual(heightPx + 1e-9);
  }
  for (let a = 0; a < boxes.length; a++) {
    for (let b = a + 1; b < boxes.length; b++) {
      const first = boxes[a]!;
      const second = boxes[b]!;
      // Rows touch exactly, so allow for rounding in the row positions.
      const tolerance = 1e-6;
      const apart =
        first.right <= second.left + tolerance ||
        second.right <= first.left + tolerance ||
        first.bottom <= second.top + tolerance ||
        second.bottom <= first.top + tolerance;
      expect(apart, `${first.text} and ${second.text}`).toBe(true);
    }
  }
}

describe('legend layout', () => {
  it('fits 49 entries beside a 640×400 plot', () => {
    const layout = layoutLegend(request({}));
    expect(layout.hiddenCount).toBe(0);
    expect(layout.cells).toHaveLength(49);
    expect(layout.columns).toBe(2);
    expectCellsInside(layout, 250, 320);
  });

  it('fills columns top to bottom', () => {
    const layout = layoutLegend(request({}));
    expect(layout.cells[0]!.text).toBe('Full attention (baseline)');
    expect(layout.cells[1]!.x).toBe(layout.cells[0]!.x);
    expect(layout.cells[1]!.y).toBeGreaterThan(layout.cells[0]!.y);
  });

  it('uses the largest font that fits', () => {
    const roomy = layoutLegend(request({ maxWidthPx: 2000, maxHeightPx: 2000 }));
    expect(roomy.fontPx).toBe(9.35);
    expect(roomy.columns).toBe(1);
    const tight = layoutLegend(request({}));
    expect(tight.fontPx).toBeLessThan(9.35);
    expect(tight.fontPx).toBeGreaterThanOrEqual(6.5);
  });

  it('prefers few rows below the plot', () => {
    const layout = layoutLegend(request({ placement: 'bottom', maxWidthPx: 1180, maxHeightPx: 300 }));
    expect(layout.hiddenCount).toBe(0);
    expect(layout.columns).toBeGreaterThan(4);
    expectCellsInside(layout, 1180, 300);
  });

  it('marks entries that cannot fit', () => {
    const layout = layoutLegend(request({ maxWidthPx: 150, maxHeightPx: 100 }));
    expect(layout.hiddenCount).toBeGreaterThan(0);
    const last = layout.cells[layout.cells.length - 1]!;
    expect(last.entry).toBe(-1);
    expect(last.text).toBe(`+${layout.hiddenCount} more`);
    expect(layout.cells.filter((cell) => cell.entry >= 0)).toHaveLength(49 - layout.hiddenCount);
    expect(layout.fontPx).toBe(6.5);
    expectCellsInside(layout, 150, 100);
  });

  it('draws nothing in a region smaller than a row', () => {
    const layout = layoutLegend(request({ maxWidthPx: 150, maxHeightPx: 5 }));
    expect(layout.cells).toHaveLength(0);
    expect(layout.hiddenCount).toBe(49);
  });

  it('keeps the caption inside the width', () => {
    const layout = layoutLegend(request({ caption: '● causal   ○ not causal' }));
    expect(layout.hasCaption).toBe(true);
    expect(layout.cells[0]!.y).toBe(layout.rowHeightPx);
    expect(layout.widthPx).toBeGreaterThanOrEqual(estimate('● causal   ○ not causal', layout.fontPx));
    expectCellsInside(layout, 250, 320);
  });
});

describe('frame layout', () => {
  const sizes: [number, number][] = [
    [640, 400],
    [1200, 800],
    [3000, 2000],
  ];

  for (const [width, height] of sizes) {
    it(`keeps the legend on the canvas at ${width}×${height}`, () => {
      const theme = figureTheme(width, height);
      const frame = layoutFrame({
        widthPx: width,
        heightPx: height,
        theme,
        title: 'Attention cost against sequence length',
        subtitle: 'D = 64, b = 64, k = 32, r = 16; logarithms base 2',
        xTitle: 'sequence length N (tokens)',
        yTitle: 'cost (operations, constant factors omitted)',
        yTickLabels: [{ base: '10', exponent: '13' }],
        notes: ['Not drawn: Product Key Attention.'],
        legendLabels: labels,
        legend: 'auto',
        rightLegendGapPx: theme.baseFontPx + 15,
        measure: (text, fontPx, weight) => estimateTextWidth(text, fontPx, weight),
      });

      const legend = frame.legend!;
      expect(legend.hiddenCount).toBe(0);
      const innerWidth = width - 2 * theme.paddingPx;
      const innerHeight = height - 2 * theme.paddingPx - frame.header.heightPx - frame.notes.heightPx;
      expect(legend.widthPx + (legend.placement === 'right' ? frame.legendGapPx : 0)).toBeLessThanOrEqual(innerWidth);
      expect(legend.heightPx).toBeLessThanOrEqual(innerHeight);
      expectCellsInside(legend, legend.widthPx, legend.heightPx);
      expect(legend.fontPx).toBeGreaterThanOrEqual(theme.legendMinFontPx);
    });
  }

  it('wraps a long y title to the plot height', () => {
    const theme = figureTheme(640, 400);
    const frame = layoutFrame({
      widthPx: 640,
      heightPx: 400,
      theme,
      title: 'Title',
      subtitle: '',
      xTitle: 'x',
      yTitle: 'a very long axis title that cannot possibly fit along the height of a small plot in one line',
      yTickLabels: [],
      notes: [],
      legendLabels: labels,
      legend: 'bottom',
      rightLegendGapPx: 20,
      measure: (text, fontPx, weight) => estimateTextWidth(text, fontPx, weight),
    });
    expect(frame.yTitle.lines.length).toBeGreaterThan(1);
    expect(frame.header.lines).toHaveLength(1);
  });
});
