import { createCanvas, loadImage } from 'canvas';
import { describe, expect, it } from 'vitest';

import { assignSeriesStyles, FIGURE_PLUGIN_ID, type FigureLayoutReport } from '../../src/chart/index.js';
import {
  buildHeatmapChart,
  cellEdges,
  formatShare,
  heatmapLegendEntries,
  NO_WINNER_COLOR,
  regionStyles,
  type HeatmapMethod,
  type HeatmapSpec,
} from '../../src/chart/heatmap.js';
import { renderChart } from '../../src/render/index.js';

/** Thirteen methods, so that the first and the thirteenth in name order share a palette colour. */
const METHODS: HeatmapMethod[] = [
  ...Array.from({ length: 13 }, (_, i) => ({ name: `Method ${String.fromCharCode(65 + i)}`, baseline: false })),
  { name: 'Full attention', baseline: true },
];

/** Builds a 3 × 2 map over whole powers of two, so that the map fills the plot exactly. */
function smallSpec(cells: number[], overrides: Partial<HeatmapSpec> = {}): HeatmapSpec {
  return {
    x: { values: [128, 1024, 8192], title: 'sequence length N (tokens)' },
    y: { values: [16, 256], title: 'head dimension D' },
    methods: METHODS,
    cells,
    title: 'Cheapest method',
    subtitle: 'test map',
    width: 640,
    height: 480,
    ...overrides,
  };
}

function hexToRgb(color: string): number[] {
  return [1, 3, 5].map((offset) => parseInt(color.slice(offset, offset + 2), 16));
}

async function renderPng(spec: HeatmapSpec): Promise<{ pixels: Uint8ClampedArray; width: number; height: number; report: FigureLayoutReport }> {
  const config = buildHeatmapChart(spec);
  let report: FigureLayoutReport | undefined;
  config.options!.plugins![FIGURE_PLUGIN_ID] = {
    ...config.options!.plugins![FIGURE_PLUGIN_ID],
    onLayout: (placed) => {
      report = placed;
    },
  };
  const png = renderChart(config, { format: 'png', width: spec.width, height: spec.height });
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  if (report === undefined) throw new Error('the figure plugin reported no layout');
  return { pixels: ctx.getImageData(0, 0, image.width, image.height).data, width: image.width, height: image.height, report };
}

function pixelAt(image: { pixels: Uint8ClampedArray; width: number }, x: number, y: number): number[] {
  const offset = (Math.round(y) * image.width + Math.round(x)) * 4;
  return [...image.pixels.slice(offset, offset + 3)];
}

describe('cellEdges', () => {
  it('puts inner edges at geometric midpoints', () => {
    expect(cellEdges([128, 512, 2048])).toEqual([128, 256, 1024, 2048]);
  });

  it('ends at the first and last values', () => {
    const edges = cellEdges([3, 7, 11, 13]);
    expect(edges[0]).toBe(3);
    expect(edges[edges.length - 1]).toBe(13);
    expect(edges).toHaveLength(5);
  });

  it('gives a single value a cell of one octave', () => {
    const [low, high] = cellEdges([64]);
    expect(low).toBeCloseTo(64 / Math.SQRT2, 12);
    expect(high).toBeCloseTo(64 * Math.SQRT2, 12);
  });
});

describe('heatmap colours', () => {
  it('match the cost figure palette', () => {
    const styles = regionStyles(smallSpec([0, 1, 2, 3, 4, 13]));
    const palette = assignSeriesStyles(METHODS.filter((m) => !m.baseline).map((m) => m.name), ['Full attention']);
    for (const index of [0, 1, 2, 3, 4]) {
      expect(styles.get(index)!.color, METHODS[index]!.name).toBe(palette.get(METHODS[index]!.name)!.color);
      expect(styles.get(index)!.hatch).toBe('none');
    }
    expect(styles.get(13)!.color).toBe('#000000');
  });

  it('leave methods without cells out', () => {
    const styles = regionStyles(smallSpec([0, 0, 1, 1, 0, 1]));
    expect([...styles.keys()].sort()).toEqual([0, 1]);
  });

  it('hatch a winner sharing a colour', () => {
    // Method A and Method M are 12 apart in name order, so they share the first palette colour.
    const styles = regionStyles(smallSpec([0, 12, 12, 0, 1, 1]));
    expect(styles.get(0)!.color).toBe(styles.get(12)!.color);
    expect(styles.get(0)!.hatch).toBe('none');
    expect(styles.get(12)!.hatch).toBe('rising');
    expect(styles.get(1)!.hatch).toBe('none');
  });
});

describe('heatmap legend', () => {
  it('lists winners by share, most first', () => {
    const entries = heatmapLegendEntries(smallSpec([2, 2, 2, 0, 0, 13]));
    expect(entries.map((entry) => entry.label)).toEqual(['Method C (50.0%)', 'Method A (33.3%)', 'Full attention (baseline) (16.7%)']);
    expect(entries.map((entry) => entry.cells)).toEqual([3, 2, 1]);
  });

  it('adds cells without a winner last', () => {
    const entries = heatmapLegendEntries(smallSpec([-1, 1, 1, 1, 1, 1]));
    const last = entries[entries.length - 1]!;
    expect(last.method).toBe(-1);
    expect(last.label).toBe('no usable cost (16.7%)');
    expect(last.style.color).toBe(NO_WINNER_COLOR);
  });

  it('names the hatching of a shared colour', () => {
    const labels = heatmapLegendEntries(smallSpec([0, 12, 12, 0, 0, 1])).map((entry) => entry.label);
    expect(labels).toContain('Method M (33.3%, hatched /)');
  });

  it('formats tiny shares', () => {
    expect(formatShare(1, 100_000)).toBe('<0.1%');
    expect(formatShare(0, 10)).toBe('0.0%');
    expect(formatShare(1, 3)).toBe('33.3%');
  });
});

