/**
 * Font family and text-width estimates for cost figures.
 *
 * Figures are drawn in DejaVu Sans, the font that the render layer bundles
 * and registers, so that text measures and looks the same on every machine.
 * Layout code measures text with the drawing context when one exists. The
 * estimate here serves pure code and tests that have no context.
 */

/** Font family of every text element in a cost figure. */
export const FONT_FAMILY = 'DejaVu Sans';

/** Fallback families for a context where the bundled font was not registered. */
export const FONT_STACK = `"${FONT_FAMILY}", sans-serif`;

export type FontWeight = 'normal' | 'bold';

/** Return a CSS font shorthand for the figure family at `sizePx` CSS pixels. */
export function cssFont(sizePx: number, weight: FontWeight = 'normal'): string {
  return `${weight} ${roundFontSize(sizePx)}px ${FONT_STACK}`;
}

/**
 * Round a font size to 1/100 px so that the same figure size always yields
 * the same font string, whatever floating-point noise the scaling added.
 */
export function roundFontSize(sizePx: number): number {
  return Math.round(sizePx * 100) / 100;
}

/**
 * Advance widths of DejaVu Sans 2.37 for U+0020 to U+007E, in 1/1000 em.
 * Measured from the bundled TTF with node-canvas `measureText` at 1000 px.
 */
const REGULAR_ASCII_ADVANCES: readonly number[] = [
  318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337,
  636, 636, 636, 636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531,
  1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787,
  603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500,
  500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612,
  635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
];

/** Advance widths of DejaVu Sans Bold 2.37 for U+0020 to U+007E, in 1/1000 em, measured as above. */
const BOLD_ASCII_ADVANCES: readonly number[] = [
  348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365,
  696, 696, 696, 696, 696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 580,
  1000, 774, 762, 734, 830, 683, 683, 821, 837, 372, 372, 775, 637, 995, 837, 850,
  733, 850, 770, 720, 682, 812, 774, 1103, 771, 724, 725, 457, 365, 457, 838, 500,
  500, 675, 716, 593, 716, 678, 435, 716, 712, 343, 343, 665, 343, 1042, 712, 687,
  716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838,
];

/** Superscript digits and minus, which tick labels use; same source and unit as above. */
const SUPERSCRIPT_ADVANCE = { normal: 401, bold: 438 } as const;
const SUPERSCRIPT_MINUS_ADVANCE = 528;

/**
 * Width used for any character outside the tables: the em square, which is
 * at least as wide as every DejaVu Sans Latin glyph, so estimates err wide.
 */
const UNKNOWN_ADVANCE = 1000;

const SUPERSCRIPT_DIGITS = new Set('⁰¹²³⁴⁵⁶⁷⁸⁹');

/**
 * Estimate the width in CSS pixels of `text` set in DejaVu Sans at `sizePx`.
 *
 * The estimate adds advance widths and ignores kerning, which only narrows
 * DejaVu text, so it is an upper bound for the characters in the tables.
 */
export function estimateTextWidth(text: string, sizePx: number, weight: FontWeight = 'normal'): number {
  const ascii = weight === 'bold' ? BOLD_ASCII_ADVANCES : REGULAR_ASCII_ADVANCES;
  let total = 0;

  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    const asciiAdvance = code >= 0x20 && code <= 0x7e ? ascii[code - 0x20] : undefined;

    if (asciiAdvance !== undefined) {
      total += asciiAdvance;
    } else if (SUPERSCRIPT_DIGITS.has(character)) {
      total += SUPERSCRIPT_ADVANCE[weight];
    } else if (character === '⁻') {
      total += SUPERSCRIPT_MINUS_ADVANCE;
    } else {
      total += UNKNOWN_ADVANCE;
    }
  }

  return (total / 1000) * sizePx;
}

/** Context that can measure text; both browser and node-canvas contexts match. */
interface MeasuringContext {
  font: string;
  measureText(text: string): { width: number };
}

const measureCaches = new WeakMap<object, Map<string, number>>();

/**
 * Measure `text` in the CSS font `font` on `ctx`, caching the width per
 * context. Setting a font on node-canvas parses it and loads the face, which
 * made measuring most of a render's cost, and layout measures the same
 * labels at the same sizes many times. The cache lives as long as the
 * context, so widths from a hinted PNG surface never serve an SVG or PDF
 * surface, whose text metrics differ slightly.
 */
export function measureCached(ctx: MeasuringContext, font: string, text: string): number {
  let cache = measureCaches.get(ctx);
  if (cache === undefined) {
    cache = new Map();
    measureCaches.set(ctx, cache);
  }

  const key = `${font}\u0000${text}`;
  let width = cache.get(key);
  if (width === undefined) {
    if (ctx.font !== font) {
      ctx.font = font;
    }
    width = ctx.measureText(text).width;
    cache.set(key, width);
  }
  return width;
}
