/**
 * Chart.js configuration for winner maps: the cheapest method in each cell of a grid over two
 * sizes, drawn as coloured regions on log-log axes.
 *
 * buildHeatmapChart is pure like buildCostChart: it returns a self-contained configuration and
 * does no I/O. The axes follow the tick policy of ticks.ts in its binary style on both axes,
 * because both axes carry sizes (N, D, k), which are quoted in powers of two. Each method takes
 * the colour that palette.ts gives it in a cost figure of the same methods.
 *
 * The cells are filled by a plugin, not drawn as a dataset. A scatter dataset of square points
 * would centre each square on its point and anti-alias its edges, so neighbouring squares leave
 * faint seams, and their size would have to be guessed before Chart.js has laid out the plot.
 * The plugin instead fills one rectangle per run of equal cells in a row, between cell edges
 * taken from the laid-out scales and rounded to whole device pixels, so neighbours share an
 * exact pixel boundary in PNG output. Each rectangle also reaches a little into the run to its
 * right and the row below, which are drawn after it and cover the overlap. SVG and PDF viewers
 * anti-alias every edge, and without the overlap a hairline of background would show wherever
 * two regions meet.
 */

import type { Chart, ChartConfiguration, Plugin, Scale } from 'chart.js';

import { BASELINE_LABEL_SUFFIX, buildLogAxis } from './config.js';
import type { CanvasContext } from './context.js';
import { createFigurePlugin, DEFAULT_BACKGROUND, FIGURE_PLUGIN_ID, type FigureLegendItem } from './figure-plugin.js';
import type { LegendChoice } from './frame.js';
import { assignSeriesStyles, type SeriesStyle } from './palette.js';
import { figureTheme, type FigureTheme } from './theme.js';
import { isPlannedTick, measureTickLabel } from './tick-labels.js';
import {
  binaryUnitLegend,
  logAxisDomain,
  tickLabel,
  type LogAxisDomain,
  type TickLabel,
} from './ticks.js';
import { estimateTextWidth, FONT_STACK } from './typography.js';

export interface HeatmapAxisSpec {
  /** The sampled values, strictly increasing and positive; each is the centre of one column or row of cells. */
  values: ArrayLike<number>;
  title: string;
}

export interface HeatmapMethod {
  name: string;
  baseline: boolean;
}

export interface HeatmapSpec {
  x: HeatmapAxisSpec;
  y: HeatmapAxisSpec;
  /**
   * Every method that took part, winning or not. Styles are numbered over all of them, as in a
   * cost figure, so a method has the same colour in both figures when they show the same methods.
   */
  methods: readonly HeatmapMethod[];
  /**
   * The winner of each cell as an index into `methods`, row-major: the cell at x[i], y[j] is
   * `cells[j * x.values.length + i]`. -1 marks a cell where no method has a usable cost.
   */
  cells: ArrayLike<number>;
  title: string;
  /** States every size held fixed and the log base. */
  subtitle: string;
  notes?: string[];
  legend?: 'right' | 'bottom' | 'none';
  /** CSS colour; default opaque white; 'transparent' leaves the canvas clear. */
  background?: string;
  /** Figure size in CSS pixels. */
  width: number;
  height: number;
}

/** Fill of cells where no method has a usable cost: a grey lighter than the palette's mid grey. */
export const NO_WINNER_COLOR = '#c8c8c8';

export const NO_WINNER_LABEL = 'no usable cost';

/**
 * Hatching drawn over a region whose method shares its palette colour with another winner:
 * lines rising to the right, falling to the right, or both.
 */
export type Hatch = 'none' | 'rising' | 'falling' | 'crossed';

export interface RegionStyle {
  color: string;
  hatch: Hatch;
}

export interface HeatmapLegendEntry {
  /** Index into the spec's methods, or -1 for the cells without a winner. */
  method: number;
  label: string;
  style: RegionStyle;
  cells: number;
}

const X_SCALE_ID = 'x';
const Y_SCALE_ID = 'y';
const CELLS_PLUGIN_ID = 'attncostHeatmapCells';

/** Hatch line colour: white, opaque enough to show on the palette's lightest colour (sky blue). */
const HATCH_COLOR = 'rgba(255, 255, 255, 0.85)';

