/**
 * The CLI's connection to the outside world, injected so tests can run commands in-process and
 * read what they print.
 */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Folder that relative paths are resolved against. */
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** True when stdout is a terminal, so tables may use colour. */
  isTTY: boolean;
}

/**
 * Returns the process's own streams. A closed pipe on stdout (`attncost rank | head`) ends the
 * process quietly with status 0, as other command-line tools do, instead of crashing on EPIPE.
 */
export function processIO(): CliIO {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    isTTY: Boolean(process.stdout.isTTY),
  };
}

/** Raised for a command line that cannot be run as written; the CLI exits with status 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
