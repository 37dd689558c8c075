/**
 * attncost as a library. The CLI is a thin layer over these functions; none of them prints or
 * touches files except `renderChart`, which only returns bytes.
 */
export {
  parseFormula,
  safeParseFormula,
  ParseError,
  toLatex,
  toPlainText,
  toBracketed,
  symbolsOf,
  type MathNode,
} from '../parsers/index.js';
export { parseCatalogue, fullAttention, FULL_ATTENTION_ENTRY, CODE_IN_PAPER, type Method, type CatalogueEntry } from './catalogue.js';
export { parseSymbolTable, lookupSymbol, type SymbolTable, type SymbolInfo, type SymbolLookup } from './symbols.js';
export { defaultCatalogue, defaultMethods, defaultSymbols } from './data.js';
export { compileCost, checkLogBase, type CompiledCost, type CompileOptions } from './compile.js';
export {
  assignments,
  bindCost,
  compileMethod,
  evaluateMethod,
  symbolValues,
  type Assignments,
  type EvaluationContext,
  type MethodEvaluation,
} from './evaluate.js';
export { rankMethods, costProblem, type Ranking, type RankRow } from './rank.js';
export { costCurves, geometricPoints, POINTS_PER_DECADE, MAX_POINTS, type CostCurve, type SweepRange } from './curves.js';
export { rankingToJson, rankingToCsv, rankingToMarkdown, type RankingJson } from './tables.js';
export { costFigure, costFigureSpec, type CostFigureOptions } from './figures.js';
export { parseSize, parseLogBase, parseAssignments, findMethod, MAX_VALUE } from './options.js';
export { InputError, type InputErrorCode } from './errors.js';
export { WarningLog, type Warning, type WarningCode } from './warnings.js';
export * from './analysis/index.js';
export { selectMethods, type SelectionOptions } from './selection.js';
export { mergeMethods } from './catalogue.js';
export { rankingToLatex } from './tables.js';
