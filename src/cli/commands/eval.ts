import type { Argv, CommandModule } from 'yargs';
import { parseFormula } from '../../../parsers/index.js';
import type { Method } from '../../catalogue.js';
import { evaluateMethod } from '../../evaluate.js';
import { describeValues, formatNumber } from '../../format.js';
import { costProblem } from '../../rank.js';
import type { CommandEnv } from '../command-env.js';
import { contextFromArgs, lastValue, withSizeOptions, type SizeArgs } from '../context.js';
import { parseChoice } from '../../options.js';

interface EvalArgs extends SizeArgs {
  formula: string;
  format: string;
}

/** Name under which an ad-hoc formula appears in messages. */
const AD_HOC_NAME = 'The formula';

export function evalCommand(env: CommandEnv): CommandModule<object, EvalArgs> {
  return {
    command: 'eval <formula>',
    describe: 'Evaluate an ad-hoc formula; symbols with a global default take it, any other must be set with --set',
    builder: (yargs: Argv) =>
      withSizeOptions(yargs.positional('formula', { type: 'string', demandOption: true, describe: 'formula such as "N^2 d_k"' }), { sweepsN: false }).option(
        'format',
        { type: 'string', default: 'text', requiresArg: true, describe: 'output format: text or json' },
      ) as unknown as Argv<EvalArgs>,
    handler: (args) => {
      const method: Method = {
        name: AD_HOC_NAME,
        arxivId: null,
        code: null,
        codeInPaper: false,
        comment: '',
        complexity: args.formula,
        causal: false,
        baseline: false,
        cost: parseFormula(args.formula),
        symbols: new Map(),
      };
      const context = contextFromArgs(args, [method], env.warnings);
      const { cost, values } = evaluateMethod(method, context);

      const problem = costProblem(cost);
      if (problem !== undefined) {
        env.warnings.add(problem.code, `The formula's value is ${problem.text} at ${describeValues(values) || 'these sizes'}.`);
      }
      if (parseChoice(lastValue(args.format) ?? 'text', ['text', 'json'] as const, '--format') === 'json') {
        env.io.stdout(JSON.stringify({ formula: args.formula, value: Number.isFinite(cost) ? cost : null, values: Object.fromEntries(values) }) + '\n');
        return;
      }
      const at = values.size > 0 ? ` at ${describeValues(values)}` : '';
      env.io.stdout(`${formatNumber(cost)}${at}\n`);
    },
  };
}
