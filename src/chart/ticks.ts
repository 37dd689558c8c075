/**
 * Tick policy for the log-log axes of cost figures.
 *
 * Both axes span whole powers: the domain of each axis is padded outwards to
 * the nearest power of the axis base, so each end sits on a gridline. Ticks
 * (gridlines) fall on every power where the spacing allows. Labels go on
 * every k-th power, where the stride k is the smallest candidate whose labels
 * keep a minimum clear space, so labels never overlap at any axis length.
 * Labels count from the lower axis end when k divides the span, so both
 * ends are labelled, and from exponent 0 otherwise.
 *
 * Label styles:
 * - 'binary' marks powers of two. Exponents 0 to 9 print as plain integers
 *   (1 to 512). Exponents 10 to 69 print with a binary unit letter, where
 *   K = 2^10 = 1024, M = 1024^2, G = 1024^3, T = 1024^4, P = 1024^5 and
 *   E = 1024^6. Sequence lengths and head sizes in the cost tables are powers
 *   of two, so 1K means 1024 tokens here, not 1000. Other exponents print
 *   as 2 with a superscript exponent (2⁻³, 2⁷⁰).
 * - 'decimal' marks powers of ten and prints every one as 10 with a
 *   superscript exponent (10⁰, 10⁶, 10⁻²), one style for the whole axis.
 *
 * A label is a TickLabel: base text and an optional exponent. Figures draw
 * the exponent as a true superscript (see tick-labels.ts); formatTickLabel
 * gives the same label as plain text with Unicode superscript digits.
 */

export type TickStyle = 'binary' | 'decimal';
export type LogBase = 2 | 10;
export type AxisOrientation = 'horizontal' | 'vertical';

/** Axis range as whole exponents of `base`: the axis runs from base^minExponent to base^maxExponent. */
export interface LogAxisDomain {
  base: LogBase;
  minExponent: number;
  maxExponent: number;
}

/** Tick label as base text and an optional superscript exponent, such as 10 and "6", or "64K" alone. */
export interface TickLabel {
  base: string;
  /** Exponent in ASCII digits, with U+2212 MINUS SIGN for negative values. */
  exponent?: string;
}

/** One gridline position, with its label when the policy labels it. */
export interface AxisTick {
  exponent: number;
  value: number;
  /** Label for this power, also set on unlabelled ticks so callers can measure it. */
  label: TickLabel;
  labelled: boolean;
}

export interface LogTickPlan {
  ticks: AxisTick[];
  /** Labels sit every this many exponents from labelOrigin, or on the axis ends (see planLogTicks). */
  labelStride: number;
  /** Gridlines sit every this many exponents from the same origin, plus on both axis ends. */
  gridStride: number;
}

export interface LogTickRequest {
  domain: LogAxisDomain;
  style: TickStyle;
  /** Length of the axis in CSS pixels. */
  axisLengthPx: number;
  orientation: AxisOrientation;
  /** Tick label font size in CSS pixels. */
  fontSizePx: number;
  /** Width in CSS pixels of a label set in the tick font. */
  measureLabel: (label: TickLabel) => number;
}

/**
 * Candidate label strides for powers of two, in exponent steps. Each one
 * divides 10 or is a multiple of 10, so whenever a stride allows, the labels
 * land on 1K, 1M and 1G rather than on 512 or 2K.
 */
export const BINARY_LABEL_STRIDES: readonly number[] = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000];

/**
 * Candidate label strides for powers of ten, in decades. The 1-2-5 sequence
 * is extended with 3, which labels thousands (10³, 10⁶, 10⁹), the other
 * natural grouping of decades.
 */
export const DECIMAL_LABEL_STRIDES: readonly number[] = [1, 2, 3, 5, 10, 20, 30, 50, 100, 200, 500, 1000];

/**
 * Minimum clear space between neighbouring horizontal labels, in em of the
 * tick font: a little more than one digit (0.64 em in DejaVu Sans), so two
 * labels such as "64K" and "256K" never read as one.
 */
export const HORIZONTAL_LABEL_GAP_EM = 0.8;

/**
 * Minimum distance between the centres of neighbouring vertical labels, in
 * em. A label with an exponent is about 1 em tall (see tick-labels.ts), so
 * 1.6 em leaves about 0.6 em of clear space.
 */
export const VERTICAL_LABEL_PITCH_EM = 1.6;

/**
 * Minimum distance between neighbouring gridlines, in em of the tick font
 * (about 5 px at a 10 px font). Denser gridlines merge into a grey wash, so
 * the policy then drops to a coarser grid stride.
 */
export const MIN_GRID_SPACING_EM = 0.5;

