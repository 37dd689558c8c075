/**
 * Layout of everything around the plot: the title and subtitle above, the
 * axis titles, the notes at the foot, and the legend on the right or below.
 *
 * The frame depends only on the canvas size, the texts and a measuring
 * function, never on the laid-out axes, so Chart.js's iterative box layout
 * gets the same box sizes on every pass. Where a size depends on the plot
 * (axis titles wrap to the plot's width and height), the frame uses an
 * estimate of the plot from the same inputs.
 */

import { layoutLegend, type LegendLayout } from './legend.js';
import type { FigureTheme } from './theme.js';
import { measureTickLabel, X_TICK_LABEL_HEIGHT_EM, Y_TICK_LABEL_OVERHANG_EM } from './tick-labels.js';
import type { TickLabel } from './ticks.js';
import type { FontWeight } from './typography.js';

export type LegendChoice = 'right' | 'bottom' | 'none' | 'auto';

export type MeasureText = (text: string, fontPx: number, weight: FontWeight) => number;

export interface TextLine {
  text: string;
  fontPx: number;
  weight: FontWeight;
  color: string;
  /** Offset of the line's top from the top of its block, in CSS pixels, spacing included. */
  top: number;
  heightPx: number;
}

export interface TextBlock {
  lines: TextLine[];
  /** Block height, including the space that separates it from the plot; 0 when it has no lines. */
  heightPx: number;
}

export interface FrameRequest {
  widthPx: number;
  heightPx: number;
  theme: FigureTheme;
  title: string;
  subtitle: string;
  xTitle: string;
  yTitle: string;
  /** Every label the y axis can show, to estimate the axis width. */
  yTickLabels: readonly TickLabel[];
  notes: readonly string[];
  legendLabels: readonly string[];
  legendCaption?: string;
  legend: LegendChoice;
  /**
   * Space between the plot frame and a legend on the right. It must clear
   * the half of the last x tick label that sticks out past the plot.
   */
  rightLegendGapPx: number;
  measure: MeasureText;
}

export interface FrameLayout {
  header: TextBlock;
  notes: TextBlock;
  /** x axis title, read left to right under the tick labels. */
  xTitle: TextBlock;
  /** y axis title; each line is drawn rotated to read upwards, the first line furthest from the axis. */
  yTitle: TextBlock;
  legend?: LegendLayout;
  /** Space between the plot (or the x axis title, below it) and the legend. */
  legendGapPx: number;
}

/** Line pitch of wrapped text in em. */
export const LINE_HEIGHT_EM = 1.25;

/** Largest share of the canvas width, inside the padding, that a legend on the right may take. */
export const RIGHT_LEGEND_MAX_SHARE = 0.42;

/** Largest share of the height between header and notes that a legend below the plot may take. */
export const BOTTOM_LEGEND_MAX_SHARE = 0.4;

/**
 * Widest plot aspect ratio (width to height) that counts in full when the
 * legend placement is chosen: a plot wider than 1.3 times its height is
 * scored by its height. Cost curves spread over many decades of y, so plot
 * height is what separates 49 curves, and the choice avoids flat plots.
 */
export const PREFERRED_MAX_PLOT_ASPECT = 1.3;

/**
 * Relative plot-score difference below which placements count as leaving
 * equally good plots, and the larger legend font decides.
 */
const PLOT_SCORE_TOLERANCE = 0.1;

/**
 * Break `text` into lines no wider than `maxWidthPx`, at spaces where
 * possible. A word wider than the limit is split between characters.
 */
export function wrapText(text: string, maxWidthPx: number, measure: (text: string) => number): string[] {
  const lines: string[] = [];
  let line = '';

  for (const word of text.split(/\s+/).filter((part) => part.length > 0)) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (measure(candidate) <= maxWidthPx) {
      line = candidate;
      continue;
    }

    if (line !== '') {
      lines.push(line);
      line = '';
    }

    // Split an over-long word into pieces that each fit.
    let piece = '';
    for (const character of word) {
      if (piece !== '' && measure(piece + character) > maxWidthPx) {
        lines.push(piece);
        piece = '';
      }
      piece += character;
    }
    line = piece;
  }

  if (line !== '') {
    lines.push(line);
  }
  return lines;
}

interface Paragraph {
  text: string;
  fontPx: number;
  weight: FontWeight;
  color: string;
}

