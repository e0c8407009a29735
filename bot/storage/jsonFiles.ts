import { createHash } from 'node:crypto';
import { mkdir, readdir, rm, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { DataFile, TextFile } from 'lowdb/node';

/**
 * Small JSON files written through lowdb's adapter (steno: write a temp file, then rename), so a
 * file is always either the old or the new version, even after kill -9. Temp files start with "."
 * and are never read. Not fsync'ed: survives a killed process, not a power cut.
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

export async function writeJson(path: string, data: unknown): Promise<void> {
  const dir = dirname(path);
  if (!madeDirs.has(dir)) {
    await mkdir(dir, { recursive: true });
    madeDirs.add(dir);
  }
  try {
    await file(path).write(data);
  } catch (error) {
    // The directory may have been removed (a conversation deleted) since it was made.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    await mkdir(dir, { recursive: true });
    await file(path).write(data);
  }
}

/** Replaces a text file in one step (temp file + rename). */
export async function writeTextAtomic(path: string, text: string): Promise<void> {
  await new TextFile(path).write(text);
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
