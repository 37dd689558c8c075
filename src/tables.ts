/**
 * Ranking tables as text: JSON, CSV and GitHub Markdown. The terminal table is drawn by the CLI.
 */
import { toLatex } from '../parsers/index.js';
import { describeValues, formatLogBase, formatNumber } from './format.js';
import type { Ranking, RankRow } from './rank.js';

export interface RankingJson {
  logBase: number;
  rows: Array<{
    rank: number;
    name: string;
    /** null where the cost is zero, negative or not finite; `note` then says which. */
    cost: number | null;
    vsFull: number | null;
    causal: boolean;
    baseline: boolean;
    values: Record<string, number>;
    note?: string;
  }>;
}

/** Converts a ranking to the documented JSON shape. */
export function rankingToJson(ranking: Ranking): RankingJson {
  return {
    logBase: ranking.logBase,
    rows: ranking.rows.map((row) => {
      const json: RankingJson['rows'][number] = {
        rank: row.rank,
        name: row.method.name,
        cost: Number.isFinite(row.cost) ? row.cost : null,
        vsFull: Number.isFinite(row.vsFull) ? row.vsFull : null,
        causal: row.method.causal,
        baseline: row.method.baseline,
        values: Object.fromEntries(row.values),
      };
      if (row.note !== undefined) json.note = row.note;
      return json;
    }),
  };
}

/** Column headers shared by the text formats. */
export const RANKING_COLUMNS = ['rank', 'method', 'cost', 'vs full', 'causal', 'values'] as const;

/** Returns one row's cells as display strings, in RANKING_COLUMNS order. */
export function rankingCells(row: RankRow): string[] {
  const name = row.method.baseline ? `${row.method.name} (baseline)` : row.method.name;
  return [
    String(row.rank),
    name,
    Number.isFinite(row.cost) ? formatNumber(row.cost) : `n/a (${row.note ?? 'unusable'})`,
    Number.isFinite(row.vsFull) ? formatNumber(row.vsFull) : 'n/a',
    row.method.causal ? 'yes' : 'no',
    describeValues(row.values),
  ];
}

/** Formats a ranking as CSV (RFC 4180 quoting) with full-precision numbers. */
export function rankingToCsv(ranking: Ranking): string {
  const header = ['rank', 'name', 'cost', 'vs_full', 'causal', 'baseline', 'values'];
  const lines = ranking.rows.map((row) =>
    [
      String(row.rank),
      row.method.name,
      Number.isFinite(row.cost) ? String(row.cost) : '',
      Number.isFinite(row.vsFull) ? String(row.vsFull) : '',
      String(row.method.causal),
      String(row.method.baseline),
      describeValues(row.values),
    ]
      .map(csvField)
      .join(','),
  );
  return [header.join(','), ...lines].join('\n') + '\n';
}

/** Formats a ranking as a GitHub Markdown table preceded by a line stating the log base. */
export function rankingToMarkdown(ranking: Ranking): string {
  const escape = (cell: string): string => cell.replace(/\|/g, '\\|');
  const lines = [
    `Log base ${formatLogBase(ranking.logBase)}.`,
    '',
    `| ${RANKING_COLUMNS.join(' | ')} |`,
    `| ${RANKING_COLUMNS.map((column) => (column === 'rank' || column === 'cost' || column === 'vs full' ? '---:' : '---')).join(' | ')} |`,
    ...ranking.rows.map((row) => `| ${rankingCells(row).map(escape).join(' | ')} |`),
  ];
  return lines.join('\n') + '\n';
}

/**
 * Formats a ranking as a LaTeX table with booktabs rules (the preamble needs
 * `\\usepackage{booktabs}`). The caption states the log base; `caption` adds the sizes.
 */
export function rankingToLatex(ranking: Ranking, caption = ''): string {
  const lines = [
    '\\begin{table}[t]',
    '\\centering',
    `\\caption{${caption === '' ? '' : `${escapeLatex(caption)} `}Costs omit constant factors; logarithms are base ${formatLogBase(ranking.logBase)}.}`,
    '\\begin{tabular}{rllrrc}',
    '\\toprule',
    'Rank & Method & Complexity & Cost & vs.\\ full & Causal \\\\',
    '\\midrule',
    ...ranking.rows.map((row) => {
      const name = escapeLatex(row.method.name) + (row.method.baseline ? ' (baseline)' : '');
      const cost = Number.isFinite(row.cost) ? latexNumber(row.cost) : 'n/a';
      const ratio = Number.isFinite(row.vsFull) ? latexNumber(row.vsFull) : 'n/a';
      return `${row.rank} & ${name} & $${toLatex(row.method.cost)}$ & ${cost} & ${ratio} & ${row.method.causal ? 'yes' : 'no'} \\\\`;
    }),
    '\\bottomrule',
    '\\end{tabular}',
    '\\end{table}',
  ];
  return lines.join('\n') + '\n';
}

/** Prints a number for LaTeX: plain below 10^5, else `$1.07 \times 10^{9}$` with 3 significant digits. */
function latexNumber(value: number): string {
  if (value !== 0 && (Math.abs(value) >= 1e5 || Math.abs(value) < 1e-3)) {
    const [mantissa, exponent] = value.toExponential(2).split('e');
    return `$${mantissa} \\times 10^{${Number(exponent)}}$`;
  }
  return String(Number(value.toPrecision(3)));
}

const LATEX_SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '{': '\\{',
  '}': '\\}',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

function escapeLatex(text: string): string {
  return text.replace(/[\\&%$#_{}~^]/g, (character) => LATEX_SPECIAL[character]!);
}

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
