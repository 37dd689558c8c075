/**
 * Pure chart configuration for cost figures: no I/O and no canvas. The
 * render layer (src/render) turns these configurations into PNG, SVG or PDF.
 */

export {
  BASELINE_LABEL_SUFFIX,
  buildCostChart,
  CAUSAL_LEGEND_CAPTION,
  MARKERS_PER_CURVE,
  type CostChartSpec,
  type CostPoint,
  type CostSeries,
} from './config.js';
export { FIGURE_PLUGIN_ID, type FigureLayoutReport, type FigurePluginOptions, type Rect } from './figure-plugin.js';
export { layoutFrame, wrapText, type FrameLayout, type FrameRequest, type LegendChoice } from './frame.js';
export { layoutLegend, type LegendCell, type LegendLayout, type LegendLayoutRequest, type LegendPlacement } from './legend.js';
export {
  assignSeriesStyles,
  BASELINE_STYLE,
  DASH_PATTERNS,
  MARKER_SHAPES,
  METHOD_COLORS,
  styleForIndex,
  type MarkerShape,
  type SeriesStyle,
} from './palette.js';
export { figureTheme, type FigureTheme } from './theme.js';
export { drawTickLabel, measureTickLabel, type PlannedTick } from './tick-labels.js';
export {
  binaryUnitLegend,
  formatTickLabel,
  logAxisDomain,
  planLogTicks,
  powerOfTenLabel,
  powerOfTwoLabel,
  superscript,
  tickLabel,
  tickLabelText,
  type AxisTick,
  type LogAxisDomain,
  type LogTickPlan,
  type LogTickRequest,
  type TickLabel,
  type TickStyle,
} from './ticks.js';
export { cssFont, estimateTextWidth, FONT_FAMILY, FONT_STACK } from './typography.js';
