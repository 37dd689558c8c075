/**
 * The explorer's state and update loop. Every change to a control edits `controls`, and the
 * next animation frame re-resolves them, re-ranks, re-sweeps and redraws everything.
 */
import { symbol as symbolNode, toPlainText } from '../../../parsers/index.js';
import type { Method } from '../../catalogue.js';
import { assignSeriesStyles, type SeriesStyle } from '../../chart/palette.js';
import { costCurves } from '../../curves.js';
import { InputError } from '../../errors.js';
import { formatLogBase, formatNumber } from '../../format.js';
import { rankMethods, type Ranking } from '../../rank.js';
import type { SymbolTable } from '../../symbols.js';
import { WarningLog } from '../../warnings.js';
import {
  fieldKeys,
  formatCommand,
  LOG_BASE_CHOICES,
  resolveControls,
  symbolUsers,
  type ExplorerControls,
  type FieldError,
  type LogBaseChoice,
  type ResolvedControls,
  type ResolveOptions,
  type ResolveResult,
} from '../controls.js';
import { CostChart } from './chart.mjs';
import { byId, element, idPart } from './dom.mjs';
import { FieldRegistry } from './fields.mjs';
import { typesetInline } from './math.mjs';
import { MethodsPanel } from './methods.mjs';
import { renderRanking, renderRankingHead } from './ranking.mjs';

/** The page's font stack, also used on the chart's canvas so both read alike. */
const FONT_STACK = 'system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif';

export class Explorer {
  readonly #methods: readonly Method[];
  readonly #symbols: SymbolTable;
  readonly #initial: ExplorerControls;
  readonly #options: ResolveOptions;
  readonly #styles: ReadonlyMap<string, SeriesStyle>;
  readonly #fields = new FieldRegistry();
  readonly #chart: CostChart;
  readonly #methodsPanel: MethodsPanel;
  #controls: ExplorerControls;
  #search = '';
  #matches: string[] = [];
  #frame: number | undefined;

  constructor(methods: readonly Method[], symbols: SymbolTable, initial: ExplorerControls, options: ResolveOptions = {}) {
    this.#methods = methods;
    this.#symbols = symbols;
    this.#initial = initial;
    this.#options = options;
    this.#controls = structuredClone(initial);
    this.#styles = assignSeriesStyles(
      methods.map((method) => method.name),
      methods.filter((method) => method.baseline).map((method) => method.name),
    );

