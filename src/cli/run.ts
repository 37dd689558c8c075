/**
 * The command line: argument parsing, dispatch to the command modules, and the one place where
 * errors become messages and exit statuses (0 success, 2 usage error, 1 any other failure).
 */
import yargs from 'yargs';
import packageJson from '../../package.json' with { type: 'json' };
import { ParseError } from '../../parsers/index.js';
import { InputError } from '../errors.js';
import { WarningLog } from '../warnings.js';
import type { CommandEnv } from './command-env.js';
import { analyzeCommand } from './commands/analyze.js';
import { crossoverCommand } from './commands/crossover.js';
import { evalCommand } from './commands/eval.js';
import { exploreCommand } from './commands/explore.js';
import { listCommand } from './commands/list.js';
import { parseCommand } from './commands/parse.js';
import { plotCommand } from './commands/plot.js';
import { rankCommand } from './commands/rank.js';
import { reportCommand } from './commands/report.js';
import { showCommand } from './commands/show.js';
import { winnersCommand } from './commands/winners.js';
import { OutputError } from './files.js';
import { UsageError, type CliIO } from './io.js';
import { rewriteUsageMessage } from './usage-messages.js';

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** Runs one command line and returns its exit status. Every error is caught and reported on stderr. */
export async function runCli(args: readonly string[], io: CliIO): Promise<number> {
  const debug = args.includes('--debug');
  const env: CommandEnv = { io, warnings: new WarningLog() };
  let helpOutput = '';

  const parser = yargs([...args])
    .scriptName('attncost')
    .usage('$0 <command> [options]\n\nEvaluate, rank and plot the time complexities of efficient-attention methods.')
    .command(listCommand(env))
    .command(rankCommand(env))
    .command(plotCommand(env))
    .command(exploreCommand(env))
    .command(reportCommand(env))
    .command(parseCommand(env))
    .command(evalCommand(env))
    .command(showCommand(env))
    .command(analyzeCommand(env))
    .command(crossoverCommand(env))
    .command(winnersCommand(env))
    .option('debug', { type: 'boolean', describe: 'print stack traces of errors' })
    .demandCommand(1, 'Name a command: list, rank, plot, explore, report, parse, eval, show, analyze, crossover or winners (see attncost --help).')
    .recommendCommands()
    .strict()
    .version(packageJson.version)
    .help()
    .alias('h', 'help')
    .wrap(Math.min(100, process.stdout.columns || 100))
    .exitProcess(false)
    .fail((message, error) => {
      // yargs raises its own validation failures as YError; anything else came from a handler.
      if (error && error.name !== 'YError') throw error;
      // getOptions() is public on the yargs instance but missing from its type definitions; at
      // this point it contains the options of the command being run.
      const known = Object.keys((parser as unknown as { getOptions(): { key: Record<string, unknown> } }).getOptions().key);
      throw new UsageError(rewriteUsageMessage(error?.message ?? message, known, args[0]));
    });

  try {
    await parser.parseAsync([...args], {}, (_error, _argv, output) => {
      helpOutput = output;
    });
    if (helpOutput) io.stdout(helpOutput.endsWith('\n') ? helpOutput : helpOutput + '\n');
    printWarnings(env, io);
    return EXIT_OK;
  } catch (error) {
    printWarnings(env, io);
    return reportError(error, io, debug);
  }
}

function printWarnings(env: CommandEnv, io: CliIO): void {
  for (const warning of env.warnings.list()) {
    const repeats = warning.count > 1 ? ` (${warning.count} times)` : '';
    io.stderr(`warning: ${warning.message}${repeats}\n`);
  }
}

function reportError(error: unknown, io: CliIO, debug: boolean): number {
  const usage = error instanceof UsageError || error instanceof InputError || error instanceof ParseError;
  if (usage || (error instanceof Error && error.name === 'YError')) {
    io.stderr(`error: ${(error as Error).message}\n`);
    if (debug && error instanceof Error && error.stack) io.stderr(error.stack + '\n');
    return EXIT_USAGE;
  }
  if (error instanceof OutputError) {
    io.stderr(`error: ${error.message}\n`);
    if (debug && error.stack) io.stderr(error.stack + '\n');
    return EXIT_FAILURE;
  }
  if (error instanceof Error) {
    io.stderr(`error: ${error.message}\n`);
    io.stderr(debug && error.stack ? error.stack + '\n' : 'Run again with --debug to see the stack trace.\n');
    return EXIT_FAILURE;
  }
  io.stderr(`error: ${String(error)}\n`);
  return EXIT_FAILURE;
}