/** Gridlines drawn over the cells at labelled ticks, light enough not to read as region borders. */
const OVERLAY_GRID_COLOR = 'rgba(255, 255, 255, 0.45)';

const HATCH_ORDER: readonly Hatch[] = ['rising', 'falling', 'crossed'];

/** Added to a legend label, because the legend's striped bar cannot show which hatching it is. */
const HATCH_LABELS: Readonly<Record<Hatch, string>> = { none: '', rising: ', hatched /', falling: ', hatched \\', crossed: ', cross-hatched' };

function validateAxis(axis: HeatmapAxisSpec, name: string): void {
  if (axis.values.length === 0) {
    throw new RangeError(`Invalid heatmap ${name} axis: it has no values.`);
  }
  for (let i = 0; i < axis.values.length; i++) {
    const value = axis.values[i]!;
    if (!(Number.isFinite(value) && value > 0)) {
      throw new RangeError(`Invalid ${name} value ${value} at index ${i}: a log axis needs finite values above 0.`);
    }
    if (i > 0 && !(value > axis.values[i - 1]!)) {
      throw new RangeError(`Invalid ${name} values: they must increase strictly, found ${axis.values[i - 1]} then ${value} at index ${i}.`);
    }
  }
}

function validateSpec(spec: HeatmapSpec): void {
  for (const [field, value] of [
    ['width', spec.width],
    ['height', spec.height],
  ] as const) {
    if (!Number.isFinite(value) || value <= 0) {
      throw new RangeError(`Invalid chart ${field} ${value}: expected a positive number of CSS pixels.`);
    }
  }
  validateAxis(spec.x, 'x');
  validateAxis(spec.y, 'y');

  const expected = spec.x.values.length * spec.y.values.length;
  if (spec.cells.length !== expected) {
    throw new RangeError(`Invalid heatmap cells: expected ${expected} (x values × y values), found ${spec.cells.length}.`);
  }
  for (let cell = 0; cell < spec.cells.length; cell++) {
    const winner = spec.cells[cell]!;
    if (!Number.isInteger(winner) || winner < -1 || winner >= spec.methods.length) {
      throw new RangeError(`Invalid winner ${winner} in cell ${cell}: use an index into methods (0 to ${spec.methods.length - 1}) or -1.`);
    }
  }
}

/**
 * Returns the n + 1 edges of the cells centred on n sorted values. Inner edges are geometric
 * means of neighbours, so on a log axis each edge lies halfway between two centres. The outer
 * edges are the first and last values, so the map covers exactly the sampled range, and on an
 * evenly spaced log grid the first and last cells are half as wide as the others. A single value
 * gets a cell one octave wide centred on it, from v/√2 to v·√2.
 */
export function cellEdges(values: ArrayLike<number>): number[] {
  const count = values.length;
  if (count === 1) {
    return [values[0]! * Math.SQRT1_2, values[0]! * Math.SQRT2];
  }
  const edges = [values[0]!];
  for (let i = 1; i < count; i++) {
    edges.push(Math.sqrt(values[i - 1]! * values[i]!));
  }
  edges.push(values[count - 1]!);
  return edges;
}

/** Counts the cells each method wins; the last entry counts the cells without a winner. */
function countCells(spec: HeatmapSpec): number[] {
  const counts = new Array<number>(spec.methods.length + 1).fill(0);
  for (let cell = 0; cell < spec.cells.length; cell++) {
    const winner = spec.cells[cell]!;
    counts[winner < 0 ? spec.methods.length : winner]! += 1;
  }
  return counts;
}

/**
 * Gives each winning method its cost-figure colour. The palette has 12 colours, so methods 12
 * apart in name order share one, which cost figures distinguish by dash and marker. Where two
 * winners share a colour, the one with the lower style number keeps a plain fill and the others
 * get hatching.
 */
