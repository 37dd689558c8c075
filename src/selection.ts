/**
 * Choosing which methods a command works on: by name or pattern, and by causal flag. The
 * baseline is always kept, because every ranking and figure is read against it.
 */
import { closest } from 'fastest-levenshtein';
import type { Method } from './catalogue.js';
import { InputError } from './errors.js';

export interface SelectionOptions {
  /** Names or patterns (`*` any run of characters, `?` one character), matched ignoring case. */
  patterns?: readonly string[];
  /** Keep only methods usable for autoregressive decoding. */
  causalOnly?: boolean;
}

/** Returns the selected methods in catalogue order, the baseline included. */
export function selectMethods(methods: readonly Method[], options: SelectionOptions): Method[] {
  let selected = [...methods];

  const patterns = (options.patterns ?? []).map((pattern) => pattern.trim()).filter((pattern) => pattern !== '');
  if (patterns.length > 0) {
    const matchers = patterns.map((pattern) => ({ pattern, regex: patternToRegex(pattern) }));
    for (const { pattern, regex } of matchers) {
      if (!methods.some((method) => regex.test(method.name))) {
        const suggestion = closest(pattern, methods.filter((method) => !method.baseline).map((method) => method.name));
        throw new InputError('unknown_method', `No method matches "${pattern}". Did you mean "${suggestion}"? Run "attncost list" to see every method.`);
      }
    }
    selected = selected.filter((method) => method.baseline || matchers.some(({ regex }) => regex.test(method.name)));
  }

  if (options.causalOnly) selected = selected.filter((method) => method.baseline || method.causal);
  return selected;
}

function patternToRegex(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`, 'i');
}
