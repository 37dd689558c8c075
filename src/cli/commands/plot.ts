import { extname, resolve } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { costFigure } from '../../figures.js';
import { parseSize } from '../../options.js';
import type { CommandEnv } from '../command-env.js';
import { loadMethods, withMethodOptions, type MethodArgs } from '../methods.js';
import { contextFromArgs, withSizeOptions, type SizeArgs } from '../context.js';
import { writeFileAtomic } from '../files.js';
import { UsageError } from '../io.js';

const FORMATS = ['png', 'svg'] as const;
type ImageFormat = (typeof FORMATS)[number];

interface PlotArgs extends SizeArgs, MethodArgs {
  from: string;
  to: string;
  format?: string;
  out?: string;
  width: number;
  height: number;
}

export function plotCommand(env: CommandEnv): CommandModule<object, PlotArgs> {
  return {
    command: 'plot',
    describe: 'Plot the cost of every method against sequence length N on log-log axes',
    builder: (yargs: Argv) =>
      withMethodOptions(withSizeOptions(yargs, { sweepsN: true }))
        .option('from', { type: 'string', default: '128', requiresArg: true, describe: 'smallest sequence length plotted' })
        .option('to', { type: 'string', default: '131072', requiresArg: true, describe: 'largest sequence length plotted' })
        .option('format', { type: 'string', requiresArg: true, describe: 'image format: png or svg (default: from the --out extension, else png)' })
        .option('out', { type: 'string', requiresArg: true, describe: 'output file (default: out/cost-vs-N.FORMAT)' })
        .option('width', { type: 'number', default: 1200, describe: 'figure width in pixels' })
        .option('height', { type: 'number', default: 800, describe: 'figure height in pixels' }) as unknown as Argv<PlotArgs>,
    handler: async (args) => {
      const from = parseSize(args.from, '--from');
      const to = parseSize(args.to, '--to');
      if (from >= to) throw new UsageError(`--from ${args.from} must be smaller than --to ${args.to}; swap them or widen the range.`);
      checkPixels(args.width, '--width');
      checkPixels(args.height, '--height');

      const format = imageFormat(args.format, args.out);
      const out = resolve(env.io.cwd, args.out ?? `out/cost-vs-N.${format}`);

      const methods = await loadMethods(args, env.io);
      const context = contextFromArgs(args, methods, env.warnings);
      const config = costFigure(methods, context, { range: { variable: 'N', from, to }, width: args.width, height: args.height }, env.warnings);

      // Loaded here so that commands which draw nothing never load the chart stack.
      const { renderChart } = await import('../../render/index.js');
      const image = await renderChart(config, { format, width: args.width, height: args.height });
      await writeFileAtomic(out, image);
      env.io.stdout(`Wrote ${out}\n`);
    },
  };
}

function imageFormat(requested: string | undefined, out: string | undefined): ImageFormat {
  const fromPath = out === undefined ? undefined : extname(out).slice(1).toLowerCase();
  const format = (requested ?? (fromPath && (FORMATS as readonly string[]).includes(fromPath) ? fromPath : 'png')).toLowerCase();
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`Invalid --format "${requested}": use png or svg.`);
  }
  return format as ImageFormat;
}

/** Bounds a figure dimension. 10,000 pixels a side keeps one canvas under about 400 MB. */
function checkPixels(value: number, option: string): void {
  if (!Number.isInteger(value) || value < 200 || value > 10_000) {
    throw new UsageError(`Invalid ${option} ${value}: use a whole number of pixels from 200 to 10000.`);
  }
}