export function regionStyles(spec: HeatmapSpec): Map<number, RegionStyle> {
  const seriesStyles = seriesStylesOf(spec.methods);
  const counts = countCells(spec);

  const byColor = new Map<string, number[]>();
  spec.methods.forEach((method, index) => {
    if (counts[index] === 0) return;
    const color = seriesStyles.get(method.name)!.color;
    byColor.set(color, [...(byColor.get(color) ?? []), index]);
  });

  const styles = new Map<number, RegionStyle>();
  for (const [color, members] of byColor) {
    const ordered = [...members].sort((a, b) => seriesStyles.get(spec.methods[a]!.name)!.index - seriesStyles.get(spec.methods[b]!.name)!.index);
    ordered.forEach((method, rank) => {
      styles.set(method, { color, hatch: rank === 0 ? 'none' : HATCH_ORDER[(rank - 1) % HATCH_ORDER.length]! });
    });
  }
  return styles;
}

function seriesStylesOf(methods: readonly HeatmapMethod[]): Map<string, SeriesStyle> {
  return assignSeriesStyles(
    methods.filter((method) => !method.baseline).map((method) => method.name),
    methods.filter((method) => method.baseline).map((method) => method.name),
  );
}

/** Formats a share of cells as a percentage with one decimal, and marks a tiny non-zero share as below 0.1 %. */
export function formatShare(cells: number, total: number): string {
  const percent = (100 * cells) / total;
  if (cells > 0 && percent < 0.05) return '<0.1%';
  return `${percent.toFixed(1)}%`;
}

/** Lists the legend entries: winners by number of cells, most first, then the cells without a winner. */
export function heatmapLegendEntries(spec: HeatmapSpec): HeatmapLegendEntry[] {
  validateSpec(spec);
  const counts = countCells(spec);
  const styles = regionStyles(spec);
  const total = spec.cells.length;

  const entries: HeatmapLegendEntry[] = [];
  spec.methods.forEach((method, index) => {
    const style = styles.get(index);
    if (style === undefined) return;
    const name = method.baseline && !/baseline/i.test(method.name) ? method.name + BASELINE_LABEL_SUFFIX : method.name;
    const hatched = HATCH_LABELS[style.hatch];
    entries.push({ method: index, label: `${name} (${formatShare(counts[index]!, total)}${hatched})`, style, cells: counts[index]! });
  });
  // Array.prototype.sort is stable, so methods with equal counts keep the spec's order.
  entries.sort((a, b) => b.cells - a.cells);

  const missing = counts[spec.methods.length]!;
  if (missing > 0) {
    entries.push({ method: -1, label: `${NO_WINNER_LABEL} (${formatShare(missing, total)})`, style: { color: NO_WINNER_COLOR, hatch: 'none' }, cells: missing });
  }
  return entries;
}

/**
 * Turns a legend entry into the line style the figure plugin's legend draws. A solid line as
 * thick as 0.7 em of the largest legend font draws as a filled bar, and with `baseline` set the
 * legend draws no marker on it. A hatched region's bar is striped by a short dash instead, since
 * the legend draws lines only. Rows are 1.3 em of the legend font apart, and the legend font
 * shrinks at most to 0.6/0.85 of its largest size (theme.ts), so the bar always fits its row.
 */
function legendItem(entry: HeatmapLegendEntry, theme: FigureTheme): FigureLegendItem {
  const barThicknessPx = 0.7 * theme.legendMaxFontPx;
  const style: SeriesStyle = {
    color: entry.style.color,
    dash: entry.style.hatch === 'none' ? [] : [0.5, 0.35],
    marker: 'rect',
    widthFactor: barThicknessPx / theme.curveWidthPx,
    baseline: true,
    index: entry.method,
  };
  return { label: entry.label, style, filledMarker: true };
}

function allTickLabels(domain: LogAxisDomain): TickLabel[] {
  const labels: TickLabel[] = [];
  for (let exponent = domain.minExponent; exponent <= domain.maxExponent; exponent++) {
    labels.push(tickLabel(exponent, 'binary'));
  }
  return labels;
}


/** Names the binary unit letters that either axis can show, such as "K = 1024, M = 1024²". */
function unitNote(domains: readonly LogAxisDomain[]): string | undefined {
  const parts = new Set<string>();
  for (const domain of domains) {
    for (const part of binaryUnitLegend(domain)?.split(', ') ?? []) parts.add(part);
  }
  return parts.size > 0 ? `Axis labels: ${[...parts].join(', ')}.` : undefined;
}