/**
 * Largest distance of a floating-point logarithm from an integer that still
 * counts as that integer, so values such as 1e-3, whose log10 is
 * -2.9999999999999996, sit on their own power and do not pad a decade.
 */
const EXPONENT_TOLERANCE = 1e-9;

const SUPERSCRIPT_DIGITS = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
const SUPERSCRIPT_MINUS = '⁻';

/** Binary unit letters for exponents 10-19, 20-29, and so on up to 60-69. */
const BINARY_UNITS = ['K', 'M', 'G', 'T', 'P', 'E'];

export function baseForStyle(style: TickStyle): LogBase {
  return style === 'binary' ? 2 : 10;
}

function logOf(value: number, base: LogBase): number {
  return base === 2 ? Math.log2(value) : Math.log10(value);
}

function nearInteger(exponent: number): number | undefined {
  const rounded = Math.round(exponent);
  return Math.abs(exponent - rounded) < EXPONENT_TOLERANCE ? rounded : undefined;
}

/** Return the largest integer exponent e with base^e <= value, allowing for rounding in the logarithm. */
export function floorExponent(value: number, base: LogBase): number {
  const exponent = logOf(value, base);
  return nearInteger(exponent) ?? Math.floor(exponent);
}

/** Return the smallest integer exponent e with base^e >= value, allowing for rounding in the logarithm. */
export function ceilExponent(value: number, base: LogBase): number {
  const exponent = logOf(value, base);
  return nearInteger(exponent) ?? Math.ceil(exponent);
}

/**
 * Compute the padded domain that contains every finite positive value.
 *
 * The domain always spans at least one power, so a single value, or values
 * that all sit on one power, get one power of room on each side. With no
 * usable value the domain is base^0 to base^1.
 */
export function logAxisDomain(values: Iterable<number>, base: LogBase): LogAxisDomain {
  let min = Infinity;
  let max = -Infinity;

  for (const value of values) {
    if (Number.isFinite(value) && value > 0) {
      min = Math.min(min, value);
      max = Math.max(max, value);
    }
  }

  if (min === Infinity) {
    return { base, minExponent: 0, maxExponent: 1 };
  }

  let minExponent = floorExponent(min, base);
  let maxExponent = ceilExponent(max, base);
  if (minExponent === maxExponent) {
    minExponent -= 1;
    maxExponent += 1;
  }

  return { base, minExponent, maxExponent };
}

/** Write an integer with Unicode superscript digits, for example -12 as ⁻¹². */
export function superscript(value: number): string {
  if (!Number.isInteger(value)) {
    throw new RangeError(`Invalid exponent ${value}: superscript takes an integer.`);
  }
  const digits = String(Math.abs(value))
    .split('')
    .map((digit) => SUPERSCRIPT_DIGITS[Number(digit)])
    .join('');
  return value < 0 ? SUPERSCRIPT_MINUS + digits : digits;
}

function signedExponent(exponent: number): string {
  // U+2212 MINUS SIGN, which typesets at the width and height of a plus sign.
  return exponent < 0 ? `\u2212${-exponent}` : String(exponent);
}

/** Label 2^exponent compactly: 128, 1K, 64K, 1M, or 2 with a superscript outside 2^0 to 2^69. */
export function powerOfTwoLabel(exponent: number): TickLabel {
  if (exponent >= 0 && exponent < 10) {
    return { base: String(2 ** exponent) };
  }

  const unit = exponent >= 10 ? BINARY_UNITS[Math.floor(exponent / 10) - 1] : undefined;
  if (unit === undefined) {
    return { base: '2', exponent: signedExponent(exponent) };
  }
  return { base: `${2 ** (exponent % 10)}${unit}` };
}

/** Label 10^exponent as 10 with a superscript exponent. */
export function powerOfTenLabel(exponent: number): TickLabel {
  return { base: '10', exponent: signedExponent(exponent) };
}

export function tickLabel(exponent: number, style: TickStyle): TickLabel {
  return style === 'binary' ? powerOfTwoLabel(exponent) : powerOfTenLabel(exponent);
}

/** Write a tick label as plain text, with the exponent in Unicode superscript digits. */
export function tickLabelText(label: TickLabel): string {
  if (label.exponent === undefined) {
    return label.base;
  }
  const value = Number(label.exponent.replace('\u2212', '-'));
  return label.base + superscript(value);
}

/** Return a tick label as plain text: 64K, 2⁻³, 10⁶. */
export function formatTickLabel(exponent: number, style: TickStyle): string {
  return tickLabelText(tickLabel(exponent, style));
}

/**
 * Describe the binary unit letters that labels in `domain` can use, for
 * example "K = 1024, M = 1024²", or return undefined when none can appear.
 */
