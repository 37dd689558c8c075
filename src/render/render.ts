/**
 * Rendering of Chart.js configurations to PNG, SVG and PDF with
 * chartjs-node-canvas. This folder is the only part of the project that
 * loads chartjs-node-canvas or node-canvas.
 *
 * renderChart is synchronous: node-canvas draws and encodes on the calling
 * thread and the function returns the finished file as a Buffer. (Awaiting
 * the result, as an async caller may, is harmless.)
 *
 * Text in the outputs:
 * - PNG: rasterised with the bundled DejaVu Sans.
 * - SVG: glyph outlines, never <text> elements. Cairo's SVG surface writes
 *   each glyph once as a <symbol> of paths and places it with <use>, so the
 *   file shows the same on machines without the font, but the text cannot
 *   be selected or searched.
 * - PDF: real text in an embedded subset of DejaVu Sans, so it can be
 *   selected and searched.
 */

import type { ChartConfiguration, Plugin } from 'chart.js';
import { ChartJSNodeCanvas } from 'chartjs-node-canvas';

import { FIGURE_PLUGIN_ID } from '../chart/figure-plugin.js';
import { FONT_STACK } from '../chart/typography.js';
import { registerBundledFonts } from './fonts.js';

export type ImageFormat = 'png' | 'svg' | 'pdf';

export interface RenderOptions {
  format: ImageFormat;
  /** Canvas size in CSS pixels; the chart lays out at this size. */
  width: number;
  height: number;
  /**
   * Device pixel ratio for PNG: the image has width×scale by height×scale
   * pixels with the same layout. SVG and PDF are vector formats and ignore
   * it. Default 1.
   */
  scale?: number;
  /** CSS colour that replaces the configuration's background; 'transparent' leaves the canvas clear. */
  background?: string;
}

const MIME_TYPES = {
  png: 'image/png',
  svg: 'image/svg+xml',
  pdf: 'application/pdf',
} as const;

/**
 * Maximum number of renderers kept for reuse, keyed by size and format.
 * Each renderer contains its own copy of Chart.js, because chartjs-node-canvas
 * loads a fresh module per renderer. So the cache is bounded, and the least
 * recently used renderer goes first.
 */
export const MAX_CACHED_RENDERERS = 8;

/**
 * Largest canvas side in device pixels. node-canvas 3 rejects larger
 * canvases ("Canvas width cannot exceed 32767"); checking first lets the
 * error name the size and scale that caused it.
 */
export const MAX_DEVICE_PIXELS_PER_SIDE = 32_767;

const renderers = new Map<string, ChartJSNodeCanvas>();

function rendererFor(width: number, height: number, format: ImageFormat): ChartJSNodeCanvas {
  const key = `${width}x${height}:${format}`;
  const cached = renderers.get(key);
  if (cached !== undefined) {
    // Re-insert so that Map order runs from least to most recently used.
    renderers.delete(key);
    renderers.set(key, cached);
    return cached;
  }

  const renderer = new ChartJSNodeCanvas({
    width,
    height,
    ...(format === 'png' ? {} : { type: format }),
    chartCallback: (chartJs) => {
      chartJs.defaults.font.family = FONT_STACK;
    },
  });
  // Creating the renderer creates no canvas, so the fonts are registered
  // before the first canvas exists, as node-canvas requires.
  registerBundledFonts((path, face) => renderer.registerFont(path, face));

  renderers.set(key, renderer);
  if (renderers.size > MAX_CACHED_RENDERERS) {
    const oldest = renderers.keys().next().value;
    if (oldest !== undefined) {
      renderers.delete(oldest);
    }
  }
  return renderer;
}

/**
 * Plugin that switches node-canvas to glyph text on vector surfaces. The
 * default, path text, would turn PDF text into outlines as well.
 */
const vectorTextPlugin: Plugin<'line'> = {
  id: 'attncostVectorText',
  beforeDraw(chart) {
    (chart.ctx as unknown as { textDrawingMode: string }).textDrawingMode = 'glyph';
  },
};

/**
 * Plugin that frees the canvas surface when the chart is destroyed, after
 * the image has been encoded. node-canvas frees a surface when its
 * JavaScript object is finalized, which with canvas 3.2 on Node 20 happens
 * only once the event loop turns. A synchronous loop of renders would
 * otherwise keep every surface (1 MB for a 640×400 PNG) until it returns.
 */
