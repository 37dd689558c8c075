/**
 * The cost-against-N figure as a chart specification: curves, title, subtitle and axis titles.
 * Rendering it to pixels is the render layer's job.
 */
import { buildCostChart, type CostChartSpec, type CostSeries } from './chart/index.js';
import type { Method } from './catalogue.js';
import { costCurves, type SweepRange } from './curves.js';
import type { EvaluationContext } from './evaluate.js';
import { formatLogBase, formatNumber } from './format.js';
import type { WarningLog } from './warnings.js';

export interface CostFigureOptions {
  range: SweepRange;
  width: number;
  height: number;
  legend?: CostChartSpec['legend'];
  background?: string;
}

/** Evaluates the curves and returns the chart specification of the cost figure. */
export function costFigureSpec(methods: readonly Method[], context: EvaluationContext, options: CostFigureOptions, warnings: WarningLog): CostChartSpec {
  const curves = costCurves(methods, context, options.range, warnings);
  const series: CostSeries[] = curves.map((curve) => ({
    name: curve.method.name,
    baseline: curve.method.baseline,
    causal: curve.method.causal,
    points: Array.from(curve.xs, (x, i) => ({ x, y: curve.costs[i]! })),
  }));
  const empty = curves.filter((curve) => curve.xs.length === 0).map((curve) => curve.method.name);

  const spec: CostChartSpec = {
    series,
    title: `Attention cost against ${options.range.variable === 'N' ? 'sequence length' : options.range.variable}`,
    subtitle: fixedSizesSubtitle(context, options.range.variable),
    xLabel: options.range.variable === 'N' ? 'sequence length N (tokens)' : options.range.variable,
    yLabel: 'cost (operations, constant factors omitted)',
    xTickStyle: options.range.variable === 'N' ? 'binary' : 'decimal',
    width: options.width,
    height: options.height,
  };
  if (empty.length > 0) spec.notes = [`Nothing to draw for ${empty.join(', ')} (cost not positive over the whole range).`];
  if (options.legend !== undefined) spec.legend = options.legend;
  if (options.background !== undefined) spec.background = options.background;
  return spec;
}

/** Builds the Chart.js configuration of the cost figure. */
export function costFigure(methods: readonly Method[], context: EvaluationContext, options: CostFigureOptions, warnings: WarningLog) {
  return buildCostChart(costFigureSpec(methods, context, options, warnings));
}

/**
 * States every value held fixed: the head dimension D (set or default), the other sizes set
 * globally, the per-method settings, and the log base; symbols left at their defaults are
 * named as such.
 */
export function fixedSizesSubtitle(context: EvaluationContext, variable: string): string {
  const parts: string[] = [];
  const global = new Map(context.assignments.global);
  if (variable !== 'D' && !global.has('D')) {
    const headDimension = context.symbols.global.get('D');
    if (headDimension !== undefined) parts.push(`D = ${headDimension.default}`);
  }
  for (const [name, value] of global) {
    if (name !== variable) parts.push(`${name} = ${formatNumber(value)}`);
  }
  for (const [method, values] of context.assignments.perMethod) {
    for (const [name, value] of values) parts.push(`${method}.${name} = ${formatNumber(value)}`);
  }
  parts.push(`log base ${formatLogBase(context.logBase)}`);
  return `${parts.join(', ')}; other symbols at their per-method defaults`;
}
