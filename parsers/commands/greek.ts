/**
 * Greek letters as symbols: `\epsilon` is the symbol `epsilon`.
 *
 * Variant forms name the same symbol (`\varepsilon` and `ϵ` are `epsilon`), since no formula
 * in this domain uses both forms for different quantities. `\Theta` and `\Omega` are also
 * asymptotic bounds when a bracket follows them (see bounds.ts).
 */
import type { ValueCommand } from './types.js';

const LETTER_NAMES = [
  'alpha',
  'beta',
  'gamma',
  'delta',
  'epsilon',
  'zeta',
  'eta',
  'theta',
  'iota',
  'kappa',
  'lambda',
  'mu',
  'nu',
  'xi',
  'pi',
  'rho',
  'sigma',
  'tau',
  'upsilon',
  'phi',
  'chi',
  'psi',
  'omega',
  'Gamma',
  'Delta',
  'Theta',
  'Lambda',
  'Xi',
  'Pi',
  'Sigma',
  'Upsilon',
  'Phi',
  'Psi',
  'Omega',
] as const;

const VARIANT_NAMES: Readonly<Record<string, string>> = {
  varepsilon: 'epsilon',
  vartheta: 'theta',
  varkappa: 'kappa',
  varpi: 'pi',
  varrho: 'rho',
  varsigma: 'sigma',
  varphi: 'phi',
};

/** The symbol names that Greek letters produce, for the printers. */
export const GREEK_SYMBOL_NAMES: ReadonlySet<string> = new Set(LETTER_NAMES);

/** Greek characters pasted from PDFs, mapped to letter names after NFKC normalisation. */
export const GREEK_CHARACTERS: Readonly<Record<string, string>> = {
  α: 'alpha',
  β: 'beta',
  γ: 'gamma',
  δ: 'delta',
  ε: 'epsilon',
  ζ: 'zeta',
  η: 'eta',
  θ: 'theta',
  ϑ: 'theta',
  ι: 'iota',
  κ: 'kappa',
  λ: 'lambda',
  μ: 'mu',
  ν: 'nu',
  ξ: 'xi',
  π: 'pi',
  ρ: 'rho',
  σ: 'sigma',
  ς: 'sigma',
  τ: 'tau',
  υ: 'upsilon',
  φ: 'phi',
  ϕ: 'phi',
  χ: 'chi',
  ψ: 'psi',
  ω: 'omega',
  Γ: 'Gamma',
  Δ: 'Delta',
  Θ: 'Theta',
  Λ: 'Lambda',
  Ξ: 'Xi',
  Π: 'Pi',
  Σ: 'Sigma',
  Υ: 'Upsilon',
  Φ: 'Phi',
  Ψ: 'Psi',
  Ω: 'Omega',
};

export const greekLetter: ValueCommand = {
  kind: 'value',
  names: [...LETTER_NAMES, ...Object.keys(VARIANT_NAMES)],
  words: LETTER_NAMES,
  parse: (context, _head, name) => context.nodes.symbol(VARIANT_NAMES[name] ?? name),
};
