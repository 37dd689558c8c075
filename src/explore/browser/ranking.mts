/**
 * The ranking table. Cells are the CLI's own (rankingCells of src/tables.ts), so every number
 * reads as `attncost rank` prints it, and the cost cell also keeps the full-precision cost in
 * `data-cost`.
 */
import type { SeriesStyle } from '../../chart/palette.js';
import type { Ranking } from '../../rank.js';
import { RANKING_COLUMNS, rankingCells } from '../../tables.js';
import { element, swatch } from './dom.mjs';

/** Indices of the columns that hold numbers, aligned right as in the CLI's terminal table. */
const NUMBER_COLUMNS = new Set([0, 2, 3]);

/** Writes the header row: the columns of `attncost rank`'s table. */
export function renderRankingHead(head: HTMLTableSectionElement): void {
  const cells = RANKING_COLUMNS.map((column, index) => element('th', { scope: 'col', class: NUMBER_COLUMNS.has(index) ? 'number' : undefined }, column));
  head.replaceChildren(element('tr', {}, ...cells));
}

/** Writes one row per shown method, in ranking order. */
export function renderRanking(body: HTMLTableSectionElement, ranking: Ranking, shown: ReadonlySet<string>, styles: ReadonlyMap<string, SeriesStyle>): void {
  const rows = ranking.rows
    .filter((row) => shown.has(row.method.name))
    .map((row) => {
      const cells = rankingCells(row).map((text, column) => {
        if (column !== 1) return element('td', { class: NUMBER_COLUMNS.has(column) ? 'number' : undefined }, text);
        // The swatch and the name sit in one flex box, so a wrapped name stays beside its swatch.
        const style = styles.get(row.method.name)!;
        return element('td', {}, element('span', { class: 'name-cell' }, swatch(style.color, style.dash, style.baseline ? 3 : 2), element('span', {}, text)));
      });
      cells[2]!.dataset['cost'] = Number.isFinite(row.cost) ? String(row.cost) : '';
      cells[3]!.dataset['vsFull'] = Number.isFinite(row.vsFull) ? String(row.vsFull) : '';
      return element('tr', { 'data-name': row.method.name, class: row.method.baseline ? 'baseline' : undefined }, ...cells);
    });
  body.replaceChildren(...rows);
}
