/**
 * Reading the explorer page and comparing it with the CLI.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { describeValues, formatNumber } from '../../src/format.js';
import { runBuiltCli } from '../helpers/cli.js';

export interface TableRow {
  rank: string;
  name: string;
  costText: string;
  /** The full-precision cost from the cell's data-cost attribute; empty where there is none. */
  cost: string;
  vsFullText: string;
  vsFull: string;
  causal: string;
  values: string;
}

export interface RankJson {
  logBase: number;
  rows: Array<{ rank: number; name: string; cost: number | null; vsFull: number | null; causal: boolean; baseline: boolean; values: Record<string, number> }>;
}

export async function readTable(page: Page): Promise<TableRow[]> {
  return page.$$eval('#ranking-body tr', (rows) =>
    rows.map((row) => {
      const cells = [...row.querySelectorAll('td')];
      const text = (index: number): string => cells[index]?.textContent?.trim() ?? '';
      return {
        rank: text(0),
        name: row.getAttribute('data-name') ?? '',
        costText: text(2),
        cost: cells[2]?.getAttribute('data-cost') ?? '',
        vsFullText: text(3),
        vsFull: cells[3]?.getAttribute('data-vs-full') ?? '',
        causal: text(4),
        values: text(5),
      };
    }),
  );
}

/** Runs `attncost rank ARGS --format json` with the built CLI. */
export function cliRank(args: readonly string[]): RankJson {
  const result = runBuiltCli([...args, '--format', 'json']);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as RankJson;
}

/**
 * Checks that the table lists `expected`'s rows in order with the same ranks, and that every
 * number is the CLI's to the last digit, both as printed and at full precision.
 */
export function expectTableToMatch(table: readonly TableRow[], expected: RankJson['rows']): void {
  expect(table.map((row) => row.name)).toEqual(expected.map((row) => row.name));
  expected.forEach((json, index) => {
    const row = table[index]!;
    const label = `row ${index + 1} (${json.name})`;
    expect(row.rank, label).toBe(String(json.rank));
    expect(row.cost, label).toBe(json.cost === null ? '' : String(json.cost));
    expect(row.vsFull, label).toBe(json.vsFull === null ? '' : String(json.vsFull));
    if (json.cost !== null) expect(row.costText, label).toBe(formatNumber(json.cost));
    if (json.vsFull !== null) expect(row.vsFullText, label).toBe(formatNumber(json.vsFull));
    expect(row.causal, label).toBe(json.causal ? 'yes' : 'no');
    expect(row.values, label).toBe(describeValues(new Map(Object.entries(json.values))));
  });
}

/** Splits a POSIX shell command line written by formatCommand: plain words and single quotes. */
export function splitShellWords(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const character = line[i]!;
    if (character === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new Error(`unterminated quote in: ${line}`);
      word += line.slice(i + 1, end);
      inWord = true;
      i = end;
    } else if (character === '\\') {
      word += line[i + 1] ?? '';
      inWord = true;
      i += 1;
    } else if (character === ' ') {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += character;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}
