/**
 * Ranking: every method evaluated at one set of sizes, cheapest first, each compared with the
 * full-attention baseline.
 */
import type { Method } from './catalogue.js';
import { evaluateMethod, type EvaluationContext } from './evaluate.js';
import { describeValues } from './format.js';
import type { WarningLog } from './warnings.js';

export interface RankRow {
  /** 1-based position; methods without a usable cost come last. */
  rank: number;
  method: Method;
  /** The cost, or NaN where it is zero, negative or not finite (see `note`). */
  cost: number;
  /** Cost divided by the baseline's cost; NaN where either is unusable. */
  vsFull: number;
  values: Map<string, number>;
  /** Reason the row has no usable cost, where it has none. */
  note?: string;
}

export interface Ranking {
  logBase: number;
  rows: RankRow[];
}

/**
 * Evaluates and sorts `methods`, which must contain exactly one baseline. Ties keep the input
 * order, so the catalogue order breaks them.
 */
export function rankMethods(methods: readonly Method[], context: EvaluationContext, warnings: WarningLog): Ranking {
  const baselines = methods.filter((method) => method.baseline);
  if (baselines.length !== 1) throw new Error(`rankMethods needs exactly one baseline, found ${baselines.length}`);

  const evaluated = methods.map((method) => {
    const { cost, values } = evaluateMethod(method, context);
    const problem = costProblem(cost);
    if (problem !== undefined) {
      const where = describeValues(values);
      warnings.add(problem.code, `${method.name}: cost is ${problem.text} at ${where}; ranked last.`, { method: method.name });
      return { method, cost: Number.NaN, values, note: `cost is ${problem.text} at these sizes` };
    }
    return { method, cost, values };
  });

  const baselineCost = evaluated.find((row) => row.method.baseline)!.cost;
  const usable = evaluated.filter((row) => !Number.isNaN(row.cost)).sort((a, b) => a.cost - b.cost);
  const unusable = evaluated.filter((row) => Number.isNaN(row.cost));

  const rows = [...usable, ...unusable].map((row, index): RankRow => {
    const ranked: RankRow = { rank: index + 1, method: row.method, cost: row.cost, vsFull: row.cost / baselineCost, values: row.values };
    if (row.note !== undefined) ranked.note = row.note;
    return ranked;
  });
  return { logBase: context.logBase, rows };
}

/** Classifies a cost that cannot be ranked or plotted on a log axis. */
export function costProblem(cost: number): { code: 'non_positive_cost' | 'non_finite_cost'; text: string } | undefined {
  if (Number.isNaN(cost)) return { code: 'non_finite_cost', text: 'undefined (not a number)' };
  if (!Number.isFinite(cost)) return { code: 'non_finite_cost', text: 'infinite' };
  if (cost === 0) return { code: 'non_positive_cost', text: 'zero' };
  if (cost < 0) return { code: 'non_positive_cost', text: `negative (${cost.toPrecision(4)})` };
  return undefined;
}
