/**
 * Number and value formatting shared by warnings, titles and tables.
 */

/** Formats a number compactly: integers up to 2^53 in full, others with 4 significant digits. */
export function formatNumber(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e7) return String(value);
  if (!Number.isFinite(value)) return String(value);
  const [mantissa, exponent] = value.toExponential(3).split('e');
  const trimmed = mantissa!.replace(/\.?0+$/, '');
  const power = Number(exponent);
  if (power >= -3 && power < 7) return String(Number(value.toPrecision(4)));
  return `${trimmed}e${power}`;
}

/** Formats symbol values as `N = 4096, D = 64`. */
export function describeValues(values: ReadonlyMap<string, number>): string {
  return [...values].map(([name, value]) => `${name} = ${formatNumber(value)}`).join(', ');
}

/** Formats a logarithm base for titles and tables: `2`, `10`, `e`. */
export function formatLogBase(base: number): string {
  return base === Math.E ? 'e' : formatNumber(base);
}
