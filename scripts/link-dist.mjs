// After `tsc` has written dist/, links the folders the code reads at run time (data, locales, the
// web page and the install-time model cache) so that dist/bot/main.js finds them where the
// TypeScript sources do: one level up from each module's folder.
import { existsSync, lstatSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
mkdirSync(dist, { recursive: true });
for (const name of ['data', 'locales', 'web']) {
  const link = join(dist, name);
  if (existsSync(link) || lstatExists(link)) rmSync(link, { recursive: true, force: true });
  symlinkSync(join('..', name), link, 'dir');
}

function lstatExists(path) {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