    this.#bindSizeFields();
    this.#buildGlobalSymbolFields();
    this.#bindChoices();
    this.#chart = new CostChart(byId<HTMLCanvasElement>('chart'), methods, this.#styles, FONT_STACK);
    this.#methodsPanel = new MethodsPanel(byId<HTMLUListElement>('method-list'), methods, symbols, this.#styles, this.#fields, {
      toggle: (name, checked) => this.#change((controls) => {
        controls.hidden = checked ? controls.hidden.filter((hidden) => hidden !== name) : [...controls.hidden, name];
      }),
      override: (method, symbol, text) => this.#change((controls) => {
        (controls.perMethod[method] ??= {})[symbol] = text;
      }),
      point: (name) => this.#chart.highlight(name),
    });
    this.#bindSearch();
    this.#bindCommands();

    renderRankingHead(byId<HTMLTableSectionElement>('ranking-head'));
    this.#writeControls();
    this.#openSetSymbols();
    this.#render();
    const resolved = this.#resolve();
    if (!resolved.ok) this.#fields.reveal(resolved.errors);
  }

  /** Applies `edit` to the controls and schedules one redraw for however many edits a frame sees. */
  #change(edit: (controls: ExplorerControls) => void): void {
    edit(this.#controls);
    // A "copied" or "saved" message is about the view before this change.
    for (const id of ['plot-status', 'rank-status']) this.#announce(id, '');
    if (this.#frame !== undefined) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = undefined;
      this.#render();
    });
  }

  #resolve(): ResolveResult {
    return resolveControls(this.#controls, this.#methods, this.#symbols, this.#options);
  }

  #render(): void {
    const resolved = this.#resolve();
    this.#methodsPanel.markCausalOnly(this.#controls.causalOnly);
    this.#fields.mark(resolved.ok ? [] : resolved.errors);
    if (!resolved.ok) {
      this.#showStale(resolved.errors);
      return;
    }

    const { value } = resolved;
    const shown = new Set(value.selected.map((method) => method.name));
    const rankWarnings = new WarningLog();
    const plotWarnings = new WarningLog();
    let ranking: Ranking;
    try {
      ranking = rankMethods(value.selected, value.rankContext, rankWarnings);
      const curves = costCurves(value.selected, value.plotContext, value.range, plotWarnings);
      this.#chart.update({ curves, shown, from: value.range.from, to: value.range.to, rankN: value.rankN, subtitle: this.#subtitle(value, shown.size) });
    } catch (error) {
      // An InputError here comes from the symbol table, such as a default with no value.
      if (!(error instanceof InputError)) throw error;
      this.#showStale([{ field: '', message: error.message }]);
      return;
    }

    this.#setStale(false);
    this.#syncSliders(resolved.value);
    byId('results-error').hidden = true;
    renderRanking(byId<HTMLTableSectionElement>('ranking-body'), ranking, shown, this.#styles);
    this.#methodsPanel.showValues(ranking.rows);
    this.#showCommands(resolved.value);
    this.#showWarnings([...plotWarnings.list(), ...rankWarnings.list()].map((warning) => warning.message));

    const total = this.#methods.length;
    byId('ranking-heading').textContent = `Ranking at N = ${formatNumber(resolved.value.rankN)}`;
    byId('ranking-caption').textContent =
      `Costs at N = ${formatNumber(resolved.value.rankN)}, log base ${formatLogBase(ranking.logBase)}; ` +
      `${shown.size} of ${total} methods selected and ranked among themselves, as the rank command prints them.`;
  }

  /**
   * Keeps the last results on screen, dimmed, and says why they are not updated. The messages
   * repeat the field errors because the field may be far from the chart, in the methods list.
   */
  #showStale(errors: readonly FieldError[]): void {
    this.#setStale(true);
    const message = byId('results-error');
    message.textContent = `Not updated: ${errors.map((error) => error.message).join(' ')}`;
    message.hidden = false;
  }

  #setStale(stale: boolean): void {
    for (const element of document.querySelectorAll('.chart-box, .command, #ranking-body')) element.classList.toggle('stale', stale);
    for (const id of ['copy-plot', 'copy-rank']) byId<HTMLButtonElement>(id).disabled = stale;
  }

  /** States every value held fixed, in the words of the subtitle of `attncost plot`. */
  #subtitle(resolved: ResolvedControls, shownCount: number): string {
    const parts: string[] = [];
    const assignments = resolved.plotContext.assignments;
    for (const [name, value] of assignments.global) parts.push(`${name} = ${formatNumber(value)}`);
    for (const [method, values] of assignments.perMethod) {
      for (const [name, value] of values) parts.push(`${method}.${name} = ${formatNumber(value)}`);
    }
    parts.push(`log base ${formatLogBase(resolved.plotContext.logBase)}`);
    const selection = shownCount < this.#methods.length ? `; ${shownCount} of ${this.#methods.length} methods shown` : '';
    return `${parts.join(', ')}; other symbols at their per-method defaults${selection}`;
  }

  #showCommands(resolved: ResolvedControls): void {
    byId('plot-command').textContent = formatCommand(resolved.plotArgs);
    byId('rank-command').textContent = formatCommand(resolved.rankArgs);
  }

  #showWarnings(messages: readonly string[]): void {
    byId('warnings').hidden = messages.length === 0;
    byId('warning-list').replaceChildren(...messages.map((message) => element('li', {}, message)));
  }

  #bindSizeFields(): void {
    const bind = (id: 'from' | 'to' | 'rankN' | 'D'): void => {
      const input = byId<HTMLInputElement>(id);
      this.#fields.add(fieldKeys[id], input, byId(`${id}-error`));
      input.addEventListener('input', () => this.#change((controls) => (controls[id] = input.value)));
    };
    bind('from');
    bind('to');
    bind('rankN');
    bind('D');

    this.#bindSlider('rankN-slider', 'rankN');
    this.#bindSlider('D-slider', 'D');
  }

  /** Makes a slider write powers of two into its text field, which stays the source of the value. */
  #bindSlider(id: string, target: 'rankN' | 'D'): void {
    const slider = byId<HTMLInputElement>(id);
    slider.addEventListener('input', () => {
      const text = String(2 ** Number(slider.value));
      byId<HTMLInputElement>(target).value = text;
      this.#change((controls) => (controls[target] = text));
    });
  }

  /** Puts each slider at the power of two nearest the value its text field was read as. */
  #syncSliders(resolved: ResolvedControls): void {
    const setD = resolved.plotContext.assignments.global.get('D');
    // With D unset, the slider shows the global default, which is a plain number in data/symbols.json.
    const D = setD ?? Number(this.#symbols.global.get('D')?.default);
    const positions = [
      ['rankN-slider', resolved.rankN, `N = ${formatNumber(resolved.rankN)}`],
      ['D-slider', D, `D = ${formatNumber(D)}${setD === undefined ? ' (default)' : ''}`],
    ] as const;
    for (const [id, value, text] of positions) {
      if (!(value > 0)) continue;
      const slider = byId<HTMLInputElement>(id);
      slider.value = String(Math.min(Number(slider.max), Math.max(Number(slider.min), Math.round(Math.log2(value)))));
      slider.setAttribute('aria-valuetext', text);
    }
  }

  /**
   * Adds a field for every symbol some method uses, in symbol-table order, except N and D,
   * which have fields of their own. A symbol no method uses gets none: setting it would change
   * nothing, and the CLI warns about it.
   */
  #buildGlobalSymbolFields(): void {
    const container = byId('global-symbols');
    const usersBySymbol = symbolUsers(this.#methods, this.#symbols);
    const names = [...new Set([...this.#symbols.global.keys(), ...usersBySymbol.keys()])].filter(
      (name) => name !== 'N' && name !== 'D' && usersBySymbol.has(name),
    );

    for (const symbol of names) {
      const id = `global-${idPart(symbol)}`;
      const info = this.#symbols.global.get(symbol);
      const users = usersBySymbol.get(symbol) ?? [];
      const ownDefaults = users.filter((method) => this.#symbols.methods.get(method.name)?.has(symbol) === true).length;

      const input = element('input', {
        type: 'text',
        id,
        inputmode: 'decimal',
        autocomplete: 'off',
        spellcheck: 'false',
        placeholder: info === undefined ? '' : `default ${toPlainText(info.defaultTree)}`,
        'aria-describedby': `${id}-hint ${id}-error`,
      });
      input.addEventListener('input', () => this.#change((controls) => (controls.global[symbol] = input.value)));

      const usage = `Used by ${countOf(users.length, 'method')}${ownDefaultsNote(ownDefaults, users.length)}.`;
      const hint = element('p', { class: 'hint', id: `${id}-hint` });
      if (info !== undefined) hint.append('Default ', typesetInline(info.defaultTree), `. ${usage}`);
      else hint.append(usage);
      const error = element('p', { class: 'error-text', id: `${id}-error`, hidden: true });
      this.#fields.add(fieldKeys.global(symbol), input, error);

      const label = element('label', { for: id }, typesetInline(symbolNode(symbol), 'symbol'), ` ${info?.meaning ?? ''}`);
      container.append(element('div', { class: 'field', 'data-symbol': symbol }, label, input, hint, error));
    }
  }

  #bindChoices(): void {
    for (const base of LOG_BASE_CHOICES) {
      const radio = byId<HTMLInputElement>(`log-base-${base}`);
      radio.addEventListener('change', () => {
        if (radio.checked) this.#change((controls) => (controls.logBase = base as LogBaseChoice));
      });
    }
    const causal = byId<HTMLInputElement>('causal-only');
    causal.addEventListener('change', () => this.#change((controls) => (controls.causalOnly = causal.checked)));

    byId('reset').addEventListener('click', () => {
      this.#controls = structuredClone(this.#initial);
      this.#writeControls();
      this.#change(() => {});
      this.#announce('plot-status', 'Every control is back to the value the page opened with.');
    });
  }

  #bindSearch(): void {
    const search = byId<HTMLInputElement>('search');
    const apply = (): void => {
      this.#search = search.value;
      this.#matches = this.#methodsPanel.filter(this.#search);
      byId('search-status').textContent = this.#search.trim() === '' ? '' : `${this.#matches.length} of ${this.#methods.length} methods match.`;
    };
    search.addEventListener('input', apply);
    apply();

    const catalogueNames = this.#methods.filter((method) => !method.baseline).map((method) => method.name);
    const select = (hidden: string[]): void => {
      this.#methodsPanel.write(hidden, this.#controls.perMethod);
      this.#change((controls) => (controls.hidden = hidden));
    };
    byId('select-all').addEventListener('click', () => select([]));
    byId('select-none').addEventListener('click', () => select([...catalogueNames]));
    byId('select-matches').addEventListener('click', () => select(catalogueNames.filter((name) => !this.#matches.includes(name))));
  }

  #bindCommands(): void {
    byId('copy-plot').addEventListener('click', () => void this.#copy(byId('plot-command').textContent ?? '', 'plot-status', 'plot'));
    byId('copy-rank').addEventListener('click', () => void this.#copy(byId('rank-command').textContent ?? '', 'rank-status', 'rank'));
    byId('save-png').addEventListener('click', () => {
      const link = element('a', { href: this.#chart.toPng(), download: 'attncost-cost-vs-N.png' });
      document.body.append(link);
      link.click();
      link.remove();
      this.#announce('plot-status', 'Saved the chart as attncost-cost-vs-N.png.');
    });
  }

  async #copy(text: string, statusId: string, what: string): Promise<void> {
    if (text === '') return;
    try {
      await navigator.clipboard.writeText(text);
      this.#announce(statusId, `Copied the ${what} command.`);
    } catch {
      // Browsers reject clipboard writes in some contexts, such as a denied permission, so the
      // command is selected for the user to copy instead.
      const code = byId(statusId === 'plot-status' ? 'plot-command' : 'rank-command');
      const range = document.createRange();
      range.selectNodeContents(code);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      this.#announce(statusId, `The browser blocked the clipboard; the ${what} command is selected, so copy it with Ctrl+C or Cmd+C.`);
    }
  }

  #announce(statusId: string, message: string): void {
    byId(statusId).textContent = message;
  }

  /** Opens the symbol sections that hold a value, so values set on the command line are in view. */
  #openSetSymbols(): void {
    const hasValue = (values: Record<string, string> | undefined): boolean => Object.values(values ?? {}).some((text) => text.trim() !== '');
    if (hasValue(this.#controls.global)) byId<HTMLDetailsElement>('global-symbols-details').open = true;
    this.#methodsPanel.openWithValues(this.#controls.perMethod);
  }

  /** Writes the controls into every field, checkbox and radio button. */
  #writeControls(): void {
    const controls = this.#controls;
    for (const id of ['from', 'to', 'rankN', 'D'] as const) byId<HTMLInputElement>(id).value = controls[id];
    for (const input of byId('global-symbols').querySelectorAll<HTMLInputElement>('input')) {
      const symbol = input.closest<HTMLElement>('[data-symbol]')?.dataset['symbol'] ?? '';
      input.value = controls.global[symbol] ?? '';
    }
    for (const base of LOG_BASE_CHOICES) byId<HTMLInputElement>(`log-base-${base}`).checked = controls.logBase === base;
    byId<HTMLInputElement>('causal-only').checked = controls.causalOnly;
    this.#methodsPanel.write(controls.hidden, controls.perMethod);
  }
}

/** Writes a count with its noun: 1 method, 14 methods. */
function countOf(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Describes how many of a symbol's `users` methods have a default of their own for it. */
function ownDefaultsNote(own: number, users: number): string {
  if (own === 0) return '';
  if (own === users) return users === 1 ? ', which has a default of its own' : ', each with a default of its own';
  return `, ${own} of them with a default of their own`;
}
