/**
 * File output. A file is written to a temporary name in its target folder and renamed over the
 * target, so an interrupted or failed run never leaves a truncated file behind. An existing file
 * is replaced whole.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** A file could not be written; the CLI exits with status 1 and prints only the message. */
export class OutputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutputError';
  }
}

/** Writes `data` to `path`, creating missing folders. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const folder = dirname(path);
  try {
    await mkdir(folder, { recursive: true });
  } catch (error) {
    throw new OutputError(`Cannot create the output folder ${folder} (${describeFsError(error)}); choose another folder with --out.`);
  }
  const temporary = join(folder, `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await writeFile(temporary, data);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new OutputError(`Cannot write ${path} (${describeFsError(error)}); check the folder's permissions or choose another path with --out.`);
  }
}

function describeFsError(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOTDIR' || code === 'EEXIST') return 'a part of the path is a file, not a folder';
  if (code === 'EISDIR') return 'the path is a folder';
  if (code === 'ENOSPC') return 'no space left on the device';
  if (code === 'EROFS') return 'read-only file system';
  return error instanceof Error ? error.message : String(error);
}
