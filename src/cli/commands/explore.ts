import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Argv, CommandModule } from 'yargs';
import packageJson from '../../../package.json' with { type: 'json' };
import type { Method } from '../../catalogue.js';
import { compileCost } from '../../compile.js';
import { defaultSymbols } from '../../data.js';
import type { EvaluationContext } from '../../evaluate.js';
import type { ExplorerControls, LogBaseChoice } from '../../explore/controls.js';
import { catalogueEntries, symbolTableJson, type ExplorerData } from '../../explore/embedded.js';
import { buildExplorerPage, type ExplorerAssets, type ThirdPartyNotice } from '../../explore/page.js';
import { parseSize } from '../../options.js';
import { selectMethods } from '../../selection.js';
import type { SymbolTable } from '../../symbols.js';
import type { CommandEnv } from '../command-env.js';
import { contextFromArgs, lastValue, withSizeOptions, type SizeArgs } from '../context.js';
import { writeFileAtomic } from '../files.js';
import { UsageError } from '../io.js';
import { loadMethods, withMethodOptions, type MethodArgs } from '../methods.js';

interface ExploreArgs extends SizeArgs, MethodArgs {
  // Arrays when an option is repeated; the last value counts, as in the other commands.
  from: string | string[];
  to: string | string[];
  out: string | string[];
}

/** Folder, relative to the package root, that scripts/bundle-explorer.mjs writes the page's script, style sheet and notices to. */
const ASSET_FOLDER = join('dist', 'explorer');

export function exploreCommand(env: CommandEnv): CommandModule<object, ExploreArgs> {
  return {
    command: 'explore',
    describe: 'Write an interactive HTML page that redraws the cost curves and the ranking as the sizes change; it works offline',
    builder: (yargs: Argv) =>
      withMethodOptions(withSizeOptions(yargs, { sweepsN: false }))
        // The same defaults as `attncost plot`, so the page opens on the figure plot draws.
        .option('from', { type: 'string', default: '128', requiresArg: true, describe: 'smallest sequence length plotted when the page opens' })
        .option('to', { type: 'string', default: '131072', requiresArg: true, describe: 'largest sequence length plotted when the page opens' })
        .option('out', { type: 'string', default: 'out/explorer.html', requiresArg: true, describe: 'output HTML file' }) as unknown as Argv<ExploreArgs>,
    handler: async (args) => {
      const fromText = lastValue(args.from)!;
      const toText = lastValue(args.to)!;
      const from = parseSize(fromText, '--from');
      const to = parseSize(toText, '--to');
      if (from >= to) throw new UsageError(`--from ${fromText} must be smaller than --to ${toText}; swap them or widen the range.`);

      // The page carries every method, and --methods and --causal only set which start checked.
      const methodsFile = args['methods-file'] === undefined ? undefined : resolve(env.io.cwd, args['methods-file']);
      const methods = await loadMethods(methodsFile === undefined ? {} : { 'methods-file': methodsFile }, env.io);
      const patterns = (args.methods ?? []).flatMap((value) => value.split(','));
      const selected = selectMethods(methods, { patterns });
      // Sizes are read against the methods that rank would keep, so a --set that rank rejects is rejected here too.
      const context = contextFromArgs(args, selectMethods(methods, { patterns, causalOnly: args.causal ?? false }), env.warnings);
      const symbols = defaultSymbols();
      const data: ExplorerData = {
        version: packageJson.version,
        catalogue: catalogueEntries(methods),
        symbols: symbolTableJson(symbols),
        initial: initialControls(context, symbols, from, to, uncheckedNames(methods, selected), args.causal ?? false),
      };
      if (methodsFile !== undefined) data.methodsFile = methodsFile;

      const out = resolve(env.io.cwd, lastValue(args.out)!);
      await writeFileAtomic(out, buildExplorerPage(data, await readAssets()));
      env.io.stdout(`Wrote ${out}\n`);
    },
  };
}

/** Returns the names of the methods in `methods` but not in `selected`. */
function uncheckedNames(methods: readonly Method[], selected: readonly Method[]): string[] {
  const kept = new Set(selected.map((method) => method.name));
  return methods.filter((method) => !kept.has(method.name)).map((method) => method.name);
}

/** Turns the command-line sizes and selection into the controls the page opens with. */
function initialControls(context: EvaluationContext, symbols: SymbolTable, from: number, to: number, hidden: string[], causalOnly: boolean): ExplorerControls {
  const { global, perMethod } = context.assignments;
  const others: Record<string, string> = {};
  for (const [symbol, value] of global) {
    if (symbol !== 'N' && symbol !== 'D') others[symbol] = String(value);
  }

  const ownValues: Record<string, Record<string, string>> = {};
  for (const [method, values] of perMethod) {
    for (const [symbol, value] of values) {
      if (symbol === 'N') {
        throw new UsageError(`--set ${method}.N: the explorer sweeps N for every method at once, so N cannot be set for one method; use --N or --from and --to.`);
      }
      (ownValues[method] ??= {})[symbol] = String(value);
    }
  }

  const D = global.get('D');
  return {
    from: String(from),
    to: String(to),
    rankN: String(global.get('N') ?? defaultN(symbols)),
    D: D === undefined ? '' : String(D),
    global: others,
    perMethod: ownValues,
    logBase: logBaseChoice(context.logBase),
    causalOnly,
    hidden,
  };
}

function defaultN(symbols: SymbolTable): number {
  const info = symbols.global.get('N');
  const value = info === undefined ? Number.NaN : compileCost(info.defaultTree).call();
  if (!(value > 0 && Number.isFinite(value))) {
    throw new Error(`The symbol table's default for N is not a positive number (${info?.default ?? 'missing'}); fix data/symbols.json or pass --N.`);
  }
  return value;
}

function logBaseChoice(base: number): LogBaseChoice {
  if (base === 2) return '2';
  if (base === 10) return '10';
  if (base === Math.E) return 'e';
  throw new UsageError(`Invalid --log-base ${base} for explore: the page offers 2, 10 and e.`);
}

/** Reads the bundled browser assets from the package's dist/explorer folder. */
async function readAssets(): Promise<ExplorerAssets> {
  const folder = assetFolder();
  const [script, style, notices] = await Promise.all(
    ['explorer.js', 'explorer.css', 'notices.json'].map((name) => readFile(join(folder, name), 'utf8')),
  );
  return { script: script!, style: style!, notices: JSON.parse(notices!) as ThirdPartyNotice[] };
}

/**
 * Finds dist/explorer in the nearest folder above this module that has one. The module runs
 * from the CLI bundle (dist/cli/), from the compiled library (dist/src/cli/commands/) or from
 * source in tests, so a fixed relative path would fit only one of them.
 */
function assetFolder(): string {
  const start = dirname(fileURLToPath(import.meta.url));
  for (let folder = start; ; folder = dirname(folder)) {
    const candidate = join(folder, ASSET_FOLDER);
    if (existsSync(join(candidate, 'explorer.js'))) return candidate;
    if (dirname(folder) === folder) break;
  }
  throw new Error(`The explorer's bundled assets (${ASSET_FOLDER}/explorer.js) are missing above ${start}; run "npm run build" to create them.`);
}
