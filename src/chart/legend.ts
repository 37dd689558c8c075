/**
 * Column legend for cost figures.
 *
 * Chart.js's own legend keeps one font size, and Chart.js 4.6 offers a box
 * beside the plot at most half the width shared among the side boxes (a
 * quarter next to the y axis), so 49 entries overflow small figures. Cost
 * figures draw this legend instead. layoutLegend is pure: it takes a text-measuring
 * function, so tests can run it on width estimates while charts run it on
 * the drawing context.
 *
 * Entries fill columns top to bottom, then left to right. The layout tries
 * font sizes in FONT_STEP_PX steps between the maximum and the minimum and
 * takes the largest size at which some arrangement fits the region. At that
 * size it takes the most compact arrangement for the placement: the fewest
 * columns for a legend on the right, the fewest rows for a legend below.
 *
 * When no arrangement fits even at the smallest font, the legend does not
 * grow past its region and the canvas keeps its size. It shows as many
 * entries as fit at the smallest font and replaces the last one with a
 * "+N more" cell, so the figure shows that entries are missing.
 */

import type { CanvasContext } from './context.js';
import type { MarkerShape, SeriesStyle } from './palette.js';

export type LegendPlacement = 'right' | 'bottom';

export interface LegendLayoutRequest {
  labels: readonly string[];
  /** Optional line above the entries, for example a key to marker fills. */
  caption?: string;
  placement: LegendPlacement;
  maxWidthPx: number;
  maxHeightPx: number;
  maxFontPx: number;
  minFontPx: number;
  /** Shortest line sample, so that a full dash period shows in each swatch. */
  minSwatchLengthPx: number;
  /** Width in CSS pixels of `text` set in the legend font at `fontPx`. */
  measure: (text: string, fontPx: number) => number;
}

/** One legend cell; `entry` indexes the request labels, or is -1 for the "+N more" cell. */
export interface LegendCell {
  entry: number;
  text: string;
  /** Top-left corner of the cell, relative to the top-left corner of the legend content. */
  x: number;
  y: number;
}

export interface LegendLayout {
  placement: LegendPlacement;
  fontPx: number;
  rowHeightPx: number;
  swatchLengthPx: number;
  swatchGapPx: number;
  columns: number;
  rows: number;
  /** Size of the legend content, caption included. */
  widthPx: number;
  heightPx: number;
  /** Whether the caption row is shown: whenever the request has a caption and any entry is shown. */
  hasCaption: boolean;
  cells: LegendCell[];
  /** Entries left out because even the smallest font did not fit them all. */
  hiddenCount: number;
}

/** Font sizes tried between the maximum and the minimum, in CSS pixels. */
export const FONT_STEP_PX = 0.25;

/** Row pitch in em: enough to keep the descenders of one entry clear of the capitals of the next. */
export const ROW_HEIGHT_EM = 1.3;

/**
 * Line sample length in em, unless the request's minimum is longer. It
 * leaves room on each side of the marker for a dash and a gap of the
 * dashed and dotted patterns, so the patterns show in the legend.
 */
export const SWATCH_LENGTH_EM = 2.8;

/** Space between the line sample and the text, in em. */
export const SWATCH_GAP_EM = 0.4;

/** Space between columns, in em: wide enough that columns read as separate. */
export const COLUMN_GAP_EM = 1.0;

interface Metrics {
  fontPx: number;
  rowHeightPx: number;
  swatchLengthPx: number;
  swatchGapPx: number;
  columnGapPx: number;
  itemWidths: number[];
  captionWidth: number;
}

function metricsAt(request: LegendLayoutRequest, fontPx: number): Metrics {
  const swatchLengthPx = Math.max(SWATCH_LENGTH_EM * fontPx, request.minSwatchLengthPx);
  const swatchGapPx = SWATCH_GAP_EM * fontPx;

  return {
    fontPx,
    rowHeightPx: ROW_HEIGHT_EM * fontPx,
    swatchLengthPx,
    swatchGapPx,
    columnGapPx: COLUMN_GAP_EM * fontPx,
    itemWidths: request.labels.map((label) => swatchLengthPx + swatchGapPx + request.measure(label, fontPx)),
    captionWidth: request.caption === undefined ? 0 : request.measure(request.caption, fontPx),
  };
}

