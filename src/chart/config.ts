/**
 * Chart.js configuration for cost-against-size figures.
 *
 * buildCostChart turns cost series into a complete, self-contained line
 * chart configuration: log-log axes with the tick policy of ticks.ts, one
 * style per method from palette.ts, and the figure plugin that draws the
 * header, column legend, notes, reference line and background. The module
 * does no I/O and needs no canvas; callbacks in the configuration measure
 * text with the context of the chart that uses it.
 */

import type { Chart, ChartConfiguration, ChartDataset, Scale, ScaleOptionsByType, ScriptableScaleContext } from 'chart.js';

import type { CanvasContext } from './context.js';
import {
  createFigurePlugin,
  DEFAULT_BACKGROUND,
  FIGURE_PLUGIN_ID,
  isTransparent,
  type FigureLegendItem,
} from './figure-plugin.js';
import type { LegendChoice } from './frame.js';
import { assignSeriesStyles, type SeriesStyle } from './palette.js';
import { figureTheme, type FigureTheme } from './theme.js';
import {
  contextMeasure,
  isPlannedTick,
  measureTickLabel,
  X_TICK_LABEL_HEIGHT_EM,
  Y_TICK_LABEL_OVERHANG_EM,
  type PlannedTick,
} from './tick-labels.js';
import {
  baseForStyle,
  binaryUnitLegend,
  logAxisDomain,
  planLogTicks,
  tickLabel,
  type AxisOrientation,
  type LogAxisDomain,
  type TickLabel,
  type TickStyle,
} from './ticks.js';
import { estimateTextWidth, FONT_STACK } from './typography.js';

export interface CostPoint {
  x: number;
  y: number;
}

export interface CostSeries {
  name: string;
  baseline: boolean;
  causal: boolean;
  points: CostPoint[];
}

export interface CostChartSpec {
  /**
   * Up to 49 series (48 methods and the baseline), in a stable order, which
   * is the legend order after the baseline. Series without points are not
   * drawn, but they still take part in style assignment, so passing every
   * method to every figure keeps each method's style the same across figures.
   */
  series: CostSeries[];
  title: string;
  /** States every size held fixed and the log base. */
  subtitle: string;
  xLabel: string;
  yLabel: string;
  /** 'binary' labels powers of two compactly (128, 1K, 64K, 1M); 'decimal' labels powers of ten. */
  xTickStyle: 'binary' | 'decimal';
  /** Draw a horizontal reference line at this y (relative plots use 1). */
  referenceLine?: number;
  /** Small notes drawn at the foot of the figure. */
  notes?: string[];
  /**
   * Legend placement. When omitted, the figure compares a legend on the
   * right with one below: fewer hidden entries win, then a clearly better
   * plot shape, then the larger legend font (see frame.ts).
   */
  legend?: 'right' | 'bottom' | 'none';
  /** CSS colour; default opaque white; 'transparent' leaves the canvas clear. */
  background?: string;
  /** Figure size in CSS pixels. */
  width: number;
  height: number;
}

/** Marker and text key for filled and hollow markers, shown when both kinds of method are drawn. */
export const CAUSAL_LEGEND_CAPTION = '● causal   ○ not causal';

/** Suffix that marks the baseline in the legend. */
export const BASELINE_LABEL_SUFFIX = ' (baseline)';

/**
 * Markers per curve. Lines alone carry the data; a few markers on each
 * curve add a shape cue without burying 49 curves in symbols.
 */
export const MARKERS_PER_CURVE = 5;

const X_SCALE_ID = 'x';
const Y_SCALE_ID = 'y';

function validateSpec(spec: CostChartSpec): void {
  for (const [field, value] of [
    ['width', spec.width],
    ['height', spec.height],
  ] as const) {
    if (!Number.isFinite(value) || value <= 0) {
      throw new RangeError(`Invalid chart ${field} ${value}: expected a positive number of CSS pixels.`);
    }
  }

  if (spec.referenceLine !== undefined && (!Number.isFinite(spec.referenceLine) || spec.referenceLine <= 0)) {
    throw new RangeError(`Invalid referenceLine ${spec.referenceLine}: a log axis needs a finite value above 0.`);
  }

  for (const series of spec.series) {
    series.points.forEach((point, index) => {
      const valid = Number.isFinite(point.x) && point.x > 0 && Number.isFinite(point.y) && point.y > 0;
      if (!valid) {
        throw new RangeError(
          `Invalid point ${index} (x=${point.x}, y=${point.y}) in series "${series.name}": ` +
            'log axes need finite coordinates above 0; drop such points before charting.',
        );
      }
    });
  }
}

function legendLabel(series: CostSeries): string {
  return series.baseline && !/baseline/i.test(series.name) ? series.name + BASELINE_LABEL_SUFFIX : series.name;
}

function markerRadius(style: SeriesStyle, pointCount: number, theme: FigureTheme) {
  if (style.baseline) {
    return 0;
  }
  // Mark every `step`-th point, starting at an offset that differs between
  // methods, so curves that coincide still show each method's marker.
  const step = Math.max(1, Math.round((pointCount - 1) / (MARKERS_PER_CURVE - 1)));
  const offset = style.index % step;
  return (context: { dataIndex: number }) => (context.dataIndex % step === offset ? theme.markerRadiusPx : 0);
}

