/**
 * The methods panel: a checkbox per method, its formula typeset, its comment, and fields that
 * set its own symbols (what `--set METHOD.SYMBOL=VALUE` sets on the command line).
 */
import { symbol as symbolNode, symbolsOf, toPlainText } from '../../../parsers/index.js';
import type { Method } from '../../catalogue.js';
import type { SeriesStyle } from '../../chart/palette.js';
import { formatNumber } from '../../format.js';
import type { RankRow } from '../../rank.js';
import { lookupSymbol, type SymbolTable } from '../../symbols.js';
import { fieldKeys } from '../controls.js';
import { element, idPart, swatch } from './dom.mjs';
import type { FieldRegistry } from './fields.mjs';
import { typesetInline } from './math.mjs';

export interface MethodsPanelEvents {
  toggle(name: string, checked: boolean): void;
  override(method: string, symbol: string, text: string): void;
  /** A method's row is hovered or focused (its name), or left (undefined). */
  point(name: string | undefined): void;
}

interface MethodRow {
  method: Method;
  item: HTMLLIElement;
  checkbox: HTMLInputElement | undefined;
  /** Lower-case text that the search box matches against. */
  searchText: string;
  inputs: Map<string, HTMLInputElement>;
  /** Per symbol, the element that shows the value the symbol takes at the ranking's N. */
  currentValues: Map<string, HTMLElement>;
}

export class MethodsPanel {
  readonly #rows: MethodRow[];

