import { extname, resolve } from 'node:path';
import { closest } from 'fastest-levenshtein';
import type { Argv, CommandModule } from 'yargs';
import { buildCostChart } from '../../chart/index.js';
import { MAX_POINTS, POINTS_PER_DECADE, checkPointCount, checkSweptSymbol, defaultSweepRange, type SweepRange } from '../../curves.js';
import type { EvaluationContext } from '../../evaluate.js';
import { costFigureSpec, figureBaseName, parseCssColor } from '../../figures.js';
import { parseChoice, parseSize } from '../../options.js';
import type { CommandEnv } from '../command-env.js';
import { loadMethods, withMethodOptions, type MethodArgs } from '../methods.js';
import { contextFromArgs, lastValue, withSizeOptions, type SizeArgs } from '../context.js';
import { writeFileAtomic } from '../files.js';
import { UsageError } from '../io.js';

const FORMATS = ['png', 'svg', 'pdf'] as const;
type ImageFormat = (typeof FORMATS)[number];

const LEGENDS = ['right', 'bottom', 'none', 'auto'] as const;

/** Bounds of a figure side in pixels. 10,000 pixels a side keeps one canvas under about 400 MB. */
const MIN_PIXELS = 200;
const MAX_PIXELS = 10_000;

/** The sweep options that plot and report share. */
export interface RangeArgs {
  from?: string;
  to?: string;
  points?: string;
}

interface PlotArgs extends SizeArgs, MethodArgs, RangeArgs {
  x: string;
  relative?: boolean;
  top?: string;
  format?: string[];
  out?: string;
  width: number;
  height: number;
  scale: number;
  legend?: string;
  background?: string;
}

/** Adds --from, --to and --points; `sweepsOnlyN` leaves the defaults of other symbols out of the help. */
export function withRangeOptions<T>(yargs: Argv<T>, options: { sweepsOnlyN: boolean }): Argv<T & RangeArgs> {
  const otherFrom = options.sweepsOnlyN ? '' : '; for another symbol, the first power of ten at or above 1/16 of its value, at least 1';
  const otherTo = options.sweepsOnlyN ? '' : '; for another symbol, the last power of ten at or below 16 times its value';
  return yargs
    .option('from', { type: 'string', requiresArg: true, describe: `start of the swept range (default: 128 for N${otherFrom})` })
    .option('to', { type: 'string', requiresArg: true, describe: `end of the swept range (default: 128K for N${otherTo})` })
    .option('points', {
      type: 'string',
      requiresArg: true,
      describe: `sample points per curve, from 2 to ${MAX_POINTS} (default: ${POINTS_PER_DECADE} per decade of the range)`,
    }) as Argv<T & RangeArgs>;
}

export function plotCommand(env: CommandEnv): CommandModule<object, PlotArgs> {
  return {
    command: 'plot',
    describe: 'Plot the cost of every method against sequence length N, or another symbol, on log-log axes',
    builder: (yargs: Argv) =>
      withRangeOptions(withMethodOptions(withSizeOptions(yargs, { sweepsN: false })), { sweepsOnlyN: false })
        .option('x', {
          type: 'string',
          default: 'N',
          requiresArg: true,
          describe: 'symbol to sweep, such as D or k; the other symbols stay fixed, N at --N or its default',
        })
        .option('relative', { type: 'boolean', describe: 'plot cost divided by the full-attention cost at the same point (below 1 is cheaper)' })
        .option('top', { type: 'string', requiresArg: true, describe: 'number of methods to keep: the cheapest at the end of the range, plus the baseline (default: all)' })
        .option('format', {
          type: 'string',
          array: true,
          requiresArg: true,
          describe: 'image formats: png, svg or pdf, several separated by commas (default: from the --out extension, else png)',
        })
        .option('out', {
          type: 'string',
          requiresArg: true,
          describe: 'output file; its extension is replaced per format (default: out/cost-vs-SYMBOL.FORMAT, out/relative-cost-vs-SYMBOL.FORMAT with --relative)',
        })
        .option('width', { type: 'number', default: 1200, describe: `figure width in CSS pixels, ${MIN_PIXELS} to ${MAX_PIXELS}` })
        .option('height', { type: 'number', default: 800, describe: `figure height in CSS pixels, ${MIN_PIXELS} to ${MAX_PIXELS}` })
        .option('scale', {
          type: 'number',
          default: 1,
          describe: 'device pixels per CSS pixel of a PNG: 2 doubles the pixels with the same layout (SVG and PDF ignore it)',
        })
        .option('legend', { type: 'string', requiresArg: true, describe: 'legend placement: right, bottom, none or auto, which picks the side that hides fewer entries (default: auto)' })
        .option('background', { type: 'string', requiresArg: true, describe: 'CSS colour of the canvas, or transparent (default: white)' })
        .epilogue(
          'Files are written to a temporary name and renamed, so an existing file is replaced whole. ' +
            'Points whose cost is zero, negative or not finite are left out with a warning and a note on the figure.',
        ) as unknown as Argv<PlotArgs>,
    handler: async (args) => {
      const variable = lastValue(args.x) ?? 'N';
      const relative = args.relative ?? false;
      const formats = imageFormats(args.format, args.out);
      const width = checkPixels(lastValue(args.width), '--width');
      const height = checkPixels(lastValue(args.height), '--height');
      const scale = checkScale(lastValue(args.scale), width, height, formats);
      const legend = parseChoice(lastValue(args.legend) ?? 'auto', LEGENDS, '--legend');
      const top = args.top === undefined ? undefined : parseCount(lastValue(args.top)!, '--top');
      const background = args.background === undefined ? undefined : parseCssColor(lastValue(args.background)!, '--background');

      const methods = await loadMethods(args, env.io);
      const context = contextFromArgs(args, methods, env.warnings);
      // Checked before the range, whose default depends on the symbol.
      checkSweptSymbol(variable, methods, context);
      const range = sweepRange(args, variable, context);

      const spec = costFigureSpec(
        methods,
        context,
        {
          range,
          width,
          height,
          relative,
          ...(top === undefined ? {} : { top }),
          ...(legend === 'auto' ? {} : { legend }),
          ...(background === undefined ? {} : { background }),
        },
        env.warnings,
      );
      const config = buildCostChart(spec);

      // Loaded here so that commands which draw nothing never load the chart stack.
      const { renderChart } = await import('../../render/index.js');
      const base = args.out === undefined ? resolve(env.io.cwd, 'out', figureBaseName(variable, relative)) : stripImageExtension(resolve(env.io.cwd, args.out));
      for (const format of formats) {
        const path = `${base}.${format}`;
        await writeFileAtomic(path, renderChart(config, { format, width, height, scale }));
        env.io.stdout(`Wrote ${path}\n`);
      }
    },
  };
}

