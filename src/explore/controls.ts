/**
 * The explorer's control values and their two readings: the evaluation contexts the page
 * computes with, and the `attncost plot` and `attncost rank` command lines that compute the
 * same numbers. Both readings go through the option parsing of src/options.ts, so the page
 * accepts and rejects exactly what the CLI does.
 *
 * This module runs in Node (to build the page's initial state) and in the browser.
 */
import { symbolsOf } from '../../parsers/index.js';
import type { Method } from '../catalogue.js';
import { InputError } from '../errors.js';
import type { EvaluationContext } from '../evaluate.js';
import { parseAssignments, parseLogBase, parseSize } from '../options.js';
import type { SweepRange } from '../curves.js';
import { lookupSymbol, type SymbolTable } from '../symbols.js';

export const LOG_BASE_CHOICES = ['2', '10', 'e'] as const;
export type LogBaseChoice = (typeof LOG_BASE_CHOICES)[number];

/**
 * Every control as the text in its field. An empty text leaves the symbol unset, so it keeps
 * its per-method default, as an option left off the command line does.
 */
export interface ExplorerControls {
  /** Smallest and largest N plotted. */
  from: string;
  to: string;
  /** The N of the ranking table. */
  rankN: string;
  D: string;
  /** Values set for every method, by symbol (`k`, `H`); N and D have fields of their own. */
  global: Record<string, string>;
  /** Values set for one method, by method name, then symbol. */
  perMethod: Record<string, Record<string, string>>;
  logBase: LogBaseChoice;
  causalOnly: boolean;
  /** Names of the methods whose checkbox is cleared. */
  hidden: string[];
}

/** Identifies the field an error belongs to, so the page can mark it. */
export type FieldKey = string;

export const fieldKeys = {
  from: 'from',
  to: 'to',
  rankN: 'rankN',
  D: 'D',
  global: (symbol: string): FieldKey => `global:${symbol}`,
  perMethod: (method: string, symbol: string): FieldKey => `method:${method}:${symbol}`,
} as const;

export interface FieldError {
  field: FieldKey;
  message: string;
}

export interface ResolvedControls {
  range: SweepRange;
  rankN: number;
  /** The methods drawn and ranked, baseline included, in catalogue order. */
  selected: Method[];
  /** The context `attncost plot` builds from `plotArgs`: N is swept, so it is not set. */
  plotContext: EvaluationContext;
  /** The context `attncost rank` builds from `rankArgs`. */
  rankContext: EvaluationContext;
  /** Arguments after `attncost`, with every value written as the number it was read as. */
  plotArgs: string[];
  rankArgs: string[];
}

export type ResolveResult = { ok: true; value: ResolvedControls } | { ok: false; errors: FieldError[] };

export interface ResolveOptions {
  /** The methods file the page's catalogue was merged from, passed on as --methods-file. */
  methodsFile?: string;
}

/**
 * Reads every field. Each invalid field gets its own error with the CLI's message for that
 * value, so several mistakes show at once.
 */