/** Wrap paragraphs into a block, with blank space of the given heights above and below the text. */
function layoutBlock(
  paragraphs: readonly Paragraph[],
  maxWidthPx: number,
  measure: MeasureText,
  spacing: { beforePx: number; afterPx: number },
): TextBlock {
  const lines: TextLine[] = [];
  let top = spacing.beforePx;

  for (const paragraph of paragraphs) {
    if (paragraph.text.trim() === '') {
      continue;
    }
    const wrapped = wrapText(paragraph.text, maxWidthPx, (text) => measure(text, paragraph.fontPx, paragraph.weight));
    for (const text of wrapped) {
      const heightPx = LINE_HEIGHT_EM * paragraph.fontPx;
      lines.push({ text, fontPx: paragraph.fontPx, weight: paragraph.weight, color: paragraph.color, top, heightPx });
      top += heightPx;
    }
  }

  return { lines, heightPx: lines.length > 0 ? top + spacing.afterPx : 0 };
}

/** Estimated sizes of the axes, which Chart.js lays out after the frame. */
interface AxisEstimate {
  /** Width of the y axis ticks and labels, without its title. */
  yAxisWidthPx: number;
  /** Height of the x axis ticks and labels, without its title. */
  xAxisHeightPx: number;
}

function estimateAxes(request: FrameRequest): AxisEstimate {
  const { theme, measure } = request;
  const measureRegular = (text: string, fontPx: number) => measure(text, fontPx, 'normal');
  const widestYLabel = Math.max(0, ...request.yTickLabels.map((label) => measureTickLabel(label, theme.tickFontPx, measureRegular)));
  const tickBand = theme.tickLengthPx + theme.tickPaddingPx;
  return {
    yAxisWidthPx: tickBand + widestYLabel,
    xAxisHeightPx: tickBand + X_TICK_LABEL_HEIGHT_EM * theme.tickFontPx,
  };
}

interface Region {
  /** Width inside the canvas padding. */
  innerWidthPx: number;
  /** Height between header and notes, shared by plot, x axis and a legend below. */
  bodyHeightPx: number;
}

function legendFor(placement: 'right' | 'bottom', request: FrameRequest, region: Region, gapPx: number): LegendLayout {
  const { theme } = request;

  return layoutLegend({
    labels: request.legendLabels,
    ...(request.legendCaption === undefined ? {} : { caption: request.legendCaption }),
    placement,
    maxWidthPx: placement === 'right' ? RIGHT_LEGEND_MAX_SHARE * region.innerWidthPx - gapPx : region.innerWidthPx,
    maxHeightPx: placement === 'right' ? region.bodyHeightPx : BOTTOM_LEGEND_MAX_SHARE * region.bodyHeightPx - gapPx,
    maxFontPx: theme.legendMaxFontPx,
    minFontPx: theme.legendMinFontPx,
    // Room for most of a dash-dot period (14.5 line widths, see palette.ts)
    // on the two sides of the marker together, on top of the marker itself.
    minSwatchLengthPx: 20 * theme.curveWidthPx,
    measure: (text, fontPx) => request.measure(text, fontPx, 'normal'),
  });
}

/** Estimated plot size, in CSS pixels, left by a legend (or by none). */
function plotSize(
  legend: LegendLayout | undefined,
  gapPx: number,
  region: Region,
  axes: AxisEstimate,
  axisTitleBandPx: { x: number; y: number },
): { widthPx: number; heightPx: number } {
  const right = legend?.placement === 'right' && legend.cells.length > 0 ? legend.widthPx + gapPx : 0;
  const below = legend?.placement === 'bottom' && legend.cells.length > 0 ? legend.heightPx + gapPx : 0;
  return {
    widthPx: Math.max(0, region.innerWidthPx - axes.yAxisWidthPx - axisTitleBandPx.y - right),
    heightPx: Math.max(0, region.bodyHeightPx - axes.xAxisHeightPx - axisTitleBandPx.x - below),
  };
}

function plotScore(size: { widthPx: number; heightPx: number }): number {
  return Math.min(size.widthPx, PREFERRED_MAX_PLOT_ASPECT * size.heightPx);
}

/**
 * Choose the legend for 'auto': the placement that hides fewer entries,
 * then the one whose plot scores clearly higher (see
 * PREFERRED_MAX_PLOT_ASPECT), then the one with the larger font.
 */
