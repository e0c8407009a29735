import { createHash } from 'node:crypto';
import { appendFile, readdir, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { DataFile } from 'lowdb/node';
import { makePrivateDir, PRIVATE_FILE } from './privateFiles.js';

/**
 * Small JSON files written as a temp file, then renamed (as lowdb's adapter does, but 0600), so a
 * file is always either the old or the new version, even after kill -9. Temp files start with "."
 * and are never read. Not fsync'ed: survives a killed process, not a power cut. Files are 0600 and
 * folders 0700 (privateFiles.ts).
 */
const madeDirs = new Set<string>();

/** A file name that is safe for any key and the same for the same key. */
export function hashName(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 40);
}

function file(path: string): DataFile<unknown> {
  return new DataFile<unknown>(path, { parse: JSON.parse, stringify: (data) => JSON.stringify(data) });
}

export async function readJson<T>(path: string): Promise<T | undefined> {
  const data = await file(path).read();
  return data === null ? undefined : (data as T);
}

/** Like writeTextAtomic, and makes the folder first (once per process, or again if it was removed). */
export async function writeTextIn(path: string, text: string): Promise<void> {
  const dir = dirname(path);
  if (!madeDirs.has(dir)) {
    await makePrivateDir(dir);
    madeDirs.add(dir);
  }
  try {
    await writeTextAtomic(path, text);
  } catch (error) {
    // The directory may have been removed (a conversation deleted) since it was made.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    await makePrivateDir(dir);
    await writeTextAtomic(path, text);
  }
}

/** Appends text to a file, making the folder when it is missing. */
export async function appendTextIn(path: string, text: string): Promise<void> {
  try {
    await appendFile(path, text, { mode: PRIVATE_FILE });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    await makePrivateDir(dirname(path));
    madeDirs.add(dirname(path));
    await appendFile(path, text, { mode: PRIVATE_FILE });
  }
}

/** A text file's content, or undefined when it does not exist. */
export async function readText(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Replaces a text file in one step (temp file + rename). */
export async function writeTextAtomic(path: string, text: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.tmp`);
  await writeFile(temp, text, { encoding: 'utf8', mode: PRIVATE_FILE });
  await rename(temp, path);
}

export async function removeFile(path: string): Promise<boolean> {
  try {
    await unlink(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

export async function removeDir(path: string): Promise<void> {
  madeDirs.delete(path);
  await rm(path, { recursive: true, force: true });
}

/** Names in a directory that are data (not temp files); empty when the directory is missing. */
export async function listNames(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((name) => !name.startsWith('.'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

export { join };