/** Return the fill of hollow markers: the chart's background, so markers hide the line behind them. */
function hollowMarkerFill(context: { chart: Chart }): string {
  const background = context.chart.options.plugins?.[FIGURE_PLUGIN_ID]?.background ?? DEFAULT_BACKGROUND;
  return isTransparent(background) ? 'rgba(0,0,0,0)' : background;
}

function buildDataset(series: CostSeries, style: SeriesStyle, theme: FigureTheme): ChartDataset<'line', CostPoint[]> {
  const lineWidth = theme.curveWidthPx * style.widthFactor;
  const points = [...series.points].sort((a, b) => a.x - b.x);

  return {
    label: legendLabel(series),
    data: points,
    parsing: false,
    normalized: true,
    xAxisID: X_SCALE_ID,
    yAxisID: Y_SCALE_ID,
    borderColor: style.color,
    backgroundColor: style.color,
    borderWidth: lineWidth,
    borderDash: style.dash.map((step) => step * lineWidth),
    borderCapStyle: 'butt',
    borderJoinStyle: 'round',
    tension: 0,
    fill: false,
    pointStyle: style.marker,
    pointRadius: markerRadius(style, points.length, theme),
    pointHoverRadius: 0,
    pointHitRadius: 0,
    pointBorderWidth: theme.curveWidthPx,
    pointBorderColor: style.color,
    // Causal methods get filled markers and the others hollow ones.
    pointBackgroundColor: series.causal ? style.color : hollowMarkerFill,
    // Chart.js draws lower `order` later, so the baseline lies on top.
    order: style.baseline ? -1 : 0,
  };
}

function contextOfScale(scale: Scale): CanvasContext {
  return scale.ctx as unknown as CanvasContext;
}

function exponentRange(domain: LogAxisDomain): number[] {
  const exponents: number[] = [];
  for (let exponent = domain.minExponent; exponent <= domain.maxExponent; exponent++) {
    exponents.push(exponent);
  }
  return exponents;
}

function allTickLabels(domain: LogAxisDomain, style: TickStyle): TickLabel[] {
  return exponentRange(domain).map((exponent) => tickLabel(exponent, style));
}

export interface AxisSetup {
  domain: LogAxisDomain;
  style: TickStyle;
  orientation: AxisOrientation;
  theme: FigureTheme;
}

/**
 * Build a logarithmic axis whose ticks come from planLogTicks at the axis's
 * laid-out length. Chart.js draws the gridlines and tick marks; the figure
 * plugin draws the labels (see tick-labels.ts), and afterFit reserves room
 * for them.
 */
export function buildLogAxis(setup: AxisSetup): ScaleOptionsByType<'logarithmic'> {
  const { domain, style, orientation, theme } = setup;
  const fontPx = theme.tickFontPx;
  const labelledOf = (context: ScriptableScaleContext): boolean => isPlannedTick(context.tick) && context.tick.labelled;

  const axis = {
    type: 'logarithmic',
    position: orientation === 'horizontal' ? 'bottom' : 'left',
    min: domain.base ** domain.minExponent,
    max: domain.base ** domain.maxExponent,
    offset: false,
    // The figure plugin draws axis titles, so that long titles wrap.
    title: { display: false },
    ticks: {
      // Chart.js would draw each label as one string; the plugin draws them instead.
      display: false,
      autoSkip: false,
      maxRotation: 0,
      minRotation: 0,
    },
    grid: {
      display: true,
      drawOnChartArea: true,
      drawTicks: true,
      tickLength: theme.tickLengthPx,
      lineWidth: theme.gridWidthPx,
      color: (context: ScriptableScaleContext) => (labelledOf(context) ? theme.majorGridColor : theme.minorGridColor),
      tickColor: (context: ScriptableScaleContext) => (labelledOf(context) ? theme.frameColor : theme.majorGridColor),
      tickWidth: theme.frameWidthPx,
    },
    // The figure plugin draws a frame on all four sides instead.
    border: { display: false },

    afterBuildTicks: (scale: Scale) => {
      const measure = contextMeasure(contextOfScale(scale));
      const plan = planLogTicks({
        domain,
        style,
        axisLengthPx: orientation === 'horizontal' ? scale.width : scale.height,
        orientation,
        fontSizePx: fontPx,
        measureLabel: (label) => measureTickLabel(label, fontPx, measure),
      });
      scale.ticks = plan.ticks.map((tick): PlannedTick => ({ value: tick.value, richLabel: tick.label, labelled: tick.labelled }));
    },

    afterFit: (scale: Scale) => {
      const measure = contextMeasure(contextOfScale(scale));
      const labelBand = theme.tickPaddingPx;

      if (orientation === 'vertical') {
        // Reserve room for the widest label the axis could show at any
        // stride, so the axis width, and with it the x axis length, stays
        // the same across Chart.js layout passes.
        const widest = Math.max(0, ...allTickLabels(domain, style).map((label) => measureTickLabel(label, fontPx, measure)));
        scale.width += labelBand + widest;
        scale.paddingTop = Y_TICK_LABEL_OVERHANG_EM.top * fontPx;
        scale.paddingBottom = Y_TICK_LABEL_OVERHANG_EM.bottom * fontPx;
        return;
      }

      scale.height += labelBand + X_TICK_LABEL_HEIGHT_EM * fontPx;
      // Labels on the axis ends stick out by half their width; Chart.js
      // keeps that much room beside the plot.
      const ticks = scale.ticks.filter(isPlannedTick);
      const first = ticks[0];
      const last = ticks[ticks.length - 1];
      scale.paddingLeft = first?.labelled && first.value === scale.min ? measureTickLabel(first.richLabel, fontPx, measure) / 2 : 0;
      scale.paddingRight = last?.labelled && last.value === scale.max ? measureTickLabel(last.richLabel, fontPx, measure) / 2 : 0;
    },
  };

  return axis as unknown as ScaleOptionsByType<'logarithmic'>;
}

