/**
 * `attncost crossover A B`: the sequence lengths at which the costs of two methods cross. The
 * module also contains what show and analyze share with it: the --from/--to range options,
 * finding a named method among the selected ones, and the wording of crossings.
 */
import type { Argv, CommandModule } from 'yargs';
import {
  DEFAULT_CROSSOVER_FROM,
  DEFAULT_CROSSOVER_TO,
  findCrossovers,
  type Crossing,
  type CrossoverResult,
  type Relation,
} from '../../analysis/index.js';
import type { Method } from '../../catalogue.js';
import { InputError } from '../../errors.js';
import { formatLogBase, formatNumber } from '../../format.js';
import { findMethod, parseChoice, parseSize } from '../../options.js';
import type { CommandEnv } from '../command-env.js';
import { contextFromArgs, lastValue, withSizeOptions, type SizeArgs } from '../context.js';
import type { CliIO } from '../io.js';
import { UsageError } from '../io.js';
import { loadMethods, withMethodOptions, type MethodArgs } from '../methods.js';

export interface RangeArgs {
  from?: string;
  to?: string;
}

interface CrossoverArgs extends SizeArgs, MethodArgs, RangeArgs {
  a: string;
  b: string;
  format: string;
}

const FORMATS = ['text', 'json'] as const;

/** Adds --from and --to, the range of N searched for crossings. */
export function withRangeOptions<T>(yargs: Argv<T>): Argv<T & RangeArgs> {
  return yargs
    .option('from', { type: 'string', requiresArg: true, describe: `smallest sequence length N searched for crossings (default ${DEFAULT_CROSSOVER_FROM})` })
    .option('to', { type: 'string', requiresArg: true, describe: 'largest sequence length N searched for crossings (default 1024G, that is 2^40)' }) as Argv<T & RangeArgs>;
}

/** Reads --from and --to, which must be sizes with from < to. */
export function rangeFromArgs(args: RangeArgs): { from: number; to: number } {
  const fromText = lastValue(args.from);
  const toText = lastValue(args.to);
  const from = fromText === undefined ? DEFAULT_CROSSOVER_FROM : parseSize(fromText, '--from');
  const to = toText === undefined ? DEFAULT_CROSSOVER_TO : parseSize(toText, '--to');
  if (from >= to) {
    throw new UsageError(`--from ${formatNumber(from)} must be smaller than --to ${formatNumber(to)}; swap them or widen the range.`);
  }
  return { from, to };
}

/**
 * Finds a method by name among the selected methods. A name that --methods or --causal left
 * out is reported as such, instead of as unknown.
 */
export async function findSelectedMethod(name: string, selected: readonly Method[], args: MethodArgs, io: CliIO): Promise<Method> {
  try {
    return findMethod(name, selected);
  } catch (error) {
    const filtered = (args.methods?.length ?? 0) > 0 || args.causal === true;
    if (!(error instanceof InputError) || !filtered) throw error;
    const all = await loadMethods({ ...(args['methods-file'] === undefined ? {} : { 'methods-file': args['methods-file'] }) }, io);
    const left = all.find((method) => method.name.toLowerCase() === name.toLowerCase());
    if (left === undefined) throw error;
    const reason = args.causal === true && !left.causal ? '--causal keeps only causal methods' : '--methods does not select it';
    throw new InputError('unknown_method', `Method "${left.name}" is left out: ${reason}. Drop that option to use it.`);
  }
}

/**
 * Formats a crossing point with 6 significant digits, the precision the bisection reaches many
 * times over, so that 256 prints as 256 and 588.924 keeps its decimals.
 */
export function formatCrossingPoint(value: number): string {
  const rounded = Number(value.toPrecision(6));
  if (Math.abs(rounded) < 1e7) return String(rounded);
  const [mantissa, exponent] = rounded.toExponential(5).split('e');
  return `${mantissa!.replace(/\.?0+$/, '')}e${Number(exponent)}`;
}

/** Describes one crossing, such as "Linformer becomes cheaper than Full attention at N = 256". */
export function describeCrossing(crossing: Crossing, result: CrossoverResult): string {
  const change = crossing.direction === 'a-becomes-cheaper' ? 'becomes cheaper than' : 'becomes more expensive than';
  const text = `${result.method} ${change} ${result.against} at ${result.variable} = ${formatCrossingPoint(crossing.at)}`;
  if (crossing.refined) return text;
  const [low, high] = crossing.bracket;
  return `${text} (somewhere from ${formatCrossingPoint(low)} to ${formatCrossingPoint(high)}: a cost is unusable inside that bracket)`;
}

