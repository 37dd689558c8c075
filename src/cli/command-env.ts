import type { WarningLog } from '../warnings.js';
import type { CliIO } from './io.js';

/** Context every command handler receives besides its arguments. */
export interface CommandEnv {
  io: CliIO;
  /** Collects the warnings of one run; the CLI prints them on stderr after the command. */
  warnings: WarningLog;
}