/** The Canvas calls the cells plugin needs beyond those of CanvasContext. */
interface ClippingContext extends CanvasContext {
  clip(): void;
}

interface CellGeometry {
  /** Pixel positions of the cell edges, snapped to device pixels; y edges decrease upwards. */
  xEdges: number[];
  yEdges: number[];
}

function snappedEdges(scale: Scale, values: ArrayLike<number>, devicePixelRatio: number): number[] {
  return cellEdges(values).map((edge) => Math.round(scale.getPixelForValue(edge) * devicePixelRatio) / devicePixelRatio);
}

/** Calls `visit` for every run of equal winners in every row, rows from the top of the plot down. */
function forEachRun(spec: HeatmapSpec, visit: (row: number, first: number, last: number, winner: number) => void): void {
  const nx = spec.x.values.length;
  for (let row = spec.y.values.length - 1; row >= 0; row--) {
    let first = 0;
    for (let i = 1; i <= nx; i++) {
      const winner = spec.cells[row * nx + first]!;
      if (i < nx && spec.cells[row * nx + i] === winner) continue;
      visit(row, first, i - 1, winner);
      first = i;
    }
  }
}

function fillCells(ctx: CanvasContext, spec: HeatmapSpec, geometry: CellGeometry, colorOf: (winner: number) => string, overlapPx: number): void {
  const { xEdges, yEdges } = geometry;
  const nx = spec.x.values.length;
  forEachRun(spec, (row, first, last, winner) => {
    const left = xEdges[first]!;
    const top = yEdges[row + 1]!;
    const width = xEdges[last + 1]! - left;
    const height = yEdges[row]! - top;
    if (width <= 0 || height <= 0) return;
    // The run to the right and the row below are drawn later and cover the overlap.
    const right = last + 1 < nx ? overlapPx : 0;
    const below = row > 0 ? overlapPx : 0;
    ctx.fillStyle = colorOf(winner);
    ctx.fillRect(left, top, width + right, height + below);
  });
}

function drawHatching(ctx: ClippingContext, spec: HeatmapSpec, geometry: CellGeometry, method: number, hatch: Hatch, theme: FigureTheme): void {
  const { xEdges, yEdges } = geometry;
  ctx.save();
  ctx.beginPath();
  forEachRun(spec, (row, first, last, winner) => {
    if (winner !== method) return;
    ctx.rect(xEdges[first]!, yEdges[row + 1]!, xEdges[last + 1]! - xEdges[first]!, yEdges[row]! - yEdges[row + 1]!);
  });
  ctx.clip();

  const left = xEdges[0]!;
  const right = xEdges[xEdges.length - 1]!;
  const top = yEdges[yEdges.length - 1]!;
  const bottom = yEdges[0]!;
  const height = bottom - top;
  const spacing = 0.6 * theme.baseFontPx;
  ctx.strokeStyle = HATCH_COLOR;
  ctx.lineWidth = 1.2 * theme.frameWidthPx;
  ctx.beginPath();
  for (let offset = -height; offset <= right - left; offset += spacing) {
    if (hatch === 'rising' || hatch === 'crossed') {
      ctx.moveTo(left + offset, bottom);
      ctx.lineTo(left + offset + height, top);
    }
    if (hatch === 'falling' || hatch === 'crossed') {
      ctx.moveTo(left + offset, top);
      ctx.lineTo(left + offset + height, bottom);
    }
  }
  ctx.stroke();
  ctx.restore();
}

function drawOverlayGrid(ctx: CanvasContext, chart: Chart, geometry: CellGeometry, theme: FigureTheme): void {
  const { xEdges, yEdges } = geometry;
  const left = xEdges[0]!;
  const right = xEdges[xEdges.length - 1]!;
  const top = yEdges[yEdges.length - 1]!;
  const bottom = yEdges[0]!;

  ctx.save();
  ctx.strokeStyle = OVERLAY_GRID_COLOR;
  ctx.lineWidth = theme.gridWidthPx;
  ctx.beginPath();
  for (const tick of chart.scales[X_SCALE_ID]?.ticks ?? []) {
    const x = chart.scales[X_SCALE_ID]!.getPixelForValue(tick.value);
    if (isPlannedTick(tick) && tick.labelled && x > left && x < right) {
      ctx.moveTo(x, top);
      ctx.lineTo(x, bottom);
    }
  }
  for (const tick of chart.scales[Y_SCALE_ID]?.ticks ?? []) {
    const y = chart.scales[Y_SCALE_ID]!.getPixelForValue(tick.value);
    if (isPlannedTick(tick) && tick.labelled && y > top && y < bottom) {
      ctx.moveTo(left, y);
      ctx.lineTo(right, y);
    }
  }
  ctx.stroke();
  ctx.restore();
}

