/**
 * The analysis layer: growth classes, crossovers, winner maps and method descriptions. Every
 * function here is pure apart from the WarningLog it is given.
 */
export {
  growthOfTree,
  EXPONENT_TOLERANCE,
  COEFFICIENT_TOLERANCE,
  type AsymptoticTerm,
  type TreeGrowth,
} from './asymptotic.js';
export {
  growthClass,
  bigOLatex,
  bigOPlainText,
  formatExponent,
  checkGrowthSlope,
  DEFAULT_SLOPE_TOLERANCE,
  type GrowthOptions,
  type GrowthClass,
  type ClassifiedGrowth,
  type UnclassifiedGrowth,
  type SlopeCheck,
  type SlopeCheckOptions,
} from './growth.js';
export {
  findCrossovers,
  DEFAULT_CROSSOVER_FROM,
  DEFAULT_CROSSOVER_TO,
  DEFAULT_POINTS_PER_OCTAVE,
  DEFAULT_RELATIVE_TOLERANCE,
  EQUAL_LOG_TOLERANCE,
  type CrossoverOptions,
  type CrossoverResult,
  type CrossoverVerdict,
  type Crossing,
  type CostGap,
  type Relation,
  type RelationSegment,
} from './crossover.js';
export {
  winnerMap,
  formatRegionRow,
  DEFAULT_AXIS_COUNT,
  MAX_GRID_CELLS,
  TIE_TOLERANCE,
  type AxisSpec,
  type Axis,
  type WinnerMap,
  type WinnerMapOptions,
  type WinnerSummary,
  type TiedMethod,
  type RegionRow,
  type RegionRun,
} from './winners.js';
export { describeMethod, type MethodDescription, type SymbolDescription, type DescribeOptions, type Outcome } from './describe.js';
export { geometricSamples, octaveSamples, MAX_SAMPLES } from './sampling.js';
