import { chmod, mkdir } from 'node:fs/promises';

/**
 * Everything under DATA_DIR (the Direct Line signing secret, message logs, summaries) is for the
 * service's own account only: files 0600, folders 0700, whatever the umask.
 */
export const PRIVATE_FILE = 0o600;
export const PRIVATE_DIR = 0o700;

/** Makes a folder (and missing parents) readable by this account only. */
export async function makePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: PRIVATE_DIR });
}

/**
 * The same for DATA_DIR itself, which an operator may have made with a wider mode: it is narrowed,
 * so files written by an older version with a wider mode are out of other accounts' reach too.
 */
export async function securePrivateDir(dir: string): Promise<void> {
  await makePrivateDir(dir);
  await chmod(dir, PRIVATE_DIR);
}