const releaseSurfacePlugin: Plugin<'line'> = {
  id: 'attncostReleaseSurface',
  beforeDestroy(chart) {
    const canvas = chart.canvas as unknown as { width: number; height: number } | null;
    if (canvas !== null) {
      canvas.width = 0;
      canvas.height = 0;
    }
  },
};

function checkOptions(options: RenderOptions): number {
  if (!Object.hasOwn(MIME_TYPES, options.format)) {
    throw new RangeError(`Invalid image format "${String(options.format)}": use png, svg or pdf.`);
  }

  const scale = options.scale ?? 1;
  if (!Number.isFinite(scale) || scale <= 0) {
    throw new RangeError(`Invalid scale ${scale}: use a device pixel ratio above 0, such as 1 or 2.`);
  }

  for (const [field, value] of [
    ['width', options.width],
    ['height', options.height],
  ] as const) {
    if (!Number.isInteger(value) || value <= 0) {
      throw new RangeError(`Invalid ${field} ${value}: use a whole number of CSS pixels above 0.`);
    }
    const devicePixels = options.format === 'png' ? Math.floor(value * scale) : value;
    if (devicePixels > MAX_DEVICE_PIXELS_PER_SIDE) {
      throw new RangeError(
        `Invalid ${field} ${value} at scale ${scale}: the image would be ${devicePixels} pixels, ` +
          `above the ${MAX_DEVICE_PIXELS_PER_SIDE}-pixel limit; lower the size or the scale.`,
      );
    }
  }

  return options.format === 'png' ? scale : 1;
}

/** Copy the configuration with the render settings applied, leaving the caller's object unchanged. */
function prepareConfig(config: ChartConfiguration<'line'>, options: RenderOptions, devicePixelRatio: number): ChartConfiguration<'line'> {
  const sourceOptions = config.options ?? {};
  const figureOptions = sourceOptions.plugins?.[FIGURE_PLUGIN_ID] ?? {};

  return {
    ...config,
    data: {
      ...config.data,
      // Chart.js attaches listeners to data arrays; fresh arrays keep
      // renders of one configuration independent of each other.
      datasets: config.data.datasets.map((dataset) => ({ ...dataset, data: [...dataset.data] })),
    },
    options: {
      ...sourceOptions,
      responsive: false,
      animation: false,
      devicePixelRatio,
      plugins: {
        ...sourceOptions.plugins,
        [FIGURE_PLUGIN_ID]: {
          ...figureOptions,
          ...(options.background === undefined ? {} : { background: options.background }),
        },
      },
    },
    plugins: [...(config.plugins ?? []), releaseSurfacePlugin, ...(options.format === 'png' ? [] : [vectorTextPlugin])],
  };
}

/**
 * Make the SVG from Cairo byte-identical across renders and sized in CSS
 * pixels. Cairo 1.16 numbers the root group with a process-wide surface
 * counter ("surface11", then "surface26" for the same chart), and it sizes
 * the document in points, which would draw a 640-pixel figure 853 pixels
 * wide.
 */
export function normalizeSvg(svg: string, width: number, height: number): string {
  const surfaceIds = new Map<string, string>();
  const renumbered = svg.replace(/\bsurface\d+\b/g, (id) => {
    let replacement = surfaceIds.get(id);
    if (replacement === undefined) {
      replacement = `surface${surfaceIds.size + 1}`;
      surfaceIds.set(id, replacement);
    }
    return replacement;
  });

  return renumbered.replace(/<svg\b[^>]*>/, (root) =>
    root.replace(/\bwidth="[^"]*"/, `width="${width}"`).replace(/\bheight="[^"]*"/, `height="${height}"`),
  );
}

/** Render a chart configuration to an image file in memory. */
export function renderChart(config: ChartConfiguration<'line'>, options: RenderOptions): Buffer {
  const devicePixelRatio = checkOptions(options);
  const renderer = rendererFor(options.width, options.height, options.format);
  const prepared = prepareConfig(config, options, devicePixelRatio);

  // renderToBufferSync destroys the chart after encoding, which releases
  // Chart.js's references to it.
  const buffer = renderer.renderToBufferSync(prepared, MIME_TYPES[options.format]);

  if (options.format !== 'svg') {
    return buffer;
  }
  return Buffer.from(normalizeSvg(buffer.toString('utf8'), options.width, options.height), 'utf8');
}
