/**
 * Sizes and colours of a cost figure, scaled to the figure size.
 *
 * Text and lines grow with the figure's linear size to the power 0.7, so a
 * large figure gets larger type without the type taking the same share of
 * the figure as at 640×400. All sizes are in CSS pixels. The render scale
 * (device pixel ratio) multiplies them all later. It moves the layout by at
 * most a pixel or so, because text is measured with hinting at the device
 * resolution.
 */

export interface FigureTheme {
  /** Font size that the other text sizes derive from. */
  baseFontPx: number;
  titleFontPx: number;
  subtitleFontPx: number;
  axisTitleFontPx: number;
  tickFontPx: number;
  /** Legend font size when the legend has room, and the smallest size it shrinks to. */
  legendMaxFontPx: number;
  legendMinFontPx: number;
  noteFontPx: number;
  /** Width of a method curve; the baseline is a multiple of it (see palette.ts). */
  curveWidthPx: number;
  markerRadiusPx: number;
  gridWidthPx: number;
  frameWidthPx: number;
  tickLengthPx: number;
  /** Space between a tick mark and its label. */
  tickPaddingPx: number;
  /** Space between the tick labels and the axis title. */
  axisTitleGapPx: number;
  /** Blank margin on every side of the canvas. */
  paddingPx: number;
  textColor: string;
  secondaryTextColor: string;
  /** Gridlines at labelled ticks, and at the unlabelled ticks between them. */
  majorGridColor: string;
  minorGridColor: string;
  frameColor: string;
  referenceLineColor: string;
}

/**
 * Reference figure size, in CSS pixels, at which the base font is
 * REFERENCE_FONT_PX. 640×400 is the smallest figure size that the layout
 * is designed for.
 */
const REFERENCE_WIDTH_PX = 640;
const REFERENCE_HEIGHT_PX = 400;

/**
 * Base font at the reference size: 11 px, a little under matplotlib's
 * 10 pt (13.9 px at 100 dpi), because cost figures carry up to 49 legend
 * entries where matplotlib's defaults assume a handful.
 */
const REFERENCE_FONT_PX = 11;

/**
 * Growth of the base font with figure size. At 0.7 a 3000×2000 figure gets
 * 32 px text, which still shows at about 14 px when the figure is scaled
 * down to a 1344-pixel-wide window. A square root (0.5) gave 24 px, which
 * shrank to 11 px there.
 */
const FONT_GROWTH_EXPONENT = 0.7;

/** Smallest base font, so small figures keep readable tick labels. */
const MIN_BASE_FONT_PX = 9;

/**
 * Smallest legend font. 6.5 px DejaVu Sans still has distinct glyphs on a
 * 1× PNG, so a 49-entry legend shrinks no further than this.
 */
const MIN_LEGEND_FONT_PX = 6.5;

export function figureTheme(widthPx: number, heightPx: number): FigureTheme {
  // The shorter side relative to the reference limits growth, so a wide,
  // short figure does not get text too tall for its height.
  const linearScale = Math.min(widthPx / REFERENCE_WIDTH_PX, heightPx / REFERENCE_HEIGHT_PX);
  const baseFontPx = Math.max(MIN_BASE_FONT_PX, REFERENCE_FONT_PX * linearScale ** FONT_GROWTH_EXPONENT);
  // Line widths follow the font, so strokes keep their weight next to the text.
  const strokeScale = baseFontPx / REFERENCE_FONT_PX;

  return {
    baseFontPx,
    titleFontPx: baseFontPx * 1.2,
    subtitleFontPx: baseFontPx * 0.9,
    axisTitleFontPx: baseFontPx,
    tickFontPx: baseFontPx * 0.9,
    legendMaxFontPx: baseFontPx * 0.85,
    legendMinFontPx: Math.min(baseFontPx * 0.85, Math.max(MIN_LEGEND_FONT_PX, baseFontPx * 0.6)),
    noteFontPx: baseFontPx * 0.8,
    curveWidthPx: 1.2 * strokeScale,
    markerRadiusPx: 2.4 * strokeScale,
    gridWidthPx: 0.8 * strokeScale,
    frameWidthPx: 1 * strokeScale,
    tickLengthPx: 4 * strokeScale,
    tickPaddingPx: baseFontPx * 0.35,
    axisTitleGapPx: baseFontPx * 0.4,
    paddingPx: baseFontPx * 0.9,
    textColor: '#1a1a1a',
    secondaryTextColor: '#4d4d4d',
    majorGridColor: '#d9d9d9',
    minorGridColor: '#f0f0f0',
    frameColor: '#1a1a1a',
    referenceLineColor: '#4d4d4d',
  };
}
