/**
 * Fuzz test: mutated catalogue formulas either parse or throw ParseError, each within
 * 10 ms. What parses must also print back to LaTeX that KaTeX accepts and that parses to
 * the same tree.
 *
 * PARSER_FUZZ_CASES and PARSER_FUZZ_SEED override the case count (2,000) and the seed, for
 * a longer run such as `PARSER_FUZZ_CASES=200000 npx vitest run tests/parser/fuzz`.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

import katex from 'katex';
import { describe, expect, it } from 'vitest';

import { PARSE_ERROR_CODES, ParseError, parseFormula, toBracketed, toLatex, toPlainText, type MathNode } from '../../parsers/index.js';

const CASES = Number(process.env.PARSER_FUZZ_CASES ?? 2_000);
const SEED = Number(process.env.PARSER_FUZZ_SEED ?? 0x5eed);
const TIME_LIMIT_MS = 10;
const MAX_ATTEMPTS = 5;

const catalogue = (JSON.parse(readFileSync(new URL('../../data/FastAttention.json', import.meta.url), 'utf8')) as { complexity: string }[]).map(
  (entry) => entry.complexity,
);

/** Pieces inserted by mutations: syntax, commands, pasted Unicode and known trouble spots. */
const FRAGMENTS = [
  '{', '}', '(', ')', '[', ']', '\\{', '\\}', '^', '_', '*', '/', '+', '-', '.', ',', ' ', '2', '12', '1.5', 'N', 'n', 'O',
  'log', '\\', '\\frac', '\\frac12', '\\log', '\\log_2', '\\lg', '\\ln', '\\sqrt', '\\sqrt[3]', '\\left(', '\\right)', '\\cdot',
  '\\text{max}', '\\text{', '\\operatorname{', '\\mathcal{O}', '\\mathbf', 'O(', '²', '⁻¹', '₁', '𝑛', '𝑂', '√', '×', '−', '$',
  '\\,', '\\epsilon', 'ε', 'Θ(', '_{b}', '^{-1}', '\\min(', '\\max\\{', ',', '#', '\n', '\u200b', '\ud835', '\\tilde{O}',
  'nlogn', '1/2N', '\\left.', '\\big(', 'sqrt(', 'nthRoot(', 'log2(', '\\unknown',
];

/** A small seeded generator (mulberry32), so every run tries the same inputs. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function mutate(text: string, random: () => number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const at = (): number => Math.floor(random() * (text.length + 1));
  const fragment = pick(FRAGMENTS);

  switch (Math.floor(random() * 7)) {
    case 0: {
      const position = at();
      return text.slice(0, position) + fragment + text.slice(position);
    }
    case 1: {
      const position = at();
      return text.slice(0, position) + text.slice(position + 1 + Math.floor(random() * 3));
    }
    case 2: {
      const position = at();
      return text.slice(0, position) + fragment + text.slice(position + 1);
    }
    case 3: {
      const start = at();
      const end = Math.min(text.length, start + Math.floor(random() * 8));
      return text.slice(0, end) + text.slice(start, end) + text.slice(end);
    }
    case 4: {
      const position = Math.floor(random() * Math.max(1, text.length - 1));
      return text.slice(0, position) + text.charAt(position + 1) + text.charAt(position) + text.slice(position + 2);
    }
    case 5:
      return text.slice(0, at());
    default:
      return `${text}${pick(['+', '*', '/', ' ', '-', ''])}${pick(catalogue)}`;
  }
}

function generateInputs(count: number, seed: number): string[] {
  const random = createRandom(seed);
  const inputs: string[] = [];
  for (let i = 0; i < count; i++) {
    let text = catalogue[Math.floor(random() * catalogue.length)]!;
    const mutations = 1 + Math.floor(random() * 4);
    for (let j = 0; j < mutations; j++) text = mutate(text, random);
    inputs.push(text);
  }
  return inputs;
}

/**
 * Parses and times one input. A slow case is timed again, up to MAX_ATTEMPTS times in all,
 * because a garbage-collection pause or another test worker on the same core can stall any
 * single case. A parser that is really slow on an input is slow on every attempt.
 */
function timedParse(input: string): { tree?: MathNode; error?: unknown; milliseconds: number } {
  const attempt = (): { tree?: MathNode; error?: unknown; milliseconds: number } => {
    const start = performance.now();
    try {
      const tree = parseFormula(input);
      return { tree, milliseconds: performance.now() - start };
    } catch (error) {
      return { error, milliseconds: performance.now() - start };
    }
  };
  let best = attempt();
  for (let attempts = 1; attempts < MAX_ATTEMPTS && best.milliseconds > TIME_LIMIT_MS; attempts++) {
    const next = attempt();
    if (next.milliseconds < best.milliseconds) best = next;
  }
  return best;
}

/** Returns what is wrong with the outcome of one input, or nothing. */
function checkOutcome(input: string): string[] {
  const problems: string[] = [];
  const { tree, error, milliseconds } = timedParse(input);
  if (milliseconds > TIME_LIMIT_MS) problems.push(`took ${milliseconds.toFixed(1)} ms`);

  if (error !== undefined) {
    if (!(error instanceof ParseError)) return [...problems, `threw ${String(error)}`];
    if (!PARSE_ERROR_CODES.includes(error.code)) problems.push(`unknown code ${error.code}`);
    if (error.position < 0 || error.position + error.length > input.length) problems.push(`span ${error.position}+${error.length} is outside the input`);
    if (error.rawMessage.includes('\n')) problems.push('raw message has a line break');
    if (error.message !== error.format()) problems.push('message differs from format()');
    return problems;
  }

  const structure = toBracketed(tree!);
  for (const [printer, print] of [
    ['toLatex', toLatex],
    ['toPlainText', toPlainText],
    ['toBracketed', toBracketed],
  ] as const) {
    const printed = print(tree!);
    try {
      const reparsed = toBracketed(parseFormula(printed));
      if (reparsed !== structure) problems.push(`${printer} gave ${printed}, which parses to ${reparsed}, not ${structure}`);
    } catch (reparseError) {
      problems.push(`${printer} gave ${printed}, which does not parse: ${String(reparseError)}`);
    }
  }
  try {
    katex.renderToString(toLatex(tree!), { strict: 'error', throwOnError: true });
  } catch (katexError) {
    problems.push(`KaTeX rejected ${toLatex(tree!)}: ${String(katexError)}`);
  }
  return problems;
}

describe('fuzzed catalogue formulas', () => {
  it(`parse or throw ParseError, ${CASES} cases`, () => {
    // Parse the catalogue once first, so that the time limit does not count compiling the parser.
    for (const formula of catalogue) parseFormula(formula);

    const failures: string[] = [];
    let parsed = 0;
    for (const input of generateInputs(CASES, SEED)) {
      const problems = checkOutcome(input);
      if (problems.length > 0) failures.push(`${JSON.stringify(input)}: ${problems.join('; ')}`);
      if (safeParses(input)) parsed++;
    }
    expect(failures).toEqual([]);
    // Both outcomes must occur, or the mutations test too little.
    expect(parsed).toBeGreaterThan(CASES / 10);
    expect(parsed).toBeLessThan(CASES);
  }, Math.max(30_000, CASES * 5));
});

function safeParses(input: string): boolean {
  try {
    parseFormula(input);
    return true;
  } catch {
    return false;
  }
}
