/**
 * The data a page carries: the catalogue and symbol table as JSON, in the shape of the files in
 * data/, and the controls the page opens with. The browser parses them with parseCatalogue and
 * parseSymbolTable, so the page evaluates the same trees as the CLI.
 */
import type { CatalogueEntry, Method } from '../catalogue.js';
import type { SymbolInfo, SymbolTable } from '../symbols.js';
import type { ExplorerControls } from './controls.js';

/** One symbol entry as written in data/symbols.json. */
export interface SymbolEntryJson {
  meaning: string;
  default: string;
  source?: string;
  note?: string;
}

export interface SymbolTableJson {
  global: Record<string, SymbolEntryJson>;
  methods: Record<string, Record<string, SymbolEntryJson>>;
}

export interface ExplorerData {
  /** The attncost version that wrote the page, shown in its header. */
  version: string;
  /** Catalogue entries without the baseline, which the page adds as the CLI does. */
  catalogue: CatalogueEntry[];
  symbols: SymbolTableJson;
  /** The controls the page opens with and returns to on reset. */
  initial: ExplorerControls;
  /** Absolute path of the methods file merged into `catalogue`, which the page's commands name. */
  methodsFile?: string;
}

/**
 * Converts methods back to catalogue entries. The `code` field is left out because it contains
 * repository URLs, and the page must contain no external URL.
 */
export function catalogueEntries(methods: readonly Method[]): CatalogueEntry[] {
  return methods
    .filter((method) => !method.baseline)
    .map((method) => {
      const entry: CatalogueEntry = { name: method.name, complexity: method.complexity, causal: method.causal, comment: method.comment };
      if (method.arxivId !== null) entry.arxiv_id = method.arxivId;
      return entry;
    });
}

/** Converts a parsed symbol table back to the JSON of data/symbols.json. */
export function symbolTableJson(table: SymbolTable): SymbolTableJson {
  const toJson = (infos: ReadonlyMap<string, SymbolInfo>): Record<string, SymbolEntryJson> =>
    Object.fromEntries(
      [...infos].map(([name, info]) => {
        const entry: SymbolEntryJson = { meaning: info.meaning, default: info.default };
        if (info.source !== undefined) entry.source = info.source;
        if (info.note !== undefined) entry.note = info.note;
        return [name, entry];
      }),
    );
  return {
    global: toJson(table.global),
    methods: Object.fromEntries([...table.methods].map(([method, infos]) => [method, toJson(infos)])),
  };
}