export function binaryUnitLegend(domain: LogAxisDomain): string | undefined {
  const parts: string[] = [];

  BINARY_UNITS.forEach((unit, index) => {
    const firstExponent = (index + 1) * 10;
    const lastExponent = firstExponent + 9;
    if (firstExponent <= domain.maxExponent && lastExponent >= domain.minExponent) {
      const power = index === 0 ? '1024' : `1024${superscript(index + 1)}`;
      parts.push(`${unit} = ${power}`);
    }
  });

  return parts.length > 0 ? parts.join(', ') : undefined;
}

function isOnStride(exponent: number, stride: number, origin: number): boolean {
  const offset = exponent - origin;
  return ((offset % stride) + stride) % stride === 0;
}

/**
 * Return the exponent that labels count from at this stride. When the
 * stride divides the domain span, labels start at the lower end, so both
 * ends get a label. Otherwise they fall on multiples of the stride, which
 * puts them on round values (1K, 1M; 10³, 10⁶).
 */
export function labelOrigin(domain: LogAxisDomain, stride: number): number {
  return (domain.maxExponent - domain.minExponent) % stride === 0 ? domain.minExponent : 0;
}

function exponentsOnStride(domain: LogAxisDomain, stride: number, origin: number): number[] {
  const exponents: number[] = [];
  for (let exponent = domain.minExponent; exponent <= domain.maxExponent; exponent++) {
    if (isOnStride(exponent, stride, origin)) {
      exponents.push(exponent);
    }
  }
  return exponents;
}

/** Check that labels at these exponents keep the minimum clear space along the axis. */
function labelsFit(exponents: readonly number[], request: LogTickRequest, pixelsPerExponent: number): boolean {
  const { orientation, fontSizePx, style } = request;

  for (let index = 1; index < exponents.length; index++) {
    const previous = exponents[index - 1]!;
    const current = exponents[index]!;
    const distance = (current - previous) * pixelsPerExponent;

    if (orientation === 'vertical') {
      if (distance < VERTICAL_LABEL_PITCH_EM * fontSizePx) {
        return false;
      }
    } else {
      const halfWidths = (request.measureLabel(tickLabel(previous, style)) + request.measureLabel(tickLabel(current, style))) / 2;
      if (distance - halfWidths < HORIZONTAL_LABEL_GAP_EM * fontSizePx) {
        return false;
      }
    }
  }

  return true;
}

/**
 * Choose gridlines and labels for a log axis of the given length.
 *
 * The label stride is the smallest candidate whose labels fit, with labels
 * counted from labelOrigin. If that stride
 * leaves fewer than two labels on the axis (a short domain with a coarse
 * stride), the two axis ends are labelled instead when they fit. If even the
 * largest candidate does not fit, it is used anyway, because only an axis a
 * few pixels long gets there.
 */
export function planLogTicks(request: LogTickRequest): LogTickPlan {
  const { domain, style, fontSizePx } = request;
  const span = domain.maxExponent - domain.minExponent;
  const pixelsPerExponent = span > 0 ? Math.max(request.axisLengthPx, 0) / span : 0;
  const strides = style === 'binary' ? BINARY_LABEL_STRIDES : DECIMAL_LABEL_STRIDES;

  let labelStride = strides[strides.length - 1]!;
  let origin = labelOrigin(domain, labelStride);
  let labelled = exponentsOnStride(domain, labelStride, origin);

  for (const stride of strides) {
    const candidateOrigin = labelOrigin(domain, stride);
    const candidate = exponentsOnStride(domain, stride, candidateOrigin);
    if (labelsFit(candidate, request, pixelsPerExponent)) {
      labelStride = stride;
      origin = candidateOrigin;
      labelled = candidate;
      break;
    }
  }

  if (labelled.length < 2) {
    const ends = [domain.minExponent, domain.maxExponent];
    if (labelsFit(ends, request, pixelsPerExponent)) {
      labelled = ends;
    }
  }

  const minGridSpacing = MIN_GRID_SPACING_EM * fontSizePx;
  // Gridlines use a stride that divides the label stride and share its
  // origin, so every label sits on a gridline and the grid stays regular.
  const gridStride =
    strides.find((stride) => labelStride % stride === 0 && stride * pixelsPerExponent >= minGridSpacing) ?? labelStride;

  const labelledSet = new Set(labelled);
  const tickExponents = new Set([
    domain.minExponent,
    domain.maxExponent,
    ...labelled,
    ...exponentsOnStride(domain, gridStride, origin),
  ]);

  const ticks = [...tickExponents]
    .sort((a, b) => a - b)
    .map((exponent) => ({
      exponent,
      value: domain.base ** exponent,
      label: tickLabel(exponent, style),
      labelled: labelledSet.has(exponent),
    }));

  return { ticks, labelStride, gridStride };
}
