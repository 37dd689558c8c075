/**
 * The bundled catalogue and symbol table, parsed once on first use.
 */
import catalogueJson from '../data/FastAttention.json' with { type: 'json' };
import symbolsJson from '../data/symbols.json' with { type: 'json' };
import { fullAttention, parseCatalogue, type Method } from './catalogue.js';
import { parseSymbolTable, type SymbolTable } from './symbols.js';

let catalogue: Method[] | undefined;
let symbols: SymbolTable | undefined;

/** Returns the 48 catalogue methods, without the baseline. */
export function defaultCatalogue(): Method[] {
  catalogue ??= parseCatalogue(catalogueJson, 'data/FastAttention.json');
  return catalogue;
}

/** Returns the catalogue methods followed by the full-attention baseline. */
export function defaultMethods(): Method[] {
  return [...defaultCatalogue(), fullAttention()];
}

/** Returns the bundled symbol table (meanings, defaults and their sources). */
export function defaultSymbols(): SymbolTable {
  symbols ??= parseSymbolTable(symbolsJson, 'data/symbols.json');
  return symbols;
}
