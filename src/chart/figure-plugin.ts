/**
 * Chart.js plugin that draws the parts of a cost figure that Chart.js lacks.
 * These are the opaque background, the wrapped title, subtitle and axis
 * titles, tick labels with true superscripts, the column legend, the notes,
 * a horizontal reference line and a frame around the plot.
 *
 * Header, axis titles, legend and notes are Chart.js layout boxes, so the
 * plot and axes get the space left after them and nothing overlaps. The
 * plugin works out their sizes once per layout in `beforeLayout` with the
 * chart's own context, so text is measured in the font that draws it.
 */

import type { Chart, ChartArea, ChartType, LayoutItem, LayoutPosition, Plugin, Scale } from 'chart.js';

import type { CanvasContext } from './context.js';
import { layoutFrame, type FrameLayout, type LegendChoice, type TextBlock } from './frame.js';
import { drawLegend, type LegendPlacement } from './legend.js';
import type { SeriesStyle } from './palette.js';
import type { FigureTheme } from './theme.js';
import {
  contextMeasure,
  drawTickLabel,
  isPlannedTick,
  measureTickLabel,
  X_TICK_LABEL_HEIGHT_EM,
  Y_TICK_LABEL_OVERHANG_EM,
} from './tick-labels.js';
import { tickLabelText, type TickLabel } from './ticks.js';
import { cssFont, measureCached, type FontWeight } from './typography.js';

export const FIGURE_PLUGIN_ID = 'attncostFigure';

/** Rectangle in CSS pixels from the canvas's top-left corner. */
export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Positions of the figure's parts after layout, for tests and for callers that annotate a figure. */
export interface FigureLayoutReport {
  /** Canvas size in CSS pixels. */
  width: number;
  height: number;
  chartArea: Rect;
  legend?: {
    placement: LegendPlacement;
    fontPx: number;
    hiddenCount: number;
    /** Each entry's line sample and text; the "+N more" cell has only text. */
    cells: (Rect & { text: string })[];
  };
  /** Labelled ticks, with the box their digits and exponent take. */
  tickLabels: (Rect & { axis: 'x' | 'y'; text: string })[];
}

/** Options under `options.plugins.attncostFigure`; a renderer may override them. */
export interface FigurePluginOptions {
  /** CSS colour that fills the canvas before anything is drawn, or 'transparent' to leave it clear. */
  background: string;
  /** Called after every layout with the placed boxes. */
  onLayout?: (report: FigureLayoutReport) => void;
}

declare module 'chart.js' {
  interface PluginOptionsByType<TType extends ChartType> {
    attncostFigure?: Partial<FigurePluginOptions>;
  }
}

export interface FigureLegendItem {
  label: string;
  style: SeriesStyle;
  filledMarker: boolean;
}

export interface FigureContent {
  theme: FigureTheme;
  title: string;
  subtitle: string;
  xTitle: string;
  yTitle: string;
  /** Every label the y axis can show, to estimate the axis width. */
  yTickLabels: readonly TickLabel[];
  notes: readonly string[];
  legend: LegendChoice;
  legendItems: readonly FigureLegendItem[];
  legendCaption?: string;
  rightLegendGapPx: number;
  referenceLine?: number;
  /** Id of the scale that `referenceLine` is a value on. */
  yScaleId: string;
}

export const DEFAULT_BACKGROUND = '#ffffff';

/**
 * Weights order boxes outwards from the plot: Chart.js axes have weight 0,
 * then come the axis titles, the legend, and the header and notes outermost.
 */
const BOX_WEIGHTS = { xTitle: 10, yTitle: 10, legend: 100, header: 200, notes: 200 } as const;

const BOX_POSITIONS = { xTitle: 'bottom', yTitle: 'left', legend: 'bottom', header: 'top', notes: 'bottom' } as const;

type BoxKind = keyof typeof BOX_WEIGHTS;

/** Check whether a CSS colour is fully transparent, in which case no background is painted. */
export function isTransparent(color: string): boolean {
  const normalized = color.trim().toLowerCase().replace(/\s+/g, '');
  return (
    normalized === 'transparent' ||
    normalized === 'none' ||
    /^rgba\(.*,0(\.0*)?\)$/.test(normalized) ||
    /^#[0-9a-f]{3}0$/.test(normalized) ||
    /^#[0-9a-f]{6}00$/.test(normalized)
  );
}

function contextOf(chart: Chart): CanvasContext {
  return chart.ctx as unknown as CanvasContext;
}

function measureWith(ctx: CanvasContext) {
  return (text: string, fontPx: number, weight: FontWeight): number => measureCached(ctx, cssFont(fontPx, weight), text);
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, max));
}

