/**
 * Cost figures as chart specifications: curves, title, subtitle, axis titles and notes, for the
 * cost or the cost relative to full attention against N or another symbol. Rendering a
 * specification to pixels is the render layer's job.
 */
import { buildCostChart, type CostChartSpec, type CostSeries } from './chart/index.js';
import type { Method } from './catalogue.js';
import { cheapestAtEnd, checkSweptSymbol, costCurves, valueAtEnd, type CostCurve, type SweepRange } from './curves.js';
import { InputError } from './errors.js';
import type { EvaluationContext } from './evaluate.js';
import { formatLogBase, formatNumber } from './format.js';
import type { WarningLog } from './warnings.js';

export interface CostFigureOptions {
  range: SweepRange;
  width: number;
  height: number;
  legend?: CostChartSpec['legend'];
  /** CSS colour of the canvas, checked with parseCssColor; opaque white by default. */
  background?: string;
  /** Plot each cost divided by the full-attention cost at the same point, on a log axis with a line at 1. */
  relative?: boolean;
  /** Keep only this many methods, the cheapest at the end of the range, and the baseline. */
  top?: number;
}

/** Label of the y axis of relative figures. */
export const RELATIVE_Y_LABEL = 'cost relative to full attention';

/**
 * Evaluates the curves and returns the chart specification of the cost figure. Raises
 * InputError for a swept symbol that no method uses or that has a value set, an invalid
 * background colour, an invalid `top`, or a range that needs too many points.
 */
export function costFigureSpec(methods: readonly Method[], context: EvaluationContext, options: CostFigureOptions, warnings: WarningLog): CostChartSpec {
  const { range } = options;
  const relative = options.relative ?? false;
  checkSweptSymbol(range.variable, methods, context);
  if (options.top !== undefined) checkTop(options.top);
  const background = options.background === undefined ? undefined : parseCssColor(options.background, 'background colour');

  const curves = costCurves(methods, context, range, warnings, { relative });
  const shown = options.top === undefined ? curves : cheapestAtEnd(curves, options.top, range.to);

  let subtitle = fixedSizesSubtitle(context, range.variable);
  if (options.top !== undefined) {
    const methodCount = shown.length - 1;
    subtitle = `The ${methodCount} ${methodCount === 1 ? 'method' : 'methods'} cheapest at ${range.variable} = ${formatSize(range.to, range.variable)}, and the baseline; ${subtitle}`;
  }

  const axisName = sweptAxisName(range.variable, context);
  const spec: CostChartSpec = {
    series: shown.map(toSeries),
    title: relative ? `Attention cost relative to full attention, against ${axisName}` : `Attention cost against ${axisName}`,
    subtitle,
    xLabel: sweptAxisLabel(range.variable, context),
    yLabel: relative ? RELATIVE_Y_LABEL : 'cost (operations, constant factors omitted)',
    xTickStyle: range.variable === 'N' ? 'binary' : 'decimal',
    width: options.width,
    height: options.height,
  };

  const notes = figureNotes(curves, shown, range.variable);
  if (options.top !== undefined) {
    const tie = tiedLeftOut(curves, shown, range.to);
    if (tie !== undefined) notes.push(tie);
  }
  if (relative) {
    spec.referenceLine = 1;
    notes.unshift('Full attention is 1 at every point; values below its line are cheaper than full attention.');
  }
  if (notes.length > 0) spec.notes = notes;
  if (options.legend !== undefined) spec.legend = options.legend;
  if (background !== undefined) spec.background = background;
  return spec;
}

/** Builds the Chart.js configuration of the cost figure. */
export function costFigure(methods: readonly Method[], context: EvaluationContext, options: CostFigureOptions, warnings: WarningLog) {
  return buildCostChart(costFigureSpec(methods, context, options, warnings));
}

/** Returns the file name of a figure without its extension: `cost-vs-N`, `relative-cost-vs-D`. */
export function figureBaseName(variable: string, relative = false): string {
  return `${relative ? 'relative-' : ''}cost-vs-${variable}`;
}

function toSeries(curve: CostCurve): CostSeries {
  return {
    name: curve.method.name,
    baseline: curve.method.baseline,
    causal: curve.method.causal,
    points: Array.from(curve.xs, (x, i) => ({ x, y: curve.costs[i]! })),
  };
}

