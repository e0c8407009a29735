import { open, readFile, rm, writeFile } from 'node:fs/promises';
import { PRIVATE_FILE, securePrivateDir } from './privateFiles.js';
import { join } from 'node:path';

/**
 * lowdb's locks live in one process's memory, so two processes on one DATA_DIR could both win a
 * compare-and-set. This file marks the directory as taken; a second process stops at start-up
 * with a clear reason. A mark left by a killed process (its pid is gone) is taken over.
 */
export class DataDirInUseError extends Error {
  constructor(dir: string, pid: number) {
    super(`DATA_DIR ${dir} is in use by process ${pid}. lowdb serves one process; set DATABASE_URL to run several instances.`);
    this.name = 'DataDirInUseError';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  await securePrivateDir(dir);
  const path = join(dir, '.owner-pid');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(path, 'wx', PRIVATE_FILE);
      await handle.writeFile(String(process.pid));
      await handle.close();
      return release(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number((await readFile(path, 'utf8').catch(() => '')).trim());
      // The same process may open its stores again (tests, a restart in place).
      if (owner === process.pid) return async () => undefined;
      if (Number.isInteger(owner) && owner > 0 && alive(owner)) throw new DataDirInUseError(dir, owner);
      await writeFile(path, String(process.pid), { mode: PRIVATE_FILE }).catch(() => undefined);
      if (Number((await readFile(path, 'utf8')).trim()) === process.pid) return release(path);
    }
  }
  throw new Error(`could not take ${path}`);
}

function release(path: string): () => Promise<void> {
  return async () => {
    const owner = Number((await readFile(path, 'utf8').catch(() => '')).trim());
    if (owner === process.pid) await rm(path, { force: true });
  };
}