/** Place `count` entries in columns of `rows` cells; the last cell shows `overflowText` when given. */
function arrange(
  request: LegendLayoutRequest,
  metrics: Metrics,
  count: number,
  rows: number,
  overflowText?: string,
): LegendLayout {
  const hasCaption = request.caption !== undefined;
  const top = hasCaption ? metrics.rowHeightPx : 0;
  const columns = Math.max(1, Math.ceil(count / rows));
  const cells: LegendCell[] = [];
  let x = 0;
  let widthPx = 0;

  for (let column = 0; column < columns; column++) {
    let columnWidth = 0;

    for (let row = 0; row < rows; row++) {
      const slot = column * rows + row;
      if (slot >= count) {
        break;
      }

      const isOverflow = overflowText !== undefined && slot === count - 1;
      const text = isOverflow ? overflowText : request.labels[slot]!;
      const width = isOverflow ? request.measure(text, metrics.fontPx) : metrics.itemWidths[slot]!;
      columnWidth = Math.max(columnWidth, width);
      cells.push({ entry: isOverflow ? -1 : slot, text, x, y: top + row * metrics.rowHeightPx });
    }

    widthPx = x + columnWidth;
    x += columnWidth + metrics.columnGapPx;
  }

  const usedRows = Math.min(rows, count);
  return {
    placement: request.placement,
    fontPx: metrics.fontPx,
    rowHeightPx: metrics.rowHeightPx,
    swatchLengthPx: metrics.swatchLengthPx,
    swatchGapPx: metrics.swatchGapPx,
    columns,
    rows: usedRows,
    widthPx: Math.max(widthPx, metrics.captionWidth),
    heightPx: top + usedRows * metrics.rowHeightPx,
    hasCaption,
    cells,
    hiddenCount: overflowText === undefined ? 0 : request.labels.length - (count - 1),
  };
}

function fits(layout: LegendLayout, request: LegendLayoutRequest): boolean {
  return layout.widthPx <= request.maxWidthPx && layout.heightPx <= request.maxHeightPx;
}

/** Return candidate row counts, most compact first for the placement. */
function rowCandidates(count: number, placement: LegendPlacement): number[] {
  const rows = new Set<number>();
  // Balanced columns: for each column count, the fewest rows that hold every entry.
  for (let columns = 1; columns <= count; columns++) {
    rows.add(Math.ceil(count / columns));
  }
  const ordered = [...rows].sort((a, b) => a - b);
  // Many rows means few columns, which is the narrow shape a right legend wants.
  return placement === 'right' ? ordered.reverse() : ordered;
}

function fontSizes(request: LegendLayoutRequest): number[] {
  const sizes: number[] = [];
  const max = Math.max(request.maxFontPx, request.minFontPx);
  for (let size = max; size > request.minFontPx; size -= FONT_STEP_PX) {
    sizes.push(size);
  }
  sizes.push(request.minFontPx);
  return sizes;
}

function overflowLayout(request: LegendLayoutRequest, metrics: Metrics): LegendLayout {
  const total = request.labels.length;
  const captionRows = request.caption === undefined ? 0 : 1;
  const rows = Math.floor(request.maxHeightPx / metrics.rowHeightPx + 1e-9) - captionRows;

  let best: LegendLayout | undefined;
  if (rows >= 1) {
    // Add full columns while they fit. The last cell of the last column
    // becomes the "+N more" cell until the columns hold every entry.
    for (let columns = 1; ; columns++) {
      const holdsAll = columns * rows >= total;
      let candidate: LegendLayout;
      if (!holdsAll) {
        candidate = arrange(request, metrics, columns * rows, rows, `+${total - (columns * rows - 1)} more`);
      } else {
        // The columns hold every entry: balance them if that still fits.
        const balanced = arrange(request, metrics, total, Math.ceil(total / columns));
        candidate = fits(balanced, request) ? balanced : arrange(request, metrics, total, rows);
      }
      if (!fits(candidate, request)) {
        break;
      }
      best = candidate;
      if (holdsAll) {
        break;
      }
    }
  }

  if (best !== undefined) {
    return best;
  }

  // Not even one column of one row fits: draw nothing rather than spill.
  return {
    placement: request.placement,
    fontPx: metrics.fontPx,
    rowHeightPx: metrics.rowHeightPx,
    swatchLengthPx: metrics.swatchLengthPx,
    swatchGapPx: metrics.swatchGapPx,
    columns: 0,
    rows: 0,
    widthPx: 0,
    heightPx: 0,
    hasCaption: false,
    cells: [],
    hiddenCount: total,
  };
}

/** Return the most compact arrangement of every entry that fits at this font size, if any. */
function fittingLayout(request: LegendLayoutRequest, fontPx: number): LegendLayout | undefined {
  const metrics = metricsAt(request, fontPx);
  for (const rows of rowCandidates(request.labels.length, request.placement)) {
    const layout = arrange(request, metrics, request.labels.length, rows);
    if (fits(layout, request)) {
      return layout;
    }
  }
  return undefined;
}

