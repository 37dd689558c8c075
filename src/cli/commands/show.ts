/**
 * `attncost show METHOD`: everything known about one method, from describeMethod.
 */
import type { Argv, CommandModule } from 'yargs';
import { describeMethod, type GrowthClass, type MethodDescription, type Outcome, type SymbolDescription } from '../../analysis/index.js';
import type { EvaluationContext } from '../../evaluate.js';
import { formatLogBase, formatNumber } from '../../format.js';
import { parseChoice } from '../../options.js';
import type { CommandEnv } from '../command-env.js';
import { contextFromArgs, lastValue, withSizeOptions, type SizeArgs } from '../context.js';
import { loadMethods, withMethodOptions, type MethodArgs } from '../methods.js';
import { describeCrossing, describeVerdict, findSelectedMethod, rangeFromArgs, withRangeOptions, type RangeArgs } from './crossover.js';

interface ShowArgs extends SizeArgs, MethodArgs, RangeArgs {
  method: string;
  format: string;
}

const FORMATS = ['text', 'json'] as const;

export function showCommand(env: CommandEnv): CommandModule<object, ShowArgs> {
  return {
    command: 'show <method>',
    describe: 'Show one method: formula, symbols with meanings and sources, links, growth class and crossings with full attention',
    builder: (yargs: Argv) =>
      withRangeOptions(withMethodOptions(withSizeOptions(yargs, { sweepsN: false })))
        .positional('method', { type: 'string', describe: 'method name, ignoring case (quote names with spaces: "Full attention")' })
        .option('format', { type: 'string', default: 'text', requiresArg: true, describe: 'output format: text or json' }) as unknown as Argv<ShowArgs>,
    handler: async (args) => {
      const format = parseChoice(lastValue(args.format) ?? 'text', FORMATS, '--format');
      const range = rangeFromArgs(args);
      const methods = await loadMethods(args, env.io);
      const method = await findSelectedMethod(String(args.method), methods, args, env.io);
      const context = contextFromArgs(args, methods, env.warnings);
      const description = describeMethod(method, context, env.warnings, { crossovers: range });

      if (format === 'json') {
        env.io.stdout(JSON.stringify(descriptionJson(description, context), null, 2) + '\n');
        return;
      }
      env.io.stdout(describeAsText(description, context).join('\n') + '\n');
    },
  };
}

/** Returns the value, or the error as `{ kind: 'error', code, message }`, the shape analyze uses too. */
function outcomeJson<T>(outcome: Outcome<T>): T | { kind: 'error'; code: string; message: string } {
  return outcome.ok ? outcome.value : { kind: 'error', code: outcome.error.code, message: outcome.error.message };
}

function descriptionJson(description: MethodDescription, context: EvaluationContext): Record<string, unknown> {
  return {
    ...description,
    growth: outcomeJson(description.growth),
    crossovers: outcomeJson(description.crossovers),
    logBase: context.logBase,
  };
}

function describeAsText(description: MethodDescription, context: EvaluationContext): string[] {
  const { links } = description;
  const title = description.baseline ? `${description.name} (baseline)` : description.name;
  const lines = [description.comment === '' ? title : `${title}: ${description.comment}`, ''];

  const facts: [string, string][] = [
    ['formula', description.formula],
    ['LaTeX', description.latex],
    ['plain text', description.plainText],
    ['causal', description.causal ? 'yes' : 'no'],
    ['growth', describeGrowth(description.growth)],
    ['arXiv', links.arxiv ?? 'none'],
    ['code', links.code ?? (links.codeInPaper ? 'in the paper' : 'none')],
    ['log base', formatLogBase(context.logBase)],
  ];
  const width = Math.max(...facts.map(([label]) => label.length));
  lines.push(...facts.map(([label, value]) => `${label.padEnd(width)}  ${value}`));

  lines.push('', 'Symbols, with their values at the sizes given:');
  for (const symbol of description.symbols) lines.push(...describeSymbol(symbol, description.name));

  lines.push('', ...describeCrossovers(description));
  return lines;
}

function describeGrowth(growth: Outcome<GrowthClass>): string {
  if (!growth.ok) return `unknown: ${growth.error.message}`;
  const value = growth.value;
  if (value.kind === 'classified') return `${value.plainText} as ${value.variable} grows, other symbols fixed`;
  return `not of the form O(${value.variable}^a log^b ${value.variable}): ${value.reason}`;
}

function describeSymbol(symbol: SymbolDescription, method: string): string[] {
  const value = symbol.value === undefined ? 'no value' : formatNumber(symbol.value);
  const through = symbol.direct ? '' : ' (used through another symbol\'s default)';
  const lines = [`  ${symbol.name} = ${value}${through}`];
  const field = (label: string, text: string): void => {
    lines.push(`      ${label.padEnd(7)}  ${text}`);
  };

  if (symbol.scope === 'missing') {
    field('entry', 'none in the symbol table; set it with --set');
    return lines;
  }
  if (symbol.meaning !== undefined) field('meaning', symbol.meaning);
  const scope = symbol.scope === 'method' ? `${method}'s own entry` : 'global entry';
  field('default', `${symbol.default ?? 'none'} (${scope})`);
  if (symbol.source !== undefined) field('source', symbol.source);
  if (symbol.note !== undefined) field('note', symbol.note);
  return lines;
}

function describeCrossovers(description: MethodDescription): string[] {
  const outcome = description.crossovers;
  if (!outcome.ok) return [`Crossings with full attention: not computed: ${outcome.error.message}`];
  const result = outcome.value;
  const heading = `Against ${result.against}, ${result.variable} from ${formatNumber(result.from)} to ${formatNumber(result.to)}:`;
  if (result.crossings.length === 0) return [heading, `  ${describeVerdict(result)}`];
  return [heading, ...result.crossings.map((crossing) => `  ${describeCrossing(crossing, result)}.`)];
}
