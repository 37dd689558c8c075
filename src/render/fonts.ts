/**
 * Registration of the bundled DejaVu Sans font with node-canvas.
 *
 * Text must render the same on every machine, including one with no fonts
 * installed, so the render layer registers the TTF files shipped in
 * assets/fonts before it creates any canvas. Registration goes through
 * chartjs-node-canvas, which loads node-canvas itself. node-canvas resolves a
 * registered family to the family name inside the font file ("DejaVu Sans"),
 * and fontconfig then serves the registered file.
 *
 * NOTE: on a machine that also has a system DejaVu Sans, fontconfig may pick
 * the system copy of the same family. On this project's Debian machines both
 * are DejaVu 2.37, but another version may have slightly different metrics.
 */

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { FONT_FAMILY } from '../chart/typography.js';

/** Font files in assets/fonts, with the CSS weight each one serves. */
export const BUNDLED_FONT_FILES = [
  { file: 'DejaVuSans.ttf', weight: 'normal' },
  { file: 'DejaVuSans-Bold.ttf', weight: 'bold' },
] as const;

/**
 * Number of parent folders searched upwards from this module for
 * assets/fonts. The module runs from src/render (tests) or dist/src/render
 * (the build), which are two and three levels below the package root.
 */
const MAX_LEVELS_UP = 4;

let registeredDirectory: string | undefined;

/** Find the assets/fonts folder of this package, or throw when it is missing. */
export function bundledFontDirectory(): string {
  let directory = dirname(fileURLToPath(import.meta.url));
  const searched: string[] = [];

  for (let level = 0; level <= MAX_LEVELS_UP; level++) {
    const candidate = join(directory, 'assets', 'fonts');
    searched.push(candidate);
    if (existsSync(join(candidate, BUNDLED_FONT_FILES[0].file))) {
      return candidate;
    }
    directory = dirname(directory);
  }

  throw new Error(
    `Bundled font ${BUNDLED_FONT_FILES[0].file} not found in ${searched.join(', ')}. ` +
      'Reinstall the package so that assets/fonts is present.',
  );
}

/** node-canvas's `registerFont`, as chartjs-node-canvas exposes it. */
export type RegisterFont = (path: string, face: { family: string; weight?: string; style?: string }) => void;

/**
 * Register the bundled fonts once per process and return their folder.
 * Later calls return at once, because node-canvas keeps fonts for the
 * process lifetime.
 */
export function registerBundledFonts(registerFont: RegisterFont): string {
  if (registeredDirectory !== undefined) {
    return registeredDirectory;
  }

  const directory = bundledFontDirectory();
  for (const { file, weight } of BUNDLED_FONT_FILES) {
    registerFont(join(directory, file), { family: FONT_FAMILY, weight });
  }
  registeredDirectory = directory;
  return directory;
}
