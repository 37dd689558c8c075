/**
 * Rewrites yargs's validation messages as single sentences that name the value and say what to
 * do, adding the closest known option to an unknown one. yargs 18's English messages are matched;
 * a message in any other form passes through unchanged.
 */
import { closest } from 'fastest-levenshtein';

export function rewriteUsageMessage(message: string, knownOptions: readonly string[], command: string | undefined): string {
  if (/^Did you mean /.test(message)) {
    return `Unknown command "${command ?? ''}". ${message} Run "attncost --help" to see every command.`;
  }

  const unknown = /^Unknown arguments?: (.+)$/s.exec(message);
  if (unknown) {
    const names = unknown[1]!.split(', ').map((name) => name.trim());
    const first = names[0]!;
    const option = first.length === 1 ? `-${first}` : `--${first}`;
    const candidates = knownOptions.filter((name) => name.length > 1 || /^[A-Z]$/.test(name));
    const suggestion = candidates.length > 0 ? ` Did you mean --${closest(first, candidates)}?` : '';
    const others = names.length > 1 ? ` (also unknown: ${names.slice(1).join(', ')})` : '';
    return `Unknown option ${option}${others}.${suggestion} Run "attncost ${command ?? ''} --help" to see the options.`.replace('  ', ' ');
  }

  const missingValue = /^Not enough arguments following: (.+)$/.exec(message);
  if (missingValue) return `Missing a value after --${missingValue[1]}; write it as --${missingValue[1]} VALUE.`;

  if (/^Not enough non-option arguments/.test(message) || /^Missing required argument/.test(message)) {
    return `Missing the formula: write attncost ${command ?? 'eval'} FORMULA (quote it, as in "N^2 D").`;
  }
  return message;
}