export function resolveControls(controls: ExplorerControls, methods: readonly Method[], symbols: SymbolTable, options: ResolveOptions = {}): ResolveResult {
  const errors: FieldError[] = [];
  const read = (field: FieldKey, text: string, option: string): number | undefined => {
    try {
      return parseSize(text, option);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      errors.push({ field, message: error.message });
      return undefined;
    }
  };

  const from = read(fieldKeys.from, controls.from, '--from');
  const to = read(fieldKeys.to, controls.to, '--to');
  if (from !== undefined && to !== undefined && from >= to) {
    // The wording of the plot command's own check.
    errors.push({ field: fieldKeys.to, message: `--from ${controls.from.trim()} must be smaller than --to ${controls.to.trim()}; swap them or widen the range.` });
  }
  const rankN = read(fieldKeys.rankN, controls.rankN, '--N');
  const D = isBlank(controls.D) ? undefined : read(fieldKeys.D, controls.D, '--D');

  const selected = methods.filter((method) => isShown(method, controls));
  const sets: string[] = [];
  for (const [symbol, text] of Object.entries(controls.global)) {
    if (isBlank(text)) continue;
    const value = read(fieldKeys.global(symbol), text, `--set ${symbol}`);
    if (value !== undefined) sets.push(`${symbol}=${String(value)}`);
  }
  for (const [method, values] of Object.entries(controls.perMethod)) {
    for (const [symbol, text] of Object.entries(values)) {
      if (isBlank(text)) continue;
      const value = read(fieldKeys.perMethod(method, symbol), text, `--set ${method}.${symbol}`);
      // The CLI rejects --set for a method outside --methods, and the value changes nothing shown.
      if (value !== undefined && selected.some((shown) => shown.name === method)) sets.push(`${method}.${symbol}=${String(value)}`);
    }
  }
  if (errors.length > 0 || from === undefined || to === undefined || rankN === undefined) return { ok: false, errors };

  // Assignments are read against the selected methods only, as the CLI reads them after --methods.
  const logBase = parseLogBase(controls.logBase);
  const plotContext: EvaluationContext = { symbols, logBase, assignments: parseAssignments({ named: { D }, set: sets }, selected) };
  const rankContext: EvaluationContext = { symbols, logBase, assignments: parseAssignments({ named: { N: rankN, D }, set: sets }, selected) };

  const shared = [
    ...(options.methodsFile === undefined ? [] : ['--methods-file', options.methodsFile]),
    ...selectionArgs(methods, controls),
    ...(D === undefined ? [] : ['--D', String(D)]),
    ...sets.flatMap((set) => ['--set', set]),
    ...(controls.logBase === '2' ? [] : ['--log-base', controls.logBase]),
  ];
  return {
    ok: true,
    value: {
      range: { variable: 'N', from, to },
      rankN,
      selected,
      plotContext,
      rankContext,
      plotArgs: ['plot', '--from', String(from), '--to', String(to), ...shared],
      rankArgs: ['rank', '--N', String(rankN), ...shared],
    },
  };
}

/**
 * Returns the --methods and --causal options that select the same methods as the checkboxes
 * and the causal-only box. --methods names the methods shown, leaving out those --causal drops
 * anyway, or the baseline alone when none is shown, because the CLI always keeps the baseline.
 */
function selectionArgs(methods: readonly Method[], controls: ExplorerControls): string[] {
  const candidates = methods.filter((method) => !method.baseline && (method.causal || !controls.causalOnly));
  const shown = candidates.filter((method) => !controls.hidden.includes(method.name));
  const args: string[] = [];
  if (shown.length < candidates.length) {
    const names = shown.length > 0 ? shown.map((method) => method.name) : methods.filter((method) => method.baseline).map((method) => method.name);
    // NOTE: --methods reads commas as separators and `*` and `?` as wildcards, with no escape.
    // A comma in a name is written as `?`, which matches it. A name with `*` or `?` may also
    // select other methods that fit the pattern. No catalogue name contains any of the three.
    args.push('--methods', names.map((name) => name.replace(/,/g, '?')).join(','));
  }
  if (controls.causalOnly) args.push('--causal');
  return args;
}

/**
 * Maps each symbol to the methods that use it, in their formula or through the defaults of the
 * symbols they use (H through N when H defaults to \sqrt{N}).
 */
export function symbolUsers(methods: readonly Method[], symbols: SymbolTable): Map<string, Method[]> {
  const users = new Map<string, Method[]>();
  for (const method of methods) {
    const seen = new Set<string>();
    const pending = symbolsOf(method.cost);
    while (pending.length > 0) {
      const name = pending.pop()!;
      if (seen.has(name)) continue;
      seen.add(name);
      const lookup = lookupSymbol(symbols, method.name, name);
      if (lookup !== undefined) pending.push(...symbolsOf(lookup.info.defaultTree));
    }
    for (const name of seen) users.set(name, [...(users.get(name) ?? []), method]);
  }
  return users;
}

/** Whether a method is drawn and listed under the current selection. The baseline always is. */
export function isShown(method: Method, controls: ExplorerControls): boolean {
  if (method.baseline) return true;
  if (controls.causalOnly && !method.causal) return false;
  return !controls.hidden.includes(method.name);
}

/** Writes `attncost` and its arguments as one POSIX shell command line. */
export function formatCommand(args: readonly string[]): string {
  return ['attncost', ...args].map(quoteShellWord).join(' ');
}

/** Quotes a word for a POSIX shell unless it consists only of characters no shell treats specially. */
export function quoteShellWord(word: string): string {
  if (/^[A-Za-z0-9_./:=+,-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

function isBlank(text: string | undefined): boolean {
  return text === undefined || text.trim() === '';
}
