/**
 * The explorer's pure parts in Node: reading controls into contexts and commands, and building
 * the page text.
 */
import { describe, expect, it } from 'vitest';
import { defaultCatalogue, defaultMethods, defaultSymbols } from '../../src/data.js';
import { formatCommand, quoteShellWord, resolveControls, symbolUsers, type ExplorerControls } from '../../src/explore/controls.js';
import { catalogueEntries, symbolTableJson, type ExplorerData } from '../../src/explore/embedded.js';
import { buildExplorerPage } from '../../src/explore/page.js';
import { parseCatalogue } from '../../src/catalogue.js';
import { parseSymbolTable } from '../../src/symbols.js';
import { splitShellWords } from './page-helpers.js';

const methods = defaultMethods();
const symbols = defaultSymbols();

function controls(changes: Partial<ExplorerControls> = {}): ExplorerControls {
  return { from: '128', to: '131072', rankN: '4096', D: '', global: {}, perMethod: {}, logBase: '2', causalOnly: false, hidden: [], ...changes };
}

describe('resolveControls', () => {
  it('writes every value as the number it read', () => {
    const result = resolveControls(controls({ rankN: '64K', D: '1e2', global: { k: ' 32 ' }, perMethod: { Linformer: { k: '0.5K' } }, logBase: '10' }), methods, symbols);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.rankArgs).toEqual(['rank', '--N', '65536', '--D', '100', '--set', 'k=32', '--set', 'Linformer.k=512', '--log-base', '10']);
    expect(result.value.plotArgs).toEqual(['plot', '--from', '128', '--to', '131072', '--D', '100', '--set', 'k=32', '--set', 'Linformer.k=512', '--log-base', '10']);
    expect(result.value.rankContext.assignments.global.get('N')).toBe(65536);
    expect(result.value.plotContext.assignments.global.has('N')).toBe(false);
    expect(result.value.rankContext.logBase).toBe(10);
  });

  it('leaves empty fields unset', () => {
    const result = resolveControls(controls({ global: { k: '', r: '   ' }, perMethod: { Linformer: { k: '' } } }), methods, symbols);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.rankArgs).toEqual(['rank', '--N', '4096']);
  });

  it('writes the selection as --methods and --causal', () => {
    const hidden = methods.filter((method) => !method.baseline && method.name !== 'Linformer').map((method) => method.name);
    const perMethod = { Linformer: { k: '9' }, Reformer: { k: '8' } };
    const result = resolveControls(controls({ hidden, causalOnly: true, perMethod }), methods, symbols, { methodsFile: '/data/extra.json' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // Linformer is not causal, so only the baseline is left, --methods names it, and no per-method value applies.
    expect(result.value.selected.map((method) => method.name)).toEqual(['Full attention']);
    expect(result.value.rankArgs).toEqual(['rank', '--N', '4096', '--methods-file', '/data/extra.json', '--methods', 'Full attention', '--causal']);
  });

  it('names the baseline when no method is checked', () => {
    const hidden = methods.filter((method) => !method.baseline).map((method) => method.name);
    const result = resolveControls(controls({ hidden }), methods, symbols);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.rankArgs).toEqual(['rank', '--N', '4096', '--methods', 'Full attention']);
  });

  it('reports every invalid field', () => {
    const result = resolveControls(controls({ from: 'x', D: '-1', global: { k: '1e400' }, perMethod: { Linformer: { k: '0' } } }), methods, symbols);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((error) => error.field)).toEqual(['from', 'D', 'global:k', 'method:Linformer:k']);
    expect(result.errors[1]!.message).toBe('Invalid value "-1" for --D: sizes must be greater than 0.');
  });

  it('rejects a range that does not increase', () => {
    const result = resolveControls(controls({ from: '4096', to: '4K' }), methods, symbols);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([{ field: 'to', message: '--from 4096 must be smaller than --to 4K; swap them or widen the range.' }]);
  });
});

describe('symbolUsers', () => {
  it('follows defaults to the symbols they use', () => {
    const users = symbolUsers(methods, symbols);
    const names = (symbol: string) => (users.get(symbol) ?? []).map((method) => method.name);
    expect(names('N')).toHaveLength(methods.length);
    expect(names('H')).toContain('Criss Cross Attention');
    expect(names('k')).toContain('Linformer');
    expect(names('v')).toEqual(['LambdaNetworks']);
  });
});

describe('formatCommand', () => {
  it('quotes only words a shell would change', () => {
    expect(quoteShellWord('Linformer.k=512')).toBe('Linformer.k=512');
    expect(quoteShellWord('Performer(FAVOR+).m=128')).toBe("'Performer(FAVOR+).m=128'");
    expect(quoteShellWord('Set Transformer.K=8')).toBe("'Set Transformer.K=8'");
    expect(quoteShellWord("it's")).toBe("'it'\\''s'");
  });

  it('splits back into the same arguments', () => {
    const args = ['rank', '--set', 'Set Transformer.K=8', '--set', "odd'name.k=1", '--log-base', 'e'];
    expect(splitShellWords(formatCommand(args))).toEqual(['attncost', ...args]);
  });
});

describe('buildExplorerPage', () => {
  const data: ExplorerData = {
    version: '0.0.0',
    catalogue: catalogueEntries(defaultCatalogue()),
    symbols: symbolTableJson(symbols),
    initial: controls(),
  };

  it('embeds data that parses back to the same catalogue and symbols', () => {
    const html = buildExplorerPage(data, { script: '', style: '', notices: [] });
    const json = /<script type="application\/json" id="explorer-data">(.*?)<\/script>/s.exec(html)![1]!;
    const embedded = JSON.parse(json) as ExplorerData;
    const parsed = parseCatalogue(embedded.catalogue);
    expect(parsed.map((method) => [method.name, method.complexity, method.causal])).toEqual(
      defaultCatalogue().map((method) => [method.name, method.complexity, method.causal]),
    );
    expect(parsed.every((method) => method.code === null)).toBe(true);
    expect(symbolTableJson(parseSymbolTable(embedded.symbols))).toEqual(data.symbols);
  });

  it('keeps embedded text from closing its script element', () => {
    const tricky = { ...data, initial: controls({ global: { k: '</script><script>alert(1)</script>' } }) };
    const html = buildExplorerPage(tricky, { script: '', style: '', notices: [] });
    expect(html.match(/<\/script>/g)).toHaveLength(2);
  });

  it('rejects assets that would end their element', () => {
    expect(() => buildExplorerPage(data, { script: 'x = "</script>"', style: '', notices: [] })).toThrow('</script');
    expect(() => buildExplorerPage(data, { script: '', style: '</STYLE>', notices: [] })).toThrow('</style');
  });
});
