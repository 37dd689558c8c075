/**
 * The symbol table: what each symbol of each formula means and the value it takes when the
 * user does not set one. Entries exist globally and per method, because the same letter means
 * different things in different papers (k is a window in one, a cluster count in another).
 */
import * as z from './schema.js';
import { safeParseFormula, type MathNode, type ParseError } from '../parsers/index.js';
import { InputError } from './errors.js';

export const symbolInfoSchema = z.strictObject({
  meaning: z.nonEmptyString(),
  default: z.nonEmptyString(),
  source: z.optional(z.nonEmptyString()),
  note: z.optional(z.nonEmptyString()),
});

const tableSchema = z.object({
  global: z.record(z.string(), symbolInfoSchema),
  methods: z.record(z.string(), z.record(z.string(), symbolInfoSchema)),
});

export interface SymbolInfo {
  meaning: string;
  /** The default as written: a number or a formula of other symbols such as `\sqrt{N}`. */
  default: string;
  /** Source of the default (paper and setting), where one exists. */
  source?: string;
  note?: string;
  /** The parsed default. */
  defaultTree: MathNode;
}

export interface SymbolTable {
  global: ReadonlyMap<string, SymbolInfo>;
  /** Per-method entries, keyed by the method's catalogue name. */
  methods: ReadonlyMap<string, ReadonlyMap<string, SymbolInfo>>;
}

export interface SymbolLookup {
  info: SymbolInfo;
  scope: 'method' | 'global';
}

/** Validates raw symbol-table JSON and parses every default; all problems are raised together. */
export function parseSymbolTable(raw: unknown, source = 'symbol table'): SymbolTable {
  const checked = tableSchema.safeParse(raw);
  if (!checked.success) {
    const lines = checked.error.issues.map((issue) => `- at "${issue.path.join('.')}": ${issue.message.toLowerCase()}`);
    throw new InputError('invalid_symbol_table', `${source} is invalid:\n${lines.join('\n')}`);
  }

  const problems: string[] = [];
  const toInfos = (record: Record<string, z.Infer<typeof symbolInfoSchema>>, where: string): Map<string, SymbolInfo> => {
    const infos = new Map<string, SymbolInfo>();
    for (const [name, entry] of Object.entries(record)) {
      const parsed = safeParseFormula(entry.default);
      if (!parsed.ok) {
        problems.push(`- default of ${name} in ${where}:\n${parsed.error.format()}`);
        continue;
      }
      infos.set(name, { ...entry, defaultTree: parsed.value });
    }
    return infos;
  };

  const global = toInfos(checked.data.global, 'global');
  const methods = new Map<string, Map<string, SymbolInfo>>();
  for (const [method, record] of Object.entries(checked.data.methods)) {
    methods.set(method, toInfos(record, `method "${method}"`));
  }

  if (problems.length > 0) {
    throw new InputError('invalid_symbol_table', `${source} has invalid defaults:\n${problems.join('\n')}`);
  }
  return { global, methods };
}

/** Parses the default of one raw symbol entry; returns a ParseError rather than throwing it. */
export function toSymbolInfo(entry: z.Infer<typeof symbolInfoSchema>): { ok: true; info: SymbolInfo } | { ok: false; error: ParseError } {
  const parsed = safeParseFormula(entry.default);
  return parsed.ok ? { ok: true, info: { ...entry, defaultTree: parsed.value } } : { ok: false, error: parsed.error };
}

/** Returns a table with `extra` per-method entries added, replacing entries of the same name. */
export function withMethodSymbols(table: SymbolTable, extra: ReadonlyMap<string, ReadonlyMap<string, SymbolInfo>>): SymbolTable {
  if (extra.size === 0) return table;
  const methods = new Map(table.methods);
  for (const [method, infos] of extra) methods.set(method, new Map([...(table.methods.get(method) ?? []), ...infos]));
  return { global: table.global, methods };
}

/** Finds the entry that applies to `symbol` in `method`: the method's own, else the global one. */
export function lookupSymbol(table: SymbolTable, method: string, symbol: string): SymbolLookup | undefined {
  const own = table.methods.get(method)?.get(symbol);
  if (own) return { info: own, scope: 'method' };
  const global = table.global.get(symbol);
  if (global) return { info: global, scope: 'global' };
  return undefined;
}
