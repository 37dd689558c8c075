/**
 * Measuring and drawing tick labels with true superscripts.
 *
 * Unicode superscript digits in DejaVu Sans are about half the height of a
 * digit and hard to read at tick sizes, so figures draw exponents as
 * digits in a smaller font, raised above the baseline, as TeX and
 * matplotlib do. Chart.js draws a tick label as a single string, so the
 * figure plugin draws these labels and the axes keep room for them.
 */

import type { Tick } from 'chart.js';

import type { CanvasContext } from './context.js';
import type { TickLabel } from './ticks.js';
import { cssFont, measureCached } from './typography.js';

/**
 * Chart.js tick carrying the label that the tick policy chose. Chart.js
 * keeps extra fields on its tick objects and passes them to scriptable
 * options, so gridline colours and label drawing can read them.
 */
export interface PlannedTick extends Tick {
  richLabel: TickLabel;
  labelled: boolean;
}

export function isPlannedTick(tick: Tick | undefined): tick is PlannedTick {
  return tick !== undefined && 'richLabel' in tick;
}

/** Size of an exponent relative to its base text: matplotlib mathtext's SHRINK_FACTOR. */
export const SUPERSCRIPT_SCALE = 0.7;

/**
 * Raise of the exponent's baseline above the base text's baseline, in em
 * of the base font. The base digits are 0.73 em tall and the exponent's
 * 0.51 em, so 0.42 em puts the exponent's lower half beside the top of the
 * base digits and its top 0.2 em above them.
 */
export const SUPERSCRIPT_RISE_EM = 0.42;

/** Space before the exponent, in em of the base font, so "10" and "6" do not touch. */
export const SUPERSCRIPT_GAP_EM = 0.05;

/**
 * Height of DejaVu Sans digits in em, measured with node-canvas: "H" is
 * 0.729 em tall and "10" 0.743 em with its round overshoot. Labels are
 * centred on the digits of the base text, not on the line box.
 */
export const DIGIT_HEIGHT_EM = 0.73;

/**
 * Height of the x tick label band in em of the tick font: the digits
 * (0.73 em), the part of an exponent above them (0.2 em) and a small margin.
 */
export const X_TICK_LABEL_HEIGHT_EM = 1.1;

/**
 * Distance of label overhang above the top tick of a vertical axis, and
 * below the bottom one, in em: half the digits plus the exponent above them.
 */
export const Y_TICK_LABEL_OVERHANG_EM = { top: 0.6, bottom: 0.4 } as const;

export type MeasureAt = (text: string, fontPx: number) => number;

/** Return a MeasureAt that measures with a canvas context in the figure font. */
export function contextMeasure(ctx: CanvasContext): MeasureAt {
  return (text, fontPx) => measureCached(ctx, cssFont(fontPx), text);
}

/** Width in CSS pixels of a tick label whose base text is set at `fontPx`. */
export function measureTickLabel(label: TickLabel, fontPx: number, measure: MeasureAt): number {
  const baseWidth = measure(label.base, fontPx);
  if (label.exponent === undefined) {
    return baseWidth;
  }
  return baseWidth + SUPERSCRIPT_GAP_EM * fontPx + measure(label.exponent, SUPERSCRIPT_SCALE * fontPx);
}

export interface TickLabelPlacement {
  /** Horizontal anchor: the label's centre or its right end. */
  align: 'center' | 'right';
  x: number;
  /** Vertical anchor: the top of the base digits, or their middle. */
  anchor: 'top' | 'middle';
  y: number;
  fontPx: number;
  color: string;
}

/** Draw a tick label at the placement, measuring with the same context. */
export function drawTickLabel(ctx: CanvasContext, label: TickLabel, placement: TickLabelPlacement): void {
  const { fontPx } = placement;
  const measure = contextMeasure(ctx);

  const width = measureTickLabel(label, fontPx, measure);
  const left = placement.align === 'center' ? placement.x - width / 2 : placement.x - width;
  const digitHeight = DIGIT_HEIGHT_EM * fontPx;
  const baseline = placement.anchor === 'top' ? placement.y + digitHeight : placement.y + digitHeight / 2;

  ctx.save();
  ctx.fillStyle = placement.color;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';

  ctx.font = cssFont(fontPx);
  ctx.fillText(label.base, left, baseline);

  if (label.exponent !== undefined) {
    const exponentLeft = left + measure(label.base, fontPx) + SUPERSCRIPT_GAP_EM * fontPx;
    ctx.font = cssFont(SUPERSCRIPT_SCALE * fontPx);
    ctx.fillText(label.exponent, exponentLeft, baseline - SUPERSCRIPT_RISE_EM * fontPx);
  }
  ctx.restore();
}
