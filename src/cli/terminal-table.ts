import Table from 'cli-table3';
import type { CliIO } from './io.js';

/**
 * Draws a table for the terminal. Headers are coloured only on a terminal and when NO_COLOR is
 * unset (https://no-color.org); `rightAligned` lists the numeric columns.
 */
export function renderTable(head: string[], rows: string[][], io: CliIO, rightAligned: number[] = []): string {
  const colour = io.isTTY && !io.env.NO_COLOR;
  const table = new Table({
    head,
    style: { head: colour ? ['cyan'] : [], border: [] },
    // No rule between body rows: 49 rows stay 49 lines.
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
    colAligns: head.map((_, index) => (rightAligned.includes(index) ? 'right' : 'left')),
  });
  table.push(...rows);
  return table.toString();
}
