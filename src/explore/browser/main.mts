/**
 * Entry point of the explorer's browser bundle. Reads the data embedded in the page, parses it
 * with the library's own validators, and starts the explorer.
 */
import { fullAttention, parseCatalogue } from '../../catalogue.js';
import { parseSymbolTable } from '../../symbols.js';
import type { ExplorerData } from '../embedded.js';
import { Explorer } from './app.mjs';
import { byId } from './dom.mjs';

function start(): void {
  const data = JSON.parse(byId('explorer-data').textContent ?? '') as ExplorerData;
  const methods = [...parseCatalogue(data.catalogue, 'the embedded catalogue'), fullAttention()];
  const symbols = parseSymbolTable(data.symbols, 'the embedded symbol table');
  new Explorer(methods, symbols, data.initial, data.methodsFile === undefined ? {} : { methodsFile: data.methodsFile });
}

try {
  start();
} catch (error) {
  // Without this, a failure would leave empty panels and the reason only in the console.
  const message = byId('results-error');
  message.textContent = `The explorer failed to start: ${error instanceof Error ? error.message : String(error)}`;
  message.hidden = false;
  throw error;
}