/** States the verdict in one sentence when there is no crossing to list. */
export function describeVerdict(result: CrossoverResult): string {
  const range = `${result.variable} from ${formatNumber(result.from)} to ${formatNumber(result.to)}`;
  switch (result.verdict) {
    case 'always-cheaper':
      return `${result.method} is always cheaper than ${result.against} for ${range}.`;
    case 'never-cheaper':
      return `${result.method} is never cheaper than ${result.against} for ${range}.`;
    case 'equal-everywhere':
      return `${result.method} and ${result.against} cost the same everywhere for ${range}.`;
    case 'changes-across-gap':
      return `${result.method} and ${result.against} change order only across a stretch where a cost is unusable (${range}).`;
    case 'no-usable-points':
      return `No point of ${range} has usable costs for both ${result.method} and ${result.against}.`;
    case 'crosses':
      return `${result.method} and ${result.against} cross ${result.crossings.length === 1 ? 'once' : `${result.crossings.length} times`} for ${range}.`;
  }
}

const RELATION_WORDS: Record<Relation, string> = {
  cheaper: 'cheaper than',
  equal: 'as expensive as',
  'more-expensive': 'more expensive than',
};

/** Lists the stretches of the range with the order of the two costs on each. */
export function describeSegments(result: CrossoverResult): string[] {
  const lines = result.segments.map(
    (segment) =>
      `${result.variable} from ${formatCrossingPoint(segment.from)} to ${formatCrossingPoint(segment.to)}: ${result.method} is ${RELATION_WORDS[segment.relation]} ${result.against}`,
  );
  for (const gap of result.gaps) {
    lines.push(`${result.variable} from ${formatCrossingPoint(gap.from)} to ${formatCrossingPoint(gap.to)}: not compared, a cost is zero, negative or not finite there`);
  }
  return lines;
}

/**
 * Says compactly where method A is cheaper than B: "always", "never", "N > 256", "N < 512",
 * "64 < N < 1.2e5", or several of these.
 */
export function cheaperWhere(result: CrossoverResult): string {
  if (result.verdict === 'always-cheaper') return 'always';
  if (result.verdict === 'equal-everywhere') return 'never (equal cost)';
  if (result.verdict === 'no-usable-points') return 'unknown (no usable points)';

  const variable = result.variable;
  const stretches = result.segments
    .filter((segment) => segment.relation === 'cheaper')
    .map((segment) => {
      const fromStart = segment.from === result.from;
      const toEnd = segment.to === result.to;
      if (fromStart && toEnd) return 'always';
      if (fromStart) return `${variable} < ${formatNumber(segment.to)}`;
      if (toEnd) return `${variable} > ${formatNumber(segment.from)}`;
      return `${formatNumber(segment.from)} < ${variable} < ${formatNumber(segment.to)}`;
    });
  return stretches.length === 0 ? 'never' : stretches.join(', ');
}

/** Returns the crossover result as JSON, with the log base that the costs were evaluated with. */
export function crossoverJson(result: CrossoverResult, logBase: number): Record<string, unknown> {
  return { ...result, logBase };
}

export function crossoverCommand(env: CommandEnv): CommandModule<object, CrossoverArgs> {
  return {
    command: 'crossover <a> <b>',
    describe: 'Find every sequence length N at which the costs of two methods cross',
    builder: (yargs: Argv) =>
      withRangeOptions(withMethodOptions(withSizeOptions(yargs, { sweepsN: true })))
        .positional('a', { type: 'string', describe: 'first method (quote names with spaces: "Full attention")' })
        .positional('b', { type: 'string', describe: 'second method' })
        .option('format', { type: 'string', default: 'text', requiresArg: true, describe: 'output format: text or json' }) as unknown as Argv<CrossoverArgs>,
    handler: async (args) => {
      const format = parseChoice(lastValue(args.format) ?? 'text', FORMATS, '--format');
      const range = rangeFromArgs(args);
      const methods = await loadMethods(args, env.io);
      const a = await findSelectedMethod(String(args.a), methods, args, env.io);
      const b = await findSelectedMethod(String(args.b), methods, args, env.io);
      const context = contextFromArgs(args, methods, env.warnings);
      const result = findCrossovers(a, context, env.warnings, { against: b, ...range });

      if (format === 'json') {
        env.io.stdout(JSON.stringify(crossoverJson(result, context.logBase), null, 2) + '\n');
        return;
      }
      const lines = [`${a.name} against ${b.name}, N from ${formatNumber(range.from)} to ${formatNumber(range.to)}, log base ${formatLogBase(context.logBase)}:`];
      if (result.crossings.length > 0) {
        lines.push(...result.crossings.map((crossing) => `${describeCrossing(crossing, result)}.`));
      } else {
        lines.push(describeVerdict(result));
      }
      lines.push('', ...describeSegments(result).map((line) => `  ${line}`));
      env.io.stdout(lines.join('\n') + '\n');
    },
  };
}
