/**
 * Line styles for the curves of a cost figure.
 *
 * Each method gets a colour, a dash pattern and a marker shape. Methods are
 * numbered by their place in the code-unit order of all method names in the
 * figure, and the number picks the style: colour = number mod 12, and dash
 * and marker both advance every 12 methods. So 48 methods get 48 different
 * combinations, and two methods with one colour always differ in both dash
 * and marker. The numbering ignores the order of the series, the output
 * format and the figure size, so a method keeps its style in every figure
 * drawn from the same set of names. The full-attention baseline is not
 * numbered. It is always thick, solid and black.
 */

export type MarkerShape = 'circle' | 'rect' | 'triangle' | 'rectRot';

export interface SeriesStyle {
  /** CSS colour of the line and marker. */
  color: string;
  /** Dash pattern in multiples of the line width; empty for a solid line. */
  dash: readonly number[];
  marker: MarkerShape;
  /** Line width relative to the figure's standard curve width. */
  widthFactor: number;
  /** Whether this is the full-attention baseline. */
  baseline: boolean;
  /** Place of the method in the name order that picked this style; -1 for the baseline. */
  index: number;
}

/**
 * Twelve line colours that stay apart under the common colour-vision
 * deficiencies. The first six are from the Okabe-Ito palette (Okabe and Ito,
 * "Color Universal Design", 2008) without its yellow, which is too pale for
 * thin lines on white, and its black, which the baseline uses. The next five
 * are the darker members of Paul Tol's "muted" scheme (Tol, "Colour schemes
 * and templates", personal.sron.nl/~pault, 2021). The last is a mid grey,
 * which differs from the others in lightness for every kind of colour
 * vision.
 */
export const METHOD_COLORS: readonly string[] = [
  '#0072B2', // Okabe-Ito blue
  '#D55E00', // Okabe-Ito vermillion
  '#009E73', // Okabe-Ito bluish green
  '#CC79A7', // Okabe-Ito reddish purple
  '#E69F00', // Okabe-Ito orange
  '#56B4E9', // Okabe-Ito sky blue
  '#332288', // Tol muted indigo
  '#882255', // Tol muted wine
  '#117733', // Tol muted green
  '#999933', // Tol muted olive
  '#AA4499', // Tol muted purple
  '#707070', // mid grey
];

/**
 * Dash patterns in multiples of the line width: solid, dashed, dotted and
 * dash-dot. The gaps are longer than in matplotlib's default rcParams
 * lines.dashed_pattern (3.7, 1.6), lines.dotted_pattern (1, 1.65) and
 * lines.dashdot_pattern (6.4, 1.6, 1, 1.6), so the patterns stay apparent
 * at the thin widths used for 49 curves. The dash-dot dash is almost twice
 * the plain dash, so the two differ even in a short legend sample.
 */
export const DASH_PATTERNS: readonly (readonly number[])[] = [[], [4.5, 2.5], [1.2, 2], [8, 2.5, 1.5, 2.5]];

/** Marker shapes, one per dash pattern, named as in Chart.js `pointStyle`. */
export const MARKER_SHAPES: readonly MarkerShape[] = ['circle', 'rect', 'triangle', 'rectRot'];

export const BASELINE_STYLE: SeriesStyle = Object.freeze({
  color: '#000000',
  dash: Object.freeze([]) as readonly number[],
  marker: 'circle',
  widthFactor: 2.2,
  baseline: true,
  index: -1,
});

/** Return the style of the method numbered `index` (see the file comment). */
export function styleForIndex(index: number): SeriesStyle {
  if (!Number.isInteger(index) || index < 0) {
    throw new RangeError(`Invalid style index ${index}: use an integer of 0 or more.`);
  }

  const colorCount = METHOD_COLORS.length;
  const block = Math.floor(index / colorCount);
  // Past 48 methods the dash cycle repeats, so the marker shifts by one more
  // step per repeat to keep combinations apart for up to 192 methods.
  const dashIndex = block % DASH_PATTERNS.length;
  const markerIndex = (block + Math.floor(block / DASH_PATTERNS.length)) % MARKER_SHAPES.length;

  return {
    color: METHOD_COLORS[index % colorCount]!,
    dash: DASH_PATTERNS[dashIndex]!,
    marker: MARKER_SHAPES[markerIndex]!,
    widthFactor: 1,
    baseline: false,
    index,
  };
}

/** Compare strings by UTF-16 code units, which no locale setting changes. */
export function compareCodeUnits(a: string, b: string): number {
  if (a < b) {
    return -1;
  }
  return a > b ? 1 : 0;
}

/**
 * Assign a style to every method name. Duplicate names share one style.
 * Names in `baselineNames` get the baseline style and take no number.
 */
export function assignSeriesStyles(
  names: Iterable<string>,
  baselineNames: Iterable<string> = [],
): Map<string, SeriesStyle> {
  const baselines = new Set(baselineNames);
  const methods = [...new Set(names)].filter((name) => !baselines.has(name)).sort(compareCodeUnits);

  const styles = new Map<string, SeriesStyle>();
  methods.forEach((name, index) => styles.set(name, styleForIndex(index)));
  for (const name of baselines) {
    styles.set(name, BASELINE_STYLE);
  }
  return styles;
}
