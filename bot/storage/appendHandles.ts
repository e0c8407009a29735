import { close, open, write } from 'node:fs';
import { sep } from 'node:path';
import { PRIVATE_FILE } from './privateFiles.js';

interface Handle {
  fd: Promise<number>;
  /** The last operation on this descriptor; the next one (or the close) waits for it. */
  last: Promise<unknown>;
}

const openForAppend = (path: string) =>
  new Promise<number>((resolve, reject) => open(path, 'a', PRIVATE_FILE, (err, fd) => (err ? reject(err) : resolve(fd))));

function writeAll(fd: number, data: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    write(fd, data, 0, data.length, null, (err, written) => {
      if (err) return reject(err);
      // A short write is rare on a local file; finish it rather than leave half a line.
      if (written < data.length) return writeAll(fd, data.subarray(written)).then(resolve, reject);
      resolve();
    });
  });
}

const closeFd = (fd: number) => new Promise<void>((resolve) => close(fd, () => resolve()));

/**
 * Open append-only descriptors for files that get a line added on every turn, so an append is one
 * write (one trip to libuv's thread pool) instead of open, write and close. At most `max` are open,
 * the least recently used closed first. A descriptor is closed only after the operations already
 * started on it, so a number the kernel hands out again never receives another file's line.
 * Whoever replaces or removes a file must `forget` it first, or appends would go to the old file.
 */
export class AppendHandles {
  readonly #max: number;
  readonly #open = new Map<string, Handle>();

  constructor(max = 256) {
    this.#max = Math.max(1, max);
  }

  /** Appends `text` to the file at `path` (created if missing; its folder must exist). */
  async append(path: string, text: string): Promise<void> {
    let handle = this.#open.get(path);
    if (handle) {
      // Most recently used goes last.
      this.#open.delete(path);
    } else {
      const fd = openForAppend(path);
      handle = { fd, last: fd };
      this.#evictFor(1);
    }
    this.#open.set(path, handle);
    const data = Buffer.from(text);
    const done = Promise.all([handle.fd, handle.last.catch(() => undefined)]).then(([fd]) => writeAll(fd, data));
    handle.last = done;
    try {
      await done;
    } catch (error) {
      // The descriptor may be broken (or never opened): start afresh next time.
      if (this.#open.get(path) === handle) void this.#retire(path, handle);
      throw error;
    }
  }

  /** Closes the descriptor of this file, if open, once its pending appends are done. */
  async forget(path: string): Promise<void> {
    const handle = this.#open.get(path);
    if (handle) await this.#retire(path, handle);
  }

  /** Closes the descriptors of every file in this folder (or below it). */
  async forgetUnder(dir: string): Promise<void> {
    const prefix = dir.endsWith(sep) ? dir : dir + sep;
    await Promise.all([...this.#open.keys()].filter((p) => p.startsWith(prefix)).map((p) => this.forget(p)));
  }

  async forgetAll(): Promise<void> {
    await Promise.all([...this.#open.keys()].map((p) => this.forget(p)));
  }

  get size(): number {
    return this.#open.size;
  }

  #evictFor(room: number): void {
    while (this.#open.size + room > this.#max) {
      const [oldest, handle] = this.#open.entries().next().value as [string, Handle];
      void this.#retire(oldest, handle);
    }
  }

  #retire(path: string, handle: Handle): Promise<void> {
    this.#open.delete(path);
    return handle.last
      .catch(() => undefined)
      .then(() => handle.fd)
      .then(closeFd, () => undefined);
  }
}
