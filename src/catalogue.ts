/**
 * The method catalogue: validation of catalogue entries, parsing of their formulas, and the
 * full-attention baseline that every ranking and plot includes.
 */
import { safeParseFormula, type MathNode } from '../parsers/index.js';
import { InputError } from './errors.js';
import * as z from './schema.js';
import { symbolInfoSchema, toSymbolInfo, type SymbolInfo } from './symbols.js';

/** The catalogue's marker for "the code is described in the paper, with no repository". */
export const CODE_IN_PAPER = 'IN_PAPER';

/**
 * A catalogue entry. Unknown keys are rejected, so a misspelt field (or a key such as
 * `__proto__`) is reported instead of silently ignored. `symbols` lets a methods file define
 * symbols that the bundled symbol table does not know.
 */
const entrySchema = z.strictObject({
  name: z.nonEmptyString(),
  arxiv_id: z.optional(z.nonEmptyString()),
  code: z.optional(z.nonEmptyString()),
  comment: z.optional(z.string()),
  complexity: z.nonEmptyString(),
  causal: z.boolean(),
  symbols: z.optional(z.record(z.string(), symbolInfoSchema)),
});

/** One catalogue entry as written in the JSON file. */
export type CatalogueEntry = z.Infer<typeof entrySchema>;

export interface Method {
  name: string;
  /** arXiv identifier such as `2006.04768`, or null where the entry has none. */
  arxivId: string | null;
  /** Code repository URL, or null where there is none or it is only in the paper. */
  code: string | null;
  codeInPaper: boolean;
  comment: string;
  /** The complexity exactly as written in the catalogue. */
  complexity: string;
  /** True where the method can be used for autoregressive (causal) decoding. */
  causal: boolean;
  /** True only for the full-attention reference. */
  baseline: boolean;
  /** The parsed complexity. */
  cost: MathNode;
  /** Symbols the entry defines itself (methods files only); empty for the bundled catalogue. */
  symbols: ReadonlyMap<string, SymbolInfo>;
}

/** Full softmax attention (Vaswani et al. 2017): every query attends to every key. */
export const FULL_ATTENTION_ENTRY: CatalogueEntry = {
  name: 'Full attention',
  arxiv_id: '1706.03762',
  comment: 'softmax attention over all query-key pairs; the reference every method is compared with',
  complexity: '{N}^2*{D}',
  causal: true,
};

/**
 * Validates raw catalogue JSON and parses every formula. All problems, in every entry, are
 * collected and raised together as one InputError so a methods file can be fixed in one pass.
 */
export function parseCatalogue(raw: unknown, source = 'catalogue'): Method[] {
  if (!Array.isArray(raw)) {
    throw new InputError('invalid_catalogue', `${source} must be a JSON array of methods, found ${describeJson(raw)}.`);
  }

  const problems: string[] = [];
  const methods: Method[] = [];
  const seen = new Set<string>();

  raw.forEach((item, index) => {
    const label = entryLabel(item, index);
    const checked = entrySchema.safeParse(item);
    // The formula is parsed even when other fields are invalid, so one pass reports both.
    const complexity = typeof item === 'object' && item !== null && Object.hasOwn(item, 'complexity') ? (item as { complexity: unknown }).complexity : undefined;
    const parsed = typeof complexity === 'string' && complexity.trim() !== '' ? safeParseFormula(complexity) : undefined;
    if (parsed !== undefined && !parsed.ok) problems.push(`${label}: invalid complexity.\n${indent(parsed.error.format())}`);

    if (!checked.success) {
      for (const issue of checked.error.issues) {
        const field = issue.path.map(String).join('.');
        // zod reports an absent field as a type mismatch with "received undefined".
        const message = / received undefined$/.test(issue.message) ? 'missing' : lowerFirst(issue.message);
        problems.push(field === '' ? `${label}: ${message}.` : `${label}, field "${field}": ${message}.`);
      }
      return;
    }
    const entry = checked.data;
    if (seen.has(entry.name.toLowerCase())) {
      problems.push(`${label}: duplicate method name "${entry.name}"; give each method a distinct name.`);
      return;
    }
    seen.add(entry.name.toLowerCase());

    const symbols = new Map<string, SymbolInfo>();
    for (const [name, info] of Object.entries(entry.symbols ?? {})) {
      const symbol = toSymbolInfo(info);
      if (symbol.ok) symbols.set(name, symbol.info);
      else problems.push(`${label}, default of symbol ${name}: invalid formula.\n${indent(symbol.error.format())}`);
    }
    if (parsed?.ok) methods.push(toMethod(entry, parsed.value, false, symbols));
  });

  if (problems.length > 0) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    throw new InputError('invalid_catalogue', `${source} has ${count}:\n${problems.map((p) => `- ${p}`).join('\n')}`);
  }
  return methods;
}

/**
 * Adds `extra` methods to `base`: an extra method whose name matches a base method (ignoring
 * case) replaces it in place and takes the base method's spelling of the name, so the symbol
 * table's entries for that method still apply; any other is appended.
 */
export function mergeMethods(base: readonly Method[], extra: readonly Method[]): Method[] {
  const merged = [...base];
  for (const method of extra) {
    const index = merged.findIndex((existing) => existing.name.toLowerCase() === method.name.toLowerCase());
    if (index >= 0) merged[index] = { ...method, name: merged[index]!.name };
    else merged.push(method);
  }
  return merged;
}

/** Returns the full-attention baseline as a method. */
export function fullAttention(): Method {
  const parsed = safeParseFormula(FULL_ATTENTION_ENTRY.complexity);
  if (!parsed.ok) throw parsed.error;
  return toMethod(FULL_ATTENTION_ENTRY, parsed.value, true, new Map());
}

function toMethod(entry: CatalogueEntry, cost: MathNode, baseline: boolean, symbols: ReadonlyMap<string, SymbolInfo>): Method {
  const codeInPaper = entry.code === CODE_IN_PAPER;
  return {
    name: entry.name,
    arxivId: entry.arxiv_id ?? null,
    code: entry.code !== undefined && !codeInPaper ? entry.code : null,
    codeInPaper,
    comment: entry.comment ?? '',
    complexity: entry.complexity,
    causal: entry.causal,
    baseline,
    cost,
    symbols,
  };
}

function entryLabel(item: unknown, index: number): string {
  const name = typeof item === 'object' && item !== null && Object.hasOwn(item, 'name') ? (item as { name?: unknown }).name : undefined;
  return typeof name === 'string' && name.trim() !== '' ? `entry ${index + 1} ("${name}")` : `entry ${index + 1}`;
}

function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}