describe('heatmap configuration', () => {
  it('uses log axes padded to whole powers of two', () => {
    const config = buildHeatmapChart(smallSpec([0, 0, 0, 0, 0, 0], { x: { values: [100, 3000], title: 'N' }, y: { values: [20, 50], title: 'D' }, cells: [0, 0, 0, 0] }));
    const scales = config.options?.scales as Record<string, { type: string; min: number; max: number }>;
    expect(scales.x).toMatchObject({ type: 'logarithmic', min: 64, max: 4096 });
    expect(scales.y).toMatchObject({ type: 'logarithmic', min: 16, max: 64 });
  });

  it('draws no datasets', () => {
    expect(buildHeatmapChart(smallSpec([0, 1, 2, 3, 4, 5])).data.datasets).toEqual([]);
  });

  it('rejects cells of the wrong count', () => {
    expect(() => buildHeatmapChart(smallSpec([0, 1, 2]))).toThrow(/expected 6 \(x values × y values\), found 3/);
  });

  it('rejects a winner outside the methods', () => {
    expect(() => buildHeatmapChart(smallSpec([0, 1, 2, 3, 4, 14]))).toThrow(/Invalid winner 14 in cell 5/);
    expect(() => buildHeatmapChart(smallSpec([0, 1, 2, 3, 4, -2]))).toThrow(/Invalid winner -2/);
  });

  it('rejects values that do not increase', () => {
    const spec = smallSpec([0, 0, 0, 0, 0, 0], { x: { values: [128, 128, 256], title: 'N' } });
    expect(() => buildHeatmapChart(spec)).toThrow(/must increase strictly/);
  });

  it('rejects values a log axis cannot show', () => {
    const spec = smallSpec([0, 0, 0, 0, 0, 0], { y: { values: [0, 16], title: 'D' } });
    expect(() => buildHeatmapChart(spec)).toThrow(/finite values above 0/);
  });
});

describe('heatmap rendering', () => {
  it('fills each cell with its winner colour', async () => {
    const cells = [0, 1, 2, 3, 13, -1];
    const spec = smallSpec(cells);
    const image = await renderPng(spec);
    const area = image.report.chartArea;
    const styles = regionStyles(spec);

    // The axes span 2^7 to 2^13 and 2^4 to 2^8; cells are probed a quarter exponent inside
    // their edges, away from the gridlines drawn at whole powers.
    const xPixel = (exponent: number): number => area.left + ((exponent - 7) / 6) * (area.right - area.left);
    const yPixel = (exponent: number): number => area.bottom - ((exponent - 4) / 4) * (area.bottom - area.top);
    const probes = [
      { cell: 0, x: 7.25, y: 4.5 },
      { cell: 1, x: 9.75, y: 4.5 },
      { cell: 2, x: 12.75, y: 4.5 },
      { cell: 3, x: 7.25, y: 7.5 },
      { cell: 4, x: 9.75, y: 7.5 },
      { cell: 5, x: 12.75, y: 7.5 },
    ];
    for (const probe of probes) {
      const winner = cells[probe.cell]!;
      const expected = winner < 0 ? NO_WINNER_COLOR : styles.get(winner)!.color;
      expect(pixelAt(image, xPixel(probe.x), yPixel(probe.y)), `cell ${probe.cell}`).toEqual(hexToRgb(expected));
    }
  });

  it('leaves no seam between cells', async () => {
    // A 40 × 30 map with a different winner in every column, so every column boundary is an
    // edge between two colours, at fractional pixel positions.
    const nx = 40;
    const ny = 30;
    const cells = Array.from({ length: nx * ny }, (_, cell) => (cell % nx) % 12);
    const spec = smallSpec(cells, {
      x: { values: Array.from({ length: nx }, (_, i) => 128 * 2 ** ((i * 6) / (nx - 1))), title: 'N' },
      y: { values: Array.from({ length: ny }, (_, j) => 16 * 2 ** ((j * 4) / (ny - 1))), title: 'D' },
    });
    const image = await renderPng(spec);
    const area = image.report.chartArea;
    const fills = new Set([...regionStyles(spec).values()].map((style) => hexToRgb(style.color).join(',')));

    // Gridlines over the cells sit at whole powers of two; pixels near them are skipped.
    const nearGridline = (pixel: number, start: number, end: number, span: number): boolean => {
      const exponent = ((pixel - start) / (end - start)) * span;
      return Math.abs(exponent - Math.round(exponent)) * (Math.abs(end - start) / span) < 3;
    };
    let other = 0;
    for (let y = Math.ceil(area.top) + 2; y < Math.floor(area.bottom) - 2; y++) {
      if (nearGridline(y, area.bottom, area.top, 4)) continue;
      for (let x = Math.ceil(area.left) + 2; x < Math.floor(area.right) - 2; x++) {
        if (nearGridline(x, area.left, area.right, 6)) continue;
        if (!fills.has(pixelAt(image, x, y).join(','))) other += 1;
      }
    }
    expect(other).toBe(0);
  });

  it('renders SVG and PDF', () => {
    const config = buildHeatmapChart(smallSpec([0, 1, 2, 3, 4, 5]));
    const svg = renderChart(config, { format: 'svg', width: 640, height: 480 }).toString('utf8');
    expect(svg).toMatch(/<svg\b[^>]*width="640"/);
    const pdf = renderChart(config, { format: 'pdf', width: 640, height: 480 });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
