/**
 * Reading user-supplied values: sizes, `SYM=VALUE` assignments and log bases. The CLI passes
 * argv strings here; library callers may use these too. Every rejection is an InputError whose
 * message names the value and says what to write instead.
 */
import { closest, distance } from 'fastest-levenshtein';
import type { Method } from './catalogue.js';
import { InputError } from './errors.js';
import type { Assignments } from './evaluate.js';

/**
 * Size suffixes. K and M are binary (1K = 1024, 1M = 1,048,576) because sequence lengths are
 * quoted in powers of two: a "64K context" contains 65,536 tokens.
 */
const SUFFIXES: Record<string, number> = { k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/** The largest value accepted: beyond 2^53, integers are no longer exact in a double. */
export const MAX_VALUE = 2 ** 53;

const NUMBER_PATTERN = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?)([kmg])?$/i;

/**
 * Reads a size such as `4096`, `1e6`, `0.5` or `64K`. It must be a positive finite number no
 * larger than 2^53; `what` names the value in messages (`--N`, `k`).
 */
export function parseSize(text: string, what: string): number {
  const trimmed = text.trim();
  const match = NUMBER_PATTERN.exec(trimmed);
  if (match === null) {
    throw new InputError('invalid_value', `Invalid value "${text}" for ${what}: expected a positive number such as 4096, 1e6 or 64K.`);
  }
  const value = Number(match[1]) * (match[2] ? SUFFIXES[match[2].toLowerCase()]! : 1);
  if (!Number.isFinite(value) || value > MAX_VALUE) {
    throw new InputError('invalid_value', `Value "${text}" for ${what} is too large: use a number no larger than 2^53 (9007199254740992).`);
  }
  if (value <= 0) {
    throw new InputError('invalid_value', `Invalid value "${text}" for ${what}: sizes must be greater than 0.`);
  }
  return value;
}

/** Reads a log base: `2`, `10`, `e`, or any positive number other than 1. */
export function parseLogBase(text: string): number {
  const trimmed = text.trim();
  if (trimmed.toLowerCase() === 'e') return Math.E;
  const value = /^(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i.test(trimmed) ? Number(trimmed) : Number.NaN;
  if (!Number.isFinite(value) || value <= 0 || value === 1) {
    throw new InputError('invalid_log_base', `Invalid log base "${text}": use 2, 10, e or any positive number other than 1.`);
  }
  return value;
}

export interface AssignmentInput {
  /** Values given as options of their own, such as `--N 4096 --D 64`. */
  named?: Record<string, number | undefined>;
  /** `SYM=VALUE` or `METHOD.SYM=VALUE` strings, as given to `--set`. */
  set?: readonly string[];
}

/**
 * Builds assignments from named sizes and `--set` strings. A method name is matched without
 * regard to case; an unknown one is rejected with the closest known name.
 */
export function parseAssignments(input: AssignmentInput, methods: readonly Method[]): Assignments {
  const global = new Map<string, number>();
  const perMethod = new Map<string, Map<string, number>>();

  for (const [name, value] of Object.entries(input.named ?? {})) {
    if (value !== undefined) global.set(name, value);
  }

  for (const text of input.set ?? []) {
    const equals = text.indexOf('=');
    const target = equals < 0 ? text : text.slice(0, equals).trim();
    const valueText = equals < 0 ? '' : text.slice(equals + 1).trim();
    if (equals < 0 || target === '' || valueText === '' || valueText.includes('=')) {
      throw new InputError('invalid_value', `Invalid --set "${text}": write SYMBOL=VALUE (k=32) or METHOD.SYMBOL=VALUE (Linformer.k=256).`);
    }

    const dot = target.lastIndexOf('.');
    const symbol = dot < 0 ? target : target.slice(dot + 1).trim();
    if (!/^[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)?$/.test(symbol)) {
      throw new InputError('invalid_value', `Invalid symbol "${symbol}" in --set "${text}": a symbol is a letter, optionally with a subscript, such as k, N or n_b.`);
    }
    const value = parseSize(valueText, `--set ${target}`);

    if (dot < 0) {
      global.set(symbol, value);
      continue;
    }
    const method = findMethod(target.slice(0, dot).trim(), methods);
    const values = perMethod.get(method.name) ?? new Map<string, number>();
    values.set(symbol, value);
    perMethod.set(method.name, values);
  }
  return { global, perMethod };
}

/** Finds a method by name, ignoring case; an unknown name is rejected with the closest one. */
export function findMethod(name: string, methods: readonly Method[]): Method {
  const wanted = name.toLowerCase();
  const found = methods.find((method) => method.name.toLowerCase() === wanted);
  if (found) return found;
  const names = methods.map((method) => method.name);
  const suggestion = names.length > 0 ? ` Did you mean "${closest(name, names)}"?` : '';
  throw new InputError('unknown_method', `Unknown method "${name}".${suggestion} Run "attncost list" to see every method.`);
}

/**
 * Reads one of a fixed set of words, ignoring case; anything else is rejected with the list and
 * the closest word. `option` names the option in the message (`--format`).
 */
export function parseChoice<T extends string>(text: string, choices: readonly T[], option: string): T {
  const found = choices.find((choice) => choice === text.trim().toLowerCase());
  if (found !== undefined) return found;
  const list = choices.length > 1 ? `${choices.slice(0, -1).join(', ')} or ${choices.at(-1)}` : choices.join('');
  const best = closest(text.trim().toLowerCase(), [...choices]);
  // A suggestion further than half the word away is noise ("xml" is not a misspelt "table").
  const hint = distance(text.trim().toLowerCase(), best) <= Math.max(1, Math.floor(best.length / 2)) ? ` (did you mean ${best}?)` : '';
  throw new InputError('invalid_value', `Invalid ${option} "${text}": use ${list}${hint}.`);
}