function createCellsPlugin(spec: HeatmapSpec, styles: ReadonlyMap<number, RegionStyle>, theme: FigureTheme): Plugin<'line'> {
  const colorOf = (winner: number): string => (winner < 0 ? NO_WINNER_COLOR : styles.get(winner)!.color);

  return {
    id: CELLS_PLUGIN_ID,
    beforeDatasetsDraw(chart) {
      const xScale = chart.scales[X_SCALE_ID];
      const yScale = chart.scales[Y_SCALE_ID];
      if (xScale === undefined || yScale === undefined) return;

      const devicePixelRatio = chart.currentDevicePixelRatio || 1;
      const geometry: CellGeometry = {
        xEdges: snappedEdges(xScale, spec.x.values, devicePixelRatio),
        yEdges: snappedEdges(yScale, spec.y.values, devicePixelRatio),
      };
      const ctx = chart.ctx as unknown as ClippingContext;

      ctx.save();
      fillCells(ctx, spec, geometry, colorOf, 1);
      for (const [method, style] of styles) {
        if (style.hatch !== 'none') drawHatching(ctx, spec, geometry, method, style.hatch, theme);
      }
      drawOverlayGrid(ctx, chart, geometry, theme);
      ctx.restore();
    },
  };
}

/** Builds the Chart.js configuration of a winner map. */
export function buildHeatmapChart(spec: HeatmapSpec): ChartConfiguration<'line'> {
  validateSpec(spec);

  const theme = figureTheme(spec.width, spec.height);
  const background = spec.background ?? DEFAULT_BACKGROUND;
  const xDomain = logAxisDomain(Array.from(spec.x.values), 2);
  const yDomain = logAxisDomain(Array.from(spec.y.values), 2);
  const styles = regionStyles(spec);
  const entries = heatmapLegendEntries(spec);

  const notes = [...(spec.notes ?? [])];
  const units = unitNote([xDomain, yDomain]);
  if (units !== undefined) notes.push(units);

  const widestXLabel = Math.max(0, ...allTickLabels(xDomain).map((label) => measureTickLabel(label, theme.tickFontPx, estimateTextWidth)));
  const legend: LegendChoice = spec.legend ?? 'auto';
  const figurePlugin = createFigurePlugin({
    theme,
    title: spec.title,
    subtitle: spec.subtitle,
    xTitle: spec.x.title,
    yTitle: spec.y.title,
    yTickLabels: allTickLabels(yDomain),
    notes,
    legend,
    legendItems: entries.map((entry) => legendItem(entry, theme)),
    // The last x label sticks out past the plot by half its width; the legend must clear it.
    rightLegendGapPx: theme.baseFontPx + widestXLabel / 2,
    yScaleId: Y_SCALE_ID,
  });

  return {
    type: 'line',
    data: { datasets: [] },
    options: {
      responsive: false,
      maintainAspectRatio: false,
      animation: false,
      events: [],
      devicePixelRatio: 1,
      layout: { padding: theme.paddingPx },
      font: { family: FONT_STACK },
      scales: {
        [X_SCALE_ID]: buildLogAxis({ domain: xDomain, style: 'binary', orientation: 'horizontal', theme }),
        [Y_SCALE_ID]: buildLogAxis({ domain: yDomain, style: 'binary', orientation: 'vertical', theme }),
      },
      plugins: {
        legend: { display: false },
        title: { display: false },
        subtitle: { display: false },
        tooltip: { enabled: false },
        [FIGURE_PLUGIN_ID]: { background },
      },
    },
    plugins: [figurePlugin, createCellsPlugin(spec, styles, theme)],
  } as ChartConfiguration<'line'>;
}