function chooseLegend(
  candidates: { legend: LegendLayout; gapPx: number }[],
  score: (legend: LegendLayout, gapPx: number) => number,
): { legend: LegendLayout; gapPx: number } {
  return candidates.reduce((best, candidate) => {
    if (candidate.legend.hiddenCount !== best.legend.hiddenCount) {
      return candidate.legend.hiddenCount < best.legend.hiddenCount ? candidate : best;
    }
    const candidateScore = score(candidate.legend, candidate.gapPx);
    const bestScore = score(best.legend, best.gapPx);
    if (Math.abs(candidateScore - bestScore) > PLOT_SCORE_TOLERANCE * Math.max(candidateScore, bestScore)) {
      return candidateScore > bestScore ? candidate : best;
    }
    return candidate.legend.fontPx > best.legend.fontPx ? candidate : best;
  });
}

/** Lay out the header, axis titles, notes and legend of a figure. */
export function layoutFrame(request: FrameRequest): FrameLayout {
  const { theme, measure } = request;
  const innerWidthPx = Math.max(1, request.widthPx - 2 * theme.paddingPx);

  const header = layoutBlock(
    [
      { text: request.title, fontPx: theme.titleFontPx, weight: 'bold', color: theme.textColor },
      { text: request.subtitle, fontPx: theme.subtitleFontPx, weight: 'normal', color: theme.secondaryTextColor },
    ],
    innerWidthPx,
    measure,
    // Clear space under the subtitle, plus room for the top y tick label,
    // which sticks out above the plot (see Y_TICK_LABEL_OVERHANG_EM).
    { beforePx: 0, afterPx: 0.6 * theme.baseFontPx + Y_TICK_LABEL_OVERHANG_EM.top * theme.tickFontPx },
  );

  const notes = layoutBlock(
    request.notes.map((note): Paragraph => ({ text: note, fontPx: theme.noteFontPx, weight: 'normal', color: theme.secondaryTextColor })),
    innerWidthPx,
    measure,
    { beforePx: 0.5 * theme.baseFontPx, afterPx: 0 },
  );

  const region: Region = {
    innerWidthPx,
    bodyHeightPx: Math.max(0, request.heightPx - 2 * theme.paddingPx - header.heightPx - notes.heightPx),
  };
  const axes = estimateAxes(request);
  // Axis titles take one line each for the estimates that place the legend.
  const oneLineBand = theme.axisTitleGapPx + LINE_HEIGHT_EM * theme.axisTitleFontPx;
  const singleLineBands = {
    x: request.xTitle.trim() === '' ? 0 : oneLineBand,
    y: request.yTitle.trim() === '' ? 0 : oneLineBand,
  };

  let legend: LegendLayout | undefined;
  let legendGapPx = 0;
  const gaps = { right: request.rightLegendGapPx, bottom: 0.6 * theme.baseFontPx };

  if (request.legend !== 'none' && request.legendLabels.length > 0) {
    const placements = request.legend === 'auto' ? (['right', 'bottom'] as const) : ([request.legend] as const);
    const candidates = placements.map((placement) => ({
      legend: legendFor(placement, request, region, gaps[placement]),
      gapPx: gaps[placement],
    }));
    const chosen = chooseLegend(candidates, (candidate, gapPx) =>
      plotScore(plotSize(candidate, gapPx, region, axes, singleLineBands)),
    );
    legend = chosen.legend;
    legendGapPx = chosen.gapPx;
  }

  // Wrap the x title to the estimated plot width, then the y title to the
  // plot height that the wrapped x title leaves.
  const titleParagraph = (text: string): Paragraph[] => [
    { text, fontPx: theme.axisTitleFontPx, weight: 'normal', color: theme.textColor },
  ];
  const spacing = { beforePx: theme.axisTitleGapPx, afterPx: 0 };
  const estimate = plotSize(legend, legendGapPx, region, axes, singleLineBands);
  const xTitle = layoutBlock(titleParagraph(request.xTitle), Math.max(1, estimate.widthPx), measure, spacing);
  const heightForY = plotSize(legend, legendGapPx, region, axes, { x: xTitle.heightPx, y: singleLineBands.y }).heightPx;
  const yTitle = layoutBlock(titleParagraph(request.yTitle), Math.max(1, heightForY), measure, { beforePx: 0, afterPx: theme.axisTitleGapPx });

  return { header, notes, xTitle, yTitle, ...(legend === undefined ? {} : { legend }), legendGapPx };
}
