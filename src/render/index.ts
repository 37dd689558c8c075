/**
 * Rendering of chart configurations to image files. Only this folder loads
 * chartjs-node-canvas and node-canvas.
 */

export { bundledFontDirectory, BUNDLED_FONT_FILES } from './fonts.js';
export { MAX_CACHED_RENDERERS, normalizeSvg, renderChart, type ImageFormat, type RenderOptions } from './render.js';
