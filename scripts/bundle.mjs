// Bundles the CLI into dist/cli/ with esbuild. Bundling lets esbuild drop the parts of mathjs
// that attncost never creates (units, matrices, its string parser): importing the whole mathjs
// package costs seconds at start-up, the bundled node factories a few milliseconds.
// The chart stack stays external and is loaded only by commands that draw.
import { build } from 'esbuild';

await build({
  entryPoints: { attncost: 'src/cli/main.ts' },
  outdir: 'dist/cli',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  external: ['canvas', 'chartjs-node-canvas', 'chart.js', 'chart.js/*'],
  banner: {
    // Bundled CommonJS dependencies call require(); ESM output has no require of its own.
    js: "import { createRequire as __attncostCreateRequire } from 'node:module'; const require = __attncostCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
