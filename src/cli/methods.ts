/**
 * The options that choose the methods a command works on, and reading a methods file.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Argv } from 'yargs';
import { mergeMethods, parseCatalogue, type Method } from '../catalogue.js';
import { defaultMethods } from '../data.js';
import { InputError } from '../errors.js';
import { selectMethods } from '../selection.js';
import type { CliIO } from './io.js';

export interface MethodArgs {
  'methods-file'?: string;
  methods?: string[];
  causal?: boolean;
}

export function withMethodOptions<T>(yargs: Argv<T>): Argv<T & MethodArgs> {
  return yargs
    .option('methods-file', {
      type: 'string',
      requiresArg: true,
      describe: 'JSON file of methods to add, or to replace catalogue methods of the same name (same fields as the catalogue)',
    })
    .option('methods', {
      type: 'string',
      array: true,
      requiresArg: true,
      describe: 'names or patterns of the methods to keep, ignoring case ("Performer*"); the baseline is always kept',
    })
    .option('causal', { type: 'boolean', describe: 'keep only methods usable for autoregressive (causal) decoding' }) as Argv<T & MethodArgs>;
}

/** Returns the catalogue, the baseline and any methods file's methods, then applies the selection. */
export async function loadMethods(args: MethodArgs, io: CliIO): Promise<Method[]> {
  let methods = defaultMethods();
  if (args['methods-file'] !== undefined) {
    methods = mergeMethods(methods, await readMethodsFile(resolve(io.cwd, args['methods-file'])));
  }
  return selectMethods(methods, { patterns: splitList(args.methods ?? []), causalOnly: args.causal ?? false });
}

async function readMethodsFile(path: string): Promise<Method[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    let reason = 'cannot be read';
    if (code === 'ENOENT') reason = 'not found';
    else if (code === 'EISDIR') reason = 'is a folder';
    else if (code === 'EACCES') reason = 'is not readable (permission denied)';
    throw new InputError('invalid_catalogue', `Methods file ${path} ${reason}; check the path given to --methods-file.`);
  }

  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new InputError('invalid_catalogue', `Methods file ${path} is not valid JSON: ${describeJsonError(error as Error, text)}.`);
  }
  return parseCatalogue(raw, `Methods file ${path}`);
}

/** Turns V8's JSON error, which gives a character offset, into a line and column. */
function describeJsonError(error: Error, text: string): string {
  const reason = error.message.replace(/\s+in JSON at position \d+.*$/s, '').replace(/, ".*" is not valid JSON$/s, '');
  const match = /position (\d+)/.exec(error.message);
  const offset = match ? Number(match[1]) : text.length;
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `${lowerFirst(reason)} at line ${line}, column ${column}`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** Accepts both `--methods a --methods b` and `--methods a,b`. */
function splitList(values: readonly string[]): string[] {
  return values.flatMap((value) => value.split(','));
}
