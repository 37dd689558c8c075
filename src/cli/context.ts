/**
 * Options shared by the commands that evaluate methods, and their conversion into an
 * evaluation context.
 */
import type { Argv } from 'yargs';
import type { Method } from '../catalogue.js';
import { defaultSymbols } from '../data.js';
import { lookupMethodSymbol, type EvaluationContext } from '../evaluate.js';
import { parseAssignments, parseLogBase, parseSize } from '../options.js';
import { WarningLog } from '../warnings.js';
import { symbolsOf } from '../../parsers/index.js';

export interface SizeArgs {
  N?: string;
  D?: string;
  set?: string[];
  'log-base': string;
}

const SIZE_HELP = 'positive number; K and M suffixes are binary (64K = 65536)';

/** Adds --D, --set and --log-base, and --N unless the command sweeps N itself. */
export function withSizeOptions<T>(yargs: Argv<T>, options: { sweepsN: boolean }): Argv<T & SizeArgs> {
  let built = yargs as Argv<T & SizeArgs>;
  if (!options.sweepsN) {
    built = built.option('N', { type: 'string', describe: `sequence length in tokens (${SIZE_HELP}); default 4096`, requiresArg: true }) as Argv<T & SizeArgs>;
  }
  return built
    .option('D', { type: 'string', describe: `head dimension (${SIZE_HELP}); default 64`, requiresArg: true })
    .option('set', {
      type: 'string',
      array: true,
      requiresArg: true,
      describe: 'SYM=VALUE sets a symbol for every method that uses it; METHOD.SYM=VALUE for one method (repeatable)',
    })
    .option('log-base', {
      type: 'string',
      default: '2',
      requiresArg: true,
      describe: 'base of a logarithm written without one: 2, 10, e or any positive number other than 1',
    }) as Argv<T & SizeArgs>;
}

/** Converts the size options into an evaluation context for `methods`. */
export function contextFromArgs(args: SizeArgs, methods: readonly Method[], warnings: WarningLog): EvaluationContext {
  const N = lastValue(args.N);
  const D = lastValue(args.D);
  const named: Record<string, number | undefined> = {
    N: N === undefined ? undefined : parseSize(N, '--N'),
    D: D === undefined ? undefined : parseSize(D, '--D'),
  };
  const assignments = parseAssignments({ named, set: args.set ?? [] }, methods);
  const context: EvaluationContext = { symbols: defaultSymbols(), assignments, logBase: parseLogBase(lastValue(args['log-base']) ?? '2') };
  warnUnusedSymbols(context, methods, warnings);
  return context;
}

/**
 * Returns the last of repeated values: yargs collects `--N 1 --N 2` into an array, and the last
 * occurrence wins as in most command-line tools.
 */
export function lastValue<T>(value: T | T[] | undefined): T | undefined {
  return Array.isArray(value) ? value[value.length - 1] : value;
}

/** Warns about a symbol set with --set that no selected method uses, directly or through a default. */
function warnUnusedSymbols(context: EvaluationContext, methods: readonly Method[], warnings: WarningLog): void {
  const used = new Set<string>();
  const collect = (method: Method, name: string, depth: number): void => {
    if (used.has(`${method.name}\u0000${name}`) || depth > 16) return;
    used.add(`${method.name}\u0000${name}`);
    used.add(name);
    const lookup = lookupMethodSymbol(method, context.symbols, name);
    for (const inner of lookup ? symbolsOf(lookup.info.defaultTree) : []) collect(method, inner, depth + 1);
  };
  for (const method of methods) {
    for (const name of symbolsOf(method.cost)) collect(method, name, 0);
  }
  for (const name of context.assignments.global.keys()) {
    if (!used.has(name)) warnings.add('unused_symbol', `Symbol ${name} is set but used by no selected method; check its spelling (symbols are case-sensitive).`);
  }
  for (const [method, values] of context.assignments.perMethod) {
    for (const name of values.keys()) {
      if (!used.has(`${method}\u0000${name}`)) warnings.add('unused_symbol', `Symbol ${name} is set for ${method}, whose formula does not use it; check its spelling.`);
    }
  }
}