/** Lay out legend entries in columns inside a region of the requested size. */
export function layoutLegend(request: LegendLayoutRequest): LegendLayout {
  if (request.labels.length === 0) {
    return arrange(request, metricsAt(request, request.maxFontPx), 0, 1);
  }

  // Text grows with the font, so whether the legend fits only changes once
  // along the sizes, from largest to smallest: a binary search finds the
  // largest size that fits with a few measurements of every label.
  const sizes = fontSizes(request);
  let low = 0;
  let high = sizes.length;
  let best: LegendLayout | undefined;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    const layout = fittingLayout(request, sizes[middle]!);
    if (layout === undefined) {
      low = middle + 1;
    } else {
      best = layout;
      high = middle;
    }
  }

  return best ?? overflowLayout(request, metricsAt(request, request.minFontPx));
}

/** Trace the outline of a marker centred on (x, y), matching Chart.js point-style geometry. */
export function traceMarker(ctx: CanvasContext, shape: MarkerShape, x: number, y: number, radius: number): void {
  ctx.beginPath();

  switch (shape) {
    case 'rect': {
      // Chart.js inscribes the square in the circle of the point radius.
      const half = radius * Math.SQRT1_2;
      ctx.rect(x - half, y - half, 2 * half, 2 * half);
      break;
    }
    case 'rectRot': {
      ctx.moveTo(x, y - radius);
      ctx.lineTo(x + radius, y);
      ctx.lineTo(x, y + radius);
      ctx.lineTo(x - radius, y);
      ctx.closePath();
      break;
    }
    case 'triangle': {
      // Vertices at 0°, 120° and 240° from straight up, as Chart.js draws them.
      for (let vertex = 0; vertex < 3; vertex++) {
        const angle = (vertex * 2 * Math.PI) / 3;
        const px = x + Math.sin(angle) * radius;
        const py = y - Math.cos(angle) * radius;
        if (vertex === 0) {
          ctx.moveTo(px, py);
        } else {
          ctx.lineTo(px, py);
        }
      }
      ctx.closePath();
      break;
    }
    case 'circle': {
      ctx.arc(x, y, radius, 0, 2 * Math.PI);
      ctx.closePath();
      break;
    }
  }
}

export interface LegendPaint {
  items: readonly { style: SeriesStyle; filledMarker: boolean }[];
  font: (fontPx: number) => string;
  textColor: string;
  secondaryTextColor: string;
  curveWidthPx: number;
  markerRadiusPx: number;
  /** Fill of hollow markers: the figure background, or transparent. */
  hollowFill: string;
  caption?: string;
}

/** Draw a laid-out legend with its content's top-left corner at (originX, originY). */
export function drawLegend(
  ctx: CanvasContext,
  layout: LegendLayout,
  paint: LegendPaint,
  originX: number,
  originY: number,
): void {
  ctx.save();
  ctx.font = paint.font(layout.fontPx);
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';

  if (layout.hasCaption && paint.caption !== undefined) {
    ctx.fillStyle = paint.secondaryTextColor;
    ctx.fillText(paint.caption, originX, originY + layout.rowHeightPx / 2);
  }

  for (const cell of layout.cells) {
    const x = originX + cell.x;
    const middle = originY + cell.y + layout.rowHeightPx / 2;
    const item = cell.entry >= 0 ? paint.items[cell.entry] : undefined;

    if (item === undefined) {
      ctx.fillStyle = paint.secondaryTextColor;
      ctx.fillText(cell.text, x, middle);
      continue;
    }

    drawSwatch(ctx, item, paint, x, middle, layout.swatchLengthPx);
    ctx.fillStyle = paint.textColor;
    ctx.fillText(cell.text, x + layout.swatchLengthPx + layout.swatchGapPx, middle);
  }

  ctx.restore();
}

function drawSwatch(
  ctx: CanvasContext,
  item: { style: SeriesStyle; filledMarker: boolean },
  paint: LegendPaint,
  x: number,
  middle: number,
  length: number,
): void {
  const { style } = item;
  const lineWidth = paint.curveWidthPx * style.widthFactor;

  ctx.save();
  ctx.strokeStyle = style.color;
  ctx.lineWidth = lineWidth;
  ctx.lineCap = 'butt';
  ctx.setLineDash(style.dash.map((step) => step * lineWidth));
  ctx.beginPath();
  ctx.moveTo(x, middle);
  ctx.lineTo(x + length, middle);
  ctx.stroke();
  ctx.setLineDash([]);

  if (!style.baseline) {
    traceMarker(ctx, style.marker, x + length / 2, middle, paint.markerRadiusPx);
    ctx.fillStyle = item.filledMarker ? style.color : paint.hollowFill;
    ctx.fill();
    ctx.lineWidth = paint.curveWidthPx;
    ctx.stroke();
  }
  ctx.restore();
}