/**
 * Notes the methods with nothing to draw, among all of them, and the drawn methods with points
 * left out, so a missing or shortened curve is explained on the figure itself.
 */
function figureNotes(curves: readonly CostCurve[], shown: readonly CostCurve[], variable: string): string[] {
  const notes: string[] = [];
  const empty = curves.filter((curve) => curve.xs.length === 0);
  if (empty.length > 0) {
    const listed = empty.map((curve) => `${curve.method.name} (${curve.leftOut?.reason ?? 'no usable points'})`);
    notes.push(`Nothing to draw for ${listed.join('; ')}: no point of the range can be drawn on a log axis.`);
  }
  const shortened = shown.filter((curve) => curve.xs.length > 0 && curve.leftOut !== undefined);
  if (shortened.length > 0) {
    const listed = shortened.map(({ method, leftOut }) => `${method.name} (${leftOut!.reason} for ${variable} from ${formatNumber(leftOut!.from)} to ${formatNumber(leftOut!.to)})`);
    notes.push(`Points left out: ${listed.join('; ')}.`);
  }
  return notes;
}

/**
 * Relative tolerance of a tie at the end of the range. Equal formulas written in different
 * orders differ by a few units in the last place, far below it.
 */
const TIE_TOLERANCE = 1e-12;

/**
 * Notes the methods left out by `top` whose value at the end of the range ties with the last
 * method shown, because then the catalogue order, not the cost, chose between them.
 */
function tiedLeftOut(curves: readonly CostCurve[], shown: readonly CostCurve[], end: number): string | undefined {
  const last = shown[shown.length - 1];
  if (last === undefined || last.method.baseline) return undefined;
  const lastValue = valueAtEnd(last, end);
  if (lastValue === undefined) return undefined;
  const tied = curves.filter((curve) => {
    const value = curve.method.baseline || shown.includes(curve) ? undefined : valueAtEnd(curve, end);
    return value !== undefined && Math.abs(value - lastValue) <= TIE_TOLERANCE * lastValue;
  });
  if (tied.length === 0) return undefined;
  const names = tied.map((curve) => curve.method.name).join(', ');
  return `Also as cheap as ${last.method.name} at the end of the range, but left out by catalogue order: ${names}.`;
}

