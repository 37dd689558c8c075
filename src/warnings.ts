/**
 * The single warning channel. Library functions never print: they add warnings here, and the
 * CLI decides how to show them. A warning with the same key is stored once and counted.
 */
export type WarningCode =
  | 'non_positive_cost'
  | 'non_finite_cost'
  | 'points_dropped'
  | 'nothing_to_draw'
  | 'unused_symbol'
  | 'crossover_gap'
  | 'winner_cells_dropped';

export interface Warning {
  code: WarningCode;
  message: string;
  /** The method the warning is about, where there is one. */
  method?: string;
  /** How many times the same warning was raised. */
  count: number;
}

export class WarningLog {
  readonly #byKey = new Map<string, Warning>();

  /** Records a warning; a second warning with the same key only raises the count. */
  add(code: WarningCode, message: string, options: { method?: string; key?: string } = {}): void {
    const key = options.key ?? `${code}\u0000${message}`;
    const existing = this.#byKey.get(key);
    if (existing) {
      existing.count += 1;
      return;
    }
    const warning: Warning = { code, message, count: 1 };
    if (options.method !== undefined) warning.method = options.method;
    this.#byKey.set(key, warning);
  }

  list(): Warning[] {
    return [...this.#byKey.values()];
  }

  get size(): number {
    return this.#byKey.size;
  }
}
