// Bundles the explorer's browser assets into dist/explorer/, where `attncost explore` reads
// them to build its self-contained page:
// - explorer.js: the browser entry (src/explore/browser/main.mts) with the evaluator, Chart.js
//   and KaTeX, as one script;
// - explorer.css: the page's style sheet followed by KaTeX's, with KaTeX's fonts as data: URLs;
// - notices.json: name, version, licence and licence text of every package in the bundle.
// The browser code is type-checked first with DOM types, which the Node build does not have.
import { execFileSync } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, transform } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist/explorer');
const require = createRequire(import.meta.url);

// The KaTeX fonts the page carries. toLatex (parsers/print.ts) writes letters, digits, \frac,
// \sqrt, \left( \right), \cdot, operator names such as \log, Greek letters and \mathit, which
// KaTeX sets in Main (upright and italic), Math italic and the four delimiter sizes. Leaving
// out the other 13 fonts saves about 180 KB; a formula that needed one would fall back to a
// system font, and the browser tests check that none does.
const KATEX_FONTS = new Set([
  'KaTeX_Main-Regular',
  'KaTeX_Main-Italic',
  'KaTeX_Math-Italic',
  'KaTeX_Size1-Regular',
  'KaTeX_Size2-Regular',
  'KaTeX_Size3-Regular',
  'KaTeX_Size4-Regular',
]);

execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(root, 'src/explore/browser/tsconfig.json')], { stdio: 'inherit' });

await mkdir(outdir, { recursive: true });

const result = await build({
  entryPoints: [join(root, 'src/explore/browser/main.mts')],
  outfile: join(outdir, 'explorer.js'),
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: ['es2022'],
  minify: true,
  // Licence comments are dropped from the code and collected in notices.json instead, because
  // some of them carry URLs and the page must contain none.
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
});

await writeFile(join(outdir, 'explorer.css'), await buildStyle());
await writeFile(join(outdir, 'notices.json'), JSON.stringify(await collectNotices(result.metafile), null, 2) + '\n');

async function buildStyle() {
  const own = await readFile(join(root, 'src/explore/style.css'), 'utf8');
  const katexDir = dirname(require.resolve('katex/dist/katex.css'));
  const katex = await readFile(join(katexDir, 'katex.css'), 'utf8');

  const fontFaces = [];
  for (const block of katex.match(/@font-face\s*{[^}]*}/g) ?? []) {
    const name = /url\(fonts\/([^)]+)\.woff2\)/.exec(block)?.[1];
    if (name === undefined) throw new Error(`a KaTeX @font-face rule has no woff2 source: ${block}`);
    if (!KATEX_FONTS.has(name)) continue;
    const font = await readFile(join(katexDir, 'fonts', `${name}.woff2`));
    const source = `src: url(data:font/woff2;base64,${font.toString('base64')}) format("woff2");`;
    fontFaces.push(block.replace(/src:[^;]*;/, source));
  }
  const found = fontFaces.length;
  if (found !== KATEX_FONTS.size) throw new Error(`found ${found} of the ${KATEX_FONTS.size} KaTeX fonts in katex.css; update KATEX_FONTS`);

  const rules = katex.replace(/@font-face\s*{[^}]*}/g, '');
  const { code } = await transform([own, ...fontFaces, rules].join('\n'), { loader: 'css', minify: true, legalComments: 'none' });
  return code;
}

/** Lists every npm package with code in the bundle, plus KaTeX, whose style and fonts are added here. */
async function collectNotices(metafile) {
  const packages = new Set([join(root, 'node_modules/katex')]);
  const [output] = Object.values(metafile.outputs);
  // Tree shaking leaves some imported packages with no code in the bundle; they need no notice.
  const used = Object.entries(output.inputs).filter(([, input]) => input.bytesInOutput > 0);
  for (const [input] of used) {
    const parts = input.split(/[/\\]/);
    const at = parts.lastIndexOf('node_modules');
    if (at < 0) continue;
    const nameParts = parts[at + 1]?.startsWith('@') ? parts.slice(at + 1, at + 3) : parts.slice(at + 1, at + 2);
    packages.add(join(root, ...parts.slice(0, at + 1), ...nameParts));
  }

  const notices = [];
  for (const folder of [...packages].sort()) {
    const manifest = JSON.parse(await readFile(join(folder, 'package.json'), 'utf8'));
    const notice = { name: manifest.name, version: manifest.version, license: manifest.license ?? 'unknown' };
    const files = await readdir(folder);
    const licenceFile = files.find((file) => /^licen[cs]e(\.md|\.txt)?$/i.test(file));
    const noticeFile = files.find((file) => /^notice(\.md|\.txt)?$/i.test(file));
    // Apache-2.0 requires a NOTICE file's text to be passed on with the code, so it precedes the licence text.
    const texts = [];
    for (const file of [noticeFile, licenceFile]) {
      if (file !== undefined) texts.push((await readFile(join(folder, file), 'utf8')).trim());
    }
    if (texts.length > 0) notice.text = texts.join('\n\n');
    notices.push(notice);
  }
  return notices;
}