/**
 * Reads --from, --to and --points for a sweep of `variable`. A bound left out comes from the
 * default range of that symbol (curves.ts).
 */
export function sweepRange(args: RangeArgs, variable: string, context: EvaluationContext): SweepRange {
  const fromText = lastValue(args.from);
  const toText = lastValue(args.to);
  const defaults = fromText === undefined || toText === undefined ? defaultSweepRange(variable, context) : undefined;
  const from = fromText === undefined ? defaults!.from : parseSize(fromText, '--from');
  const to = toText === undefined ? defaults!.to : parseSize(toText, '--to');
  if (from >= to) {
    const describe = (text: string | undefined, value: number): string => (text === undefined ? `${value} (the default)` : text);
    throw new UsageError(`--from ${describe(fromText, from)} must be smaller than --to ${describe(toText, to)}; swap them or widen the range.`);
  }

  const range: SweepRange = { variable, from, to };
  const pointsText = lastValue(args.points);
  if (pointsText !== undefined) {
    range.points = parseCount(pointsText, '--points');
    checkPointCount(range.points, '--points');
  }
  return range;
}

/** Reads a whole number of at least 1 written in digits. */
function parseCount(text: string, option: string): number {
  if (!/^\s*\d+\s*$/.test(text) || Number(text) < 1) {
    throw new UsageError(`Invalid ${option} "${text}": use a whole number of at least 1.`);
  }
  return Number(text);
}

/**
 * Returns the requested formats in order without repeats. They come from --format, which takes
 * repeated and comma-separated names in any case, else from the extension of --out, else png.
 */
function imageFormats(requested: string[] | undefined, out: string | undefined): ImageFormat[] {
  const names = (requested ?? []).flatMap((value) => value.split(',')).map((name) => name.trim().toLowerCase());
  if (requested !== undefined) {
    const formats: ImageFormat[] = [];
    for (const name of names) {
      if (name === '') continue;
      // Unlike parseChoice, this always names the closest format, because parseChoice's distance
      // limit leaves a swap of two letters in a three-letter name (sgv, pgn) without a suggestion.
      if (!isImageFormat(name)) throw new UsageError(`Invalid --format "${name}": use png, svg or pdf (did you mean ${closest(name, [...FORMATS])}?).`);
      if (!formats.includes(name)) formats.push(name);
    }
    if (formats.length === 0) throw new UsageError('Missing a format after --format: use png, svg or pdf, several separated by commas.');
    return formats;
  }

  const extension = out === undefined ? '' : extname(out).slice(1).toLowerCase();
  if (extension === '') return ['png'];
  if (isImageFormat(extension)) return [extension];
  throw new UsageError(`Cannot tell the image format from --out ${out}: end the name with .png, .svg or .pdf, or give --format.`);
}

function isImageFormat(name: string): name is ImageFormat {
  return (FORMATS as readonly string[]).includes(name);
}

/** Drops a .png, .svg or .pdf extension, in any case, so each format can add its own. */
function stripImageExtension(path: string): string {
  const extension = extname(path);
  return isImageFormat(extension.slice(1).toLowerCase()) ? path.slice(0, -extension.length) : path;
}

function checkPixels(value: number | undefined, option: string): number {
  if (value === undefined || !Number.isInteger(value) || value < MIN_PIXELS || value > MAX_PIXELS) {
    throw new UsageError(`Invalid ${option} ${value}: use a whole number of pixels from ${MIN_PIXELS} to ${MAX_PIXELS}.`);
  }
  return value;
}

/** Checks --scale, whose PNG must stay within the same side bounds as --width and --height. */
function checkScale(value: number | undefined, width: number, height: number, formats: readonly ImageFormat[]): number {
  if (value === undefined || !Number.isFinite(value) || value <= 0) {
    throw new UsageError(`Invalid --scale ${value}: use a number above 0, such as 1 or 2.`);
  }
  if (!formats.includes('png')) return value;
  for (const [option, side] of [
    ['--width', width],
    ['--height', height],
  ] as const) {
    const pixels = Math.floor(side * value);
    if (pixels < MIN_PIXELS || pixels > MAX_PIXELS) {
      throw new UsageError(
        `Invalid --scale ${value} with ${option} ${side}: the PNG would be ${pixels} pixels ${option === '--width' ? 'wide' : 'high'}; ` +
          `choose a scale that keeps each side from ${MIN_PIXELS} to ${MAX_PIXELS} pixels.`,
      );
    }
  }
  return value;
}