interface FigureState {
  frame: FrameLayout | undefined;
  background: string;
  boxes: FigureBox[];
}

/** A Chart.js layout box whose size comes from the frame layout. */
class FigureBox implements LayoutItem {
  position: LayoutPosition;
  weight: number;
  // Header and notes span the canvas width; axis titles span the plot only.
  fullSize: boolean;
  width = 0;
  height = 0;
  left = 0;
  top = 0;
  right = 0;
  bottom = 0;
  // Chart.js reads `options.display`, `stack` and `stackWeight` from every box.
  readonly options = { display: true };

  constructor(
    readonly kind: BoxKind,
    private readonly chart: Chart,
    private readonly state: FigureState,
    private readonly content: FigureContent,
  ) {
    this.position = BOX_POSITIONS[kind];
    this.weight = BOX_WEIGHTS[kind];
    this.fullSize = kind === 'header' || kind === 'notes';
  }

  isHorizontal(): boolean {
    return this.position === 'top' || this.position === 'bottom';
  }

  /** Set the legend box's side from the frame layout; runs before Chart.js sorts the boxes. */
  place(): void {
    if (this.kind !== 'legend') {
      return;
    }
    const legend = this.state.frame?.legend;
    this.position = legend?.placement === 'right' ? 'right' : 'bottom';
    // A right legend spans the plot height only, so the header and notes
    // stay full width. A legend below spans the full width under the x axis.
    this.fullSize = this.position === 'bottom';
  }

  update(maxWidth: number, maxHeight: number): void {
    const frame = this.state.frame;

    if (this.kind === 'header' || this.kind === 'notes' || this.kind === 'xTitle') {
      this.width = maxWidth;
      this.height = frame === undefined ? 0 : frame[this.kind].heightPx;
      return;
    }

    if (this.kind === 'yTitle') {
      // The block is laid out unrotated, so its height is the box width.
      this.width = frame === undefined ? 0 : frame.yTitle.heightPx;
      this.height = maxHeight;
      return;
    }

    const legend = frame?.legend;
    if (frame === undefined || legend === undefined || legend.cells.length === 0) {
      this.width = this.isHorizontal() ? maxWidth : 0;
      this.height = this.isHorizontal() ? 0 : maxHeight;
      return;
    }

    if (legend.placement === 'right') {
      this.width = legend.widthPx + frame.legendGapPx;
      this.height = maxHeight;
    } else {
      this.width = maxWidth;
      this.height = legend.heightPx + frame.legendGapPx;
    }
  }

  /** Top-left corner of the legend content; valid once Chart.js has placed the box. */
  legendOrigin(frame: FrameLayout): { x: number; y: number } {
    const legend = frame.legend;
    if (legend === undefined || legend.placement === 'right') {
      return { x: this.left + frame.legendGapPx, y: this.top };
    }
    // Centre under the plot, but keep the legend inside the canvas padding.
    const { theme } = this.content;
    const area = this.chart.chartArea;
    const centred = (area.left + area.right) / 2 - legend.widthPx / 2;
    return {
      x: clamp(centred, theme.paddingPx, this.chart.width - theme.paddingPx - legend.widthPx),
      y: this.top + frame.legendGapPx,
    };
  }

  draw(): void {
    const frame = this.state.frame;
    if (frame === undefined) {
      return;
    }

    const { theme } = this.content;
    switch (this.kind) {
      case 'header':
      case 'xTitle':
        drawTextBlock(this.chart, frame[this.kind], this.top, 'center', theme);
        break;
      case 'notes':
        drawTextBlock(this.chart, frame.notes, this.top, 'left', theme);
        break;
      case 'yTitle':
        drawRotatedBlock(this.chart, frame.yTitle, this.left);
        break;
      case 'legend':
        this.drawLegend(frame);
        break;
    }
  }

  _layers(): { z: number; draw: (chartArea: ChartArea) => void }[] {
    return [{ z: 0, draw: () => this.draw() }];
  }

  private drawLegend(frame: FrameLayout): void {
    const legend = frame.legend;
    if (legend === undefined || legend.cells.length === 0) {
      return;
    }

    const { theme } = this.content;
    const origin = this.legendOrigin(frame);
    drawLegend(
      contextOf(this.chart),
      legend,
      {
        items: this.content.legendItems,
        font: (fontPx) => cssFont(fontPx),
        textColor: theme.textColor,
        secondaryTextColor: theme.secondaryTextColor,
        curveWidthPx: theme.curveWidthPx,
        markerRadiusPx: theme.markerRadiusPx,
        hollowFill: isTransparent(this.state.background) ? 'rgba(0,0,0,0)' : this.state.background,
        ...(this.content.legendCaption === undefined ? {} : { caption: this.content.legendCaption }),
      },
      origin.x,
      origin.y,
    );
  }
}