  constructor(list: HTMLUListElement, methods: readonly Method[], symbols: SymbolTable, styles: ReadonlyMap<string, SeriesStyle>, fields: FieldRegistry, events: MethodsPanelEvents) {
    // The baseline comes first: it is the reference every other method is compared with.
    const ordered = [...methods.filter((method) => method.baseline), ...methods.filter((method) => !method.baseline)];
    this.#rows = ordered.map((method) => buildRow(method, symbols, styles.get(method.name)!, fields, events));
    list.append(...this.#rows.map((row) => row.item));
  }

  /** Sets the checkboxes and the override fields from the controls. */
  write(hidden: readonly string[], perMethod: Record<string, Record<string, string>>): void {
    for (const row of this.#rows) {
      if (row.checkbox !== undefined) row.checkbox.checked = !hidden.includes(row.method.name);
      for (const [symbol, input] of row.inputs) input.value = perMethod[row.method.name]?.[symbol] ?? '';
    }
  }

  /** Opens the size section of every method that has a value in `perMethod`. */
  openWithValues(perMethod: Record<string, Record<string, string>>): void {
    for (const row of this.#rows) {
      const values = Object.values(perMethod[row.method.name] ?? {});
      const details = row.item.querySelector('details');
      if (details !== null && values.some((text) => text.trim() !== '')) details.open = true;
    }
  }

  /** Hides the rows that do not contain every word of `query`; returns the names that match. */
  filter(query: string): string[] {
    const words = query.toLowerCase().split(/\s+/).filter((word) => word !== '');
    const matches: string[] = [];
    for (const row of this.#rows) {
      const match = words.every((word) => row.searchText.includes(word));
      row.item.hidden = !match;
      if (match) matches.push(row.method.name);
    }
    return matches;
  }

  /** Marks the methods that causal-only hides, so their rows say why they are not drawn. */
  markCausalOnly(causalOnly: boolean): void {
    for (const row of this.#rows) row.item.classList.toggle('excluded', causalOnly && !row.method.causal);
  }

  /** Shows, beside each override field, the value its symbol takes at the ranking's N. */
  showValues(rows: readonly RankRow[]): void {
    const byName = new Map(rows.map((row) => [row.method.name, row]));
    for (const row of this.#rows) {
      const values = byName.get(row.method.name)?.values;
      for (const [symbol, target] of row.currentValues) {
        const value = values?.get(symbol);
        target.textContent = value === undefined ? '' : `now ${formatNumber(value)}`;
      }
    }
  }
}

function buildRow(method: Method, symbols: SymbolTable, style: SeriesStyle, fields: FieldRegistry, events: MethodsPanelEvents): MethodRow {
  const id = `method-${idPart(method.name)}`;
  const name = element('span', { class: 'method-name' }, method.name);
  const tags = element(
    'span',
    { class: 'tags' },
    element('span', { class: method.causal ? 'tag causal' : 'tag' }, method.causal ? 'causal' : 'not causal'),
    ...(method.arxivId === null ? [] : [element('span', { class: 'tag' }, `arXiv ${method.arxivId}`)]),
  );

  let checkbox: HTMLInputElement | undefined;
  let head: HTMLElement;
  if (method.baseline) {
    name.append(' (baseline, always drawn)');
    head = element('div', { class: 'method-head' }, element('span', { class: 'label' }, swatch(style.color, style.dash, 3), name), tags);
  } else {
    checkbox = element('input', { type: 'checkbox', id, checked: true });
    const box = checkbox;
    checkbox.addEventListener('change', () => events.toggle(method.name, box.checked));
    head = element('div', { class: 'method-head' }, checkbox, element('label', { for: id }, swatch(style.color, style.dash, 2), name), tags);
  }

  const formula = typesetInline(method.cost, 'formula');
  const comment = method.comment === '' ? [] : [element('p', { class: 'comment' }, method.comment)];
  const item = element('li', { class: method.baseline ? 'method baseline' : 'method', 'data-name': method.name }, head, formula, ...comment);

  const inputs = new Map<string, HTMLInputElement>();
  const currentValues = new Map<string, HTMLElement>();
  // N is the plotted axis and the ranking's size, so it has no per-method field.
  const own = symbolsOf(method.cost).filter((symbol) => symbol !== 'N');
  if (!method.baseline && own.length > 0) {
    const fieldList = element('div', { class: 'symbol-fields' });
    for (const symbol of own) {
      const field = symbolField(method, symbol, symbols, fields, events);
      inputs.set(symbol, field.input);
      currentValues.set(symbol, field.current);
      fieldList.append(field.container);
    }
    item.append(element('details', {}, element('summary', {}, `Sizes for ${method.name} (${own.join(', ')})`), fieldList));
  }

  item.addEventListener('mouseenter', () => events.point(method.name));
  item.addEventListener('mouseleave', () => events.point(undefined));
  item.addEventListener('focusin', () => events.point(method.name));
  item.addEventListener('focusout', () => events.point(undefined));

  const searchText = [method.name, method.comment, method.complexity, toPlainText(method.cost), method.arxivId ?? ''].join(' ').toLowerCase();
  return { method, item, checkbox, searchText, inputs, currentValues };
}

function symbolField(method: Method, symbol: string, symbols: SymbolTable, fields: FieldRegistry, events: MethodsPanelEvents) {
  const id = `method-${idPart(method.name)}-${idPart(symbol)}`;
  const lookup = lookupSymbol(symbols, method.name, symbol);
  const input = element('input', {
    type: 'text',
    id,
    inputmode: 'decimal',
    autocomplete: 'off',
    spellcheck: 'false',
    placeholder: lookup === undefined ? '' : `default ${toPlainText(lookup.info.defaultTree)}`,
    'aria-describedby': `${id}-hint ${id}-error`,
  });
  input.addEventListener('input', () => events.override(method.name, symbol, input.value));

  const current = element('span', { class: 'current' });
  const hint = element('p', { class: 'hint', id: `${id}-hint` });
  if (lookup !== undefined) {
    hint.append('default ', typesetInline(lookup.info.defaultTree), lookup.scope === 'global' ? ' (global default), ' : ', ', current);
  } else {
    hint.append(current);
  }
  const error = element('p', { class: 'error-text', id: `${id}-error`, hidden: true });
  fields.add(fieldKeys.perMethod(method.name, symbol), input, error);

  const label = element('label', { for: id }, typesetInline(symbolNode(symbol), 'symbol'), ` ${lookup?.info.meaning ?? ''}`);
  return { container: element('div', { class: 'field' }, label, input, hint, error), input, current };
}