/** Names the swept symbol in a title: `sequence length`, `head dimension D`. */
function sweptAxisName(variable: string, context: EvaluationContext): string {
  if (variable === 'N') return 'sequence length';
  const meaning = context.symbols.global.get(variable)?.meaning;
  // Meanings read like "head dimension (features per query, ...)"; the title takes the part before the bracket.
  const short = meaning?.replace(/\s*\(.*$/s, '').trim();
  return short ? `${short} ${variable}` : variable;
}

/** Labels the x axis with the swept symbol and its meaning in the symbol table. */
function sweptAxisLabel(variable: string, context: EvaluationContext): string {
  if (variable === 'N') return 'sequence length N (tokens)';
  const meaning = context.symbols.global.get(variable)?.meaning;
  return meaning ? `${variable}: ${meaning}` : variable;
}

/**
 * States every value held fixed: N and D (set or default) unless swept, the other sizes set
 * globally, the per-method settings, and the log base. The subtitle ends by stating that the
 * other symbols keep their defaults.
 */
export function fixedSizesSubtitle(context: EvaluationContext, variable: string): string {
  const parts: string[] = [];
  const global = context.assignments.global;
  // N and D are named even at their defaults, because every cost depends on them.
  for (const name of ['N', 'D']) {
    if (name === variable || global.has(name)) continue;
    const info = context.symbols.global.get(name);
    if (info !== undefined) parts.push(`${name} = ${info.default}`);
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

/**
 * Formats a size for titles and headings. Sequence lengths that are whole multiples of 1024 use
 * the binary suffixes that sizes are read with (64K = 65,536); other values use formatNumber.
 */
export function formatSize(value: number, variable = 'N'): string {
  if (variable === 'N' && Number.isInteger(value) && value >= 1024) {
    if (value % 1024 ** 2 === 0) return `${value / 1024 ** 2}M`;
    if (value % 1024 === 0) return `${value / 1024}K`;
  }
  return formatNumber(value);
}

function checkTop(top: number): void {
  if (!Number.isInteger(top) || top < 1) {
    throw new InputError('invalid_value', `Invalid number of methods to keep, ${top}: use a whole number of at least 1.`);
  }
}

/**
 * The CSS named colours (CSS Color Module Level 4). node-canvas 3 accepts every one of them.
 */
const NAMED_COLORS = new Set(
  (
    'aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown burlywood ' +
    'cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan darkgoldenrod darkgray ' +
    'darkgreen darkgrey darkkhaki darkmagenta darkolivegreen darkorange darkorchid darkred darksalmon darkseagreen ' +
    'darkslateblue darkslategray darkslategrey darkturquoise darkviolet deeppink deepskyblue dimgray dimgrey dodgerblue ' +
    'firebrick floralwhite forestgreen fuchsia gainsboro ghostwhite gold goldenrod gray green greenyellow grey honeydew ' +
    'hotpink indianred indigo ivory khaki lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan ' +
    'lightgoldenrodyellow lightgray lightgreen lightgrey lightpink lightsalmon lightseagreen lightskyblue lightslategray ' +
    'lightslategrey lightsteelblue lightyellow lime limegreen linen magenta maroon mediumaquamarine mediumblue ' +
    'mediumorchid mediumpurple mediumseagreen mediumslateblue mediumspringgreen mediumturquoise mediumvioletred ' +
    'midnightblue mintcream mistyrose moccasin navajowhite navy oldlace olive olivedrab orange orangered orchid ' +
    'palegoldenrod palegreen paleturquoise palevioletred papayawhip peachpuff peru pink plum powderblue purple ' +
    'rebeccapurple red rosybrown royalblue saddlebrown salmon sandybrown seagreen seashell sienna silver skyblue ' +
    'slateblue slategray slategrey snow springgreen steelblue tan teal thistle tomato turquoise violet wheat white ' +
    'whitesmoke yellow yellowgreen transparent'
  ).split(' '),
);

const NUMBER = String.raw`\d+(?:\.\d*)?|\.\d+`;
const ALPHA = String.raw`(?:${NUMBER})%?`;
const HUE = String.raw`-?(?:${NUMBER})`;
const PERCENT = String.raw`(?:${NUMBER})%`;

/**
 * The colour forms that node-canvas 3 parses correctly. It misreads some other CSS forms without
 * an error, such as percentages in rgb(), hue units and `hsl(... / alpha)`, so those are rejected.
 */
const COLOR_PATTERNS = [
  /^#(?:[0-9a-f]{3}|[0-9a-f]{4}|[0-9a-f]{6}|[0-9a-f]{8})$/,
  new RegExp(String.raw`^rgba?\(\s*(?:${NUMBER})\s*,\s*(?:${NUMBER})\s*,\s*(?:${NUMBER})\s*(?:,\s*${ALPHA}\s*)?\)$`),
  new RegExp(String.raw`^rgba?\(\s*(?:${NUMBER})\s+(?:${NUMBER})\s+(?:${NUMBER})\s*(?:/\s*${ALPHA}\s*)?\)$`),
  new RegExp(String.raw`^hsla?\(\s*${HUE}\s*,\s*${PERCENT}\s*,\s*${PERCENT}\s*(?:,\s*${ALPHA}\s*)?\)$`),
  new RegExp(String.raw`^hsla?\(\s*${HUE}\s+${PERCENT}\s+${PERCENT}\s*\)$`),
];

/**
 * Checks a CSS colour and returns it trimmed and in lower case; `what` names it in messages. Accepts the named colours,
 * `transparent`, #rgb, #rgba, #rrggbb, #rrggbbaa, rgb() or rgba() with plain channel numbers,
 * and hsl() or hsla() with a hue in degrees written without a unit. Raises InputError for
 * anything else, because the canvas silently ignores a colour it cannot parse and keeps
 * painting with its previous colour.
 */
export function parseCssColor(text: string, what = 'colour'): string {
  const color = text.trim().toLowerCase();
  if (NAMED_COLORS.has(color) || COLOR_PATTERNS.some((pattern) => pattern.test(color))) return color;
  throw new InputError(
    'invalid_value',
    `Invalid ${what} "${text}": use a CSS colour name (white), transparent, #rrggbb, #rrggbbaa, rgb(255, 255, 255), rgba(0, 0, 0, 0.5) or hsl(120, 50%, 50%).`,
  );
}