function drawTextBlock(chart: Chart, block: TextBlock, top: number, align: 'center' | 'left', theme: FigureTheme): void {
  const ctx = contextOf(chart);
  const area = chart.chartArea;
  const minX = theme.paddingPx;
  const maxX = chart.width - theme.paddingPx;

  ctx.save();
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';

  for (const line of block.lines) {
    ctx.font = cssFont(line.fontPx, line.weight);
    ctx.fillStyle = line.color;
    const width = ctx.measureText(line.text).width;
    // Centre a line over the plot, not the canvas, so that it sits over the
    // data when a legend takes the right side. Clamping keeps it on the canvas.
    const x = align === 'center' ? clamp((area.left + area.right) / 2 - width / 2, minX, maxX - width) : minX;
    ctx.fillText(line.text, x, top + line.top + line.heightPx / 2);
  }

  ctx.restore();
}

/** Draw a block turned 90° anticlockwise, its first line at `left`, centred on the plot height. */
function drawRotatedBlock(chart: Chart, block: TextBlock, left: number): void {
  const ctx = contextOf(chart);
  const area = chart.chartArea;

  ctx.save();
  ctx.translate(left, (area.top + area.bottom) / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'center';
  for (const line of block.lines) {
    ctx.font = cssFont(line.fontPx, line.weight);
    ctx.fillStyle = line.color;
    // After the turn, +y points right, away from the block's left edge.
    ctx.fillText(line.text, 0, line.top + line.heightPx / 2);
  }
  ctx.restore();
}

interface PlacedTickLabel extends Rect {
  label: TickLabel;
  horizontal: boolean;
  /** Anchor point handed to drawTickLabel. */
  x: number;
  y: number;
}

/** Place the labels of an axis whose ticks came from the tick policy. */
function placeTickLabels(scale: Scale, theme: FigureTheme, ctx: CanvasContext): PlacedTickLabel[] {
  const measure = contextMeasure(ctx);
  const fontPx = theme.tickFontPx;
  const offset = theme.tickLengthPx + theme.tickPaddingPx;
  const horizontal = scale.isHorizontal();
  const placed: PlacedTickLabel[] = [];

  for (const tick of scale.ticks) {
    if (!isPlannedTick(tick) || !tick.labelled) {
      continue;
    }
    const pixel = scale.getPixelForValue(tick.value);
    const width = measureTickLabel(tick.richLabel, fontPx, measure);

    if (horizontal) {
      const top = scale.top + offset;
      placed.push({
        label: tick.richLabel,
        horizontal,
        x: pixel,
        y: top,
        left: pixel - width / 2,
        right: pixel + width / 2,
        top,
        bottom: top + X_TICK_LABEL_HEIGHT_EM * fontPx,
      });
    } else {
      const right = scale.right - offset;
      placed.push({
        label: tick.richLabel,
        horizontal,
        x: right,
        y: pixel,
        left: right - width,
        right,
        top: pixel - Y_TICK_LABEL_OVERHANG_EM.top * fontPx,
        bottom: pixel + Y_TICK_LABEL_OVERHANG_EM.bottom * fontPx,
      });
    }
  }
  return placed;
}

function drawAxisLabels(chart: Chart, theme: FigureTheme): void {
  const ctx = contextOf(chart);
  for (const scale of Object.values(chart.scales)) {
    for (const placed of placeTickLabels(scale, theme, ctx)) {
      drawTickLabel(ctx, placed.label, {
        align: placed.horizontal ? 'center' : 'right',
        x: placed.x,
        anchor: placed.horizontal ? 'top' : 'middle',
        y: placed.y,
        fontPx: theme.tickFontPx,
        color: theme.textColor,
      });
    }
  }
}

function buildReport(chart: Chart, state: FigureState, content: FigureContent): FigureLayoutReport {
  const ctx = contextOf(chart);
  const area = chart.chartArea;
  const report: FigureLayoutReport = {
    width: chart.width,
    height: chart.height,
    chartArea: { left: area.left, top: area.top, right: area.right, bottom: area.bottom },
    tickLabels: [],
  };

  for (const scale of Object.values(chart.scales)) {
    for (const placed of placeTickLabels(scale, content.theme, ctx)) {
      const { left, top, right, bottom } = placed;
      report.tickLabels.push({ axis: placed.horizontal ? 'x' : 'y', text: tickLabelText(placed.label), left, top, right, bottom });
    }
  }

  const legend = state.frame?.legend;
  const legendBox = state.boxes.find((box) => box.kind === 'legend');
  if (state.frame !== undefined && legend !== undefined && legendBox !== undefined) {
    const origin = legendBox.legendOrigin(state.frame);
    const legendFont = cssFont(legend.fontPx);
    report.legend = {
      placement: legend.placement,
      fontPx: legend.fontPx,
      hiddenCount: legend.hiddenCount,
      cells: legend.cells.map((cell) => {
        const sampleWidth = cell.entry >= 0 ? legend.swatchLengthPx + legend.swatchGapPx : 0;
        const left = origin.x + cell.x;
        const top = origin.y + cell.y;
        return {
          text: cell.text,
          left,
          top,
          right: left + sampleWidth + measureCached(ctx, legendFont, cell.text),
          bottom: top + legend.rowHeightPx,
        };
      }),
    };
  }
  return report;
}

/** Create the figure plugin for one chart configuration. */
export function createFigurePlugin(content: FigureContent): Plugin<'line', Partial<FigurePluginOptions>> {
  const states = new WeakMap<Chart, FigureState>();

  return {
    id: FIGURE_PLUGIN_ID,
    defaults: { background: DEFAULT_BACKGROUND },

    start(chart) {
      const state: FigureState = { frame: undefined, background: DEFAULT_BACKGROUND, boxes: [] };
      const kinds = Object.keys(BOX_WEIGHTS) as BoxKind[];
      state.boxes = kinds.map((kind) => new FigureBox(kind, chart, state, content));
      states.set(chart, state);
      chart.boxes.push(...state.boxes);
    },

    stop(chart) {
      const state = states.get(chart);
      if (state === undefined) {
        return;
      }
      for (const box of state.boxes) {
        const index = chart.boxes.indexOf(box);
        if (index !== -1) {
          chart.boxes.splice(index, 1);
        }
      }
      states.delete(chart);
    },

    beforeLayout(chart, _args, options) {
      const state = states.get(chart);
      if (state === undefined) {
        return;
      }
      state.background = options.background ?? DEFAULT_BACKGROUND;

      const ctx = contextOf(chart);
      ctx.save();
      state.frame = layoutFrame({
        widthPx: chart.width,
        heightPx: chart.height,
        theme: content.theme,
        title: content.title,
        subtitle: content.subtitle,
        xTitle: content.xTitle,
        yTitle: content.yTitle,
        yTickLabels: content.yTickLabels,
        notes: content.notes,
        legendLabels: content.legendItems.map((item) => item.label),
        ...(content.legendCaption === undefined ? {} : { legendCaption: content.legendCaption }),
        legend: content.legend,
        rightLegendGapPx: content.rightLegendGapPx,
        measure: measureWith(ctx),
      });
      ctx.restore();
      for (const box of state.boxes) {
        box.place();
      }
    },

    afterLayout(chart, _args, options) {
      const state = states.get(chart);
      if (state !== undefined && options.onLayout !== undefined) {
        options.onLayout(buildReport(chart, state, content));
      }
    },

    beforeDraw(chart, _args, options) {
      const background = options.background ?? DEFAULT_BACKGROUND;
      if (isTransparent(background)) {
        return;
      }
      const ctx = contextOf(chart);
      ctx.save();
      ctx.fillStyle = background;
      ctx.fillRect(0, 0, chart.width, chart.height);
      ctx.restore();
    },

    beforeDatasetsDraw(chart) {
      const value = content.referenceLine;
      const scale = chart.scales[content.yScaleId];
      if (value === undefined || scale === undefined) {
        return;
      }
      const y = scale.getPixelForValue(value);
      const area = chart.chartArea;
      if (!Number.isFinite(y) || y < area.top || y > area.bottom) {
        return;
      }

      const { theme } = content;
      const ctx = contextOf(chart);
      ctx.save();
      ctx.strokeStyle = theme.referenceLineColor;
      ctx.lineWidth = theme.frameWidthPx;
      ctx.setLineDash([4 * theme.frameWidthPx, 3 * theme.frameWidthPx]);
      ctx.beginPath();
      ctx.moveTo(area.left, y);
      ctx.lineTo(area.right, y);
      ctx.stroke();
      ctx.restore();
    },

    afterDatasetsDraw(chart) {
      const { theme } = content;
      const area = chart.chartArea;
      const ctx = contextOf(chart);
      ctx.save();
      ctx.strokeStyle = theme.frameColor;
      ctx.lineWidth = theme.frameWidthPx;
      ctx.strokeRect(area.left, area.top, area.right - area.left, area.bottom - area.top);
      ctx.restore();
      drawAxisLabels(chart, theme);
    },
  };
}
