import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { open, readFile, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { PRIVATE_FILE, securePrivateDir } from './privateFiles.js';
import { writeTextAtomic } from './jsonFiles.js';

/**
 * lowdb's locks live in one process's memory, so two processes on one DATA_DIR could both win a
 * compare-and-set. The file DATA_DIR/.owner marks the directory as taken by one running instance:
 * a random id made when this process started, its pid and host, and a heartbeat it renews. A pid
 * alone does not tell processes apart: in containers every main process is pid 1. A second
 * instance stops at start-up with a clear reason. A mark is taken over when its heartbeat is older
 * than `staleMs`, or at once when it was left on this host by a pid that is gone (or is ours, in
 * a restarted container). Containers sharing one DATA_DIR must have their own host names (the
 * default).
 */
export class DataDirInUseError extends Error {
  constructor(dir: string, owner: Owner, ageMs: number) {
    super(
      `DATA_DIR ${dir} is in use by process ${owner.pid} on ${owner.host} (seen ${Math.round(ageMs / 1000)} s ago). ` +
        'lowdb serves one process; set DATABASE_URL to run several instances.',
    );
    this.name = 'DataDirInUseError';
  }
}

interface Owner {
  instance: string;
  pid: number;
  host: string;
  /** ISO time of the last heartbeat. */
  beat: string;
}

export interface LockOptions {
  heartbeatMs?: number;
  staleMs?: number;
  clock?: () => Date;
}

const INSTANCE = randomUUID();
const HOST = hostname();
/** This process's own locks, so it may open its stores on one DATA_DIR again (tests, a restart in place). */
const held = new Map<string, { count: number; timer: NodeJS.Timeout }>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readOwner(path: string): Promise<Owner | undefined> {
  try {
    const owner = JSON.parse(await readFile(path, 'utf8')) as Partial<Owner>;
    if (typeof owner.instance === 'string' && typeof owner.beat === 'string' && typeof owner.pid === 'number' && typeof owner.host === 'string') {
      return owner as Owner;
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
  }
  // Unreadable (torn by a crash, an older format): nobody can be shown to hold it.
  return { instance: '', pid: 0, host: '', beat: new Date(0).toISOString() };
}

function abandoned(owner: Owner, ageMs: number, staleMs: number): boolean {
  if (ageMs > staleMs) return true;
  return owner.host === HOST && (owner.pid === process.pid || !alive(owner.pid));
}

export async function lockDataDir(dir: string, options: LockOptions = {}): Promise<() => Promise<void>> {
  const heartbeatMs = options.heartbeatMs ?? 5_000;
  const staleMs = options.staleMs ?? 30_000;
  const clock = options.clock ?? (() => new Date());
  const key = resolve(dir);
  await securePrivateDir(dir);
  const path = join(dir, '.owner');
  const mine = (): string => JSON.stringify({ instance: INSTANCE, pid: process.pid, host: HOST, beat: clock().toISOString() } satisfies Owner);

  const own = held.get(key);
  if (own && (await readOwner(path))?.instance === INSTANCE) {
    own.count += 1;
    return release(key, path);
  }
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(path, 'wx', PRIVATE_FILE);
      await handle.writeFile(mine());
      await handle.close();
      const timer = setInterval(() => void beat(path, mine), heartbeatMs);
      timer.unref();
      held.set(key, { count: 1, timer });
      return release(key, path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = await readOwner(path);
      if (!owner) continue;
      const ageMs = clock().getTime() - new Date(owner.beat).getTime();
      if (!abandoned(owner, ageMs, staleMs)) throw new DataDirInUseError(dir, owner, ageMs);
      // Only one of several instances taking over wins this rename; the others find the mark gone
      // and race for the exclusive create above.
      await rename(path, join(dir, `.owner.${INSTANCE}.stale`))
        .then(() => rm(join(dir, `.owner.${INSTANCE}.stale`), { force: true }))
        .catch(() => undefined);
    }
  }
  throw new Error(`could not take ${path}`);
}

/** Renews the heartbeat while the mark is still ours; one that was taken over is left alone. */
async function beat(path: string, mine: () => string): Promise<void> {
  if ((await readOwner(path))?.instance !== INSTANCE) return;
  await writeTextAtomic(path, mine()).catch(() => undefined);
}

function release(key: string, path: string): () => Promise<void> {
  let done = false;
  return async () => {
    const own = held.get(key);
    if (done || !own) return;
    done = true;
    if (--own.count > 0) return;
    clearInterval(own.timer);
    held.delete(key);
    if ((await readOwner(path))?.instance === INSTANCE) await rm(path, { force: true });
  };
}
