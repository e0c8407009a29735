// Vendors Microsoft Web Chat's self-contained UMD bundle into web/vendor without adding
// botframework-webchat (434 packages, ~460 MB) to the bot's dependency tree. The bundle is
// taken from the npm registry tarball and stored pre-compressed so the server never
// compresses it per request.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const WEBCHAT_VERSION = '4.18.1';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'web', 'vendor');
const stamp = join(outDir, `webchat-${WEBCHAT_VERSION}.stamp`);

if (existsSync(stamp) && existsSync(join(outDir, 'webchat.js.br'))) process.exit(0);

const work = mkdtempSync(join(tmpdir(), 'veiviser-webchat-'));
try {
  const tarball = execFileSync('npm', ['pack', `botframework-webchat@${WEBCHAT_VERSION}`, '--silent', '--pack-destination', work], {
    cwd: work,
    encoding: 'utf8',
  }).trim().split('\n').pop();
  execFileSync('tar', ['-xzf', join(work, tarball), '-C', work, 'package/dist/webchat.js', 'package/dist/webchat.js.LICENSE.txt']);
  const js = readFileSync(join(work, 'package', 'dist', 'webchat.js'));
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'webchat.js'), js);
  writeFileSync(join(outDir, 'webchat.js.gz'), gzipSync(js, { level: 9 }));
  writeFileSync(join(outDir, 'webchat.js.br'), brotliCompressSync(js, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  writeFileSync(join(outDir, 'WEBCHAT-LICENSE.txt'), readFileSync(join(work, 'package', 'dist', 'webchat.js.LICENSE.txt')));
  writeFileSync(stamp, `${WEBCHAT_VERSION}\n`);
  console.log(`vendored botframework-webchat ${WEBCHAT_VERSION} into web/vendor`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