/** Estimate how far the widest x tick label can stick out past the right end of the plot. */
function xLabelOverhangPx(domain: LogAxisDomain, style: TickStyle, theme: FigureTheme): number {
  const measure = (text: string, fontPx: number) => estimateTextWidth(text, fontPx);
  const widths = allTickLabels(domain, style).map((label) => measureTickLabel(label, theme.tickFontPx, measure));
  return Math.max(0, ...widths) / 2;
}

function collectNotes(spec: CostChartSpec, xDomain: LogAxisDomain): string[] {
  const notes = [...(spec.notes ?? [])];
  if (spec.xTickStyle === 'binary') {
    const units = binaryUnitLegend(xDomain);
    if (units !== undefined) {
      notes.push(`x axis: ${units}.`);
    }
  }
  return notes;
}

/** Build the Chart.js configuration of a log-log cost figure. */
export function buildCostChart(spec: CostChartSpec): ChartConfiguration<'line'> {
  validateSpec(spec);

  const theme = figureTheme(spec.width, spec.height);
  const background = spec.background ?? DEFAULT_BACKGROUND;

  const styles = assignSeriesStyles(
    spec.series.filter((series) => !series.baseline).map((series) => series.name),
    spec.series.filter((series) => series.baseline).map((series) => series.name),
  );
  const styleOf = (series: CostSeries): SeriesStyle => styles.get(series.name)!;

  const drawn = spec.series.filter((series) => series.points.length > 0);
  // The baseline leads the legend; the other series keep the caller's order.
  const legendOrder = [...drawn.filter((series) => series.baseline), ...drawn.filter((series) => !series.baseline)];

  const xStyle: TickStyle = spec.xTickStyle;
  const xDomain = logAxisDomain(
    drawn.flatMap((series) => series.points.map((point) => point.x)),
    baseForStyle(xStyle),
  );
  const yValues = drawn.flatMap((series) => series.points.map((point) => point.y));
  if (spec.referenceLine !== undefined) {
    yValues.push(spec.referenceLine);
  }
  const yDomain = logAxisDomain(yValues, 10);

  const legendItems: FigureLegendItem[] = legendOrder.map((series) => ({
    label: legendLabel(series),
    style: styleOf(series),
    filledMarker: series.causal,
  }));
  const methods = drawn.filter((series) => !series.baseline);
  const showsBothMarkerFills = methods.some((series) => series.causal) && methods.some((series) => !series.causal);
  const legend: LegendChoice = spec.legend ?? 'auto';

  const figurePlugin = createFigurePlugin({
    theme,
    title: spec.title,
    subtitle: spec.subtitle,
    xTitle: spec.xLabel,
    yTitle: spec.yLabel,
    yTickLabels: allTickLabels(yDomain, 'decimal'),
    notes: collectNotes(spec, xDomain),
    legend,
    legendItems,
    ...(showsBothMarkerFills ? { legendCaption: CAUSAL_LEGEND_CAPTION } : {}),
    rightLegendGapPx: theme.baseFontPx + xLabelOverhangPx(xDomain, xStyle, theme),
    ...(spec.referenceLine === undefined ? {} : { referenceLine: spec.referenceLine }),
    yScaleId: Y_SCALE_ID,
  });

  return {
    type: 'line',
    data: {
      datasets: legendOrder.map((series) => buildDataset(series, styleOf(series), theme)),
    },
    options: {
      responsive: false,
      maintainAspectRatio: false,
      animation: false,
      events: [],
      devicePixelRatio: 1,
      layout: { padding: theme.paddingPx },
      font: { family: FONT_STACK },
      scales: {
        [X_SCALE_ID]: buildLogAxis({ domain: xDomain, style: xStyle, orientation: 'horizontal', theme }),
        [Y_SCALE_ID]: buildLogAxis({ domain: yDomain, style: 'decimal', orientation: 'vertical', theme }),
      },
      plugins: {
        legend: { display: false },
        title: { display: false },
        subtitle: { display: false },
        tooltip: { enabled: false },
        [FIGURE_PLUGIN_ID]: { background },
      },
    },
    plugins: [figurePlugin],
  } as ChartConfiguration<'line'>;
}
